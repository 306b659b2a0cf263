// Measures what a first visit downloads: dist/index.html, the entry (src/main.tsx), the app it loads
// at once (src/start.tsx) and their static imports and styles (from Vite's build manifest), as the
// API sends them (the brotli files written at build by scripts/precompress.mjs; gzip level 9 shown
// beside). Pages and ECharts are not counted: they load when shown. Run after `vite build`.
// Targets: initial transfer ≤ 150 KB (issue #14), initial JS < 250 KB gzip.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const dist = join(import.meta.dirname, "..", "dist");
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
const files = new Set(["index.html"]);
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const dep of chunk.imports ?? []) visit(dep);
};
visit("index.html");
// The entry loads the app at once (a dynamic import only so that its first requests go out earlier).
visit("src/start.tsx");
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
  console.log(
    `${f.padEnd(48)} ${(raw.length / 1024).toFixed(1).padStart(7)} KB raw ${(gz / 1024).toFixed(1).padStart(6)} KB gzip ${br === null ? "     no .br" : `${(br / 1024).toFixed(1).padStart(6)} KB brotli`}`,
  );
}
console.log(`initial JS: ${(js / 1024).toFixed(1)} KB gzip (target < 250 KB); initial CSS: ${(css / 1024).toFixed(1)} KB gzip`);
console.log(
  `initial transfer as served (brotli where built, else gzip; bodies only): ${(transfer / 1024).toFixed(1)} KB (target ≤ 150 KB): ${transfer <= 150 * 1024 ? "PASS" : "MISS"}`,
);
if (js > 250 * 1024 || transfer > 150 * 1024) process.exitCode = 1;
