import { defineConfig } from "tsup";

export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  sourcemap: true,
  clean: true,
  target: "node20",
  // Workspace packages and libraries stay external: the CLI loads @ntm/client and @ntm/reports lazily.
  external: ["@ntm/core", "@ntm/client", "@ntm/reports", "exceljs", "commander", "cli-progress"],
});
