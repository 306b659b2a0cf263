import { describe, expect, it } from "vitest";
import { cellKind, countByTier, filterCommunes, fold } from "./rollup";
import type { RollupCommune } from "../api/types";

const row = (unitId: string, name: string, criteriaMet: number, lost: string[] = []): RollupCommune => ({
  unitId, name, tier: null, status: "not_met", criteriaMet, criteriaTotal: 19, criteria: [], lost,
});

describe("countByTier", () => {
  it("counts each commune once at its tier, model including modern, none for no tier", () => {
    expect(countByTier([{ tier: "standard" }, { tier: null }, { tier: "advanced" }, { tier: "modern" }, { tier: "standard" }])).toEqual({ none: 1, standard: 2, advanced: 1, model: 1 });
  });
});

describe("cellKind", () => {
  it("maps an indeterminate criterion to the threshold-unknown cell and anything unknown to missing", () => {
    expect(["met", "not_met", "indeterminate", "unknown_threshold", "not_applicable", undefined, "weird"].map(cellKind)).toEqual(["met", "not_met", "unknown_threshold", "unknown_threshold", "not_applicable", "missing", "missing"]);
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
