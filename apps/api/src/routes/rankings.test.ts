import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { DEFAULT_SCORING_SCHEME, type EvaluationResult, formatReason, indicator182FromClassification } from "@ntm/core";
import { type Harness, type Session, json, loginAll, openHarness } from "../testing/harness.js";
import { auditLog } from "../db/schema.js";
import { loadTree } from "../units.js";
import { loadPacks } from "../services/packs.js";
import { DEMO_PACK_ID } from "../seed/index.js";
import { subtreeDocs } from "../values.js";
import { evaluateLadder } from "@ntm/core";
import { compiledLadder } from "../seed/ladder.js";
import { classificationsOf, rankingInput } from "../services/rankings.js";

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

describe("annual ranking", () => {
  it("ranks the district's communes class first, then score, then the tie rule, with the default scheme", async () => {
    const [a, b] = await Promise.all([
      s.huyen!.request("/v1/units/d-01/ranking?year=2025"),
      s.tinh!.request("/v1/units/d-01/ranking?year=2025"),
    ]);
    const [x, y] = [await body(a), await body(b)];
    const rows = x.rows as {
      rank: number;
      unitId: string;
      name: string;
      level: string;
      score: number;
      criteriaMet: number;
      criteriaLost: number;
    }[];
    const order = ["excellent", "good", "completed", "not_completed", "incomplete_data"];
    const vi = new Intl.Collator("vi");
    const sorted = [...rows].sort(
      (p, q) =>
        order.indexOf(p.level) - order.indexOf(q.level) ||
        q.score - p.score ||
        q.criteriaMet - p.criteriaMet ||
        p.criteriaLost - q.criteriaLost ||
        vi.compare(p.name, q.name),
    );
    expect([
      a.status,
      rows.length,
      rows.map((r) => r.rank),
      rows.map((r) => r.unitId),
      x.scheme.isDefault,
      x.scheme.definedAt,
      x.regime.id,
    ]).toEqual([200, 10, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], sorted.map((r) => r.unitId), true, null, "366-QĐ/TW"]);
    expect(y.rows).toEqual(x.rows);
  });

  it("assembles inputs from evaluations, changes, OCOP, contributions and inspections, and labels every row", async () => {
    const x = await body(await s.huyen!.request("/v1/units/d-01/ranking?year=2025"));
    const row = x.rows[0];
    expect([
      Object.keys(row.inputs).includes("criteria_met"),
      Object.keys(row.inputs).includes("criteria_gained"),
      Object.keys(row.inputs).includes("resources_mobilised"),
      typeof row.levelLabel.vi,
      row.reasons[0].code,
    ]).toEqual([true, true, true, "string", "classification.band"]);
  });

  it("gives no level to a commune without scoring inputs and proposes nobody on missing data alone (2022: no inputs were entered)", async () => {
    const [old, now] = await Promise.all([
      body(await s.huyen!.request("/v1/units/d-01/ranking?year=2022")),
      body(await s.huyen!.request("/v1/units/d-01/ranking?year=2025")),
    ]);
    type Row = {
      unitId: string;
      level: string;
      levelLabel: { vi: string };
      dataComplete: boolean;
      missingInputs: { field: string }[];
      components: { id: string; reasons: { code: string; vi: string }[] }[];
      reasons: { code: string }[];
    };
    const rows = old.rows as Row[];
    const tasks = rows[0]!.components.find((k) => k.id === "tasks_on_time")!;
    expect([
      rows.length,
      rows.filter((r) => r.dataComplete).length,
      [...new Set(rows.map((r) => [r.level, r.levelLabel.vi, r.reasons[0]!.code].join(" | ")))],
      rows.every((r) => r.missingInputs.some((m) => m.field === "tasks_on_time")),
      tasks.reasons.map((x) => x.code),
      old.commendations,
      old.criticisms
        .flatMap((c: { reasons: { code: string }[] }) => c.reasons.map((x) => x.code))
        .filter((c: string) => c === "criticise.not_completed"),
      old.reasons.map((x: { code: string }) => x.code).includes("ranking.incomplete_units"),
    ]).toEqual([
      10,
      0,
      ["incomplete_data | Chưa đủ số liệu để xếp loại | ranking.incomplete_data"],
      true,
      ["score.value_missing"],
      [],
      [],
      true,
    ]);
    expect((now.rows as Row[]).map((r) => [r.dataComplete, r.missingInputs])).toEqual((now.rows as Row[]).map(() => [true, []]));
    expect((now.rows as Row[])[0]!.components[0]!.reasons[0]!.code).toBe("score.component");
  });

  it("uses the 124-QĐ/TW regime for 2024 and refuses a commune officer another district (403) and a bad year (422)", async () => {
    const [y2024, out, bad] = await Promise.all([
      s.huyen!.request("/v1/units/d-01/ranking?year=2024"),
      s.xa!.request("/v1/units/d-02/ranking?year=2025"),
      s.huyen!.request("/v1/units/d-01/ranking?year=20"),
    ]);
    expect([(await body(y2024)).regime.id, out.status, bad.status]).toEqual(["124-QĐ/TW", 403, 422]);
  });
});

