/**
 * One source of truth for "which communes each steering member supports": the register
 * (steering_members). A change made through any path (the register's PATCH, the plan's PUT
 * /plans/{id}/steering-members, a file import) reads the same through every other: the plan page, the
 * coverage view and the persons of the annual ranking (core subjectsFromPlan).
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/schema.js";
import { type Harness, type Session, json, loginAll, openHarness } from "../testing/harness.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const body = async (res: Response): Promise<any> => res.json();
type Support = Record<string, string[]>;
const add = (out: Support, commune: string, member: string) => {
  out[commune] = [...(out[commune] ?? []), member].sort();
};

/** Commune → ids of the members supporting it, as each view gives it. */
async function views(): Promise<{ plan: Support; coverage: Support; ranking: Support }> {
  const plan: Support = {};
  const p = await body(await s.huyen!.request("/v1/plans/plan-63-d-01"));
  for (const m of p.steeringMembers as { id: string; communes: { id: string }[] }[]) for (const c of m.communes) add(plan, c.id, m.id);
  const coverage: Support = {};
  const cov = await body(await s.huyen!.request("/v1/steering-members/coverage?districtId=d-01"));
  for (const c of cov.communes as { unitId: string; members: { id: string }[] }[]) for (const m of c.members) add(coverage, c.unitId, m.id);
  const ranking: Support = {};
  const r = await body(await s.huyen!.request("/v1/units/d-01/ranking?year=2025&kind=person"));
  for (const row of r.rows as { unitId: string; responsibleFor: string[] }[])
    for (const c of row.responsibleFor) add(ranking, c, row.unitId);
  return { plan, coverage, ranking };
}
const agree = async () => {
  const v = await views();
  expect(v.plan).toEqual(v.coverage);
  expect(v.ranking).toEqual(v.coverage);
  return v.coverage;
};

describe("which communes each steering member supports: the register, read the same everywhere", () => {
  it("gives the seeded district the same answer on the plan page, the coverage view and the persons ranking", async () => {
    const support = await agree();
    expect(support["c-01-01"]).toEqual(["tv-bcd-d-01-1"]);
    expect(support["c-01-08"]).toBeUndefined();
  });

  it("reads a change made in the register (PATCH) on the plan and in the ranking", async () => {
    const cur = await s.huyen!.request("/v1/steering-members/tv-bcd-d-01-1");
    const res = await s.huyen!.request(
      "/v1/steering-members/tv-bcd-d-01-1",
      json("PATCH", { communeUnitIds: ["c-01-08", "c-01-01"] }, { "if-match": cur.headers.get("etag")! }),
    );
    expect(res.status).toBe(200);
    const support = await agree();
    expect([support["c-01-08"], support["c-01-02"]]).toEqual([["tv-bcd-d-01-1"], undefined]);
  });

  it("writes the plan's assignment (PUT /plans/{id}/steering-members) into the register, in one transaction, audited per member", async () => {
    const etag = (await s.huyen!.request("/v1/plans/plan-63-d-01")).headers.get("etag")!;
    const members = [
      { id: "tv-bcd-d-01-2", supportsUnitIds: ["c-01-10", "c-01-03"] },
      { id: "tv-bcd-d-01-1", supportsUnitIds: ["c-01-02"] },
    ];
    const res = await s.huyen!.request("/v1/plans/plan-63-d-01/steering-members", json("PUT", { members }, { "if-match": etag }));
    const out = await body(res);
    expect([
      res.status,
      out.steeringMembers.map((m: { id: string; communes: { id: string }[] }) => [m.id, m.communes.map((c) => c.id)]),
    ]).toEqual([
      200,
      [
        ["tv-bcd-d-01-1", ["c-01-02"]],
        ["tv-bcd-d-01-2", ["c-01-10", "c-01-03"]],
      ],
    ]);
    const [one, three] = await Promise.all(
      ["tv-bcd-d-01-1", "tv-bcd-d-01-3"].map(
        async (id) => (await body(await s.huyen!.request(`/v1/steering-members/${id}`))).data.communeUnitIds,
      ),
    );
    // an unlisted member supports none of the plan's communes any more
    expect([one, three]).toEqual([["c-01-02"], []]);
    const audits = await h.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "steering_member"), eq(auditLog.action, "steering_member.update")));
    // the PATCH above, then three members changed by the plan's PUT
    expect(audits[0]!.n).toBe(4);
    const support = await agree();
    expect(support).toEqual({ "c-01-02": ["tv-bcd-d-01-1"], "c-01-03": ["tv-bcd-d-01-2"], "c-01-10": ["tv-bcd-d-01-2"] });
  });

  it("refuses a member not in the register, naming it, and changes nothing", async () => {
    const etag = (await s.huyen!.request("/v1/plans/plan-63-d-01")).headers.get("etag")!;
    const before = await views();
    const res = await s.huyen!.request(
      "/v1/plans/plan-63-d-01/steering-members",
      json("PUT", { members: [{ id: "tv-khong-co", supportsUnitIds: ["c-01-01"] }] }, { "if-match": etag }),
    );
    const p = await body(res);
    expect([res.status, p.errors.map((e: { path: string }) => e.path)]).toEqual([422, ["$.members[0].id"]]);
    expect(p.errors[0].message).toMatch(/không có trong danh sách Ban Chỉ đạo/);
    expect(await views()).toEqual(before);
  });

  it("shows a member imported from a file on the plan and in the ranking", async () => {
    const csv = [
      "Mã đơn vị (Ban Chỉ đạo);Họ và tên;Chức vụ;Cơ quan, đơn vị;Vai trò trong Ban Chỉ đạo;Bắt đầu nhiệm kỳ;Xã phụ trách",
      "d-01;Phan Văn Tệp (ví dụ);Phó Chủ tịch UBND huyện (ví dụ);UBND huyện (ví dụ);Phó Trưởng ban;01/01/2024;c-01-05",
      "",
    ].join("\r\n");
    const res = await s.huyen!.request("/v1/steering-members/import", {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: csv,
    });
    const [id] = (await body(res)).ids as string[];
    const support = await agree();
    expect(support["c-01-05"]).toEqual([id]);
    const plan = await body(await s.huyen!.request("/v1/plans/plan-63-d-01"));
    expect(plan.steeringMembers.find((m: { id: string }) => m.id === id)?.name.vi).toBe("Đ/c Phan Văn Tệp (ví dụ)");
  });
});
