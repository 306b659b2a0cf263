import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root (the directory whose package.json declares workspaces), from the source tree or
 * the built bundle; the working directory when not found.
 * @example
 * repoRoot() // "/srv/ntm"
 */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { workspaces?: unknown }).workspaces) return dir;
    dir = resolve(dir, "..");
  }
  return process.cwd();
}
