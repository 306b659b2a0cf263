import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Builds dist/main.js once before the tests, which run the real CLI as child processes. */
export default function setup(): void {
  execFileSync("npx", ["tsup"], { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: ["ignore", "ignore", "inherit"] });
}
