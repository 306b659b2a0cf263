import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.js";
import { auditLog, setupTokens, users } from "../db/schema.js";

// The headless first run (`npm run setup -w @ntm/api -- …`), as a process on a fresh PGlite directory.
const dir = mkdtempSync(join(tmpdir(), "ntm-setup-script-"));
const script = fileURLToPath(new URL("./setup.ts", import.meta.url));
const run = (args: string[], input: string) =>
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    encoding: "utf8",
    input,
    env: { PATH: process.env.PATH ?? "", DATA_DIR: join(dir, "pg"), DATABASE_URL: "" },
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
  });
const args = [
  "--username",
  "quantri",
  "--password-stdin",
  "--display-name",
  "Quản trị",
  "--province-id",
  "p-26",
  "--province-name",
  "Tỉnh Vĩnh Phúc",
];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run setup (headless first run)", () => {
  it("refuses a short password naming the option (exit 2) and writes no user", async () => {
    const r = run(args, "short\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--password-stdin: mật khẩu ít nhất 8 ký tự");
  });

  it("creates the first administrator and the province (exit 0), then refuses a second run (exit 5)", async () => {
    const r = run(args, "mat-khau-dai\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("quantri (Quản trị), phạm vi / scope p-26");
    const again = run([...args.slice(0, 1), "khac", ...args.slice(2)], "mat-khau-khac\n");
    expect(again.status).toBe(5);
    expect(again.stderr).toContain("đã có quản trị viên");
    const db = await openDatabase({ dataDir: join(dir, "pg"), changeFeed: false });
    try {
      expect((await db.db.select().from(users)).map((u) => [u.username, u.role, u.scopeUnitId])).toEqual([["quantri", "admin", "p-26"]]);
      expect((await db.db.select().from(auditLog)).map((a) => a.action)).toEqual(["unit.create", "setup.first_admin"]);
      // The refused second run left no token of its own.
      expect((await db.db.select().from(setupTokens)).map((t) => t.usedAt !== null)).toEqual([true]);
    } finally {
      await db.close();
    }
    // Three cold PGlite opens (two processes and this one) on a shared machine.
  }, 300_000);
});
