// A tiny static server on 127.0.0.1 for the browser tests:
//   /WebResources/...  → dist/ (the built web resources, under their names, as Dataverse serves them)
//   /host/...          → browser-tests/host/ (fake model-driven app pages that provide parent.Xrm)
//   /fixtures/...      → test/fixtures/
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".svg": "image/svg+xml" };

export function startServer(root) {
  const mounts = [
    ["/WebResources/", join(root, "dist")],
    ["/host/", join(root, "browser-tests", "host")],
    ["/fixtures/", join(root, "test", "fixtures")],
  ];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    if (!mount) {
      res.writeHead(404).end("not found");
      return;
    }
    const file = normalize(join(mount[1], path.slice(mount[0].length)));
    if (!file.startsWith(mount[1] + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
