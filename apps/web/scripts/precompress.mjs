// Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside every text file of the
// build, so the API's static handler (apps/api/src/http/static.ts) sends them without compressing per
// request. Used by the Vite plugin in vite.config.ts; runnable alone: `node scripts/precompress.mjs`.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT = /\.(?:js|mjs|css|html|json|svg|txt|webmanifest)$/;
/** Smaller files are not worth a variant: headers cost more than the bytes saved. */
const MIN_BYTES = 512;

/**
 * Precompresses the text files under `dir`; returns one entry per file with its sizes.
 * @param {string} dir
 * @returns {{ file: string, bytes: number, br: number, gzip: number }[]}
 */
export function precompress(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      // .vite/manifest.json is for build tools, not served.
      if (e.isDirectory()) {
        if (!e.name.startsWith(".")) walk(full);
      } else if (TEXT.test(e.name)) {
        const data = readFileSync(full);
        if (data.length < MIN_BYTES) continue;
        const br = brotliCompressSync(data, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        });
        const gz = gzipSync(data, { level: 9 });
        writeFileSync(`${full}.br`, br);
        writeFileSync(`${full}.gz`, gz);
        out.push({ file: full.slice(dir.length + 1), bytes: data.length, br: br.length, gzip: gz.length });
      }
    }
  };
  walk(dir);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(import.meta.dirname, "..", "dist");
  const files = precompress(dir);
  console.log(`precompressed ${files.length} files in ${dir}`);
}
