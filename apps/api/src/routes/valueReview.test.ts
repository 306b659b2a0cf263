import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { type Harness, type Session, login, openHarness } from "../testing/harness.js";
import { auditLog, indicatorValues } from "../db/schema.js";

let h: Harness;
let huyen: Session;
let xa: Session;

beforeAll(async () => {
  h = await openHarness();
  huyen = await login(h, "huyen");
  xa = await login(h, "xa");
});
afterAll(async () => {
  await h?.close();
});

const put = async (s: Session, unit: string, year: number, values: Record<string, unknown>) => {
  const cur = await s.request(`/v1/units/${unit}/values/${year}`);
  const doc = (await cur.json()) as { values: Record<string, unknown>; inputs: unknown; notApplicable: unknown };
  return s.request(`/v1/units/${unit}/values/${year}`, {
    method: "PUT",
    headers: { "content-type": "application/json", "if-match": cur.headers.get("etag") ?? '"0"' },
    body: JSON.stringify({ values: { ...doc.values, ...values }, inputs: doc.inputs, notApplicable: doc.notApplicable }),
  });
};
/** Approves (PUT) or unlocks (DELETE) a unit-year with If-Match: the lock's ETag as just read. */
const lockAs = async (s: Session, unit: string, year: number, method: "PUT" | "DELETE") => {
  const etag = (await s.request(`/v1/units/${unit}/values/${year}/lock`)).headers.get("etag") ?? "";
  return s.request(`/v1/units/${unit}/values/${year}/lock`, { method, headers: { "if-match": etag } });
};
const audits = async (action: string) =>
  (
    await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, "c-01-01/2024")))
  ).length;

describe("approval locks", () => {
  it("lets the district approve (lock) a commune's year, which then refuses the commune's PUT and import with a Vietnamese 409/422", async () => {
    const lock = await lockAs(huyen, "c-01-01", 2024, "PUT");
    const state = (await lock.json()) as { locked: boolean; lockedBy: string };
    const refused = await put(xa, "c-01-01", 2024, { "2.2": 71 });
    const problem = (await refused.json()) as { status: number; detail: string; kind: string };
    const imported = await xa.request("/v1/values/import?year=2024", {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: "unit_id,2.2\nc-01-01,72\n",
    });
    const importProblem = (await imported.json()) as { errors: { row: number; message: string }[] };
    expect([
      lock.status,
      state.locked,
      state.lockedBy,
      refused.status,
      problem.kind,
      imported.status,
      importProblem.errors[0]?.row,
    ]).toEqual([200, true, "huyen", 409, "conflict", 422, 2]);
    expect(problem.detail).toMatch(/^Số liệu năm 2024 của .+ đã được Cán bộ NTM Huyện An Hòa duyệt và khóa ngày \d\d\/\d\d\/\d{4}/);
    expect(importProblem.errors[0]?.message).toContain("duyệt và khóa");
    // The commune is named as people know it ("Xã …"), never by its id.
    expect([problem.detail, importProblem.errors[0]?.message].map((m) => [/của Xã \p{Lu}/u.test(m ?? ""), m?.includes("c-01-01")])).toEqual(
      [
        [true, false],
        [true, false],
      ],
    );
    // Other years stay open.
    expect((await put(xa, "c-01-01", 2023, { "2.2": 71 })).status).toBe(200);
  });

  it("refuses the commune officer's own approval or unlock (the level above decides), and audits lock and unlock", async () => {
    const selfUnlock = await lockAs(xa, "c-01-01", 2024, "DELETE");
    const unlock = await lockAs(huyen, "c-01-01", 2024, "DELETE");
    const again = await lockAs(huyen, "c-01-01", 2024, "DELETE");
    const state = (await (await xa.request("/v1/units/c-01-01/values/2024/lock")).json()) as { locked: boolean };
    expect([
      selfUnlock.status,
      unlock.status,
      again.status,
      state.locked,
      await audits("values.lock"),
      await audits("values.unlock"),
    ]).toEqual([403, 200, 404, false, 1, 1]);
    expect((await put(xa, "c-01-01", 2024, { "2.2": 73 })).status).toBe(200);
  });

  it("requires If-Match like every other write: 428 without it, 412 when the values changed since the officer read them", async () => {
    const path = "/v1/units/c-01-04/values/2024/lock";
    const read = await huyen.request(path);
    const etag = read.headers.get("etag") ?? "";
    const { version } = (await read.json()) as { version: number };
    const bare = await huyen.request(path, { method: "PUT" });
    const bareProblem = (await bare.json()) as { kind: string };
    // A value changes after the district read the lock: approving what it saw is stale.
    expect((await put(huyen, "c-01-04", 2024, { "2.2": 74 })).status).toBe(200);
    const stale = await huyen.request(path, { method: "PUT", headers: { "if-match": etag } });
    const staleProblem = (await stale.json()) as { kind: string };
    const fresh = await lockAs(huyen, "c-01-04", 2024, "PUT");
    const locked = (await fresh.json()) as { locked: boolean; version: number };
    const bareUnlock = await huyen.request(path, { method: "DELETE" });
    const staleUnlock = await huyen.request(path, { method: "DELETE", headers: { "if-match": etag } });
    const stillLocked = (await (await huyen.request(path)).json()) as { locked: boolean };
    expect([
      etag,
      bare.status,
      bareProblem.kind,
      stale.status,
      staleProblem.kind,
      fresh.status,
      fresh.headers.get("etag"),
      locked,
      bareUnlock.status,
      staleUnlock.status,
      stillLocked.locked,
    ]).toEqual([
      `"${version}"`,
      428,
      "precondition_required",
      412,
      "precondition_failed",
      200,
      `"${version + 1}"`,
      { ...locked, locked: true, version: version + 1 },
      428,
      412,
      true,
    ]);
  });
});

describe("reporting completeness", () => {
  it("lists each commune of the district with what it entered, who has not, and its lock", async () => {
    // Three communes have not entered 2023 (their seeded rows removed); one then enters part of it, one is locked.
    await h.database.db
      .delete(indicatorValues)
      .where(and(eq(indicatorValues.year, 2023), inArray(indicatorValues.unitId, ["c-01-01", "c-01-02", "c-01-03"])));
    await put(huyen, "c-01-02", 2023, { "2.2": 80 });
    await lockAs(huyen, "c-01-03", 2023, "PUT");
    const res = await huyen.request("/v1/units/d-01/completeness?year=2023");
    const body = (await res.json()) as {
      counts: { none: number; partial: number; complete: number; noPack: number };
      communes: { unitId: string; state: string; entered: number; expected: number; locked: boolean; updatedBy: string | null }[];
    };
    const line = (id: string) => body.communes.find((c) => c.unitId === id)!;
    expect([
      res.status,
      body.communes.length,
      line("c-01-02").state,
      line("c-01-02").entered,
      line("c-01-02").updatedBy,
      line("c-01-01").state,
    ]).toEqual([200, 10, "partial", 1, "huyen", "none"]);
    expect([
      line("c-01-03").locked,
      line("c-01-02").expected > 10,
      body.counts.none + body.counts.partial + body.counts.complete + body.counts.noPack,
    ]).toEqual([true, true, 10]);
  });

  it("shows a complete commune of a seeded year as complete", async () => {
    const body = (await (await huyen.request("/v1/units/d-01/completeness?year=2025")).json()) as {
      communes: { state: string; missing: string[] }[];
    };
    expect(body.communes.some((c) => c.state === "complete" && c.missing.length === 0)).toBe(true);
  });
});
