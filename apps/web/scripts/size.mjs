// Measures the JavaScript a first visit downloads: the entry script of dist/index.html and the
// chunks it preloads, gzipped (level 9, like most servers' static gzip). Run after `vite build`.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const dist = join(import.meta.dirname, "..", "dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let js = 0;
let css = 0;
for (const f of new Set(files)) {
  const gz = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  if (f.endsWith(".js")) js += gz;
  else css += gz;
  console.log(`${f.padEnd(48)} ${(gz / 1024).toFixed(1)} KB gzip`);
}
console.log(`initial JS: ${(js / 1024).toFixed(1)} KB gzip (target < 250 KB); initial CSS: ${(css / 1024).toFixed(1)} KB gzip`);
if (js > 250 * 1024) process.exitCode = 1;