describe("annual evaluation of organisations and persons (issue 13)", () => {
  it.each(["unit", "organisation", "person"])(
    "proposes at least one commendation and one criticism with reasons for %s, and orders by class first",
    async (kind) => {
      const res = await s.tinh!.request(`/v1/units/d-01/ranking?year=2025&kind=${kind}`);
      const x = await body(res);
      const order = ["excellent", "good", "completed", "not_completed", "incomplete_data"];
      const levels = (x.rows as { level: string }[]).map((r) => order.indexOf(r.level));
      expect([res.status, x.kind, levels.every((l, i) => i === 0 || levels[i - 1]! <= l)]).toEqual([200, kind, true]);
      expect(x.commendations.length).toBeGreaterThan(0);
      expect(x.criticisms.length).toBeGreaterThan(0);
      for (const c of [...x.commendations, ...x.criticisms]) {
        expect(c.reasons.length).toBeGreaterThan(0);
        expect(typeof c.name).toBe("string");
        for (const r of c.reasons) expect(r.vi).not.toMatch(/undefined|\[object Object\]|NaN/);
      }
      expect(x.reasons.map((r: { code: string }) => r.code)).toContain("ranking.order");
      expect(
        x.rows
          .filter((r: { dataComplete: boolean }) => r.dataComplete)
          .every((r: { reasons: { code: string }[] }) => r.reasons.some((q) => q.code === "classification.final")),
      ).toBe(true);
    },
  );

  it("reads organisations from the district plan: one per commune for the plan's collective bodies, the district bodies, never the issuer", async () => {
    const x = await body(await s.huyen!.request("/v1/units/d-01/ranking?year=2025&kind=organisation"));
    const ids = (x.rows as { unitId: string }[]).map((r) => r.unitId);
    const communes = (await body(await s.huyen!.request("/v1/units/d-01/ranking?year=2025"))).rows.length;
    expect([
      ids.includes("plan-63-d-01/ubnd-huyen"),
      ids.includes("plan-63-d-01/btv-huyen-uy"),
      ids.filter((i) => i.startsWith("plan-63-d-01/chinh-quyen-cac-cap@")).length,
      x.classificationBasis.verified,
      x.scheme.id,
    ]).toEqual([true, false, communes, false, "ntm.default-organisation-scoring"]);
    const ubnd = x.rows.find((r: { unitId: string }) => r.unitId === "plan-63-d-01/ubnd-huyen");
    expect([ubnd.responsibleFor.length, ubnd.facts.some((f: { code: string }) => f.code === "subject.task")]).toEqual([communes, true]);
    // the seeded achievement and the seeded commendation on record (kt-2025-tochuc) propose UBND huyện, each a reason
    const c = x.commendations.find((k: { unitId: string }) => k.unitId === "plan-63-d-01/ubnd-huyen");
    expect(c?.reasons.map((r: { code: string }) => r.code)).toEqual(["commend.achievement", "commend.achievement"]);
    expect(c?.reasons.some((r: { vi: string }) => r.vi.includes("Chỉ đạo hoàn thành sớm mục tiêu xóa nhà tạm"))).toBe(true);
  });

  it("stores a person scheme per district (If-Match, audited), applies it, and refuses a scheme of another kind", async () => {
    const get = await s.huyen!.request("/v1/units/d-01/scoring-scheme?kind=person");
    const def = await body(get);
    const mine = { ...def.scheme, classification: { ...def.scheme.classification, basis: "Quyết định của Huyện (ví dụ)" } };
    const wrong = await s.huyen!.request("/v1/units/d-01/scoring-scheme?kind=organisation", json("PUT", mine));
    const bad = await s.huyen!.request(
      "/v1/units/d-01/scoring-scheme?kind=person",
      json("PUT", { ...mine, classification: { ...mine.classification, bands: [{ level: "good", minScore: 10 }] } }),
    );
    const put = await s.huyen!.request("/v1/units/d-01/scoring-scheme?kind=person", json("PUT", mine));
    const again = await s.huyen!.request("/v1/units/d-01/scoring-scheme?kind=person", json("PUT", mine));
    const ok = await s.huyen!.request("/v1/units/d-01/scoring-scheme?kind=person", json("PUT", mine, { "if-match": '"1"' }));
    const ranking = await body(await s.huyen!.request("/v1/units/d-01/ranking?year=2025&kind=person"));
    const audits = (await h.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "scoring_scheme.person.put")))[0]!
      .n;
    const unitScheme = await body(await s.huyen!.request("/v1/units/d-01/scoring-scheme"));
    expect([
      get.status,
      def.isDefault,
      wrong.status,
      bad.status,
      (await body(bad)).errors.map((e: { path: string }) => e.path),
      put.status,
      again.status,
      ok.status,
      ok.headers.get("etag"),
      ranking.scheme.definedAt,
      ranking.classificationBasis.basis,
      audits,
      unitScheme.scheme.id,
    ]).toEqual([
      200,
      true,
      422,
      422,
      ["$.classification.bands", "$.classification.bands[0].level"],
      200,
      428,
      200,
      '"2"',
      "d-01",
      "Quyết định của Huyện (ví dụ)",
      2,
      DEFAULT_SCORING_SCHEME.id,
    ]);
  });

  it("refuses an unknown kind (422)", async () => {
    expect((await s.huyen!.request("/v1/units/d-01/ranking?year=2025&kind=team")).status).toBe(422);
  });
});

