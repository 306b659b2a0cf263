import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file shares one database; files run one at a time to keep 2 cores responsive.
    fileParallelism: false,
    // One worker for all files: PGlite compiles its WASM once (the first cold start is the slow part).
    isolate: false,
  },
});
