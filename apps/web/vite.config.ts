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
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
  },
} as Parameters<typeof defineConfig>[0]);
