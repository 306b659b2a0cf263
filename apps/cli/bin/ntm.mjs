#!/usr/bin/env node
// The `ntm` launcher. Runs ../dist/main.js; on a fresh clone (after `npm ci`, before any build) it
// first builds the CLI and the workspace packages it needs with turbo, sending all build output to
// stderr so that stdout stays clean for --json.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const cliDir = resolve(here, "..");
const repoRoot = resolve(cliDir, "../..");
const entry = join(cliDir, "dist", "main.js");
const coreEntry = join(repoRoot, "packages", "core", "dist", "index.js");

/** Runs a command in the repository root with its output on stderr; true when it succeeded. */
function sh(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: repoRoot,
    stdio: ["ignore", process.stderr, process.stderr],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
    shell: process.platform === "win32",
  });
  return r.status === 0;
}

if (!existsSync(entry) || !existsSync(coreEntry)) {
  process.stderr.write("ntm: building the CLI first (đang build lần đầu)…\n");
  if (!sh("npx", ["turbo", "run", "build", "--filter=@ntm/cli..."])) {
    // The offline commands need only @ntm/core; the remote and report commands load the other
    // packages when they run, so a failing sibling package must not block `ntm evaluate`.
    process.stderr.write(
      "ntm: the full build failed; building only @ntm/core and @ntm/cli (remote and report commands may be unavailable)\n",
    );
    if (!existsSync(coreEntry)) sh("npm", ["run", "build", "-w", "@ntm/core"]);
    sh("npm", ["run", "build", "-w", "@ntm/cli"]);
  }
  if (!existsSync(entry) || !existsSync(coreEntry)) {
    process.stderr.write("ntm: the build failed (build lỗi); run `npx turbo run build --filter=@ntm/cli...` to see why\n");
    process.exit(70);
  }
}

await import(pathToFileURL(entry).href);
