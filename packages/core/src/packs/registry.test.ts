import { describe, expect, it } from "vitest";
import { createPackRegistry, getPack, listShippedPacks, packJsonSchema, shippedPacks } from "./registry.js";
import { resolvePack } from "./validatePack.js";

describe("shipped packs", () => {
  it("ships the six required packs plus the example advanced, model and hamlet packs", () => {
    expect(listShippedPacks().map((p) => [p.id, p.level, p.tier, p.criteria.filter((c) => !c.condition).length])).toEqual([
      ["vn.commune-ntm.2021-2025", "commune", "standard", 19],
      ["vn.commune-ntm-advanced.2021-2025", "commune", "advanced", 19],
      ["vn.commune-ntm-model.2021-2025", "commune", "model", 19],
      ["vn.district-ntm.2021-2025", "district", "standard", 9],
      ["vn.commune-ntm.2026-2030", "commune", "standard", 10],
      ["example.province-demo.2021-2025", "commune", "standard", 19],
      ["example.province-demo-advanced.2021-2025", "commune", "advanced", 19],
      ["example.province-demo-model.2021-2025", "commune", "model", 19],
      ["example.province-demo-hamlet.2021-2025", "hamlet", "standard", 6],
    ]);
  });

  it("never marks a national threshold verified except those confirmed (15.3 all regions, 15.4 two regions, KM and DK.3 rules)", () => {
    const verified = listShippedPacks()
      .filter((p) => !p.example)
      .flatMap((p) =>
        p.criteria.flatMap((c) =>
          c.indicators
            .filter((i) => i.verified || i.verifiedVariants?.length)
            .map((i) => `${p.id}:${i.id}:${i.verifiedVariants?.join("+") ?? "all"}`),
        ),
      );
    expect(verified).toEqual([
      "vn.commune-ntm.2021-2025:15.3:all",
      "vn.commune-ntm.2021-2025:15.4:TDMNPB+DBSH",
      "vn.commune-ntm-model.2021-2025:KM.1:all",
      "vn.commune-ntm-model.2021-2025:KM.2:all",
      "vn.district-ntm.2021-2025:DK.3:all",
    ]);
  });

  it("keeps unknown national thresholds unknown (null), e.g. multidimensional poverty", () => {
    expect(getPack("vn.commune-ntm.2021-2025")!.criteria.find((c) => c.id === "11")!.indicators[0]!.threshold).toEqual({
      byVariant: { TDMNPB: null, DBSH: null, BTB: null, DHNTB: null, TN: null, DNB: null, DBSCL: null },
    });
  });

  it("fills every threshold of the demo pack with labelled example values", () => {
    const demo = getPack("example.province-demo.2021-2025")!;
    expect(demo.example).toBe(true);
    expect(demo.notice?.vi).toContain("không phải quy định pháp luật");
    for (const c of demo.criteria)
      for (const i of c.indicators) {
        const t = i.threshold;
        const values =
          "all" in t
            ? [t.all]
            : "byVariant" in t
              ? Object.values(t.byVariant)
              : "byYear" in t
                ? Object.entries(t.byYear)
                    .filter(([y]) => y >= "2022")
                    .flatMap(([, m]) => Object.values(m))
                : [];
        expect(values.length, i.id).toBeGreaterThan(0);
        expect(
          values.every((v) => v !== null),
          i.id,
        ).toBe(true);
      }
  });

  it("derives the model income threshold as 110% of the advanced level", () => {
    const adv = getPack("example.province-demo-advanced.2021-2025")!.criteria.find((c) => c.id === "10")!.indicators[0]!.threshold;
    const model = getPack("example.province-demo-model.2021-2025")!.criteria.find((c) => c.id === "10")!.indicators[0]!.threshold;
    expect(adv).toEqual({ byYear: { "2022": { "*": 54 }, "2023": { "*": 58 }, "2024": { "*": 62 }, "2025": { "*": 67 } } });
    expect(model).toEqual({ byYear: { "2022": { "*": 59.4 }, "2023": { "*": 63.8 }, "2024": { "*": 68.2 }, "2025": { "*": 73.7 } } });
  });

  it("lists documents before resolution, parents first", () => {
    const ids = shippedPacks.map((p) => p.id);
    for (const p of shippedPacks) if (p.extends) expect(ids.indexOf(p.extends)).toBeLessThan(ids.indexOf(p.id));
  });
});

