import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const apiDir = fileURLToPath(new URL("../..", import.meta.url));

describe("drizzle migrations", () => {
  it("are up to date with src/db/schema.ts (run `npm run db:generate -w @ntm/api` after changing the schema)", () => {
    const tmp = mkdtempSync(join(tmpdir(), "ntm-drizzle-"));
    const out = join(tmp, "drizzle");
    try {
      cpSync(join(apiDir, "drizzle"), out, { recursive: true });
      const before = readdirSync(out).sort();
      const config = join(tmp, "drizzle.config.json");
      writeFileSync(config, JSON.stringify({ dialect: "postgresql", schema: join(apiDir, "src/db/schema.ts"), out }));
      execFileSync(process.execPath, [join(apiDir, "../../node_modules/drizzle-kit/bin.cjs"), "generate", `--config=${config}`], { cwd: apiDir, stdio: "pipe" });
      expect(readdirSync(out).sort()).toEqual(before);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
