import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { type Harness, type Session, json, loginAll, openHarness } from "../testing/harness.js";
import { auditLog, tasks } from "../db/schema.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

const body = async (res: Response): Promise<any> => res.json();

describe("plans", () => {
  it("lists the district plan of each district in scope, and to a commune officer the district plan their commune implements", async () => {
    const [tinh, huyen, xa] = await Promise.all(
      ["tinh", "huyen", "xa"].map(async (u) => (await body(await s[u]!.request("/v1/plans"))).items.map((p: { id: string }) => p.id)),
    );
    expect([tinh, huyen, xa]).toEqual([
      ["plan-63-d-01", "plan-63-d-02", "plan-63-d-03", "plan-63-d-04"],
      ["plan-63-d-01"],
      ["plan-63-d-01"],
    ]);
  });

  it("returns the shipped plan with its 8 tasks, assignees by task and steering members (from the register) assigned to communes", async () => {
    const res = await s.huyen!.request("/v1/plans/plan-63-d-01");
    const p = await body(res);
    const ii5 = p.tasks.find((t: { code: string }) => t.code === "II.5");
    const communes = p.steeringMembers.flatMap((m: { communes: { id: string }[] }) => m.communes.map((c) => c.id)).sort();
    expect([
      res.status,
      res.headers.get("etag"),
      p.plan.id,
      p.tasks.map((t: { code: string }) => t.code).length,
      p.plan.purposes.length,
      ii5.links.targets.includes("resource_mobilisation"),
      p.steeringMembers.length,
      communes.length,
      communes[0],
    ]).toEqual([200, '"1"', "plan-63-d-01", 8, 3, true, 3, 7, "c-01-01"]);
    expect(ii5.lead.every((a: { name: { vi: string } }) => typeof a.name.vi === "string")).toBe(true);
  });

  it("refuses a plan outside scope (403) and an unknown plan (404)", async () => {
    const [out, none] = await Promise.all([s.huyen!.request("/v1/plans/plan-63-d-02"), s.huyen!.request("/v1/plans/nope")]);
    expect([out.status, none.status, (await body(none)).kind]).toEqual([403, 404, "not_found"]);
  });
});

describe("due reports", () => {
  it("classifies the reports due for 2025S1 as of a date, with reasons in Vietnamese", async () => {
    const p = await body(await s.huyen!.request("/v1/plans/plan-63-d-01/due-reports?period=2025S1&asOf=2025-09-01"));
    const statuses = p.items.map((i: { status: string }) => i.status);
    expect([
      p.items.length,
      p.items.every((i: { deadline: string }) => i.deadline === "2025-07-15"),
      statuses.includes("pending"),
      p.counts.submitted + p.counts.late + p.counts.overdue + p.counts.pending,
    ]).toEqual([5, true, false, 5]);
    expect(
      p.items.every(
        (i: { reasons: { vi: string; code: string }[] }) =>
          i.reasons.length > 0 && i.reasons[0]!.vi.length > 0 && i.reasons[0]!.code.startsWith("report."),
      ),
    ).toBe(true);
  });

  it("shows seeded late and overdue reports in 2024", async () => {
    const p = await body(await s.tinh!.request("/v1/plans/plan-63-d-01/due-reports?period=2024S1&asOf=2026-01-31"));
    expect([p.counts.late >= 1, p.counts.overdue >= 1, p.counts.pending]).toEqual([true, true, 0]);
  });

  it("answers a bad period with 422 naming the query field", async () => {
    const res = await s.huyen!.request("/v1/plans/plan-63-d-01/due-reports?period=2025H9");
    const p = await body(res);
    expect([res.status, p.kind, p.errors[0].path]).toEqual([422, "invalid_input", "$.query.period"]);
  });
});

