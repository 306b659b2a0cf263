// Runs the Playwright end-to-end tests against the built API and web app, driving Debian's Chromium.
// Needs `npm run build` (the root `npm test` builds everything first). Without Chromium the tests are
// skipped with a notice on a developer machine, and fail in CI (CI=true), where .ci/run installs it.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const web = join(here, "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const msg = `Chromium not found at ${chromium}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH) to run the browser tests.`;
  if (process.env.CI) {
    console.error(`e2e: ${msg}`);
    process.exit(1);
  }
  console.warn(`e2e: SKIPPED. ${msg}`);
  process.exit(0);
}
for (const f of [join(web, "dist", "index.html"), join(web, "..", "api", "dist", "server.js")]) {
  if (!existsSync(f)) {
    console.error(`e2e: ${f} is missing: run \`npm run build\` first (the root \`npm test\` does).`);
    process.exit(1);
  }
}
const r = spawnSync(
  process.execPath,
  [join(web, "..", "..", "node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)],
  { cwd: web, stdio: "inherit", env: { ...process.env, CHROMIUM_PATH: chromium } },
);
process.exit(r.status ?? 1);
