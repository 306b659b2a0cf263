import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * End-to-end tests against the REAL server on a FRESH embedded database.
 * Run `npm run build` (api + web) first; this config builds nothing. It starts
 * `node ../api/dist/server.js` with a temporary DATA_DIR and a free PORT (chosen once in the runner
 * and passed to the workers through the environment). Set E2E_BASE_URL to use a server you started.
 */
function freePort(): number {
  const out = execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ]);
  return Number(String(out).trim());
}

const external = process.env.E2E_BASE_URL;
if (!external && !process.env.NTM_E2E_PORT) {
  process.env.NTM_E2E_PORT = String(freePort());
  process.env.NTM_E2E_DATA_DIR = mkdtempSync(join(tmpdir(), "ntm-e2e-"));
}
const port = Number(process.env.NTM_E2E_PORT);
const baseURL = external ?? `http://127.0.0.1:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  globalTeardown: "./e2e/teardown.ts",
  outputDir: "./test-results/output",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "./test-results/report" }]],
  use: {
    baseURL,
    locale: "vi-VN",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1366, height: 860 } } }],
  ...(external
    ? {}
    : {
        webServer: {
          command: "node ../api/dist/server.js",
          url: `${baseURL}/healthz`,
          timeout: 120_000,
          reuseExistingServer: false,
          stdout: "pipe",
          stderr: "pipe",
          env: {
            PORT: String(port),
            HOST: "127.0.0.1",
            DATA_DIR: process.env.NTM_E2E_DATA_DIR ?? "",
            // Always the embedded database in a fresh directory, even when DATABASE_URL is set for the API's tests.
            DATABASE_URL: "",
            WEB_DIST: join(import.meta.dirname, "dist"),
            NTM_SEED: "demo",
          },
        },
      }),
});