describe("scoring scheme", () => {
  const mine = {
    ...DEFAULT_SCORING_SCHEME,
    id: "d-01.scheme",
    version: "2025.1",
    isDefault: false,
    basis: "Quyết định của Huyện (ví dụ)",
    components: DEFAULT_SCORING_SCHEME.components.map((c) =>
      c.id === "criteria_met"
        ? { ...c, weight: 40 }
        : c.id === "tier_reached"
          ? { ...c, weight: 5, formula: { type: "linear", per: 1, max: 5 } }
          : c.id === "ocop_products"
            ? { ...c, weight: 2, formula: { type: "perItem", points: 1, max: 2 } }
            : c,
    ),
  };

  it("returns the default scheme where none is stored", async () => {
    const res = await s.huyen!.request("/v1/units/d-01/scoring-scheme");
    const x = await body(res);
    expect([res.status, res.headers.get("etag"), x.isDefault, x.scheme.id]).toEqual([200, '"0"', true, DEFAULT_SCORING_SCHEME.id]);
  });

  it("rejects an invalid scheme with 422 and JSON paths, writing nothing", async () => {
    const res = await s.huyen!.request(
      "/v1/units/d-01/scoring-scheme",
      json("PUT", { ...mine, components: [{ ...mine.components[0], weight: -1 }] }),
    );
    const p = await body(res);
    const n = (await h.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "scoring_scheme.put")))[0]!.n;
    expect([res.status, p.errors.map((e: { path: string }) => e.path).includes("$.components[0].weight"), n]).toEqual([422, true, 0]);
  });

  it.each([
    ["xa", 403],
    ["thanhtra", 403],
    ["xem", 403],
  ])("refuses PUT by %s (%i)", async (who, status) => {
    expect((await s[who]!.request("/v1/units/d-01/scoring-scheme", json("PUT", mine))).status).toBe(status);
  });

  it("stores a district's scheme, applies it to the district's ranking, requires If-Match afterwards and refuses a stale one", async () => {
    const put = await s.huyen!.request("/v1/units/d-01/scoring-scheme", json("PUT", mine));
    const again = await s.huyen!.request("/v1/units/d-01/scoring-scheme", json("PUT", mine));
    const stale = await s.huyen!.request("/v1/units/d-01/scoring-scheme", json("PUT", mine, { "if-match": '"0"' }));
    const ok = await s.huyen!.request("/v1/units/d-01/scoring-scheme", json("PUT", mine, { "if-match": '"1"' }));
    const commune = await body(await s.xa!.request("/v1/units/c-01-01/scoring-scheme"));
    const ranking = await body(await s.huyen!.request("/v1/units/d-01/ranking?year=2025"));
    expect([
      put.status,
      again.status,
      stale.status,
      ok.status,
      ok.headers.get("etag"),
      commune.definedAt,
      ranking.scheme.id,
      ranking.scheme.definedAt,
    ]).toEqual([200, 428, 412, 200, '"2"', "d-01", "d-01.scheme", "d-01"]);
  });
});

