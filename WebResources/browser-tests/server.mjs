// A tiny static server on 127.0.0.1 for the browser tests:
//   /WebResources/...  → dist/ (the built web resources, under their names, as Dataverse serves them)
//   /host/...          → browser-tests/host/ (fake model-driven app pages that provide parent.Xrm)
//   /fixtures/...      → test/fixtures/
//   /output/...        → test-output/ (the demo report the tests generate)
//   /pac-config.json   → the repository's pac-config.json (the Custom API definitions)
//   /host/contract.js  → test/contract/custom-api-contract.ts bundled for the page (global CustomApiContract)
import { build } from "esbuild";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".svg": "image/svg+xml" };

async function contractScript(root) {
  const r = await build({
    entryPoints: [join(root, "test", "contract", "custom-api-contract.ts")],
    bundle: true,
    format: "iife",
    globalName: "CustomApiContract",
    target: ["es2020"],
    write: false,
    logLevel: "warning",
  });
  return r.outputFiles[0].contents;
}

export async function startServer(root) {
  const contract = await contractScript(root);
  const pacConfig = join(root, "..", "pac-config.json");
  const mounts = [
    ["/WebResources/", join(root, "dist")],
    ["/host/", join(root, "browser-tests", "host")],
    ["/fixtures/", join(root, "test", "fixtures")],
    ["/output/", join(root, "test-output")],
  ];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname);
    if (path === "/host/contract.js" || path === "/pac-config.json") {
      const body = path === "/pac-config.json" ? await readFile(pacConfig) : contract;
      res.writeHead(200, { "Content-Type": types[extname(path)], "Cache-Control": "no-store" });
      res.end(body);
      return;
    }
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
