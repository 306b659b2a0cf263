/**
 * Day one of a real province, through the API, from an empty database without demo data: the setup
 * token → the first administrator → the unit tree imported from the downloaded template → a plan from
 * the Directive 63 template, edited with If-Match → a commune officer's implementing plan linked to a
 * task of it → an adjustment proposed from it and accepted by the plan's owner → a district officer
 * and a commune officer, each signing in and seeing only their scope.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { type Harness, type Session, json, login, openHarness } from "../testing/harness.js";
import { auditLog, plans } from "../db/schema.js";
import { issueSetupToken } from "../setup.js";

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await openHarness({ seed: false });
});
afterAll(async () => {
  await h?.close();
});

const body = async (res: Response): Promise<any> => res.json();
const ifMatch = (v: number | string) => ({ "if-match": `"${v}"` });
const HEADER = "code,name,level,parent_code,region,commune_group,flags,effective_from,ended_on,merged_from";
/** The province's own rows: a district kept for history, two former communes merged into one, a second commune, hamlets. */
const ROWS = [
  "p-26-h1,Huyện Lập Thạch (cũ),huyện,p-26,,,,,30/06/2025,",
  "p-26-x01,Xã Xuân Lôi (cũ),xã,p-26-h1,,,,,30/06/2025,",
  "p-26-x02,Xã Văn Quán (cũ),xã,p-26-h1,,,,,30/06/2025,",
  "p-26-x10,Xã Lập Thạch,xã,p-26,,2,merged2025,01/07/2025,,p-26-x01;p-26-x02",
  "p-26-x11,Xã Sơn Đông,xã,p-26,,1,,01/07/2025,,",
  "p-26-x10-t1,Thôn Đông,thôn,p-26-x10,,,,,,",
  "p-26-x10-t2,Thôn Tây,thôn,p-26-x10,,,,,,",
  "p-26-x11-t1,Thôn Bắc,thôn,p-26-x11,,,,,,",
];
const ids = {
  plan: "",
  child: "",
  proposal: "",
};
const people: Record<string, Session> = {};

