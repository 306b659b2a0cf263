import { describe, expect, it } from "vitest";
import type { House } from "../schema.js";
import { summariseHouses } from "../_lib/summarise.js";
import { rollUpHousing } from "./index.js";

const h = (id: string, communeUnitId: string, status: House["status"], supportAmount = 0n): House => ({
  id,
  communeUnitId,
  status,
  supportAmount,
});
const units = [{ id: "p" }, { id: "x1", parentId: "p" }, { id: "x2", parentId: "p" }, { id: "q" }, { id: "y1", parentId: "q" }];
const houses = [h("a", "x1", "temporary", 1n), h("b", "x2", "completed", 2n), h("c", "y1", "dilapidated", 4n)];

describe("rollUpHousing", () => {
  it("summarises every house in the subtree and none outside it", () => {
    const r = rollUpHousing(houses, units, "p");
    expect(r).toEqual({ ok: true, value: summariseHouses([houses[0] as House, houses[1] as House], "p", ["p", "x1", "x2"]) });
    expect(r.ok && [r.value.total, r.value.remainingIds, r.value.supportDong]).toEqual([2, ["a"], 3n]);
  });

  it("fails with not_found for an unknown root", () => {
    expect(rollUpHousing(houses, units, "nope")).toEqual({
      ok: false,
      kind: "not_found",
      issues: [{ code: "unit.not_found", path: ["rootId"], message: 'unit "nope" is not in the unit list', params: { unit: "nope" } }],
    });
  });
});
