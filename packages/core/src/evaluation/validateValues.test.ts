import { describe, expect, it } from "vitest";
import { compilePack } from "./compilePack.js";
import { validateValues } from "./validateValues.js";
import { commune, demoPack } from "../_testing/builders.js";

const compiled = compilePack(demoPack());

describe("validateValues", () => {
  it("accepts a well-formed document", () => {
    const r = validateValues(compiled, { unit: commune(), year: 2024, values: { "2.1": 100, "1.1": true, "11": null } });
    expect(r.ok).toBe(true);
  });

  it("names the JSON path of every problem: a percent of 140, an unknown id, a string where a number belongs", () => {
    const r = validateValues(compiled, { unit: commune(), year: 2024, values: { "2.1": 140, "99.9": 1, "1.1": 1, "10": true } });
    expect(r).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "values.expected_number",
          path: ["values", "10"],
          message: "chỉ tiêu 10 cần một số, nhận được true / indicator 10 expects a number, got true",
        },
        {
          code: "values.percent_range",
          path: ["values", "2.1"],
          message: "chỉ tiêu 2.1 là tỷ lệ phần trăm (0–100), nhận được 140 / indicator 2.1 is a percent (0–100), got 140",
          params: { value: 140 },
        },
        {
          code: "values.unknown_indicator",
          path: ["values", "99.9"],
          message:
            'chỉ tiêu "99.9" không có trong bộ tiêu chí example.province-demo.2021-2025 / unknown indicator "99.9" in pack example.province-demo.2021-2025',
          params: { indicator: "99.9" },
        },
        {
          code: "values.expected_boolean",
          path: ["values", "1.1"],
          message: "chỉ tiêu 1.1 cần giá trị Đạt/Không (true/false), nhận được 1 / indicator 1.1 expects true/false, got 1",
        },
      ],
    });
  });

  it("rejects a string where a number belongs, naming the path, Vietnamese first", () => {
    const r = validateValues(compiled, { unit: commune(), year: 2024, values: { "2.1": "95" } });
    expect(r).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "values.expected_number",
          path: ["values", "2.1"],
          message: 'chỉ tiêu 2.1 cần một số, nhận được "95" / indicator 2.1 expects a number, got "95"',
        },
      ],
    });
  });

  it("reports a schema error bilingually with its path", () => {
    const r = validateValues(compiled, { unit: commune(), year: "2024", values: {} });
    expect(r).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "invalid_type",
          path: ["year"],
          message: "Đầu vào không hợp lệ: mong đợi số, nhận được string / Invalid input: expected number, received string",
        },
      ],
    });
  });

  it("refuses notApplicable on an indicator every unit must meet, and a unit of the wrong level", () => {
    const r = validateValues(compiled, { unit: commune({ level: "hamlet" }), year: 2024, values: {}, notApplicable: ["2.1", "13.4"] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([
        ["values.level_mismatch", ["unit", "level"]],
        ["values.not_optional", ["notApplicable", 0]],
      ]);
  });
});
