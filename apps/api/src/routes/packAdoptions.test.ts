import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { type Harness, type Session, json, login, openHarness } from "../testing/harness.js";
import { hashPassword } from "../auth/crypto.js";
import { desc } from "drizzle-orm";
import { auditLog, units, users } from "../db/schema.js";
import { invalidateTree } from "../units.js";

// A province's own pack, transposing the demo pack for 2024–2025 (its id says whose it is), with one
// threshold of its own: rural income (criterion 10) ≥ 60 million đồng, where the example pack asks 52 for 2024.
const OWN = "tinh-demo.commune-ntm.2024-2025";
const EXAMPLE = "example.province-demo.2021-2025";
const ownPack = {
  id: OWN,
  version: "1",
  title: { vi: "Bộ tiêu chí xã NTM của tỉnh, 2024–2025", en: "The province's NTM commune criteria, 2024–2025" },
  legalBasis: [{ ref: "QĐ 99/QĐ-UBND (thử nghiệm)", date: "2024-01-05" }],
  effective: { from: "2024-01-01", to: "2025-12-31" },
  extends: EXAMPLE,
  criteria: [{ id: "10", indicators: [{ id: "10", threshold: { all: 60 }, source: { ref: "QĐ 99/QĐ-UBND (thử nghiệm)" } }] }],
};
const body = async (r: Response) => (await r.json()) as any;

