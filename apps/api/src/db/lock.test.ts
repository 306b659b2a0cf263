import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "./index.js";

describe("lockDataDir", () => {
  it("refuses a data directory held by another live process, and takes over a stale lock", () => {
    const dir = mkdtempSync(join(tmpdir(), "ntm-lock-"));
    try {
      writeFileSync(join(dir, "ntm.lock"), String(process.ppid));
      let refused = "";
      try {
        lockDataDir(dir);
      } catch (e) {
        refused = (e as Error).message;
      }
      writeFileSync(join(dir, "ntm.lock"), "999999999");
      const unlock = lockDataDir(dir);
      const owner = readFileSync(join(dir, "ntm.lock"), "utf8");
      unlock();
      let gone = false;
      try {
        readFileSync(join(dir, "ntm.lock"));
      } catch {
        gone = true;
      }
      expect([refused.includes(`process ${process.ppid}`), owner, gone]).toEqual([true, String(process.pid), true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
