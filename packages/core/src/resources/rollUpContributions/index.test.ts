import { describe, expect, it } from "vitest";
import type { Contribution } from "../schema.js";
import { summariseContributions } from "../summariseContributions/index.js";
import { rollUpContributions } from "./index.js";

const y = { kind: "year", year: 2025 } as const;
const c = (unitId: string, source: Contribution["source"], amount: bigint): Contribution => ({ unitId, period: y, source, amount });
const units = [
  { id: "p" },
  { id: "x1", parentId: "p" },
  { id: "t1", parentId: "x1" },
  { id: "x2", parentId: "p" },
  { id: "q" },
  { id: "x9", parentId: "q" },
];
const rows = [
  c("p", "provincial_budget", 500n),
  c("x1", "commune_budget", 100n),
  c("t1", "people_cash", 50n),
  c("x2", "labour_days", 7n),
  c("x9", "credit", 1_000n),
];

describe("rollUpContributions", () => {
  it("sums the root and all its descendants, and nothing outside the subtree", () => {
    expect(rollUpContributions(rows, units, "p", { period: y })).toEqual({
      ok: true,
      value: {
        rootId: "p",
        unitIds: ["p", "x1", "x2", "t1"],
        ...summariseContributions(rows, { period: y, unitIds: ["p", "x1", "x2", "t1"] }),
      },
    });
    const x1 = rollUpContributions(rows, units, "x1");
    expect(x1.ok && [x1.value.unitIds, x1.value.totals, x1.value.peopleShare.percent]).toEqual([
      ["x1", "t1"],
      { count: 2, money: 150n, landDonatedM2: 0n, labourDays: 0n },
      "33.33",
    ]);
  });

  it("fails with not_found for an unknown root", () => {
    expect(rollUpContributions(rows, units, "zz")).toEqual({
      ok: false,
      kind: "not_found",
      issues: [{ code: "unit.not_found", path: ["rootId"], message: 'unit "zz" is not in the unit list', params: { unit: "zz" } }],
    });
  });

  it("fails on a cycle in parent links and on duplicate ids", () => {
    const cyclic = [
      { id: "a", parentId: "b" },
      { id: "b", parentId: "a" },
    ];
    expect(rollUpContributions([], cyclic, "a")).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "unit.cycle",
          path: ["units", 0, "parentId"],
          message: 'unit "a" is its own ancestor (parent links form a cycle)',
          params: { unit: "a" },
        },
      ],
    });
    expect(rollUpContributions([], [{ id: "a" }, { id: "a" }], "a")).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "unit.duplicate",
          path: ["units", 1, "id"],
          message: 'unit id "a" appears twice (first at units[0])',
          params: { unit: "a" },
        },
      ],
    });
  });
});
