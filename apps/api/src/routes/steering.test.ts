import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { type Harness, type Session, json, loginAll, openHarness } from "../testing/harness.js";
import { auditLog } from "../db/schema.js";

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
const audits = async (id: string, action: string) =>
  (
    await h.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)))
  )[0]?.n ?? 0;

const member = {
  unitId: "d-01",
  fullName: "Võ Thị Mai",
  position: "Phó Chủ tịch UBND huyện",
  organisation: "UBND huyện An Hòa",
  role: "deputy_head",
  phone: "0905 123 456",
  termStart: "2024-01-01",
  communeUnitIds: ["c-01-08", "c-01-09"],
};
const unsupported = async (who: Session, asOf = "2025-06-30") =>
  (await body(await who.request(`/v1/steering-members/coverage?districtId=d-01&asOf=${asOf}`))).unsupported.map(
    (u: { unitId: string }) => u.unitId,
  );

describe("demo seed and coverage", () => {
  it("holds the first district's committee, its head supporting no commune, and flags the communes without a member by name", async () => {
    const res = await s.huyen!.request("/v1/steering-members/coverage?districtId=d-01&asOf=2025-06-30");
    const c = await body(res);
    expect([
      res.status,
      c.unitName,
      c.unsupported.map((u: { unitId: string }) => u.unitId),
      c.communes.find((x: { unitId: string }) => x.unitId === "c-01-01").members.map((m: { id: string }) => m.id),
      c.reasons[0].vi,
    ]).toEqual([
      200,
      "Huyện An Hòa",
      ["c-01-08", "c-01-09", "c-01-10"],
      ["tv-bcd-d-01-1"],
      expect.stringMatching(/^Xã .+ chưa có thành viên Ban Chỉ đạo phụ trách \(ngày 30\/06\/2025\)$/),
    ]);
  });

  it("counts no member before the demo terms start (01/01/2021)", async () => {
    expect((await unsupported(s.huyen!, "2020-12-31")).length).toBe(10);
  });

  it("refuses coverage of a unit outside the reader's scope (403) and of an unknown unit (404)", async () => {
    const [out, unknown] = await Promise.all([
      s.xa!.request("/v1/steering-members/coverage?districtId=d-01"),
      s.huyen!.request("/v1/steering-members/coverage?districtId=d-99"),
    ]);
    expect([out.status, unknown.status]).toEqual([403, 404]);
  });
});

describe("reading members", () => {
  it("lists a district's members with the names of the communes each supports", async () => {
    const p = await body(await s.huyen!.request("/v1/steering-members?asOf=2025-06-30"));
    const lan = p.items.find((i: { id: string }) => i.id === "tv-bcd-d-01-1");
    expect([p.items.length, lan.unitName, lan.communes.length, typeof lan.communes[0].name, lan.active]).toEqual([
      4,
      "Huyện An Hòa",
      2,
      "string",
      true,
    ]);
  });

  it("shows a commune officer only the members assigned to the commune, and refuses another district's member", async () => {
    const p = await body(await s.xa!.request("/v1/steering-members"));
    const other = await s.xa!.request("/v1/steering-members/tv-bcd-d-02-0");
    const own = await s.xa!.request("/v1/steering-members/tv-bcd-d-01-1");
    expect([p.items.map((i: { id: string }) => i.id), other.status, own.status, own.headers.get("etag")]).toEqual([
      ["tv-bcd-d-01-1"],
      403,
      200,
      '"1"',
    ]);
  });
});