describe("report submissions", () => {
  const report = { dutyId: "III.2-year", assigneeId: "ubnd-huyen", period: "2025", submittedOn: "2026-01-10" };

  it.each([
    ["xa", 403],
    ["thanhtra", 403],
    ["xem", 403],
  ])("refuses a submission by %s with %i and writes nothing", async (who, status) => {
    const res = await s[who]!.request("/v1/plans/plan-63-d-01/reports", json("POST", report));
    expect(res.status).toBe(status);
  });

  it("records a district officer's submission with who and when, audits it, and turns an overdue report into a late one", async () => {
    const before = await body(await s.huyen!.request("/v1/plans/plan-63-d-01/due-reports?period=2025&asOf=2026-02-01"));
    const existing = before.items.find(
      (i: { assigneeId: string; dutyId: string }) => i.assigneeId === "ubnd-huyen" && i.dutyId === "III.2-year",
    );
    const target = existing.status === "overdue" ? { ...report, submittedOn: "2026-01-20" } : null;
    const missing = before.items.find((i: { status: string }) => i.status === "overdue");
    const payload = target ?? { dutyId: missing.dutyId, assigneeId: missing.assigneeId, period: "2025", submittedOn: "2026-01-20" };
    const res = await s.huyen!.request("/v1/plans/plan-63-d-01/reports", json("POST", payload));
    const saved = await body(res);
    const after = await body(await s.huyen!.request("/v1/plans/plan-63-d-01/due-reports?period=2025&asOf=2026-02-01"));
    const item = after.items.find(
      (i: { assigneeId: string; dutyId: string }) => i.assigneeId === payload.assigneeId && i.dutyId === payload.dutyId,
    );
    const audit = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, saved.id), eq(auditLog.action, "report.submit")));
    expect([res.status, saved.submittedBy, saved.submittedOn, item.status, item.submittedOn, audit.length, after.counts.overdue]).toEqual([
      201,
      "huyen",
      "2026-01-20",
      "late",
      "2026-01-20",
      1,
      before.counts.overdue - 1,
    ]);
    const again = await s.huyen!.request("/v1/plans/plan-63-d-01/reports", json("POST", payload));
    expect(again.status).toBe(409);
  });

  it("rejects a duty that is not in the plan and a future date with 422 paths", async () => {
    const [bad, future] = await Promise.all([
      s.huyen!.request("/v1/plans/plan-63-d-01/reports", json("POST", { ...report, dutyId: "X.9" })),
      s.huyen!.request("/v1/plans/plan-63-d-01/reports", json("POST", { ...report, submittedOn: "2999-01-01" })),
    ]);
    const impossible = await s.huyen!.request("/v1/plans/plan-63-d-01/reports", json("POST", { ...report, submittedOn: "2025-02-30" }));
    expect([impossible.status, (await body(impossible)).errors[0].path]).toEqual([422, "$.submittedOn"]);
    expect([bad.status, (await body(bad)).errors[0].path, future.status, (await body(future)).errors[0].path]).toEqual([
      422,
      "$.dutyId",
      422,
      "$.submittedOn",
    ]);
  });

  it("lists submissions by period", async () => {
    const p = await body(await s.huyen!.request("/v1/plans/plan-63-d-01/reports?period=2024S1"));
    expect(p.items.length > 0 && p.items.every((i: { period: string }) => i.period === "2024S1")).toBe(true);
  });
});

