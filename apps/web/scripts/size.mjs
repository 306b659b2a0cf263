// Measures what a first visit downloads: dist/index.html, its entry script and the chunks and styles
// it preloads, as the API sends them (the brotli files written at build by scripts/precompress.mjs;
// gzip level 9 shown beside). Run after `vite build`. Targets: initial transfer ≤ 150 KB (issue #14),
// initial JS < 250 KB gzip.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const dist = join(import.meta.dirname, "..", "dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const files = ["index.html", ...new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
let js = 0;
let css = 0;
let transfer = 0;
for (const f of files) {
  const raw = readFileSync(join(dist, f));
  const gz = gzipSync(raw, { level: 9 }).length;
  const br = existsSync(join(dist, `${f}.br`)) ? readFileSync(join(dist, `${f}.br`)).length : null;
  if (f.endsWith(".js")) js += gz;
  else if (f.endsWith(".css")) css += gz;
  transfer += br ?? gz;
  console.log(`${f.padEnd(48)} ${(raw.length / 1024).toFixed(1).padStart(7)} KB raw ${(gz / 1024).toFixed(1).padStart(6)} KB gzip ${br === null ? "     no .br" : `${(br / 1024).toFixed(1).padStart(6)} KB brotli`}`);
}
console.log(`initial JS: ${(js / 1024).toFixed(1)} KB gzip (target < 250 KB); initial CSS: ${(css / 1024).toFixed(1)} KB gzip`);
console.log(`initial transfer as served (brotli where built, else gzip; bodies only): ${(transfer / 1024).toFixed(1)} KB (target ≤ 150 KB): ${transfer <= 150 * 1024 ? "PASS" : "MISS"}`);
if (js > 250 * 1024 || transfer > 150 * 1024) process.exitCode = 1;
