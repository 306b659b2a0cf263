import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { and, eq, like } from "drizzle-orm";
import { type Harness, type Session, json, login, loginAll, openHarness } from "../testing/harness.js";
import { auditLog, planProposals, planVersions, plans, users } from "../db/schema.js";
import { hashPassword } from "../auth/crypto.js";

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
const ifMatch = (v: number | string) => ({ "if-match": `"${v}"` });
const countPlans = async () => (await h.database.db.select({ id: plans.id }).from(plans)).length;
const create = async (who: string, input: Record<string, unknown>) => s[who]!.request("/v1/plans", json("POST", input));

describe("POST /v1/plans", () => {
  it("creates a district's plan from the Directive 63 template, version 1, audited, with II.6 linked to criteria 12 and 13", async () => {
    const res = await create("huyen", { unitId: "d-01", template: "directive-63", number: "05-KH/HU", date: "2025-01-20" });
    const doc = await body(res);
    const audit = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, doc.id), eq(auditLog.action, "plan.create")));
    const ii6 = doc.plan.tasks.find((t: { code: string }) => t.code === "II.6");
    expect([
      res.status,
      res.headers.get("etag"),
      doc.unitId,
      doc.version,
      doc.plan.id === doc.id,
      doc.plan.number,
      doc.plan.template,
      doc.plan.tasks.length,
      ii6.links.criteria,
      audit.length,
    ]).toEqual([201, '"1"', "d-01", 1, true, "05-KH/HU", "directive-63", 8, ["12", "13"], 1]);
    const got = await body(await s.huyen!.request(`/v1/plans/${doc.id}`));
    expect([got.tasks.length, got.plan.number]).toEqual([8, "05-KH/HU"]);
  });

  it.each([
    ["xa", { unitId: "c-01-01", template: "blank" }, 403, null],
    ["huyen", { unitId: "d-02", template: "blank" }, 403, null],
    ["huyen", { unitId: "nope", template: "blank" }, 404, null],
    ["huyen", { unitId: "d-01", template: "directive-99" }, 422, "$.template"],
    ["huyen", { unitId: "d-01", template: "blank", date: "20/01/2025" }, 422, "$.date"],
    ["huyen", { unitId: "d-01", template: "blank", parentPlanId: "nope" }, 422, "$.parentPlanId"],
    ["tinh", { unitId: "c-02-01", template: "blank", parentPlanId: "plan-63-d-01" }, 422, "$.unitId"],
    [
      "huyen",
      { unitId: "c-01-01", template: "blank", parentPlanId: "plan-63-d-01", organisationId: "nobody" },
      422,
      "$.parent.organisationId",
    ],
  ])("refuses %s creating %j with %i naming %s, and writes nothing", async (who, input, status, path) => {
    const before = await countPlans();
    const res = await create(who, input);
    const p = await body(res);
    expect([res.status, path ? [...new Set(p.errors.map((e: { path: string }) => e.path))] : null, await countPlans()]).toEqual([
      status,
      path ? [path] : null,
      before,
    ]);
  });
});

