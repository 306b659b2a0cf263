import { describe, expect, it } from "vitest";
import { incomeVs2020 } from "./index.js";

const docs = (...xs: number[]) => xs.map((x) => ({ values: { "10": x } }));

describe("incomeVs2020", () => {
  it("is met when the year's average is at least 1.5 times 2020's", () => {
    const r = incomeVs2020(docs(60, 64), docs(41, 41.6), 2025);
    expect([r.available, r.met, r.current, r.baseline2020, r.required, r.communes]).toEqual([
      true,
      true,
      62,
      41.3,
      61.95,
      { current: 2, baseline2020: 2 },
    ]);
    expect(r.reasons.map((x) => x.code)).toEqual(["target.income_met"]);
  });

  it("is not met below the multiple", () => {
    const r = incomeVs2020(docs(61.9), docs(41.3), 2025);
    expect([r.met, r.reasons.map((x) => x.code)]).toEqual([false, ["target.income_not_met"]]);
  });

  it("is unavailable, naming the year, when either year has no value", () => {
    expect(incomeVs2020([], docs(41.3), 2025)).toEqual({
      available: false,
      met: null,
      current: null,
      baseline2020: 41.3,
      required: null,
      communes: { current: 0, baseline2020: 1 },
      reasons: [
        { code: "target.income_unavailable", path: ["incomeVs2020"], params: { year: 2025, source: "QĐ 263/QĐ-TTg ngày 22/02/2022" } },
      ],
    });
    expect(incomeVs2020(docs(60), [], 2025).reasons[0]!.params).toMatchObject({ year: 2020 });
  });
});
