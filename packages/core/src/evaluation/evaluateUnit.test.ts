import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePack } from "./compilePack.js";
import { evaluateUnit, evaluateMany } from "./evaluateUnit.js";
import { withChildStatuses } from "../tiers/withChildStatuses/index.js";
import { getPack } from "../packs/registry.js";
import { commune, demoPack, passingValues } from "../_testing/builders.js";
import type { UnitValues } from "../schemas/values.js";

const compiled = compilePack(demoPack());
const year = 2024;

function indicator(r: ReturnType<typeof evaluateUnit>, id: string) {
  const found = r.criteria.flatMap((c) => c.indicators).find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

describe("evaluateUnit", () => {
  it("meets every criterion when every value passes its threshold", () => {
    const unit = commune();
    const r = evaluateUnit(compiled, passingValues(compiled.pack, unit, year));
    expect(r).toMatchObject({
      unitId: "xa-an-binh",
      packId: "example.province-demo.2021-2025",
      year,
      variant: "DHNTB",
      status: "met",
      criteriaMet: 19,
      criteriaNotMet: 0,
      criteriaTotal: 19,
      example: true,
    });
    expect(r.revocation).toMatchObject({ revoke: false, failed: [], keyFailed: [] });
  });

  it("marks 15.3 not met when stunting is above the regional ceiling, with the gap", () => {
    const doc = passingValues(compiled.pack, commune(), year);
    doc.values["15.3"] = 23.5; // DHNTB ceiling is 22 (verified)
    const r = evaluateUnit(compiled, doc);
    expect(indicator(r, "15.3")).toEqual({
      id: "15.3",
      status: "not_met",
      actual: 23.5,
      required: 22,
      comparator: "<=",
      gap: 1.5,
      verified: true,
      reasons: [
        {
          code: "indicator.not_met",
          path: ["values", "15.3"],
          params: { indicator: "15.3", actual: 23.5, required: 22, comparator: "<=", kind: "percent", gap: 1.5, unit: "%" },
        },
      ],
    });
    expect(r.criteria.find((c) => c.id === "15")?.status).toBe("not_met");
    expect(r.status).toBe("not_met");
    expect(r.criteriaMet).toBe(18);
  });

  it("meets a >= threshold exactly at the boundary and misses it just below", () => {
    const doc = passingValues(compiled.pack, commune(), year);
    doc.values["2.2"] = 80;
    expect(indicator(evaluateUnit(compiled, doc), "2.2").status).toBe("met");
    doc.values["2.2"] = 79.99;
    expect(indicator(evaluateUnit(compiled, doc), "2.2")).toMatchObject({ status: "not_met", gap: 0.01 });
  });

  it("uses the TDMNPB thresholds for an especially difficult commune and says why", () => {
    const unit = commune({ flags: ["especiallyDifficult"] });
    const doc = passingValues(compiled.pack, unit, year, "TDMNPB");
    doc.values["15.3"] = 23.5; // above DHNTB 22 but within TDMNPB 24
    const r = evaluateUnit(compiled, doc);
    expect(r.variant).toBe("TDMNPB");
    expect(indicator(r, "15.3")).toMatchObject({ status: "met", required: 24 });
    expect(r.reasons).toContainEqual({
      code: "variant.override",
      path: ["unit", "flags"],
      params: { flag: "especiallyDifficult", from: "DHNTB", to: "TDMNPB" },
    });
  });

  it("reports missing values and makes the criterion indeterminate, not failed", () => {
    const doc = passingValues(compiled.pack, commune(), year);
    delete doc.values["17.1"];
    const r = evaluateUnit(compiled, doc);
    expect(indicator(r, "17.1")).toMatchObject({ status: "missing", actual: null, required: 95 });
    expect(r.criteria.find((c) => c.id === "17")?.status).toBe("indeterminate");
    expect(r.status).toBe("indeterminate");
    expect(r.criteriaMet).toBe(18);
  });

  it("shows unknown law as unknown_threshold in the national pack", () => {
    const national = compilePack(getPack("vn.commune-ntm.2021-2025")!);
    const r = evaluateUnit(national, { unit: commune(), year, values: { "11": 3, "15.3": 10 } });
    expect(indicator(r, "11")).toMatchObject({ status: "unknown_threshold", actual: 3, required: null, verified: false });
    expect(indicator(r, "11").reasons).toContainEqual({
      code: "indicator.threshold_unknown",
      path: ["threshold", "11"],
      params: { indicator: "11", variant: "DHNTB", year, actual: 3 },
    });
    expect(indicator(r, "15.3")).toMatchObject({ status: "met", verified: true });
    expect(r.example).toBe(false);
  });

  it("makes the unit indeterminate for a year outside the pack's effective period, and says why", () => {
    const r = evaluateUnit(compiled, passingValues(compiled.pack, commune(), 2030));
    expect([r.status, r.criteriaMet]).toEqual(["indeterminate", 18]);
    expect(r.reasons).toContainEqual({
      code: "pack.outside_effective",
      path: ["year"],
      params: { year: 2030, packId: "example.province-demo.2021-2025", from: "2022-03-08", to: "2026-02-14" },
    });
  });

  it("treats income thresholds by year: a year without an entry is unknown", () => {
    const doc = passingValues(compiled.pack, commune(), 2024);
    const r2021 = evaluateUnit(compiled, { ...doc, year: 2021 });
    expect(indicator(r2021, "10")).toMatchObject({ status: "unknown_threshold", required: null });
    expect(indicator(evaluateUnit(compiled, doc), "10")).toMatchObject({ status: "met", required: 52 });
  });

  it("computes a share from counts (4.2 from households)", () => {
    const doc = passingValues(compiled.pack, commune(), year);
    delete doc.values["4.2"];
    doc.inputs = { householdsSafeElectricity: 970, households: 1000 };
    const i = indicator(evaluateUnit(compiled, doc), "4.2");
    expect(i).toMatchObject({ status: "not_met", actual: 97, required: 98, gap: 1, derived: true });
    expect(i.reasons[0]).toEqual({
      code: "derived.ratio",
      path: ["values", "4.2"],
      params: { numerator: "householdsSafeElectricity", denominator: "households", num: 970, den: 1000, value: 97 },
    });
  });

  it("computes a commune indicator from its hamlets (16: hamlets meeting the cultural standard)", () => {
    const doc = passingValues(compiled.pack, commune(), year);
    delete doc.values["16"];
    const hamlet = (id: string, culturalStandard: boolean) => ({
      unit: { id, name: id, level: "hamlet" as const, parentId: "xa-an-binh" },
      values: { culturalStandard },
    });
    doc.children = [hamlet("t1", true), hamlet("t2", true), hamlet("t3", false), hamlet("t4", true)];
    const i = indicator(evaluateUnit(compiled, doc), "16");
    expect(i).toMatchObject({ status: "met", actual: 75, required: 70, derived: true });
    doc.children = [hamlet("t1", true), { unit: { id: "t2", name: "t2", level: "hamlet" }, values: {} }];
    expect(indicator(evaluateUnit(compiled, doc), "16")).toMatchObject({ status: "missing" });
  });

  it("declares an optional indicator not applicable (13.4 traditional crafts, if any)", () => {
    const doc = passingValues(compiled.pack, commune(), year);
    delete doc.values["13.4"];
    doc.notApplicable = ["13.4"];
    const r = evaluateUnit(compiled, doc);
    expect(indicator(r, "13.4").status).toBe("not_applicable");
    expect(r.criteria.find((c) => c.id === "13")?.status).toBe("met");
  });

  it("rolls a district up from its communes", () => {
    const district = compilePack(getPack("vn.district-ntm.2021-2025")!);
    const communes = [1, 2, 3].map((k) => {
      const u = commune({ id: `x${k}`, name: `Xã ${k}`, parentId: "h1" });
      return { unit: u, values: passingValues(compiled.pack, u, year).values };
    });
    communes[2]!.values["10"] = 10; // fails income
    const doc: UnitValues = { unit: { id: "h1", name: "Huyện A", level: "district" }, year, values: { "DK.3": 92 }, children: communes };
    const r = evaluateUnit(district, withChildStatuses(doc, [compiled]));
    expect(indicator(r, "DK.1")).toMatchObject({ status: "not_met", actual: 66.666666667, required: 100 });
    expect(indicator(r, "DK.2")).toMatchObject({ status: "missing" }); // no advanced statuses supplied
    expect(r.criteriaTotal).toBe(9); // the conditions are not counted as criteria
  });

  it("is deterministic: the same input always gives the same result", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"),
        (v, region) => {
          const doc = passingValues(compiled.pack, commune({ region: region as "DBSH" }), year);
          doc.values["2.2"] = v;
          expect(evaluateUnit(compiled, doc)).toEqual(evaluateUnit(compiled, JSON.parse(JSON.stringify(doc)) as typeof doc));
        },
      ),
      { numRuns: 50 },
    );
  });

  it("never turns met into not_met when a >= value rises", () => {
    const ids = compiled.indicators
      .filter((i) => i.indicator.comparator === ">=" && i.indicator.kind !== "boolean")
      .map((i) => i.indicator.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (id, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const doc = passingValues(compiled.pack, commune(), year);
          const low = indicator(evaluateUnit(compiled, { ...doc, values: { ...doc.values, [id]: lo } }), id).status;
          const high = indicator(evaluateUnit(compiled, { ...doc, values: { ...doc.values, [id]: hi } }), id).status;
          if (low === "met") expect(high).toBe("met");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("evaluateMany", () => {
  it("evaluates a batch with one compiled pack, in order", () => {
    const docs = ["a", "b", "c"].map((id) => passingValues(compiled.pack, commune({ id }), year));
    docs[1]!.values["2.1"] = 50;
    expect(evaluateMany(compiled, docs).map((r) => [r.unitId, r.status])).toEqual([
      ["a", "met"],
      ["b", "not_met"],
      ["c", "met"],
    ]);
  });
});