describe("PATCH /v1/plans/{id} and the version history", () => {
  let id = "";
  beforeAll(async () => {
    id = (await body(await create("huyen", { unitId: "d-01", template: "directive-63" }))).id;
  });

  it("edits number, date and a task's targets with If-Match, keeps the task's progress, and records the change", async () => {
    const doc = await body(await s.huyen!.request(`/v1/plans/${id}/document`));
    const progress = { status: "in_progress", result: "Đã mở 3 lớp đào tạo nghề", period: "2025" };
    const task = (await body(await s.huyen!.request(`/v1/plans/${id}`))).tasks.find((t: { code: string }) => t.code === "II.6");
    expect((await s.huyen!.request(`/v1/plans/${id}/tasks/II.6/progress`, json("PUT", progress, ifMatch(task.version)))).status).toBe(200);
    const milestones = [
      {
        text: { vi: "Đào tạo nghề cho 500 lao động nông thôn", en: "Vocational training for 500 rural workers" },
        deadline: "2025-12-31",
        measure: "12",
      },
    ];
    const tasks = doc.plan.tasks.map((t: { code: string }) => (t.code === "II.6" ? { ...t, milestones } : t));
    const res = await s.huyen!.request(`/v1/plans/${id}`, json("PATCH", { number: "07-KH/HU", date: "2025-02-03", tasks }, ifMatch(1)));
    const saved = await body(res);
    const after = await body(await s.huyen!.request(`/v1/plans/${id}`));
    const ii6 = after.tasks.find((t: { code: string }) => t.code === "II.6");
    expect([res.status, res.headers.get("etag"), saved.plan.number, saved.plan.date, ii6.progress, after.version]).toEqual([
      200,
      '"2"',
      "07-KH/HU",
      "2025-02-03",
      progress,
      2,
    ]);
    const history = await body(await s.huyen!.request(`/v1/plans/${id}/versions`));
    expect(
      history.items.map((v: { version: number; action: string; changes: { kind: string; path: unknown[] }[] }) => [
        v.version,
        v.action,
        v.changes.map((c) => [c.kind, c.path.join("/")]),
      ]),
    ).toEqual([
      [1, "plan.create", []],
      [
        2,
        "plan.update",
        [
          ["changed", "number"],
          ["changed", "date"],
          ["added", "tasks/II.6/milestones"],
        ],
      ],
    ]);
    const v1 = await body(await s.huyen!.request(`/v1/plans/${id}/versions/1`));
    expect([v1.version, v1.plan.number]).toEqual([1, null]);
  });

  it("refuses a stale (412) or missing (428) If-Match and an invalid edit (422 naming the field), saving nothing", async () => {
    const stale = await s.huyen!.request(`/v1/plans/${id}`, json("PATCH", { number: "x" }, ifMatch(1)));
    const missing = await s.huyen!.request(`/v1/plans/${id}`, json("PATCH", { number: "x" }));
    const doc = await body(await s.huyen!.request(`/v1/plans/${id}/document`));
    const badTasks = [{ ...doc.plan.tasks[0], lead: ["nobody"] }, ...doc.plan.tasks.slice(1)];
    const bad = await s.huyen!.request(`/v1/plans/${id}`, json("PATCH", { tasks: badTasks, id: "other" }, ifMatch(2)));
    const badBody = await body(bad);
    const denied = await s.xa!.request(`/v1/plans/${id}`, json("PATCH", { number: "x" }, ifMatch(2)));
    const versions = await h.database.db.select().from(planVersions).where(eq(planVersions.planId, id));
    expect([
      stale.status,
      missing.status,
      bad.status,
      badBody.errors.map((e: { path: string }) => e.path),
      denied.status,
      versions.length,
    ]).toEqual([412, 428, 422, ["$"], 403, 2]);
    const bad2 = await body(await s.huyen!.request(`/v1/plans/${id}`, json("PATCH", { tasks: badTasks }, ifMatch(2))));
    expect(bad2.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ["$.tasks[0].lead[0]", "plan.unknown_assignee"],
    ]);
  });
});