describe("day one of a real province (API, empty database, NTM_SEED=none)", () => {
  it("1. the setup token creates the first administrator and the province", async () => {
    expect(await body(await h.app.request("/v1/setup"))).toEqual({ needed: true });
    const token = await issueSetupToken(h.database.db, new Date());
    const res = await h.app.request(
      "/v1/setup",
      json("POST", {
        token,
        username: "quantri",
        password: "mat-khau-dai",
        displayName: "Quản trị tỉnh",
        province: { id: "p-26", name: "Tỉnh Vĩnh Phúc" },
      }),
    );
    expect(res.status).toBe(201);
    admin = await login(h, "quantri", "mat-khau-dai");
    expect(await body(await h.app.request("/v1/setup"))).toEqual({ needed: false });
  });

  it("2. imports the unit tree from the downloaded template, then re-imports it reporting what changed", async () => {
    const template = (await (await admin.request("/v1/units/template?format=csv")).text()).replace(/^\uFEFF/, "");
    const lines = template.trim().split(/\r?\n/);
    expect(lines[0]).toBe(HEADER);
    // Keep the header, the notes and the province's own row; the template's example units are replaced by ours.
    const kept = lines.filter((l, i) => i === 0 || l.startsWith("#") || l.startsWith('"#') || l.startsWith("p-26,"));
    const csv = [...kept, ...ROWS].join("\n");
    const post = (text: string) =>
      admin.request("/v1/units/import", { method: "POST", headers: { "content-type": "text/csv" }, body: text });
    const first = await body(await post(csv));
    expect([first.created.length, first.updated, first.unchanged]).toEqual([ROWS.length, [], ["p-26"]]);
    const again = await body(await post(csv.replace("Xã Sơn Đông,", "Xã Sơn Đông Mới,")));
    expect([again.created, again.updated]).toEqual([[], [{ id: "p-26-x11", fields: ["name"] }]]);
    const merged = await body(await admin.request("/v1/units/p-26-x10"));
    const district = await body(await admin.request("/v1/units/p-26-h1"));
    expect([merged.unit.mergedFrom, merged.unit.effectiveFrom, district.unit.endedOn]).toEqual([
      ["p-26-x01", "p-26-x02"],
      "2025-07-01",
      "2025-06-30",
    ]);
  });

  it("3. creates the province's plan from the Directive 63 template and edits it with If-Match", async () => {
    const res = await admin.request("/v1/plans", json("POST", { unitId: "p-26", template: "directive-63" }));
    const doc = await body(res);
    ids.plan = doc.id;
    const ii6 = doc.plan.tasks.find((t: { code: string }) => t.code === "II.6");
    const stale = await admin.request(`/v1/plans/${ids.plan}`, json("PATCH", { number: "12-KH/TU" }, ifMatch(7)));
    const edited = await admin.request(`/v1/plans/${ids.plan}`, json("PATCH", { number: "12-KH/TU", date: "2025-08-01" }, ifMatch(1)));
    expect([res.status, doc.plan.tasks.length, ii6.links.criteria, stale.status, edited.status, (await body(edited)).version]).toEqual([
      201,
      8,
      ["12", "13"],
      412,
      200,
      2,
    ]);
  });

  it("4. the administrator creates a district officer and two commune officers", async () => {
    const accounts = [
      { username: "huyen-lt", displayName: "Cán bộ huyện Lập Thạch (cũ)", role: "district_officer", scopeUnitId: "p-26-h1" },
      { username: "xa-lt", displayName: "Cán bộ xã Lập Thạch", role: "commune_officer", scopeUnitId: "p-26-x10" },
      { username: "xa-sd", displayName: "Cán bộ xã Sơn Đông", role: "commune_officer", scopeUnitId: "p-26-x11" },
    ];
    for (const a of accounts) {
      const res = await admin.request("/v1/users", json("POST", { ...a, password: `mat-khau-${a.username}` }));
      expect([a.username, res.status]).toEqual([a.username, 201]);
      people[a.username] = await login(h, a.username, `mat-khau-${a.username}`);
    }
  });

  it("5. a commune officer writes their commune's implementing plan linked to II.6, and cannot for another commune", async () => {
    const xa = people["xa-lt"]!;
    const listed = (await body(await xa.request("/v1/plans"))).items.map((p: { id: string }) => p.id);
    const parentDoc = await xa.request(`/v1/plans/${ids.plan}/document`);
    const other = await xa.request("/v1/plans", json("POST", { unitId: "p-26-x11", template: "blank", parentPlanId: ids.plan }));
    const ownTop = await xa.request("/v1/plans", json("POST", { unitId: "p-26-x10", template: "blank" }));
    const res = await xa.request(
      "/v1/plans",
      json("POST", {
        unitId: "p-26-x10",
        template: "blank",
        parentPlanId: ids.plan,
        organisationId: "chinh-quyen-cac-cap",
        title: { vi: "Kế hoạch thực hiện của xã Lập Thạch", en: "Lập Thạch commune's implementing plan" },
      }),
    );
    const doc = await body(res);
    ids.child = doc.id;
    const task = {
      code: "I.1",
      title: { vi: "Đào tạo nghề cho lao động của xã", en: "Vocational training in the commune" },
      body: "Mở 2 lớp đào tạo nghề cho lao động nông thôn.",
      lead: ["issuer"],
      coordinating: [],
      assigneeBasis: "stated",
      deliverables: [],
      links: { criteria: ["12"], indicators: [], targets: ["vocational_training"] },
      reportingCadence: null,
      implements: ["II.6"],
    };
    const linked = await xa.request(`/v1/plans/${ids.child}`, json("PATCH", { tasks: [task] }, ifMatch(1)));
    const saved = await body(linked);
    expect([
      listed,
      parentDoc.status,
      other.status,
      ownTop.status,
      res.status,
      doc.parentPlanId,
      linked.status,
      saved.plan.tasks[0].implements,
    ]).toEqual([[ids.plan], 200, 403, 403, 201, ids.plan, 200, ["II.6"]]);
    // The other commune's officer may neither read nor edit it.
    const sd = people["xa-sd"]!;
    const [read, edit] = await Promise.all([
      sd.request(`/v1/plans/${ids.child}/document`),
      sd.request(`/v1/plans/${ids.child}`, json("PATCH", { number: "1-KH/UBND" }, ifMatch(2))),
    ]);
    expect([read.status, edit.status]).toEqual([403, 403]);
  });

  it("6. the commune officer cannot edit the province's plan, but proposes an adjustment the plan's owner accepts with a reason", async () => {
    const xa = people["xa-lt"]!;
    const edit = await xa.request(`/v1/plans/${ids.plan}`, json("PATCH", { number: "13-KH/TU" }, ifMatch(2)));
    const doc = await body(await xa.request(`/v1/plans/${ids.plan}/document`));
    const tasks = doc.plan.tasks.map((t: { code: string; deadline?: unknown; milestones?: unknown[] }) =>
      t.code === "II.6"
        ? {
            ...t,
            milestones: [
              {
                text: { vi: "Đào tạo nghề cho 300 lao động nông thôn", en: "Vocational training for 300 rural workers" },
                deadline: "2025-12-31",
                measure: "12",
              },
            ],
          }
        : t,
    );
    const proposed = await xa.request(
      `/v1/plans/${ids.plan}/proposals`,
      json(
        "POST",
        { fromPlanId: ids.child, taskCodes: ["II.6"], summary: "Đề nghị bổ sung chỉ tiêu đào tạo nghề cho lao động", changes: { tasks } },
        ifMatch(2),
      ),
    );
    const p = await body(proposed);
    ids.proposal = p.id;
    const selfDecide = await xa.request(
      `/v1/plans/${ids.plan}/proposals/${p.id}/decision`,
      json("POST", { decision: "accept", reason: "Tự chấp nhận" }, ifMatch(1)),
    );
    const accepted = await admin.request(
      `/v1/plans/${ids.plan}/proposals/${p.id}/decision`,
      json("POST", { decision: "accept", reason: "Phù hợp thực tế của xã" }, ifMatch(1)),
    );
    const decided = await body(accepted);
    const after = await body(await admin.request(`/v1/plans/${ids.plan}/document`));
    const audit = await h.database.db
      .select({ action: auditLog.action, actor: auditLog.actorName })
      .from(auditLog)
      .where(inArray(auditLog.entityId, [p.id]));
    expect([
      edit.status,
      proposed.status,
      p.proposedBy,
      selfDecide.status,
      accepted.status,
      decided.proposal.decision.reason,
      after.version,
      after.plan.tasks.find((t: { code: string }) => t.code === "II.6").milestones.length,
      audit.map((a) => `${a.action}:${a.actor}`).sort(),
    ]).toEqual([403, 201, "xa-lt", 403, 200, "Phù hợp thực tế của xã", 3, 1, ["plan.proposal:xa-lt", "plan.proposal_accepted:quantri"]]);
    const childAudit = await h.database.db
      .select({ action: auditLog.action, actor: auditLog.actorName })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ids.child)));
    expect(childAudit.map((a) => `${a.action}:${a.actor}`)).toEqual(["plan.create:xa-lt", "plan.update:xa-lt"]);
  });

  it("7. the district officer and the commune officer each see only their scope", async () => {
    const huyen = people["huyen-lt"]!;
    const xa = people["xa-lt"]!;
    const [dTree, cTree] = await Promise.all([body(await huyen.request("/v1/units/tree")), body(await xa.request("/v1/units/tree"))]);
    const flat = (n: { id: string; children: unknown[] }): string[] => [n.id, ...n.children.flatMap((c) => flat(c as typeof n))];
    const [dOut, cOut, cIn] = await Promise.all([
      huyen.request("/v1/units/p-26-x11"),
      xa.request("/v1/units/p-26-x11"),
      xa.request("/v1/units/p-26-x10-t1"),
    ]);
    const childPlans = (await body(await huyen.request("/v1/plans"))).items.map((p: { id: string }) => p.id);
    expect([flat(dTree), flat(cTree), dOut.status, cOut.status, cIn.status, childPlans]).toEqual([
      ["p-26-h1", "p-26-x01", "p-26-x02"],
      ["p-26-x10", "p-26-x10-t1", "p-26-x10-t2"],
      403,
      403,
      200,
      [ids.plan],
    ]);
    const stored = await h.database.db.select({ id: plans.id, unitId: plans.unitId }).from(plans);
    expect(stored.map((p) => p.unitId).sort()).toEqual(["p-26", "p-26-x10"]);
  });
});
