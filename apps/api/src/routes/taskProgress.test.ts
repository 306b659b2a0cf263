import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { type Harness, type Session, json, loginAll, openHarness } from "../testing/harness.js";
import { auditLog, tasks } from "../db/schema.js";

let h: Harness;
let s: Record<string, Session>;
const body = async (res: Response): Promise<any> => res.json();
const url = "/v1/plans/plan-63-d-01/tasks/II.5/progress";
const taskRow = async () => (await h.database.db.select().from(tasks).where(eq(tasks.id, "plan-63-d-01/II.5")))[0]!;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

describe("task progress with share done, evidence and deadline", () => {
  it("stores and returns them, audited", async () => {
    const before = await taskRow();
    const progress = {
      status: "in_progress",
      result: "Đã cứng hóa 3,2 km đường trục xã",
      period: "2025S2",
      percentDone: 65,
      evidence: "Biên bản nghiệm thu số 15/BB-UBND",
      deadline: "2025-12-27",
    };
    const res = await s.huyen!.request(url, json("PUT", progress, { "if-match": `"${before.version}"` }));
    const out = await body(res);
    const audit = (await h.database.db.select().from(auditLog).where(eq(auditLog.entityId, before.id))).at(-1)!;
    expect([res.status, out.progress, audit.action, (audit.after as { progress: unknown }).progress]).toEqual([
      200,
      progress,
      "task.progress",
      progress,
    ]);
  });

  it("refuses a done task below 100%, a percent over 100 and a bad deadline, naming the field, and writes nothing", async () => {
    const before = await taskRow();
    const audits = async () => (await h.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, before.id)))[0]!.n;
    const n = await audits();
    const send = (p: object) =>
      s.huyen!.request(url, json("PUT", { result: "Xong", period: "2025", ...p }, { "if-match": `"${before.version}"` }));
    const answers = await Promise.all([
      send({ status: "done", percentDone: 80 }),
      send({ status: "in_progress", percentDone: 120 }),
      send({ status: "in_progress", deadline: "31/12/2025" }),
    ]);
    const paths = await Promise.all(answers.map(async (r) => [...new Set((await body(r)).errors.map((e: { path: string }) => e.path))]));
    expect([answers.map((r) => r.status), paths]).toEqual([
      [422, 422, 422],
      [["$.percentDone"], ["$.percentDone"], ["$.deadline"]],
    ]);
    expect([(await taskRow()).version, await audits()]).toEqual([before.version, n]);
  });

  it("keeps the commune officer out of the district's plan", async () => {
    const res = await s.xa!.request(url, json("PUT", { status: "in_progress", result: "x", period: "2025" }, { "if-match": '"1"' }));
    expect(res.status).toBe(403);
  });
});