describe("implementing plans and adjustment proposals", () => {
  let parent = "";
  let child = "";
  beforeAll(async () => {
    parent = (await body(await create("huyen", { unitId: "d-01", template: "directive-63" }))).id;
  });

  it("lets a commune's government write its implementing plan linked to the parent's tasks", async () => {
    const res = await create("huyen", {
      unitId: "c-01-01",
      template: "blank",
      parentPlanId: parent,
      organisationId: "chinh-quyen-cac-cap",
      title: { vi: "Kế hoạch thực hiện của xã An Lộc", en: "An Lộc commune's implementing plan" },
    });
    const doc = await body(res);
    child = doc.id;
    const task = {
      code: "I.1",
      title: { vi: "Đào tạo nghề cho lao động của xã", en: "Vocational training in the commune" },
      body: "Mở 2 lớp đào tạo nghề.",
      lead: ["issuer"],
      coordinating: [],
      assigneeBasis: "stated",
      deliverables: [],
      links: { criteria: ["12"], indicators: [], targets: ["vocational_training"] },
      reportingCadence: null,
      implements: ["II.6"],
    };
    const ok = await s.huyen!.request(`/v1/plans/${child}`, json("PATCH", { tasks: [task] }, ifMatch(1)));
    const bad = await s.huyen!.request(
      `/v1/plans/${child}`,
      json("PATCH", { tasks: [{ ...task, implements: ["II.6", "II.99"] }] }, ifMatch(2)),
    );
    const listed = await body(await s.huyen!.request(`/v1/plans?parentPlanId=${parent}`));
    expect([
      res.status,
      doc.parentPlanId,
      doc.plan.parent,
      ok.status,
      bad.status,
      (await body(bad)).errors.map((e: { path: string }) => e.path),
      listed.items.map((p: { id: string }) => p.id),
    ]).toEqual([201, parent, { planId: parent, organisationId: "chinh-quyen-cac-cap" }, 200, 422, ["$.tasks[0].implements[1]"], [child]]);
  });

  it("records a proposal from the implementing plan, and the owner accepts it with a reason: the change becomes a new version", async () => {
    const doc = await body(await s.huyen!.request(`/v1/plans/${parent}/document`));
    const tasks = doc.plan.tasks.map((t: { code: string; coordinating: string[] }) =>
      t.code === "II.6" ? { ...t, coordinating: [...t.coordinating, "to-chuc-ctxh-huyen"] } : t,
    );
    const proposal = {
      fromPlanId: child,
      taskCodes: ["II.6"],
      summary: "Đề nghị giao Hội Nông dân phối hợp đào tạo nghề",
      changes: { tasks },
    };
    const missing = await s.huyen!.request(`/v1/plans/${parent}/proposals`, json("POST", proposal));
    const denied = await s.xem!.request(`/v1/plans/${parent}/proposals`, json("POST", proposal, ifMatch(1)));
    const res = await s.huyen!.request(`/v1/plans/${parent}/proposals`, json("POST", proposal, ifMatch(1)));
    const p = await body(res);
    expect([missing.status, denied.status, res.status, p.status, p.basePlanVersion, p.fromPlanId, p.proposedBy]).toEqual([
      428,
      403,
      201,
      "proposed",
      1,
      child,
      "huyen",
    ]);

    const noReason = await s.tinh!.request(
      `/v1/plans/${parent}/proposals/${p.id}/decision`,
      json("POST", { decision: "accept", reason: " " }, ifMatch(1)),
    );
    const byCommune = await s.xa!.request(
      `/v1/plans/${parent}/proposals/${p.id}/decision`,
      json("POST", { decision: "accept", reason: "Đồng ý" }, ifMatch(1)),
    );
    const accept = await s.tinh!.request(
      `/v1/plans/${parent}/proposals/${p.id}/decision`,
      json("POST", { decision: "accept", reason: "Đồng ý, phù hợp thực tế" }, ifMatch(1)),
    );
    const decided = await body(accept);
    const again = await s.tinh!.request(
      `/v1/plans/${parent}/proposals/${p.id}/decision`,
      json("POST", { decision: "refuse", reason: "x" }, ifMatch(2)),
    );
    const after = await body(await s.huyen!.request(`/v1/plans/${parent}/document`));
    const audit = (await h.database.db.select().from(auditLog).where(like(auditLog.action, "plan.proposal%")))
      .filter((a) => a.entityId === p.id || a.entityId === parent)
      .map((a) => a.action)
      .sort();
    expect([
      noReason.status,
      (await body(noReason)).errors[0].path,
      byCommune.status,
      accept.status,
      decided.proposal.status,
      decided.proposal.decision.reason,
      decided.planVersion,
      after.version,
      after.plan.tasks.find((t: { code: string }) => t.code === "II.6").coordinating,
      again.status,
      audit,
    ]).toEqual([
      422,
      "$.reason",
      403,
      200,
      "accepted",
      "Đồng ý, phù hợp thực tế",
      2,
      2,
      ["chinh-quyen-cac-cap", "to-chuc-ctxh-huyen"],
      409,
      ["plan.proposal", "plan.proposal_accepted", "plan.proposal_applied"],
    ]);
  });

  it("refuses with a reason, and answers 409 when accepting a proposal whose fields changed since", async () => {
    const a = await body(
      await s.huyen!.request(
        `/v1/plans/${parent}/proposals`,
        json("POST", { summary: "Đề nghị ghi số kế hoạch", changes: { number: "09-KH/HU" } }, ifMatch(2)),
      ),
    );
    const b = await body(
      await s.huyen!.request(
        `/v1/plans/${parent}/proposals`,
        json("POST", { summary: "Đề nghị bỏ nhiệm vụ II.8", taskCodes: ["II.8"] }, ifMatch(2)),
      ),
    );
    expect((await s.huyen!.request(`/v1/plans/${parent}`, json("PATCH", { number: "10-KH/HU" }, ifMatch(2)))).status).toBe(200);
    const stale = await s.huyen!.request(
      `/v1/plans/${parent}/proposals/${a.id}/decision`,
      json("POST", { decision: "accept", reason: "Đồng ý" }, ifMatch(1)),
    );
    const refuse = await s.huyen!.request(
      `/v1/plans/${parent}/proposals/${b.id}/decision`,
      json("POST", { decision: "refuse", reason: "Nhiệm vụ II.8 do Mặt trận chủ trì, giữ nguyên" }, ifMatch(1)),
    );
    const list = await body(await s.huyen!.request(`/v1/plans/${parent}/proposals`));
    expect([stale.status, (await body(stale)).errors[0].code, refuse.status, list.items.map((x: { status: string }) => x.status)]).toEqual([
      409,
      "proposal.stale",
      200,
      ["accepted", "proposed", "refused"],
    ]);
    const rows = await h.database.db.select().from(planProposals).where(eq(planProposals.planId, parent));
    expect(rows.length).toBe(3);
  });
});

