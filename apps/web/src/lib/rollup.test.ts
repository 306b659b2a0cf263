import { describe, expect, it } from "vitest";
import { cellKind, countByTier, filterCommunes, fold, toRollupView } from "./rollup";
import type { ApiRollup, PackView, RollupCommune } from "../api/types";
// The shared table of tier buckets, written by hand in core (not part of core's public API).
import { BUCKET_CASES, unitOfStanding } from "../../../../packages/core/src/tiers/tierBuckets/bucketTable";

const row = (unitId: string, name: string, criteriaMet: number, lost: string[] = []): RollupCommune => ({
  unitId,
  name,
  tier: null,
  status: "not_met",
  criteriaMet,
  criteriaTotal: 19,
  criteria: [],
  lost,
});

describe("countByTier", () => {
  it("counts each commune once at its tier, modern in its own bucket, none for no tier", () => {
    expect(countByTier([{ tier: "standard" }, { tier: null }, { tier: "advanced" }, { tier: "modern" }, { tier: "standard" }])).toEqual({
      none: 1,
      standard: 2,
      advanced: 1,
      model: 0,
      modern: 1,
    });
  });
});

describe("cellKind", () => {
  it("maps an indeterminate criterion to the threshold-unknown cell and anything unknown to missing", () => {
    expect(["met", "not_met", "indeterminate", "unknown_threshold", "not_applicable", undefined, "weird"].map(cellKind)).toEqual([
      "met",
      "not_met",
      "unknown_threshold",
      "unknown_threshold",
      "not_applicable",
      "missing",
      "missing",
    ]);
  });
});

describe("filterCommunes", () => {
  const rows = [row("c1", "Xã Hòa Bình", 15), row("c2", "Xã An Phú", 19, ["10"]), row("c3", "Xã Đông Hòa", 12, ["5", "17"])];
  it("matches names without diacritics and sorts by criteria met, most first", () => {
    expect(filterCommunes(rows, "hoa", "criteriaMet").map((c) => c.unitId)).toEqual(["c1", "c3"]);
  });
  it("sorts by the number of criteria lost this year", () => {
    expect(filterCommunes(rows, "", "lost").map((c) => c.unitId)).toEqual(["c3", "c2", "c1"]);
  });
  it("sorts by Vietnamese name order", () => {
    expect(filterCommunes(rows, "", "name").map((c) => c.unitId)).toEqual(["c2", "c3", "c1"]);
  });
});

describe("fold", () => {
  it("strips tones and turns đ into d", () => {
    expect(fold("Đồng Hòa Ưu")).toBe("dong hoa uu");
  });
});

describe("toRollupView", () => {
  const pack: PackView = {
    id: "p",
    criteria: [
      {
        id: "1",
        name: { vi: "Quy hoạch", en: "Planning" },
        indicators: [{ id: "1.1", name: { vi: "a", en: "a" }, kind: "boolean", verified: true }],
      },
      {
        id: "10",
        name: { vi: "Thu nhập", en: "Income" },
        key: true,
        indicators: [{ id: "10.1", name: { vi: "b", en: "b" }, kind: "number", verified: false }],
      },
    ],
  };
  const commune = (criteria: Record<string, "met" | "not_met" | "indeterminate">) => ({
    unitId: "c1",
    name: "Xã A",
    parentId: "d1",
    flags: [],
    status: "not_met" as const,
    criteriaMet: 1,
    criteriaTotal: 2,
    tierReached: null,
    revoke: false,
    criteria,
    undetermined: null,
  });
  const api = (year: number, criteria: Record<string, "met" | "not_met" | "indeterminate">): ApiRollup => ({
    unitId: "p1",
    year,
    packId: "p",
    ladder: [],
    example: true,
    coverage: null,
    communes: [commune(criteria)],
    countsByTier: { none: 1, standard: 0, advanced: 0, model: 0, modern: 0 },
    undetermined: { missing: 0, unknown_threshold: 0 },
    noPack: { count: 0, communes: [] },
    targets: [],
    incomeVs2020: {
      available: false,
      met: null,
      current: null,
      baseline2020: null,
      required: null,
      communes: { current: 0, baseline2020: 0 },
      reasons: [],
    },
  });

  it("lists criteria in pack order with names, and the criteria a commune lost since last year", () => {
    const view = toRollupView(api(2024, { "1": "met", "10": "not_met" }), api(2023, { "1": "met", "10": "met" }), pack, [
      { id: "d1", name: "Huyện B", level: "district", parentId: "p1" },
      { id: "p1", name: "Tỉnh C", level: "province", parentId: null },
    ]);
    expect(view).toEqual({
      unitId: "p1",
      unitName: "Tỉnh C",
      year: 2024,
      packId: "p",
      example: true,
      unverifiedCount: 1,
      incomeVs2020: {
        available: false,
        met: null,
        current: null,
        baseline2020: null,
        required: null,
        communes: { current: 0, baseline2020: 0 },
        reasons: [],
      },
      criteria: [
        { id: "1", name: { vi: "Quy hoạch", en: "Planning" } },
        { id: "10", name: { vi: "Thu nhập", en: "Income" }, key: true },
      ],
      targets: [],
      communes: [
        {
          unitId: "c1",
          name: "Xã A",
          parentName: "Huyện B",
          tier: null,
          status: "not_met",
          criteriaMet: 1,
          criteriaTotal: 2,
          revoke: false,
          criteria: [
            { id: "1", status: "met" },
            { id: "10", status: "not_met" },
          ],
          lost: ["10"],
          undetermined: null,
        },
      ],
    });
  });

  it("reports nothing lost when there is no previous year", () => {
    expect(toRollupView(api(2021, { "1": "not_met" }), null, pack, []).communes[0]?.lost).toEqual([]);
  });
});

describe("tier buckets: the shared table (core, web and API)", () => {
  for (const c of BUCKET_CASES)
    it(c.name, () => {
      expect(countByTier(c.tiers.map(unitOfStanding))).toEqual(c.counts);
    });
});
