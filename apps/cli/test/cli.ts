import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI_DIR = fileURLToPath(new URL("..", import.meta.url));
export const REPO = join(CLI_DIR, "..", "..");
export const EXAMPLES = join(REPO, "examples", "values");
export const DEMO = "example.province-demo.2021-2025";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws when it is not). */
  json: () => any;
}

/**
 * Runs the real CLI (`node dist/main.js …`) in `cwd`, with a clean environment apart from `env`.
 * @example
 * const r = ntm(["packs", "list", "--json"]);
 */
export function ntm(
  args: readonly string[],
  opts: { cwd?: string; env?: Record<string, string>; entry?: string; input?: string } = {},
): CliRun {
  const r = spawnSync(process.execPath, [opts.entry ?? join(CLI_DIR, "dist", "main.js"), ...args], {
    cwd: opts.cwd ?? CLI_DIR,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "/tmp", ...opts.env },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

/**
 * A fresh temporary directory with the given files written into it.
 * @example
 * const dir = tempDir({ "a.json": "{}" });
 */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "ntm-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