describe("task progress", () => {
  it("updates a task's progress with If-Match, refuses a stale one with 412 and a missing one with 428", async () => {
    const plan = await body(await s.huyen!.request("/v1/plans/plan-63-d-01"));
    const task = plan.tasks.find((t: { code: string }) => t.code === "II.6");
    const progress = { status: "in_progress", result: "Có thêm 2 sản phẩm OCOP 3 sao", period: "2025" };
    const ok = await s.huyen!.request(
      "/v1/plans/plan-63-d-01/tasks/II.6/progress",
      json("PUT", progress, { "if-match": `"${task.version}"` }),
    );
    const stale = await s.huyen!.request(
      "/v1/plans/plan-63-d-01/tasks/II.6/progress",
      json("PUT", progress, { "if-match": `"${task.version}"` }),
    );
    const missing = await s.huyen!.request("/v1/plans/plan-63-d-01/tasks/II.6/progress", json("PUT", progress));
    const [row] = await h.database.db.select().from(tasks).where(eq(tasks.id, "plan-63-d-01/II.6"));
    expect([ok.status, ok.headers.get("etag"), (await body(ok)).progress, stale.status, missing.status, row?.version]).toEqual([
      200,
      `"${task.version + 1}"`,
      progress,
      412,
      428,
      task.version + 1,
    ]);
  });

  it("rejects an invalid status with a 422 path", async () => {
    const res = await s.huyen!.request(
      "/v1/plans/plan-63-d-01/tasks/II.6/progress",
      json("PUT", { status: "finished", result: "x", period: "2025" }, { "if-match": '"1"' }),
    );
    expect([res.status, (await body(res)).errors[0].path]).toEqual([422, "$.status"]);
  });
});

describe("due reports across plans", () => {
  it("sums the province's due reports over every district plan", async () => {
    const p = await body(await s.tinh!.request("/v1/due-reports?period=2024&asOf=2026-02-01&status=overdue"));
    const total = p.plans.reduce((a: number, x: { counts: { overdue: number } }) => a + x.counts.overdue, 0);
    expect([
      p.plans.map((x: { planId: string }) => x.planId),
      p.counts.overdue,
      total > 0,
      p.plans.every((x: { items: { status: string }[] }) => x.items.every((i) => i.status === "overdue")),
    ]).toEqual([["plan-63-d-01", "plan-63-d-02", "plan-63-d-03", "plan-63-d-04"], total, true, true]);
  });

  it("keeps a district officer to their own plan", async () => {
    const p = await body(await s.huyen!.request("/v1/due-reports?period=2025S1"));
    expect(p.plans.map((x: { planId: string }) => x.planId)).toEqual(["plan-63-d-01"]);
  });
});

describe("steering members", () => {
  const members = {
    members: [
      {
        id: "tv-bcd-d-01-3",
        name: { vi: "Đ/c Mai Văn Tâm (ví dụ)", en: "Mai Văn Tâm (example)" },
        supportsUnitIds: ["c-01-01", "c-01-02"],
      },
    ],
  };

  it("replaces the members assigned to communes with If-Match (in the register), audits it, and shows them on the plan", async () => {
    const cur = await s.huyen!.request("/v1/plans/plan-63-d-01");
    const etag = cur.headers.get("etag")!;
    const res = await s.huyen!.request("/v1/plans/plan-63-d-01/steering-members", json("PUT", members, { "if-match": etag }));
    const stale = await s.huyen!.request("/v1/plans/plan-63-d-01/steering-members", json("PUT", members, { "if-match": etag }));
    const plan = await body(await s.huyen!.request("/v1/plans/plan-63-d-01"));
    const audit = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, "plan-63-d-01"), eq(auditLog.action, "plan.steering_members")));
    expect([
      res.status,
      stale.status,
      plan.steeringMembers.map((m: { id: string; communes: { id: string }[] }) => [m.id, m.communes.map((c) => c.id)]),
      audit.length,
    ]).toEqual([200, 412, [["tv-bcd-d-01-3", ["c-01-01", "c-01-02"]]], 1]);
  });

  it("rejects a commune outside the plan's district with a 422 path, and a commune officer with 403", async () => {
    const etag = (await s.huyen!.request("/v1/plans/plan-63-d-01")).headers.get("etag")!;
    const bad = await s.huyen!.request(
      "/v1/plans/plan-63-d-01/steering-members",
      json("PUT", { members: [{ ...members.members[0], supportsUnitIds: ["c-02-01"] }] }, { "if-match": etag }),
    );
    const denied = await s.xa!.request("/v1/plans/plan-63-d-01/steering-members", json("PUT", members, { "if-match": etag }));
    expect([bad.status, (await body(bad)).errors[0].path, denied.status]).toEqual([422, "$.members[0].supportsUnitIds[0]", 403]);
  });
});
