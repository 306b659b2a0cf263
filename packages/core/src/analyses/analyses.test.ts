import { describe, expect, it } from "vitest";
import { checkRevocation } from "./checkRevocation.js";
import { compareYears } from "./compareYears.js";
import { gapToNextTier } from "./gapToNextTier.js";
import { QD263_TARGETS, checkProgrammeTargets } from "./checkProgrammeTargets.js";
import { formatReason } from "../i18n/formatReason.js";
import { compilePack } from "../evaluation/compilePack.js";
import { evaluateUnit } from "../evaluation/evaluateUnit.js";
import { commune, demoPack, passingValues } from "../_testing/builders.js";
import { getPack } from "../packs/registry.js";

describe("checkRevocation (QĐ 18/2022)", () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
  it("revokes at exactly 30% failing when a key criterion is among them", () => {
    expect(checkRevocation({ criteriaTotal: 100, failed: ids(30), keyFailed: ["10"] })).toMatchObject({
      revoke: true,
      failedShare: 0.3,
      reasons: [{ code: "revocation.key_failed" }],
    });
  });
  it("does not revoke at 29% failing even with a key criterion", () => {
    expect(checkRevocation({ criteriaTotal: 100, failed: ids(29), keyFailed: ["10"] })).toMatchObject({
      revoke: false,
      failedShare: 0.29,
      reasons: [{ code: "revocation.below_threshold" }],
    });
  });
  it("does not revoke at 30–50% failing without a key criterion", () => {
    expect(checkRevocation({ criteriaTotal: 10, failed: ids(4), keyFailed: [] })).toMatchObject({
      revoke: false,
      reasons: [{ code: "revocation.thirty_no_key" }],
    });
  });
  it("revokes at 50% failing whatever the criteria", () => {
    expect(checkRevocation({ criteriaTotal: 10, failed: ids(5), keyFailed: [] })).toMatchObject({
      revoke: true,
      failedShare: 0.5,
      reasons: [{ code: "revocation.half_failed" }],
    });
    expect(checkRevocation({ criteriaTotal: 19, failed: ids(9), keyFailed: [] }).revoke).toBe(false); // 47.4%
  });
  it("revokes a district when 30% of its communes were revoked", () => {
    expect(checkRevocation({ criteriaTotal: 9, failed: [], keyFailed: [], childrenRevokedShare: 0.3 })).toMatchObject({
      revoke: true,
      reasons: [{ code: "revocation.below_threshold" }, { code: "revocation.children_revoked" }],
    });
  });
  it("works from an evaluation: 6 of 19 criteria failing with income revokes", () => {
    const compiled = compilePack(demoPack());
    const doc = passingValues(compiled.pack, commune(), 2024);
    Object.assign(doc.values, { "10": 30, "2.1": 10, "3.1": 10, "5": 10, "12.1": 10, "14.2": 10 });
    const r = evaluateUnit(compiled, doc);
    expect(r.revocation).toEqual({
      revoke: true,
      failedShare: 6 / 19,
      failed: ["2", "3", "5", "10", "12", "14"],
      keyFailed: ["10"],
      reasons: [{ code: "revocation.key_failed", path: ["criteria"], params: { failed: 6, total: 19, share: 6 / 19, keyFailed: ["10"] } }],
    });
  });
});

describe("compareYears", () => {
  it("lists criteria gained and lost since last year", () => {
    const compiled = compilePack(demoPack());
    const y1 = passingValues(compiled.pack, commune(), 2023);
    y1.values["17.1"] = 50;
    const y2 = passingValues(compiled.pack, commune(), 2024);
    y2.values["10"] = 40;
    delete y2.values["2.1"];
    const d = compareYears(evaluateUnit(compiled, y1), evaluateUnit(compiled, y2));
    expect(d).toEqual({
      unitId: "xa-an-binh",
      fromYear: 2023,
      toYear: 2024,
      gained: [{ criterionId: "17", from: "not_met", to: "met" }],
      lost: [
        { criterionId: "2", from: "met", to: "indeterminate" },
        { criterionId: "10", from: "met", to: "not_met" },
      ],
      other: [],
      criteriaMetDelta: -1,
      statusFrom: "not_met",
      statusTo: "not_met",
    });
  });
});

