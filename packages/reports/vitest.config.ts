import { defineConfig } from "vitest/config";

export default defineConfig({
  // Building DOCX/XLSX/PDF files on 2 busy cores can take a few seconds.
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000 },
});