describe("entered scoring inputs", () => {
  it("returns the seeded inputs of a commune with their version as ETag", async () => {
    const res = await s.huyen!.request("/v1/units/c-01-03/scoring-inputs/2025");
    const x = await body(res);
    expect([res.status, res.headers.get("etag"), x.version, x.inputs.programmeTargetsTotal, typeof x.inputs.resourcesPlanned]).toEqual([
      200,
      '"1"',
      1,
      5,
      "string",
    ]);
  });

  it("rejects inconsistent task counts with the path core names, and a commune officer with 403", async () => {
    const bad = await s.huyen!.request(
      "/v1/units/c-01-03/scoring-inputs/2025",
      json("PUT", { tasks: { assigned: 5, done: 6, onTime: 5, exceeding: 0 } }, { "if-match": '"1"' }),
    );
    const denied = await s.xa!.request(
      "/v1/units/c-01-01/scoring-inputs/2025",
      json("PUT", { reportsOnTime: 4, reportsTotal: 4 }, { "if-match": '"1"' }),
    );
    expect([bad.status, (await body(bad)).errors.map((e: { path: string }) => e.path), denied.status]).toEqual([
      422,
      ["$.tasks.done"],
      403,
    ]);
  });

  it("feeds the ranking: a commune's entered inputs change its components; stale If-Match → 412", async () => {
    const before = (await body(await s.huyen!.request("/v1/units/d-01/ranking?year=2025"))).rows.find(
      (r: { unitId: string }) => r.unitId === "c-01-03",
    );
    const inputs = {
      tasks: { assigned: 10, done: 10, onTime: 10, exceeding: 5 },
      programmeTargetsMet: 5,
      programmeTargetsTotal: 5,
      reportsOnTime: 4,
      reportsTotal: 4,
      reportsOverdue: 0,
      resourcesPlanned: "1000000",
    };
    const res = await s.huyen!.request("/v1/units/c-01-03/scoring-inputs/2025", json("PUT", inputs, { "if-match": '"1"' }));
    const stale = await s.huyen!.request("/v1/units/c-01-03/scoring-inputs/2025", json("PUT", inputs, { "if-match": '"1"' }));
    const after = (await body(await s.huyen!.request("/v1/units/d-01/ranking?year=2025"))).rows.find(
      (r: { unitId: string }) => r.unitId === "c-01-03",
    );
    const points = (row: { components: { id: string; points: number }[] }, id: string) => row.components.find((k) => k.id === id)!.points;
    expect([
      res.status,
      stale.status,
      points(after, "programme_targets"),
      points(after, "tasks_on_time"),
      points(after, "reports_on_time"),
      points(after, "resources_mobilised"),
      after.score >= before.score,
    ]).toEqual([200, 412, 15, 15, 10, 7, true]);
  });
});

