import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  // docx, exceljs and pdfmake stay external: pdfmake finds its Roboto font files next to its own code.
  external: ["docx", "exceljs", "pdfmake", "@ntm/core"],
});