describe("writing members", () => {
  it.each([
    ["huyen", 201],
    ["tinh", 201],
    ["admin", 201],
    ["xa", 403],
    ["thanhtra", 403],
    ["xem", 403],
  ])("POST as %s → %i, audited when created", async (who, status) => {
    const res = await s[who]!.request("/v1/steering-members", json("POST", member));
    const out = await body(res);
    expect([res.status, status === 201 ? await audits(out.id, "steering_member.create") : 0]).toEqual([status, status === 201 ? 1 : 0]);
  });

  it("refuses a district officer writing for another district with 403", async () => {
    const res = await s.huyen!.request("/v1/steering-members", json("POST", { ...member, unitId: "d-02", communeUnitIds: ["c-02-01"] }));
    expect(res.status).toBe(403);
  });

  it("a new member supporting two communes removes them from the communes without a member", async () => {
    const h2 = { ...member, communeUnitIds: ["c-01-10"] };
    const before = await unsupported(s.huyen!);
    const res = await s.huyen!.request("/v1/steering-members", json("POST", h2));
    expect([before.includes("c-01-10"), res.status, (await unsupported(s.huyen!)).includes("c-01-10")]).toEqual([true, 201, false]);
  });

  it.each([
    [{ ...member, communeUnitIds: ["c-01-01", "c-02-01"] }, "$.communeUnitIds[1]", "steering.commune_outside_unit"],
    [{ ...member, termEnd: "2023-12-31" }, "$.termEnd", "steering.term_reversed"],
    [{ ...member, communeUnitIds: ["c-01-01", "c-01-01"] }, "$.communeUnitIds[1]", "steering.duplicate_commune"],
    [{ ...member, phone: "123" }, "$.phone", undefined],
    [{ ...member, role: "chairman" }, "$.role", undefined],
    [{ ...member, termStart: "2025-02-30" }, "$.termStart", undefined],
  ])("refuses bad input with 422 naming the field (%#), and writes nothing", async (input, path, code) => {
    const before = (await body(await s.huyen!.request("/v1/steering-members"))).items.length;
    const res = await s.huyen!.request("/v1/steering-members", json("POST", input));
    const p = await body(res);
    const after = (await body(await s.huyen!.request("/v1/steering-members"))).items.length;
    const field = p.errors.find((e: { path: string }) => e.path === path);
    expect([res.status, field !== undefined, code === undefined || field?.code === code, after]).toEqual([422, true, true, before]);
  });

  it("refuses a committee unit that does not exist with 404", async () => {
    const res = await s.admin!.request("/v1/steering-members", json("POST", { ...member, unitId: "d-99" }));
    expect(res.status).toBe(404);
  });
});

describe("PATCH and DELETE with If-Match", () => {
  it("changes fields with If-Match, clears one with null, refuses a stale version (412) and a missing one (428)", async () => {
    const created = await body(await s.huyen!.request("/v1/steering-members", json("POST", member)));
    const path = `/v1/steering-members/${created.id}`;
    const ok = await s.huyen!.request(path, json("PATCH", { communeUnitIds: ["c-01-08"], phone: null }, { "if-match": '"1"' }));
    const saved = await body(ok);
    const stale = await s.huyen!.request(path, json("PATCH", { fullName: "Khác" }, { "if-match": '"1"' }));
    const missing = await s.huyen!.request(path, json("PATCH", { fullName: "Khác" }));
    const bad = await s.huyen!.request(path, json("PATCH", { communeUnitIds: ["c-03-01"] }, { "if-match": '"2"' }));
    expect([
      ok.status,
      ok.headers.get("etag"),
      saved.data.communeUnitIds,
      "phone" in saved.data,
      saved.data.fullName,
      stale.status,
      missing.status,
      bad.status,
      await audits(created.id, "steering_member.update"),
    ]).toEqual([200, '"2"', ["c-01-08"], false, "Võ Thị Mai", 412, 428, 422, 1]);
  });

  it("refuses a commune officer's PATCH with 403 before looking at the version", async () => {
    const res = await s.xa!.request("/v1/steering-members/tv-bcd-d-01-1", json("PATCH", { note: "x" }, { "if-match": '"1"' }));
    expect(res.status).toBe(403);
  });

  it("deletes with If-Match (204, audited), refusing a missing (428) or stale (412) one; the member is then gone (404)", async () => {
    const created = await body(await s.huyen!.request("/v1/steering-members", json("POST", member)));
    const path = `/v1/steering-members/${created.id}`;
    const missing = await s.huyen!.request(path, { method: "DELETE" });
    const stale = await s.huyen!.request(path, { method: "DELETE", headers: { "if-match": '"7"' } });
    const gone = await s.huyen!.request(path, { method: "DELETE", headers: { "if-match": '"1"' } });
    const after = await s.huyen!.request(path);
    expect([missing.status, stale.status, gone.status, after.status, await audits(created.id, "steering_member.delete")]).toEqual([
      428, 412, 204, 404, 1,
    ]);
  });
});