describe("gapToNextTier", () => {
  it("lists what a standard commune lacks for the advanced tier", () => {
    const adv = compilePack(getPack("example.province-demo-advanced.2021-2025")!);
    const doc = passingValues(demoPack(), commune(), 2024);
    doc.values["10"] = 55;
    const g = gapToNextTier(evaluateUnit(adv, doc));
    expect(g.met).toBe(false);
    expect(g.notMet).toContainEqual({ id: "10", actual: 55, required: 62, comparator: ">=", gap: 7 });
    expect(g.criteriaToGain).toContain("10");
  });
});

describe("checkProgrammeTargets (QĐ 263)", () => {
  it("checks the NTM share, the advanced and model shares, and communes under 15 criteria", () => {
    const communes = [
      { unitId: "a", tier: "model" as const, criteriaMet: 19 },
      { unitId: "b", tier: "advanced" as const, criteriaMet: 19 },
      { unitId: "c", tier: "standard" as const, criteriaMet: 19 },
      { unitId: "d", tier: "standard" as const, criteriaMet: 19 },
      { unitId: "e", tier: null, criteriaMet: 14 },
    ];
    expect(checkProgrammeTargets(communes).map((t) => [t.id, t.met, t.actual])).toEqual([
      ["ntm_share", true, 80],
      ["advanced_share", true, 40],
      ["model_share", true, 20],
      ["min_criteria", false, 1],
    ]);
  });
});

describe("checkProgrammeTargets: income versus 2020 (QĐ 263)", () => {
  const income = (baseline2020: number, current: number) =>
    checkProgrammeTargets([], QD263_TARGETS, { income: { baseline2020, current } }).find((t) => t.id === "income_vs_2020")!;

  it("returns no income check unless both incomes are given", () => {
    expect(checkProgrammeTargets([{ unitId: "a", tier: "standard", criteriaMet: 19 }]).map((t) => t.id)).toEqual([
      "ntm_share",
      "advanced_share",
      "model_share",
      "min_criteria",
    ]);
  });

  it("is met at exactly 1.5 times the 2020 income, decimals compared exactly, and not met just below", () => {
    // 41.3 × 1.5 = 61.95 exactly; in floating point 41.3 * 1.5 is 61.949999999999996
    expect([income(41.3, 61.95).met, income(41.3, 61.94).met, income(40, 60).met, income(40, 59.999).met, income(33.3, 49.95).met]).toEqual(
      [true, false, true, false, true],
    );
  });

  it("says what was compared, in Vietnamese and English, naming QĐ 263", () => {
    const t = income(40, 58);
    expect([t.met, t.actual, t.required]).toEqual([false, 58, 60]);
    expect(t.reasons).toEqual([
      {
        code: "target.income_not_met",
        path: ["income_vs_2020"],
        params: { current: 58, baseline2020: 40, required: 60, multiple: 1.5, ratio: 1.45, source: "QĐ 263/QĐ-TTg ngày 22/02/2022" },
      },
    ]);
    expect(formatReason(t.reasons[0]!, "vi")).toBe(
      "Thu nhập bình quân đầu người ở nông thôn 58 triệu đồng/người/năm, gấp 1,45 lần năm 2020 (40): chưa đạt, mục tiêu đến năm 2025 ≥ 1,5 lần, tức ≥ 60 (QĐ 263/QĐ-TTg ngày 22/02/2022)",
    );
    expect(formatReason(income(40, 61).reasons[0]!, "en")).toBe(
      "Rural income per capita 61 million đồng/person/year, 1.52 times 2020 (40): met, target by 2025 ≥ 1.5 times, i.e. ≥ 60 (QĐ 263/QĐ-TTg ngày 22/02/2022)",
    );
  });

  it("refuses a 2020 income of 0 with a reason instead of dividing by it", () => {
    const t = income(0, 50);
    expect([t.met, t.reasons.map((r) => r.code), formatReason(t.reasons[0]!, "en")]).toEqual([
      false,
      ["target.income_invalid"],
      "The income-versus-2020 target (QĐ 263/QĐ-TTg ngày 22/02/2022) cannot be checked: the 2020 income must be above 0 and the current one not negative (2020: 0, current: 50)",
    ]);
  });
});
