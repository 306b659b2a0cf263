import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { type Harness, type Session, json, login, loginAll, openHarness } from "../testing/harness.js";
import {
  auditLog,
  contributions,
  dossiers,
  housing,
  indicatorValues,
  inspections,
  ocopProducts,
  plans,
  publications,
  reportSubmissions,
  scoring,
  tasks,
  units,
  users,
} from "../db/schema.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
  // A province officer whose scope is one district (a subtree), to test the scope edges.
  const created = await s.admin!.request(
    "/v1/users",
    json("POST", {
      username: "tinh-d01",
      displayName: "Cán bộ tỉnh phụ trách d-01",
      password: "matkhau-d01",
      role: "province_officer",
      scopeUnitId: "d-01",
    }),
  );
  if (created.status !== 201) throw new Error(`user: ${created.status}`);
  s.scoped = await login(h, "tinh-d01", "matkhau-d01");
});
afterAll(async () => {
  await h?.close();
});

type Problem = { status: number; kind: string; detail: string; errors?: { path: string; code?: string; message: string }[] };
const problem = async (res: Response) => ({
  status: res.status,
  type: res.headers.get("content-type"),
  body: (await res.json()) as Problem,
});
const fields = (p: Problem) => (p.errors ?? []).map((e) => [e.path, e.code ?? null]).sort();

const create = (who: string, body: Record<string, unknown>) => s[who]!.request("/v1/units", json("POST", body));
const patch = (who: string, id: string, body: Record<string, unknown>, etag?: string) =>
  s[who]!.request(`/v1/units/${id}`, json("PATCH", body, etag === undefined ? {} : { "if-match": etag }));
const remove = (who: string, id: string, etag?: string) =>
  s[who]!.request(`/v1/units/${id}`, { method: "DELETE", headers: etag === undefined ? {} : { "if-match": etag } });
const etagOf = async (id: string) => (await s.admin!.request(`/v1/units/${id}`)).headers.get("etag")!;
const row = async (id: string) => (await h.database.db.select().from(units).where(eq(units.id, id)))[0];
const audits = (entityId: string) =>
  h.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "unit"), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id));

/** Every unit's path is its parent's path plus its own id (or `/id/` at the top). */
async function badPaths(): Promise<string[]> {
  const all = await h.database.db.select().from(units);
  const byId = new Map(all.map((u) => [u.id, u]));
  return all.filter((u) => u.path !== `${u.parentId ? byId.get(u.parentId)?.path : "/"}${u.id}/`).map((u) => u.id);
}