describe("scoring inputs with evidence", () => {
  const url = "/v1/units/c-01-05/scoring-inputs/2025";
  const row = async () =>
    (await body(await s.huyen!.request("/v1/units/d-01/ranking?year=2025"))).rows.find((r: { unitId: string }) => r.unitId === "c-01-05");

  it("reads a record stored before evidence existed, with who saved it and when; the ranking says it has no source", async () => {
    const res = await s.huyen!.request(url);
    const x = await body(res);
    const entered = (await row()).entered as { code: string; params: { field: string; evidence?: string; by: string } }[];
    expect([res.status, x.version, x.updatedBy, typeof x.updatedAt, x.inputs.evidence]).toEqual([200, 1, "seed", "string", undefined]);
    expect([
      entered.length > 0,
      entered.every((r) => r.code === "ranking.entered_input" && r.params.evidence === undefined && r.params.by === "dữ liệu mẫu"),
    ]).toEqual([true, true]);
  });

  it("stores the evidence per field (trimmed), answers 428 without If-Match and 412 on a stale one, and explains the score with it", async () => {
    const before = await row();
    const inputs = {
      tasks: { assigned: 10, done: 10, onTime: 10, exceeding: 5 },
      programmeTargetsMet: 5,
      programmeTargetsTotal: 5,
      reportsOnTime: 4,
      reportsTotal: 4,
      reportsOverdue: 0,
      resourcesPlanned: "1000000",
      evidence: { tasks: "  Báo cáo số 12/BC-UBND ngày 05/12/2025 ", reportsOnTime: "Sổ theo dõi công văn đến 2025", reportsTotal: " " },
    };
    const none = await s.huyen!.request(url, json("PUT", inputs));
    const put = await s.huyen!.request(url, json("PUT", inputs, { "if-match": '"1"' }));
    const stale = await s.huyen!.request(url, json("PUT", { ...inputs, reportsOnTime: 3 }, { "if-match": '"1"' }));
    const saved = await body(put);
    const got = await body(await s.huyen!.request(url));
    const after = await row();
    const tasks = after.entered.find((r: { params: { field: string } }) => r.params.field === "tasks");
    expect([none.status, put.status, put.headers.get("etag"), stale.status, saved.updatedBy]).toEqual([428, 200, '"2"', 412, "huyen"]);
    expect(got.inputs.evidence).toEqual({ tasks: "Báo cáo số 12/BC-UBND ngày 05/12/2025", reportsOnTime: "Sổ theo dõi công văn đến 2025" });
    expect([
      after.score > before.score,
      tasks.params.evidence,
      tasks.params.by,
      tasks.params.version,
      tasks.params.at.endsWith("+07:00"),
    ]).toEqual([true, "Báo cáo số 12/BC-UBND ngày 05/12/2025", "Cán bộ NTM Huyện An Hòa", 2, true]);
    expect(tasks.vi).toMatch(
      /^Nhập tay: Nhiệm vụ trong năm = giao 10, hoàn thành 10, đúng hạn 10, vượt yêu cầu 5; nguồn: Báo cáo số 12\/BC-UBND ngày 05\/12\/2025 \(người nhập Cán bộ NTM Huyện An Hòa, ngày \d\d\/\d\d\/\d{4}, phiên bản 2\)$/,
    );
  });

  it("refuses a note without its value and one that is too long, naming the field, and writes nothing", async () => {
    const orphan = await s.huyen!.request(
      url,
      json("PUT", { reportsOnTime: 4, evidence: { reportsTotal: "BC 1" } }, { "if-match": '"2"' }),
    );
    const long = await s.huyen!.request(
      url,
      json("PUT", { reportsTotal: 4, evidence: { reportsTotal: "x".repeat(301) } }, { "if-match": '"2"' }),
    );
    const [a, b] = [await body(orphan), await body(long)];
    const still = await body(await s.huyen!.request(url));
    expect([
      orphan.status,
      a.errors.map((e: { path: string }) => e.path),
      a.errors[0].message,
      long.status,
      b.errors.map((e: { path: string }) => e.path),
      still.version,
    ]).toEqual([
      422,
      ["$.evidence.reportsTotal"],
      "Tổng số báo cáo phải nộp: có ghi nguồn nhưng chưa nhập số liệu / Reports due in total: evidence given but no value entered",
      422,
      ["$.evidence.reportsTotal"],
      2,
    ]);
  });
});