describe("export and import", () => {
  let id = "";
  beforeAll(async () => {
    id = (await body(await create("huyen", { unitId: "d-01", template: "directive-63", number: "11-KH/HU", date: "2025-03-01" }))).id;
  });

  it.each(["json", "xlsx"] as const)(
    "round-trips a plan through %s: export → import gives an equal plan under a new id",
    async (format) => {
      const exported = await s.huyen!.request(`/v1/plans/${id}/export?format=${format}`);
      const file = await exported.arrayBuffer();
      const type = format === "json" ? "application/json" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      const res = await s.huyen!.request("/v1/plans/import?unitId=d-01", { method: "POST", headers: { "content-type": type }, body: file });
      const imported = await body(res);
      const original = await body(await s.huyen!.request(`/v1/plans/${id}/document`));
      const again = await body(await s.huyen!.request(`/v1/plans/${imported.id}/document`));
      const audit = await h.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, imported.id), eq(auditLog.action, "plan.import")));
      expect([exported.status, exported.headers.get("content-type")?.split(";")[0], res.status, imported.id === id, audit.length]).toEqual([
        200,
        type,
        201,
        false,
        1,
      ]);
      expect(again.plan).toEqual({ ...original.plan, id: imported.id });
    },
  );

  it("names the sheet, row and column of a bad cell in an XLSX import, and writes nothing", async () => {
    const file = await (await s.huyen!.request(`/v1/plans/${id}/export?format=xlsx`)).arrayBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file);
    wb.getWorksheet("Nhiệm vụ")!.getCell("E3").value = "nobody";
    const bad = await wb.xlsx.writeBuffer();
    const before = await countPlans();
    const res = await s.huyen!.request("/v1/plans/import?unitId=d-01", {
      method: "POST",
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: bad as ArrayBuffer,
    });
    const p = await body(res);
    expect([
      res.status,
      p.errors.map((e: { path: string; row: number; column: string; code: string }) => [e.path, e.row, e.column, e.code]),
      await countPlans(),
    ]).toEqual([422, [["Nhiệm vụ!E3", 3, "E", "plan.unknown_assignee"]], before]);
  });

  it("refuses an import for a unit out of scope (403) and unreadable JSON (400)", async () => {
    const file = await (await s.huyen!.request(`/v1/plans/${id}/export?format=json`)).text();
    const out = await s.huyen!.request("/v1/plans/import?unitId=d-02", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: file,
    });
    const broken = await s.huyen!.request("/v1/plans/import?unitId=d-01", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: file.slice(0, 50),
    });
    expect([out.status, broken.status]).toEqual([403, 400]);
  });
});

describe("on an empty system (no demo data)", () => {
  let empty: Harness;
  afterAll(async () => {
    await empty?.close();
  });

  it("lets an administrator create units and then a plan from the template for a unit they made", async () => {
    empty = await openHarness({ seed: false });
    const password = `pw-${randomUUID()}`;
    await empty.database.db.insert(users).values({
      id: randomUUID(),
      username: "root",
      displayName: "Quản trị",
      passwordHash: await hashPassword(password),
      role: "admin",
      scopeUnitId: "*",
    });
    const admin = await login(empty, "root", password);
    const province = await admin.request("/v1/units", json("POST", { id: "p-x", level: "province", name: "Tỉnh Thử", region: "DBSH" }));
    const commune = await admin.request("/v1/units", json("POST", { id: "c-x", level: "commune", name: "Xã Thử", parentId: "p-x" }));
    const res = await admin.request("/v1/plans", json("POST", { unitId: "p-x", template: "directive-63" }));
    const doc = await body(res);
    const child = await admin.request("/v1/plans", json("POST", { unitId: "c-x", template: "blank", parentPlanId: doc.id }));
    if (res.status !== 201)
      throw new Error(
        `${province.status} ${await province.text()} ${commune.status} ${await commune.text()} ${res.status} ${JSON.stringify(doc)}`,
      );
    const list = await body(await admin.request("/v1/plans?unitId=p-x"));
    expect([province.status, commune.status, res.status, doc.plan.tasks.length, child.status, list.items.length]).toEqual([
      201, 201, 201, 8, 201, 2,
    ]);
  });
});
