// Builds the web resources into dist/ under their web-resource names (dist/ls_/scripts/leadform.js, ...).
// Scripts are bundled by esbuild as self-contained IIFEs: nothing is loaded from a CDN or at run time.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, "dist");
const manifest = JSON.parse(readFileSync(join(root, "webresources.json"), "utf8"));

rmSync(dist, { recursive: true, force: true });

const scripts = manifest.webResources.filter((w) => w.entry);
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(scripts.map((w) => [w.name.replace(/\.js$/, ""), w.entry])),
  outdir: dist,
  bundle: true,
  format: "iife",
  target: ["es2020"],
  platform: "browser",
  charset: "utf8",
  legalComments: "none",
  minify: false,
  sourcemap: false,
  logLevel: "warning",
});

for (const w of manifest.webResources.filter((w) => !w.entry)) {
  const target = join(dist, w.name);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(root, w.source), target);
}
console.log(`built ${manifest.webResources.length} web resources into dist/`);