describe("indicator 18.2 from the classification", () => {
  const ind182 = (r: EvaluationResult) => r.criteria.flatMap((c) => c.indicators).find((i) => i.id === "18.2")!;

  it("fills a missing 18.2 from the commune's classification of the previous year, with a reason, and feeds it to the ranking", async () => {
    const db = h.database.db;
    const [tree, packs] = [await loadTree(db), await loadPacks(db)];
    const cls = (await classificationsOf(db, tree, packs, "c-01-02", 2024)).get("c-01-02");
    // the 2024 ranking had every input (seeded), so the commune has a level
    expect(cls?.year).toBe(2024);
    const cur = await s.huyen!.request("/v1/units/c-01-02/values/2025");
    const v = await body(cur);
    const { "18.2": entered, ...without } = v.values;
    expect(typeof entered).toBe("boolean");
    const put = await s.huyen!.request(
      "/v1/units/c-01-02/values/2025",
      json("PUT", { values: without, inputs: v.inputs }, { "if-match": cur.headers.get("etag")! }),
    );
    expect(put.status).toBe(200);

    const doc = (await subtreeDocs(db, tree, "c-01-02", 2025))[0]!.doc;
    const base = compiledLadder(packs, DEMO_PACK_ID).slice(0, 1);
    const filled = ind182(evaluateLadder(base, doc, { classification: cls! }).results[0]!);
    const plain = ind182(evaluateLadder(base, doc).results[0]!);
    const expected = indicator182FromClassification(cls!.level, cls!.level);
    expect([plain.actual, filled.actual, filled.derived, filled.reasons.at(-1)]).toEqual([
      null,
      expected,
      true,
      {
        code: "derived.classification",
        path: ["values", "18.2"],
        params: { indicator: "18.2", classificationYear: 2024, level: cls!.level, value: expected },
      },
    ]);
    // the ranking of 2025 evaluates the commune with it: criterion 18 counts only where 18.2 is derived
    const [withIt, without182] = await Promise.all([
      rankingInput(db, tree, packs, "d-01", 2025),
      rankingInput(db, tree, packs, "d-01", 2025, { derive182: false }),
    ]);
    const met = (units: { unitId: string; values: Record<string, number> }[]) =>
      units.find((u) => u.unitId === "c-01-02")!.values.criteria_met;
    expect(met(withIt)).toBe(
      met(without182)! +
        (expected && evaluateLadder(base, doc, { classification: cls! }).results[0]!.criteria.find((c) => c.id === "18")!.status === "met"
          ? 1
          : 0),
    );
    // the commune's evaluation and the district roll-up read it the same way
    const ev = await body(await s.huyen!.request("/v1/units/c-01-02/evaluation?year=2025"));
    const roll = await body(await s.huyen!.request("/v1/units/d-01/rollup?year=2025"));
    const i = ind182(ev as EvaluationResult);
    const c18 = (ev as EvaluationResult).criteria.find((c) => c.id === "18")!.status;
    expect([
      i.actual,
      i.derived,
      i.reasons.at(-1)!.code,
      roll.communes.find((c: { unitId: string }) => c.unitId === "c-01-02").criteria["18"],
    ]).toEqual([expected, true, "derived.classification", c18]);
  });

  it("keeps an entered 18.2 that contradicts the classification and says so", async () => {
    const db = h.database.db;
    const [tree, packs] = [await loadTree(db), await loadPacks(db)];
    const doc = (await subtreeDocs(db, tree, "c-01-03", 2025))[0]!.doc;
    const base = compiledLadder(packs, DEMO_PACK_ID).slice(0, 1);
    const r = evaluateLadder(
      base,
      { ...doc, values: { ...doc.values, "18.2": true } },
      { classification: { year: 2024, level: "completed" } },
    ).results[0]!;
    const i = ind182(r);
    expect([i.actual, i.derived, i.reasons.at(-1)]).toEqual([
      true,
      undefined,
      {
        code: "derived.classification_conflict",
        path: ["values", "18.2"],
        params: { indicator: "18.2", classificationYear: 2024, level: "completed", entered: true, derived: false },
      },
    ]);
    expect(formatReason(i.reasons.at(-1)!, "vi")).toBe(
      'Chỉ tiêu 18.2: giữ số liệu đã nhập (Đạt), nhưng kết quả xếp loại năm 2024 ("Hoàn thành nhiệm vụ") cho Không; cần kiểm tra lại',
    );
    const agree = ind182(
      evaluateLadder(base, { ...doc, values: { ...doc.values, "18.2": true } }, { classification: { year: 2024, level: "good" } })
        .results[0]!,
    );
    expect(agree.reasons.map((x) => x.code)).not.toContain("derived.classification_conflict");
  });
});

