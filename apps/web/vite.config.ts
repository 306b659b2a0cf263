import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { precompress } from "./scripts/precompress.mjs";

/** Brotli and gzip copies of every text file of the build, served by the API's static handler. */
function precompressPlugin(): Plugin {
  let outDir = "dist";
  return {
    name: "ntm-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir.startsWith("/") ? config.build.outDir : `${config.root}/${config.build.outDir}`;
    },
    closeBundle() {
      const files = precompress(outDir);
      const sum = (k: "bytes" | "br" | "gzip") => files.reduce((n, f) => n + f[k], 0);
      this.info?.(
        `precompressed ${files.length} files: ${(sum("bytes") / 1024).toFixed(0)} KB → brotli ${(sum("br") / 1024).toFixed(0)} KB, gzip ${(sum("gzip") / 1024).toFixed(0)} KB`,
      );
    },
  };
}

/**
 * The small modules the pages share and the app shell (boot, start, session, router) does not load:
 * grouped into one chunk (see build.rolldownOptions). Only leaves of the page graph and modules whose
 * imports are in the shell or in this group, so no chunk cycle appears and the shell never loads it.
 */
const PAGE_KIT = [
  /apps[\\/]web[\\/]src[\\/]components[\\/](Badges|ConfirmDialog|EChart|NoPack|ProblemList|RecordConflict|YearSelect)\.tsx$/,
  /apps[\\/]web[\\/]src[\\/]api[\\/](commune|queries)\.ts$/,
  /apps[\\/]web[\\/]src[\\/]lib[\\/](fields|rollup|useVersionedSave)\.ts$/,
  /packages[\\/]core[\\/]dist[\\/](cells[\\/][^\\/]+|tiers[\\/]tierBuckets)[\\/]index\.js$/,
  /packages[\\/]core[\\/]dist[\\/](analyses[\\/]checkRevocation|i18n[\\/](format|labels)|emulation[\\/]labels)\.js$/,
];
function isPageKitModule(id: string): boolean {
  return PAGE_KIT.some((re) => re.test(id));
}

// In development the API runs separately on port 3000; Vite forwards /v1 to it.
export default defineConfig({
  plugins: [react(), precompressPlugin()],
  server: {
    proxy: {
      "/v1": { target: "http://127.0.0.1:3000", changeOrigin: false },
      "/openapi.json": { target: "http://127.0.0.1:3000" },
    },
  },
  build: {
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    // dist/.vite/manifest.json: scripts/size.mjs follows the first load's chunks through it.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Small modules shared by the pages (not by the app shell): one chunk instead of a dozen
          // sub-kilobyte ones, each a request (a round trip on a slow link) before a page can render.
          groups: [{ name: "page-kit", test: isPageKitModule, includeDependenciesRecursively: false }],
        },
      },
    },
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
  },
} as Parameters<typeof defineConfig>[0]);
