import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file shares one database; files run one at a time to keep 2 cores responsive.
    fileParallelism: false,
  },
});
