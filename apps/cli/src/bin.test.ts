import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_DIR, REPO, ntm } from "../test/cli.js";

/**
 * A copy of the work tree as a fresh clone sees it after `npm ci`: every file git would commit (tracked
 * and not ignored), no dist/ anywhere, and the installed node_modules (hard links, read-only use).
 */
function freshClone(): string {
  const dir = mkdtempSync(join(tmpdir(), "ntm-clone-"));
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: REPO, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(REPO, f))) continue;
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(REPO, f), join(dir, f));
  }
  for (const nm of [
    "node_modules",
    ...["packages/core", "packages/client", "packages/reports", "packages/bench", "apps/cli", "apps/api", "apps/web"].map(
      (w) => `${w}/node_modules`,
    ),
  ]) {
    if (existsSync(join(REPO, nm))) execFileSync("cp", ["-al", join(REPO, nm), join(dir, nm)]);
  }
  return dir;
}

describe("bin/ntm.mjs", () => {
  it("runs dist/main.js when it is present", () => {
    const r = ntm(["packs", "list", "--json"], { entry: join(CLI_DIR, "bin", "ntm.mjs"), cwd: REPO });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect((r.json() as { id: string }[]).map((p) => p.id)).toContain("example.province-demo.2021-2025");
  });

  it("on a fresh clone with nothing built, builds first (output on stderr) and then answers on a clean stdout", () => {
    const dir = freshClone();
    try {
      expect(existsSync(join(dir, "apps", "cli", "dist"))).toBe(false);
      expect(existsSync(join(dir, "packages", "core", "dist"))).toBe(false);
      const r = ntm(
        ["evaluate", "--pack", "example.province-demo.2021-2025", "--values", "examples/values/an-phu-meets-all.json", "--json"],
        { entry: join(dir, "apps", "cli", "bin", "ntm.mjs"), cwd: dir },
      );
      expect(r.stderr).toContain("ntm: building the CLI first");
      expect(r.code).toBe(0);
      expect(r.json()).toMatchObject({ unitId: "c-01-01", status: "met", criteriaMet: 19 });
      expect(existsSync(join(dir, "apps", "cli", "dist", "main.js"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