describe("annual ranking: commendations on record (emulation records) propose their subjects", () => {
  it.each(["unit", "organisation"] as const)(
    "a %s commended in the year is proposed for commendation, with the decision in the reason",
    async (kind) => {
      const url = `/v1/units/d-01/ranking?year=2025${kind === "unit" ? "" : `&kind=${kind}`}`;
      const before = await body(await s.huyen!.request(url));
      const proposed = new Set((before.commendations as { unitId: string }[]).map((c) => c.unitId));
      const row = (before.rows as { unitId: string; name: string; dataComplete: boolean }[]).find(
        (r) => r.dataComplete && !proposed.has(r.unitId),
      )!;
      const post = await s.huyen!.request(
        "/v1/commendations",
        json("POST", {
          unitId: "d-01",
          form: "giay_khen",
          level: "district",
          issuer: "Chủ tịch UBND huyện",
          decision: { number: `45/QĐ-UBND-${kind}`, date: "2025-10-15" },
          subject: { kind, id: row.unitId, name: row.name },
          achievement: "Hoàn thành xuất sắc nhiệm vụ xây dựng NTM",
        }),
      );
      const after = await body(await s.huyen!.request(url));
      const c = (after.commendations as { unitId: string; reasons: { code: string; vi: string }[] }[]).find((k) => k.unitId === row.unitId);
      expect([post.status, c?.reasons.map((r) => r.code)]).toEqual([201, ["commend.achievement"]]);
      expect(c?.reasons[0]?.vi).toContain(`Giấy khen, QĐ số 45/QĐ-UBND-${kind} ngày 15/10/2025`);
    },
  );
});