describe("pack adoption: a province adopts its own pack", () => {
  let h: Harness;
  let tinh: Session;
  let huyen: Session;
  beforeAll(async () => {
    h = await openHarness();
    tinh = await login(h, "tinh");
    huyen = await login(h, "huyen");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("lists the demo's adoptions: example packs for 2022–2025 in the demo province, nothing for 2026", async () => {
    const r = await body(await tinh.request("/v1/pack-adoptions?unitId=c-01-01&from=2025&to=2026"));
    expect([
      r.items.map((a: any) => [a.id, a.packId, a.scopeUnitId, a.from, a.to]).sort(),
      r.years.map((y: any) => [y.year, y.tiers.standard.packId, y.tiers.model.packId, y.tiers.modern.packId]),
    ]).toEqual([
      [
        ["seed-commune-advanced", "example.province-demo-advanced.2021-2025", "p-demo", 2022, 2025],
        ["seed-commune-model", "example.province-demo-model.2021-2025", "p-demo", 2022, 2025],
        ["seed-commune-standard", "example.province-demo.2021-2025", "p-demo", 2022, 2025],
        ["seed-district-standard", "vn.district-ntm.2021-2025", "p-demo", 2022, 2025],
        ["seed-hamlet-standard", "example.province-demo-hamlet.2021-2025", "p-demo", 2022, 2025],
      ],
      [
        [2025, "example.province-demo.2021-2025", "example.province-demo-model.2021-2025", null],
        [2026, null, null, null],
      ],
    ]);
  });

  it("answers 2026 with no_pack and the reason, never a verdict", async () => {
    const r = await body(await tinh.request("/v1/units/c-01-01/evaluation?year=2026"));
    expect([r.status, r.reasons[0].code, r.reasons[0].vi.startsWith("Chưa áp dụng bộ tiêu chí cho năm 2026"), "criteria" in r]).toEqual([
      "no_pack",
      "pack.outside_effective",
      true,
      false,
    ]);
  });

  it("uploads a pack, refuses a bad one with 422 and JSON paths", async () => {
    const bad = await tinh.request("/v1/packs", json("POST", { ...ownPack, id: "Bad Id", effective: { from: "2024" } }));
    const good = await tinh.request("/v1/packs", json("POST", ownPack));
    const list = await body(await tinh.request("/v1/packs"));
    const mine = list.items.find((p: any) => p.id === OWN);
    expect([
      bad.status,
      (await body(bad)).errors.map((e: any) => e.path).sort(),
      good.status,
      mine.coverage,
      mine.provenance.verified + mine.provenance.unverified + mine.provenance.unknown,
    ]).toEqual([422, ["$.effective.from", "$.id"], 201, null, 50]);
  });

  it("refuses an adoption overlapping the demo's, and one whose level or tier the pack does not have", async () => {
    const overlap = await tinh.request(
      "/v1/pack-adoptions",
      json("POST", { packId: OWN, scopeUnitId: "p-demo", tier: "standard", level: "commune", from: 2024, to: 2025 }),
    );
    const wrong = await tinh.request(
      "/v1/pack-adoptions",
      json("POST", { packId: OWN, scopeUnitId: "p-demo", tier: "advanced", level: "hamlet", from: 2024, to: 2025 }),
    );
    const outside = await tinh.request(
      "/v1/pack-adoptions",
      json("POST", { packId: OWN, scopeUnitId: "p-demo", tier: "standard", level: "commune", from: 2023, to: 2025 }),
    );
    const o = await body(overlap);
    expect([
      overlap.status,
      o.errors.map((e: any) => [e.code, e.path]),
      o.errors[0].message.includes("seed-commune-standard"),
      wrong.status,
      (await body(wrong)).errors.map((e: any) => e.path),
      outside.status,
      (await body(outside)).errors[0].code,
    ]).toEqual([409, [["adoption.overlap", "$.from"]], true, 422, ["$.level", "$.tier"], 422, "adoption.outside_pack_effective"]);
  });

  it("authorises adoptions: a district officer may not, a province officer may not adopt installation-wide", async () => {
    const district = await huyen.request(
      "/v1/pack-adoptions",
      json("POST", { packId: OWN, scopeUnitId: "p-demo", tier: "standard", level: "commune", from: 2024, to: 2025 }),
    );
    const all = await tinh.request(
      "/v1/pack-adoptions",
      json("POST", { packId: OWN, scopeUnitId: null, tier: "standard", level: "commune", from: 2024, to: 2025 }),
    );
    expect([district.status, all.status]).toEqual([403, 403]);
  });

  it("changes the demo adoption with If-Match (428 without, 412 when stale), then adopts its own pack for 2024–2025", async () => {
    const change = { to: 2023 };
    const none = await tinh.request("/v1/pack-adoptions/seed-commune-standard", json("PATCH", change));
    const stale = await tinh.request("/v1/pack-adoptions/seed-commune-standard", json("PATCH", change, { "if-match": '"7"' }));
    const ok = await tinh.request("/v1/pack-adoptions/seed-commune-standard", json("PATCH", change, { "if-match": '"1"' }));
    const adopt = await tinh.request(
      "/v1/pack-adoptions",
      json("POST", { packId: OWN, scopeUnitId: "p-demo", tier: "standard", level: "commune", from: 2024, to: 2025 }),
    );
    const audit = { items: await h.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(2) };
    expect([
      none.status,
      stale.status,
      ok.status,
      ok.headers.get("etag"),
      (await body(ok)).to,
      adopt.status,
      audit.items.map((e: any) => e.action).slice(0, 2),
    ]).toEqual([428, 412, 200, '"2"', 2023, 201, ["pack.adopt", "pack.adoption_update"]]);
  });

  it("evaluates, rolls up, trends and ranks 2024–2025 with the province's pack, 2023 with the demo's, 2026 with none", async () => {
    const [e23, e24, r24, r26, trend, rank24, rank26] = await Promise.all([
      tinh.request("/v1/units/c-01-01/evaluation?year=2023").then(body),
      tinh.request("/v1/units/c-01-01/evaluation?year=2024").then(body),
      tinh.request("/v1/units/d-01/rollup?year=2024").then(body),
      tinh.request("/v1/units/d-01/rollup?year=2026").then(body),
      tinh.request("/v1/units/c-01-01/trend?from=2023&to=2026").then(body),
      tinh.request("/v1/units/d-01/ranking?year=2024").then(body),
      tinh.request("/v1/units/d-01/ranking?year=2026").then(body),
    ]);
    expect([
      e23.packId,
      e24.packId,
      e24.coverage ?? null,
      r24.packId,
      r24.ladder.map((l: any) => l.packId),
      r24.noPack.count,
      r24.communes.length,
      r26.packId,
      r26.noPack.count,
      r26.communes.length,
      r26.countsByTier,
      r26.noPack.communes[0].reasons[0].vi.startsWith("Chưa áp dụng bộ tiêu chí cho năm 2026"),
      trend.years.map((y: any) => [y.year, y.packId, y.noPack]),
      rank24.rows.length,
      rank24.noPack.length,
      rank26.rows.length,
      rank26.noPack.length,
    ]).toEqual([
      "example.province-demo.2021-2025",
      OWN,
      null,
      OWN,
      [OWN, "example.province-demo-advanced.2021-2025", "example.province-demo-model.2021-2025"],
      0,
      10,
      null,
      10,
      0,
      { none: 0, standard: 0, advanced: 0, model: 0, modern: 0 },
      true,
      [
        [2023, "example.province-demo.2021-2025", 0],
        [2024, OWN, 0],
        [2025, OWN, 0],
        [2026, null, 1],
      ],
      10,
      0,
      0,
      10,
    ]);
  });

  it("uses the province's pack in the public roll-up and the criteria workbook; the workbook refuses 2026 with the reason", async () => {
    const pub = await body(await h.app.request("/v1/public/units/d-01/rollup?year=2024"));
    const res = await tinh.request("/v1/reports/criteria.xlsx?year=2024&unitId=d-01");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const none = await tinh.request("/v1/reports/criteria.xlsx?year=2026&unitId=d-01");
    expect([
      pub.packId,
      res.status,
      wb.getWorksheet("Năm 2024")!.getCell("A2").text.includes(OWN),
      none.status,
      (await body(none)).detail.startsWith("Chưa áp dụng bộ tiêu chí cho năm 2026"),
    ]).toEqual([OWN, 200, true, 422, true]);
  });

  it("decides 2024 with the province's own threshold: evaluation, ranking, public result and the evaluations export agree", async () => {
    // The communes whose criterion 10 fails under the province's pack, and among them one the example pack passes.
    const rollup = await body(await tinh.request("/v1/units/p-demo/rollup?year=2024"));
    const failing: string[] = rollup.communes.filter((c: any) => c.criteria["10"] === "not_met").map((c: any) => c.unitId);
    const withExample = await Promise.all(
      failing.map((id) => tinh.request(`/v1/units/${id}/evaluation?year=2024&pack=${EXAMPLE}`).then(body)),
    );
    const flipped = withExample.find((e: any) => e.criteria.find((c: any) => c.id === "10").status === "met");
    const id: string = flipped.unitId;
    const parent = rollup.communes.find((c: any) => c.unitId === id).parentId;
    const [own, rank, pub, csv] = await Promise.all([
      tinh.request(`/v1/units/${id}/evaluation?year=2024`).then(body),
      tinh.request("/v1/units/p-demo/ranking?year=2024").then(body),
      Promise.resolve(h.app.request(`/v1/public/units/${id}/evaluation?year=2024`)).then(body),
      tinh.request(`/v1/units/${parent}/export/evaluations?year=2024&format=csv`).then((r): Promise<string> => r.text()),
    ]);
    const income = own.criteria.find((c: any) => c.id === "10").indicators.find((i: any) => i.id === "10");
    const header = csv
      .replace(/^\uFEFF/, "")
      .split("\n")[0]!
      .split(",");
    const line = csv
      .split("\n")
      .find((l) => l.startsWith(`${id},`))!
      .split(",");
    expect([
      own.packId,
      [income.status, income.required, typeof income.actual === "number" && income.actual >= 52 && income.actual < 60],
      own.criteriaMet,
      rank.rows.find((r: any) => r.unitId === id).criteriaMet,
      [pub.packId, pub.criteriaMet],
      [line[header.indexOf("TC 10")], Number(line[header.indexOf("Số tiêu chí đạt")])],
    ]).toEqual([
      OWN,
      ["not_met", 60, true],
      flipped.criteriaMet - 1,
      flipped.criteriaMet - 1,
      [OWN, flipped.criteriaMet - 1],
      ["Không đạt", flipped.criteriaMet - 1],
    ]);
  });

  it("refuses to delete a pack in use (409 naming the adoption); deletes it once the adoption is gone (If-Match)", async () => {
    const mine = (await body(await tinh.request("/v1/pack-adoptions"))).items.find((a: any) => a.packId === OWN);
    const inUse = await tinh.request(`/v1/packs/${OWN}`, { method: "DELETE" });
    const noIfMatch = await tinh.request(`/v1/pack-adoptions/${mine.id}`, { method: "DELETE" });
    const del = await tinh.request(`/v1/pack-adoptions/${mine.id}`, { method: "DELETE", headers: { "if-match": `"${mine.version}"` } });
    const delPack = await tinh.request(`/v1/packs/${OWN}`, { method: "DELETE" });
    const shipped = await tinh.request("/v1/packs/example.province-demo.2021-2025", { method: "DELETE" });
    const after = await body(await tinh.request("/v1/units/c-01-01/evaluation?year=2024"));
    expect([
      inUse.status,
      (await body(inUse)).detail.includes(mine.id),
      noIfMatch.status,
      del.status,
      delPack.status,
      shipped.status,
      after.status,
    ]).toEqual([409, true, 428, 204, 204, 409, "no_pack"]);
  });
});

describe("pack adoption: an empty system (NTM_SEED=none)", () => {
  let h: Harness;
  let admin: Session;
  beforeAll(async () => {
    h = await openHarness({ seed: false });
    const db = h.database.db;
    await db.insert(units).values([
      { id: "p-x", parentId: null, name: "Tỉnh X", level: "province", path: "/p-x/" },
      { id: "c-x", parentId: "p-x", name: "Xã Y", level: "commune", region: "DBSH", path: "/p-x/c-x/" },
    ]);
    await db.insert(users).values({
      id: randomUUID(),
      username: "root",
      displayName: "Root",
      role: "admin",
      scopeUnitId: "p-x",
      passwordHash: await hashPassword("root-password-1"),
    });
    invalidateTree(db);
    admin = await login(h, "root", "root-password-1");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("has no adoptions, answers no_pack with pack.not_adopted, and evaluates once a pack is adopted installation-wide", async () => {
    const list = await body(await admin.request("/v1/pack-adoptions"));
    const before = await body(await admin.request("/v1/units/c-x/evaluation?year=2024"));
    const adopt = await admin.request(
      "/v1/pack-adoptions",
      json("POST", { packId: "vn.commune-ntm.2021-2025", scopeUnitId: null, tier: "standard", level: "commune", from: 2022 }),
    );
    const after = await body(await admin.request("/v1/units/c-x/evaluation?year=2024"));
    const y2026 = await body(await admin.request("/v1/units/c-x/evaluation?year=2026"));
    const y2027 = await body(await admin.request("/v1/units/c-x/evaluation?year=2027"));
    expect([
      list.items,
      before.status,
      before.reasons[0].code,
      adopt.status,
      after.packId,
      after.coverage,
      y2026.packId,
      y2027.status,
    ]).toEqual([
      [],
      "no_pack",
      "pack.not_adopted",
      201,
      "vn.commune-ntm.2021-2025",
      { encoded: 50, legal: 57, source: expect.any(String), note: expect.any(Object) },
      "vn.commune-ntm.2021-2025",
      "no_pack",
    ]);
  });
});
