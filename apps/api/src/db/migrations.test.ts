import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const apiDir = fileURLToPath(new URL("../..", import.meta.url));
const drizzleKit = fileURLToPath(new URL("../../../../node_modules/drizzle-kit/bin.cjs", import.meta.url));

describe("drizzle migrations", () => {
  it("are up to date with src/db/schema.ts (run `npm run db:generate -w @ntm/api` after changing the schema)", () => {
    // Generate into a copy of the committed migrations: an up-to-date set gains no file.
    const tmp = mkdtempSync(join(tmpdir(), "ntm-drizzle-"));
    try {
      cpSync(join(apiDir, "drizzle"), join(tmp, "drizzle"), { recursive: true });
      writeFileSync(
        join(tmp, "drizzle.config.json"),
        JSON.stringify({ dialect: "postgresql", schema: join(apiDir, "src/db/schema.ts"), out: "./drizzle" }),
      );
      const output = execFileSync(process.execPath, [drizzleKit, "generate", "--config=drizzle.config.json"], {
        cwd: tmp,
        encoding: "utf8",
        stdio: "pipe",
      });
      expect([output.includes("No schema changes"), readdirSync(join(tmp, "drizzle")).sort()]).toEqual([
        true,
        readdirSync(join(apiDir, "drizzle")).sort(),
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
