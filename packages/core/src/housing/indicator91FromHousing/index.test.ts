import { describe, expect, it } from "vitest";
import { summariseHouses } from "../_lib/summarise.js";
import type { House } from "../schema.js";
import { indicator91FromHousing } from "./index.js";

const h = (id: string, status: House["status"]): House => ({ id, communeUnitId: "x1", status, supportAmount: 0n });
const summary = (...houses: House[]) => summariseHouses(houses, "x1", ["x1"]);

describe("indicator91FromHousing", () => {
  it("is true (not met) when a temporary or dilapidated house remains", () => {
    expect(indicator91FromHousing(summary(h("a", "temporary"), h("b", "dilapidated"), h("c", "completed")))).toEqual({
      indicator: "9.1",
      value: true,
      met: false,
      reasons: [
        {
          code: "housing.indicator_91",
          path: ["values", "9.1"],
          params: { unit: "x1", value: true, required: false, met: false, temporary: 1, dilapidated: 1, houses: ["a", "b"] },
        },
      ],
    });
  });

  it("is false (met) when every house is completed", () => {
    expect(indicator91FromHousing(summary(h("a", "completed")))).toEqual({
      indicator: "9.1",
      value: false,
      met: true,
      reasons: [
        {
          code: "housing.indicator_91",
          path: ["values", "9.1"],
          params: { unit: "x1", value: false, required: false, met: true, temporary: 0, dilapidated: 0, houses: [] },
        },
      ],
    });
  });

  it("is false but names houses still under construction", () => {
    expect(indicator91FromHousing(summary(h("a", "completed"), h("b", "under_construction"))).reasons).toEqual([
      {
        code: "housing.indicator_91",
        path: ["values", "9.1"],
        params: { unit: "x1", value: false, required: false, met: true, temporary: 0, dilapidated: 0, houses: [] },
      },
      { code: "housing.under_construction_pending", path: ["values", "9.1"], params: { unit: "x1", count: 1, houses: ["b"] } },
    ]);
  });

  it("is false with a survey note when no house is recorded", () => {
    const r = indicator91FromHousing(summary());
    expect([r.value, r.reasons.map((x) => x.code)]).toEqual([false, ["housing.indicator_91", "housing.no_records"]]);
  });
});