describe("resolvePack", () => {
  const base = {
    id: "x.test",
    version: "1",
    title: { vi: "Thử", en: "Test" },
    level: "commune",
    tier: "standard",
    legalBasis: [],
    effective: { from: "2022-01-01" },
    variantBy: "none",
  };
  const ind = { id: "1.1", name: { vi: "a", en: "a" }, kind: "percent", comparator: ">=", threshold: { all: 50 }, verified: false };

  it("reports a percent threshold of 140 with its JSON path", () => {
    const r = resolvePack({
      ...base,
      criteria: [{ id: "1", name: { vi: "a", en: "a" }, indicators: [{ ...ind, threshold: { all: 140 } }] }],
    });
    expect(r).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "pack.percent_range",
          path: ["criteria", 0, "indicators", 0, "threshold", "all"],
          message: "ngưỡng phần trăm phải trong khoảng 0–100, nhận được 140 / a percent threshold must be within 0–100, got 140",
          params: { value: 140 },
        },
      ],
    });
  });

  it("reports schema errors with paths (a string where a number belongs)", () => {
    const r = resolvePack({
      ...base,
      criteria: [{ id: "1", name: { vi: "a", en: "a" }, indicators: [{ ...ind, threshold: { all: "fifty" } }] }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path.join("."))).toContain("criteria.0.indicators.0.threshold");
  });

  it("rejects duplicate indicator ids and unknown variants", () => {
    const r = resolvePack({
      ...base,
      variantBy: "region",
      variants: { DBSH: { vi: "x", en: "x" } },
      criteria: [{ id: "1", name: { vi: "a", en: "a" }, indicators: [ind, { ...ind, threshold: { byVariant: { XYZ: 3 } } }] }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(["pack.duplicate_indicator", "pack.unknown_variant"]);
  });

  it("lets a province extend the national pack and override a threshold", () => {
    const reg = createPackRegistry();
    const r = reg.add({
      id: "vn-qna.commune-ntm.2021-2025",
      version: "1",
      title: { vi: "Tỉnh A", en: "Province A" },
      legalBasis: [{ ref: "QĐ 1/QĐ-UBND", date: "2022-07-01" }],
      effective: { from: "2022-07-01" },
      extends: "vn.commune-ntm.2021-2025",
      criteria: [{ id: "11", indicators: [{ id: "11", threshold: { all: 4 }, verified: true, source: { ref: "QĐ 1/QĐ-UBND" } }] }],
    });
    expect(r.ok).toBe(true);
    const p = reg.get("vn-qna.commune-ntm.2021-2025")!;
    expect(p.criteria.find((c) => c.id === "11")!.indicators[0]).toMatchObject({
      threshold: { all: 4 },
      verified: true,
      comparator: "<=",
      kind: "percent",
    });
    expect(p.criteria).toHaveLength(19);
    expect(p.variantOverrides).toHaveLength(2);
    expect(p.nextTier).toBeUndefined();
  });

  it("refuses an unknown parent and a duplicate id", () => {
    const reg = createPackRegistry();
    expect(reg.add({ ...base, extends: "nope", criteria: [] })).toMatchObject({
      ok: false,
      issues: [{ code: "pack.extends_unknown", path: ["extends"] }],
    });
    expect(
      reg.add({ ...base, id: "vn.commune-ntm.2021-2025", criteria: [{ id: "1", name: { vi: "a", en: "a" }, indicators: [ind] }] }),
    ).toMatchObject({ ok: false, kind: "conflict" });
  });
});

describe("packJsonSchema", () => {
  it("exports JSON Schemas for packs, values and results", () => {
    type S = { $ref?: string; $defs?: Record<string, S>; properties?: Record<string, unknown> };
    const all = packJsonSchema() as Record<string, S>;
    const deref = (x: S): S => (x.$ref ? x.$defs![x.$ref.split("/").pop()!]! : x);
    const s = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, deref(v)]));
    expect(Object.keys(s.pack!.properties!)).toEqual(
      expect.arrayContaining(["id", "version", "title", "criteria", "extends", "variantBy"]),
    );
    expect(Object.keys(s.values!.properties!)).toEqual(expect.arrayContaining(["unit", "year", "values"]));
    expect(Object.keys(s.result!.properties!)).toEqual(
      expect.arrayContaining(["unitId", "packId", "status", "criteriaMet", "criteriaTotal", "criteria", "revocation"]),
    );
  });
});

describe("the example hamlet pack", () => {
  it("evaluates a hamlet whose values commune indicators 6.3 and 16 read", async () => {
    const { compilePack } = await import("../evaluation/compilePack.js");
    const { evaluateUnit } = await import("../evaluation/evaluateUnit.js");
    const r = evaluateUnit(compilePack(getPack("example.province-demo-hamlet.2021-2025")!), {
      unit: { id: "t1", name: "Thôn 1", level: "hamlet", parentId: "x1" },
      year: 2024,
      values: {
        "T1.1": 85,
        culturalHouse: true,
        "T2.1": false,
        "T3.1": 50,
        "T3.2": 7,
        culturalStandard: true,
        "T5.1": 90,
        "T5.2": 90,
        "T6.1": true,
      },
    });
    expect([r.status, r.criteriaMet, r.criteria.filter((c) => c.status !== "met").map((c) => c.id)]).toEqual(["not_met", 5, ["T3"]]);
  });
});
