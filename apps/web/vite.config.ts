import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development the API runs separately on port 3000; Vite forwards /v1 to it.
export default defineConfig({
  plugins: [react()],
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
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
} as Parameters<typeof defineConfig>[0]);