describe("POST /v1/units", () => {
  it("creates a commune that then appears in the list, the tree and GET with ETag 1, with its path, the parent's region and the next sort", async () => {
    const res = await create("tinh", {
      id: "c-01-11",
      level: "commune",
      name: "Xã Tân Lập",
      parentId: "d-01",
      flags: ["especiallyDifficult"],
      communeGroup: 2,
    });
    const created = await res.json();
    const list = (await (await s.tinh!.request("/v1/units?level=commune")).json()) as { items: { id: string }[] };
    const tree = (await (await s.huyen!.request("/v1/units/tree")).json()) as { children: { id: string }[] };
    const one = await s.huyen!.request("/v1/units/c-01-11");
    const stored = await row("c-01-11");
    expect([
      res.status,
      res.headers.get("etag"),
      res.headers.get("location"),
      created,
      list.items.some((u) => u.id === "c-01-11"),
      tree.children.map((c) => c.id).at(-1),
      one.headers.get("etag"),
      stored?.path,
    ]).toEqual([
      201,
      '"1"',
      "/v1/units/c-01-11",
      {
        id: "c-01-11",
        name: "Xã Tân Lập",
        level: "commune",
        parentId: "d-01",
        region: "DHNTB",
        communeGroup: 2,
        flags: ["especiallyDifficult"],
        sort: 10,
        version: 1,
        effectiveFrom: null,
        endedOn: null,
        mergedFrom: [],
      },
      true,
      "c-01-11",
      '"1"',
      "/p-demo/d-01/c-01-11/",
    ]);
  });

  it("creates a province at the top for an admin, and a commune directly under a province (two-tier government)", async () => {
    const p = await create("admin", { id: "p-khac", level: "province", name: "Tỉnh Khác (ví dụ)", region: "TN" });
    const c = await create("admin", { id: "c-khac-01", level: "commune", name: "Xã Một", parentId: "p-khac" });
    expect([p.status, c.status, (await row("p-khac"))?.path, (await row("c-khac-01"))?.path, (await row("c-khac-01"))?.region]).toEqual([
      201,
      201,
      "/p-khac/",
      "/p-khac/c-khac-01/",
      "TN",
    ]);
  });

  it("lets only admins and province officers in scope create: district and commune officers, inspectors and viewers get 403", async () => {
    const statuses = await Promise.all(
      ["admin", "tinh", "scoped", "huyen", "xa", "thanhtra", "xem"].map(
        async (who, i) => (await create(who, { id: `c-01-t-role-${i}`, level: "hamlet", name: `Thôn ${i}`, parentId: "c-01-01" })).status,
      ),
    );
    expect(statuses).toEqual([201, 201, 201, 403, 403, 403, 403]);
  });

  it("keeps province officers inside their scope: nothing under another province or district, nothing at the top", async () => {
    const statuses = await Promise.all(
      [
        create("tinh", { id: "c-khac-02", level: "commune", name: "Xã Hai", parentId: "p-khac" }),
        create("tinh", { id: "p-tinh", level: "province", name: "Tỉnh Mới" }),
        create("scoped", { id: "c-02-11", level: "commune", name: "Xã Ngoài", parentId: "d-02" }),
        create("scoped", { id: "d-05", level: "district", name: "Huyện Mới", parentId: "p-demo" }),
      ].map(async (r) => (await r).status),
    );
    expect([statuses, await row("c-khac-02"), await row("p-tinh"), await row("c-02-11"), await row("d-05")]).toEqual([
      [403, 403, 403, 403],
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("refuses a level that does not fit its parent with 422 naming $.parentId, and writes nothing", async () => {
    const cases = [
      { id: "t-bad-1", level: "hamlet", name: "Thôn", parentId: "d-01" },
      { id: "t-bad-2", level: "commune", name: "Xã" },
      { id: "t-bad-3", level: "province", name: "Tỉnh", parentId: "p-demo" },
      { id: "t-bad-4", level: "district", name: "Huyện", parentId: "d-01" },
    ];
    const out = await Promise.all(cases.map(async (b) => problem(await create("admin", b))));
    expect([out.map((p) => [p.status, p.type, fields(p.body)]), await Promise.all(cases.map((c) => row(c.id)))]).toEqual([
      cases.map(() => [422, "application/problem+json; charset=utf-8", [["$.parentId", "unit.level_not_allowed_here"]]]),
      [undefined, undefined, undefined, undefined],
    ]);
  });

  it("answers bad fields with 422 and each failing JSON path: id format, region, commune group, flags, unknown parent, unknown fields", async () => {
    const out = await Promise.all(
      [
        { id: "C_01", level: "hamlet", name: "Thôn", parentId: "c-01-01" },
        { id: "t-x-1", level: "hamlet", name: " ", parentId: "c-01-01", region: "XYZ" },
        { id: "t-x-2", level: "hamlet", name: "Thôn", parentId: "c-01-01", communeGroup: 2 },
        { id: "t-x-3", level: "commune", name: "Xã", parentId: "d-01", communeGroup: 4, flags: ["safeZone", "poor"] },
        { id: "t-x-4", level: "commune", name: "Xã", parentId: "d-99" },
        { id: "t-x-5", level: "village", name: "Xóm", parentId: "c-01-01" },
      ].map(async (b) => problem(await create("admin", b))),
    );
    expect(out.map((p) => [p.status, p.body.kind, fields(p.body).map(([path]) => path)])).toEqual([
      [422, "invalid_input", ["$.id"]],
      [422, "invalid_input", ["$.name", "$.region"]],
      [422, "invalid_input", ["$.communeGroup"]],
      [422, "invalid_input", ["$.communeGroup", "$.flags[1]"]],
      [422, "invalid_input", ["$.parentId"]],
      [422, "invalid_input", ["$.level"]],
    ]);
  });

  it("answers an id that exists with 409 naming $.id, and keeps the existing unit", async () => {
    const before = await row("c-01-02");
    const p = await problem(await create("admin", { id: "c-01-02", level: "commune", name: "Xã Trùng", parentId: "d-02" }));
    expect([p.status, p.body.kind, fields(p.body), await row("c-01-02")]).toEqual([409, "conflict", [["$.id", "unit.id_taken"]], before]);
  });

  it("answers invalid JSON with a 400 problem and a body that is not an object with a 422 problem", async () => {
    const bad = await problem(
      await s.admin!.request("/v1/units", { method: "POST", headers: { "content-type": "application/json" }, body: "{id: c-9" }),
    );
    const arr = await problem(await s.admin!.request("/v1/units", json("POST", ["c-9"])));
    const badPatch = await problem(
      await s.admin!.request("/v1/units/c-01-03", {
        method: "PATCH",
        headers: { "content-type": "application/json", "if-match": '"1"' },
        body: "{",
      }),
    );
    expect([
      [bad.status, bad.type?.startsWith("application/problem+json"), bad.body.kind, fields(bad.body)],
      [arr.status, arr.body.kind],
      [badPatch.status, badPatch.body.kind],
    ]).toEqual([
      [400, true, "bad_request", [["$", null]]],
      [422, "invalid_input"],
      [400, "bad_request"],
    ]);
  });
});

describe("PATCH /v1/units/{id}", () => {
  it("renames a unit and sets region, commune group, flags and sort with If-Match; the version and ETag go up", async () => {
    const etag = await etagOf("c-02-05");
    const res = await patch(
      "tinh",
      "c-02-05",
      { name: "Xã Phước Lâm Mới", region: "BTB", communeGroup: 1, flags: ["merged2025", "especiallyDifficult"], sort: 42 },
      etag,
    );
    const body = await res.json();
    const again = await s.tinh!.request("/v1/units/c-02-05");
    expect([res.status, res.headers.get("etag"), body, again.headers.get("etag")]).toEqual([
      200,
      `"${Number(JSON.parse(etag)) + 1}"`,
      {
        id: "c-02-05",
        name: "Xã Phước Lâm Mới",
        level: "commune",
        parentId: "d-02",
        region: "BTB",
        communeGroup: 1,
        flags: ["merged2025", "especiallyDifficult"],
        sort: 42,
        version: Number(JSON.parse(etag)) + 1,
        effectiveFrom: null,
        endedOn: null,
        mergedFrom: [],
      },
      `"${Number(JSON.parse(etag)) + 1}"`,
    ]);
  });

  it("clears region and commune group with null", async () => {
    await patch("admin", "c-02-06", { communeGroup: 3 }, await etagOf("c-02-06"));
    const res = await patch("admin", "c-02-06", { region: null, communeGroup: null }, await etagOf("c-02-06"));
    expect([res.status, (await row("c-02-06"))?.region, (await row("c-02-06"))?.communeGroup]).toEqual([200, null, null]);
  });

  it("moves a commune from its district to the province (1/7/2025) and re-paths its hamlets in the same write", async () => {
    const hamlets = await h.database.db.select().from(units).where(eq(units.parentId, "c-04-01"));
    const before = await row("c-04-01");
    const res = await patch("tinh", "c-04-01", { parentId: "p-demo", flags: ["merged2025"] }, `"${before!.version}"`);
    const moved = await h.database.db.select().from(units).where(eq(units.parentId, "c-04-01")).orderBy(asc(units.id));
    const detail = (await (await s.tinh!.request("/v1/units/c-04-01-t1")).json()) as { ancestors: { id: string }[] };
    const tree = (await (await s.tinh!.request("/v1/units/tree")).json()) as { children: { id: string; children: { id: string }[] }[] };
    const [entry] = (await audits("c-04-01")).slice(-1);
    expect([
      res.status,
      (await row("c-04-01"))?.path,
      moved.map((u) => [u.path, u.version]),
      detail.ancestors.map((a) => a.id),
      tree.children.find((c) => c.id === "c-04-01")?.children.length,
      tree.children.find((c) => c.id === "d-04")?.children.some((c) => c.id === "c-04-01"),
      [entry?.action, (entry?.before as { parentId: string } | undefined)?.parentId, entry?.after],
      await badPaths(),
    ]).toEqual([
      200,
      "/p-demo/c-04-01/",
      hamlets.sort((a, b) => a.id.localeCompare(b.id)).map((u) => [`/p-demo/c-04-01/${u.id}/`, u.version]),
      ["p-demo", "c-04-01"],
      hamlets.length,
      false,
      ["unit.move", "d-04", { ...((await res.clone().json()) as object), path: "/p-demo/c-04-01/", descendantsRepathed: hamlets.length }],
      [],
    ]);
  });

  it("moves a district's subtree several levels deep (province → another province) and keeps every path consistent", async () => {
    const under = async (prefix: string) =>
      (await h.database.db.select({ id: units.id }).from(units).where(sql`starts_with(${units.path}, ${prefix})`)).map((u) => u.id).sort();
    const before = await under("/p-demo/d-03/");
    const res = await patch("admin", "d-03", { parentId: "p-khac", region: "TN" }, await etagOf("d-03"));
    const fromApi = (await (await s.admin!.request("/v1/units?root=p-khac")).json()) as { items: { id: string }[] };
    expect([
      res.status,
      before.length > 40,
      await under("/p-khac/d-03/"),
      await under("/p-demo/d-03/"),
      fromApi.items
        .map((u) => u.id)
        .filter((id) => before.includes(id))
        .sort(),
      await badPaths(),
    ]).toEqual([200, true, before, [], before, []]);
  });

  it("refuses a move into the unit's own subtree (a cycle) with 422 on $.parentId and changes nothing", async () => {
    const [d, c] = [await row("d-01"), await row("c-01-04")];
    const intoCommune = await problem(await patch("admin", "d-01", { parentId: "c-01-04" }, `"${d!.version}"`));
    const intoHamlet = await problem(await patch("admin", "c-01-04", { parentId: "c-01-04-t1" }, `"${c!.version}"`));
    const self = await problem(await patch("admin", "c-01-04", { parentId: "c-01-04" }, `"${c!.version}"`));
    expect([
      [intoCommune.status, fields(intoCommune.body)],
      [intoHamlet.status, fields(intoHamlet.body)],
      [self.status, fields(self.body)],
      await row("d-01"),
      await row("c-01-04"),
      await badPaths(),
    ]).toEqual([
      [
        422,
        [
          ["$.parentId", "unit.cycle"],
          ["$.parentId", "unit.level_not_allowed_here"],
        ],
      ],
      [
        422,
        [
          ["$.parentId", "unit.cycle"],
          ["$.parentId", "unit.level_not_allowed_here"],
        ],
      ],
      [
        422,
        [
          ["$.parentId", "unit.cycle"],
          ["$.parentId", "unit.level_not_allowed_here"],
        ],
      ],
      d,
      c,
      [],
    ]);
  });

  it("refuses a move that breaks the level rules, and a change of level, with 422 naming the field", async () => {
    const hamletToDistrict = await problem(await patch("admin", "c-01-05-t1", { parentId: "d-01" }, await etagOf("c-01-05-t1")));
    const level = await problem(await patch("admin", "c-01-05", { level: "district" }, await etagOf("c-01-05")));
    const group = await problem(await patch("admin", "d-02", { communeGroup: 1 }, await etagOf("d-02")));
    expect([
      [hamletToDistrict.status, fields(hamletToDistrict.body)],
      [level.status, level.body.errors?.map((e) => e.path)],
      [group.status, fields(group.body)],
    ]).toEqual([
      [422, [["$.parentId", "unit.level_not_allowed_here"]]],
      [422, ["$"]],
      [422, [["$.communeGroup", "unit.commune_group_not_commune"]]],
    ]);
  });

  it("requires If-Match: 428 without it, 412 when stale (nothing changed, no audit entry), 422 when not a version", async () => {
    const before = await row("c-02-07");
    const auditsBefore = (await audits("c-02-07")).length;
    const missing = await problem(await patch("tinh", "c-02-07", { name: "Xã Không Lưu" }));
    const stale = await problem(await patch("tinh", "c-02-07", { name: "Xã Không Lưu" }, `"${before!.version + 5}"`));
    const junk = await problem(await patch("tinh", "c-02-07", { name: "Xã Không Lưu" }, "abc"));
    expect([
      missing.status,
      missing.body.kind,
      stale.status,
      stale.body.kind,
      junk.status,
      await row("c-02-07"),
      (await audits("c-02-07")).length,
    ]).toEqual([428, "precondition_required", 412, "precondition_failed", 422, before, auditsBefore]);
  });

  it("answers the second of two writes made from the same ETag with 412", async () => {
    const etag = await etagOf("c-02-08");
    const first = await patch("tinh", "c-02-08", { name: "Xã Một Lần" }, etag);
    const second = await patch("admin", "c-02-08", { name: "Xã Hai Lần" }, etag);
    expect([first.status, second.status, (await row("c-02-08"))?.name]).toEqual([200, 412, "Xã Một Lần"]);
  });

  it("keeps each role to its rights: officers outside province roles get 403; a scoped province officer may not move units out of, into or above their scope", async () => {
    const etag = await etagOf("c-01-06");
    const others = await Promise.all(
      ["huyen", "xa", "thanhtra", "xem"].map(async (who) => (await patch(who, "c-01-06", { name: "Xã Đổi Tên" }, etag)).status),
    );
    const scoped = await Promise.all(
      [
        patch("scoped", "c-01-06", { parentId: "d-02" }, etag),
        patch("scoped", "c-02-09", { parentId: "d-01" }, await etagOf("c-02-09")),
        patch("scoped", "d-01", { parentId: "p-khac" }, await etagOf("d-01")),
        patch("scoped", "c-02-09", { name: "Xã Ngoài Phạm Vi" }, await etagOf("c-02-09")),
        patch("tinh", "p-demo", { parentId: null, name: "Tỉnh Minh Hoạ" }, await etagOf("p-demo")),
        patch("tinh", "c-01-06", { parentId: "p-khac" }, etag),
      ].map(async (r) => (await r).status),
    );
    const allowed = await Promise.all([
      patch("scoped", "c-01-06-t1", { parentId: "c-01-07" }, await etagOf("c-01-06-t1")),
      patch("scoped", "d-01", { name: "Huyện An Hòa (cũ)" }, await etagOf("d-01")),
      patch("tinh", "p-demo", { region: "DHNTB" }, await etagOf("p-demo")),
    ]);
    expect([others, scoped, allowed.map((r) => r.status), (await row("c-01-06-t1"))?.path, (await row("c-01-06"))?.parentId]).toEqual([
      [403, 403, 403, 403],
      [403, 403, 403, 403, 200, 403],
      [200, 200, 200],
      "/p-demo/d-01/c-01-07/c-01-06-t1/",
      "d-01",
    ]);
  });

  it("answers 404 for an unknown unit and 422 for an empty change", async () => {
    const unknown = await patch("admin", "c-zz", { name: "Xã" }, '"1"');
    const empty = await problem(await patch("admin", "c-02-10", {}, await etagOf("c-02-10")));
    expect([unknown.status, empty.status, fields(empty.body)]).toEqual([404, 422, [["$", null]]]);
  });
});

describe("DELETE /v1/units/{id}", () => {
  it("refuses a unit with children or data with 409 saying what refers to it, and deletes nothing", async () => {
    const district = await problem(await remove("admin", "d-04", await etagOf("d-04")));
    const commune = await problem(await remove("admin", "c-01-01", await etagOf("c-01-01")));
    expect([
      district.status,
      fields(district.body).map(([, code]) => code),
      commune.status,
      fields(commune.body).map(([, code]) => code),
      /child units/.test(district.body.detail) && /đơn vị cấp dưới/.test(district.body.detail),
      await row("d-04").then((r) => r?.id),
      await row("c-01-01").then((r) => r?.id),
    ]).toEqual([
      409,
      [
        // the demo seeds an emulation movement per district (example data)
        "unit.referenced_by.emulation_movements",
        "unit.referenced_by.indicator_values",
        "unit.referenced_by.plans",
        "unit.referenced_by.report_submissions",
        "unit.referenced_by.tasks",
        "unit.referenced_by.units",
      ],
      409,
      expect.arrayContaining([
        "unit.referenced_by.indicator_values",
        "unit.referenced_by.units",
        "unit.referenced_by.users",
        "unit.referenced_by.dossiers",
      ]),
      true,
      "d-04",
      "c-01-01",
    ]);
  });

  it("refuses a unit that any kind of data row refers to (values, dossiers, plans, scoring, OCOP, contributions, housing, inspections, users…)", async () => {
    const db = h.database.db;
    const tables = [
      ["indicator_values", () => db.insert(indicatorValues).values({ unitId: "c-ref", year: 2025 })],
      ["publications", () => db.insert(publications).values({ unitId: "c-ref", year: 2025 })],
      [
        "users",
        () =>
          db
            .insert(users)
            .values({ id: "u-ref", username: "u-ref", displayName: "U", passwordHash: "x", role: "viewer", scopeUnitId: "c-ref" }),
      ],
      ["plans", () => db.insert(plans).values({ id: "pl-ref", unitId: "c-ref" })],
      ["tasks", () => db.insert(tasks).values({ id: "tk-ref", unitId: "c-ref", planId: "pl-x" })],
      ["report_submissions", () => db.insert(reportSubmissions).values({ id: "rs-ref", unitId: "c-ref", taskId: "tk-x", period: "2025" })],
      ["dossiers", () => db.insert(dossiers).values({ id: "hs-ref", unitId: "c-ref", year: 2025, tier: "standard", step: "draft" })],
      ["scoring", () => db.insert(scoring).values({ id: "sc-ref", unitId: "c-ref", year: 2025 })],
      ["ocop_products", () => db.insert(ocopProducts).values({ id: "oc-ref", unitId: "c-ref", year: 2025 })],
      ["contributions", () => db.insert(contributions).values({ id: "ct-ref", unitId: "c-ref", year: 2025 })],
      ["housing", () => db.insert(housing).values({ id: "ho-ref", unitId: "c-ref", year: 2025 })],
      ["inspections", () => db.insert(inspections).values({ id: "in-ref", unitId: "c-ref", period: "2025" })],
    ] as const;
    await create("admin", { id: "c-ref", level: "commune", name: "Xã Tham Chiếu", parentId: "p-khac" });
    for (const [, insert] of tables) await insert();
    const p = await problem(await remove("admin", "c-ref", await etagOf("c-ref")));
    expect([p.status, fields(p.body).map(([, code]) => code), await row("c-ref").then((r) => r?.id)]).toEqual([
      409,
      tables.map(([t]) => `unit.referenced_by.${t}`).sort(),
      "c-ref",
    ]);
  });

  it("deletes an empty unit with If-Match (204); it leaves the list and the tree, and the audit keeps it", async () => {
    await create("tinh", { id: "c-01-t-del", level: "hamlet", name: "Thôn Tạm", parentId: "c-01-02" });
    const missing = await remove("tinh", "c-01-t-del");
    const stale = await remove("tinh", "c-01-t-del", '"7"');
    const res = await remove("tinh", "c-01-t-del", await etagOf("c-01-t-del"));
    const gone = await s.tinh!.request("/v1/units/c-01-t-del");
    const list = (await (await s.tinh!.request("/v1/units?root=c-01-02")).json()) as { items: { id: string }[] };
    const trail = await audits("c-01-t-del");
    expect([
      missing.status,
      stale.status,
      res.status,
      gone.status,
      list.items.some((u) => u.id === "c-01-t-del"),
      await row("c-01-t-del"),
      trail.map((a) => [a.action, a.unitId, a.after === null]),
    ]).toEqual([
      428,
      412,
      204,
      404,
      false,
      undefined,
      [
        ["unit.create", "c-01-t-del", false],
        ["unit.delete", "c-01-02", true],
      ],
    ]);
  });

  it("lets only admins and province officers in scope delete, and never a province officer's own scope root", async () => {
    for (const id of ["c-01-t-d1", "c-01-t-d2", "c-khac-t-d3"])
      await create("admin", { id, level: "hamlet", name: "Thôn", parentId: id.startsWith("c-khac") ? "c-khac-01" : "c-01-02" });
    const denied = await Promise.all(["huyen", "xa", "thanhtra", "xem"].map(async (who) => (await remove(who, "c-01-t-d1", '"1"')).status));
    const outside = await Promise.all(
      [
        remove("tinh", "c-khac-t-d3", '"1"'),
        remove("scoped", "d-01", await etagOf("d-01")),
        remove("tinh", "p-demo", await etagOf("p-demo")),
      ].map(async (r) => (await r).status),
    );
    const ok = await Promise.all(
      [remove("scoped", "c-01-t-d1", '"1"'), remove("admin", "c-khac-t-d3", '"1"'), remove("tinh", "c-01-t-d2", '"1"')].map(
        async (r) => (await r).status,
      ),
    );
    expect([denied, outside, ok]).toEqual([
      [403, 403, 403, 403],
      [403, 403, 403],
      [204, 204, 204],
    ]);
  });
});

describe("audit of unit writes", () => {
  it("writes one entry per write in the same transaction, with who, before and after", async () => {
    const statuses = [
      (await create("tinh", { id: "c-02-t-audit", level: "hamlet", name: "Thôn Một", parentId: "c-02-01" })).status,
      (await patch("tinh", "c-02-t-audit", { name: "Thôn Hai" }, '"1"')).status,
      (await patch("tinh", "c-02-t-audit", { parentId: "c-02-02" }, '"2"')).status,
      (await remove("tinh", "c-02-t-audit", '"3"')).status,
    ];
    const trail = await audits("c-02-t-audit");
    expect(statuses).toEqual([201, 200, 200, 204]);
    expect(
      trail.map((a) => [
        a.action,
        a.actorName,
        (a.before as { name?: string; parentId?: string } | null)?.name ?? null,
        (a.after as { name?: string; parentId?: string; version?: number } | null)?.version ?? null,
      ]),
    ).toEqual([
      ["unit.create", "tinh", null, 1],
      ["unit.update", "tinh", "Thôn Một", 2],
      ["unit.move", "tinh", "Thôn Hai", 3],
      ["unit.delete", "tinh", "Thôn Hai", null],
    ]);
  });
});

describe("concurrent unit writes", () => {
  it("keeps every path consistent when a district moves while hamlets below it move and are created", async () => {
    const etags = await Promise.all(["d-03", "c-03-02-t1", "c-03-03-t1", "c-03-04-t1"].map(etagOf));
    const statuses = await Promise.all(
      [
        patch("admin", "d-03", { parentId: "p-demo" }, etags[0]),
        patch("admin", "c-03-02-t1", { parentId: "c-03-05" }, etags[1]),
        patch("admin", "c-03-03-t1", { parentId: "c-03-06" }, etags[2]),
        patch("admin", "c-03-04-t1", { parentId: "c-03-07" }, etags[3]),
        ...["c-03-08", "c-03-09", "c-03-10", "c-03-01"].map((c) =>
          create("admin", { id: `${c}-t9`, level: "hamlet", name: "Thôn 9", parentId: c }),
        ),
      ].map(async (r) => (await r).status),
    );
    expect([statuses, (await row("c-03-02-t1"))?.path, (await row("c-03-08-t9"))?.path, await badPaths()]).toEqual([
      [200, 200, 200, 200, 201, 201, 201, 201],
      "/p-demo/d-03/c-03-05/c-03-02-t1/",
      "/p-demo/d-03/c-03-08/c-03-08-t9/",
      [],
    ]);
  });
});
