import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { SCORING_EVIDENCE_MAX } from "../scoringInputs/index.js";
import { checkScoringInputs } from "./index.js";

const codesAt = (input: unknown) => {
  const r = checkScoringInputs(input);
  return r.ok ? [] : r.issues.map((i) => [i.code, i.path.join(".")]);
};

describe("checkScoringInputs", () => {
  it("accepts consistent inputs and trims the evidence, dropping blank notes", () => {
    expect(
      checkScoringInputs({
        tasks: { assigned: 10, done: 9, onTime: 8, exceeding: 2 },
        reportsOnTime: 3,
        reportsTotal: 4,
        evidence: { tasks: "  Báo cáo số 12/BC-UBND ngày 05/12/2025 ", reportsOnTime: "   " },
      }),
    ).toEqual({
      ok: true,
      value: {
        tasks: { assigned: 10, done: 9, onTime: 8, exceeding: 2 },
        reportsOnTime: 3,
        reportsTotal: 4,
        evidence: { tasks: "Báo cáo số 12/BC-UBND ngày 05/12/2025" },
      },
    });
  });

  it("reads a record stored before evidence existed", () => {
    expect(checkScoringInputs({ programmeTargetsMet: 4, programmeTargetsTotal: 5 })).toEqual({
      ok: true,
      value: { programmeTargetsMet: 4, programmeTargetsTotal: 5 },
    });
  });

  it("names each count that exceeds its limit at its own path, with both values", () => {
    const r = checkScoringInputs({
      tasks: { assigned: 5, done: 6, onTime: 7, exceeding: 7 },
      programmeTargetsMet: 6,
      programmeTargetsTotal: 5,
      reportsOnTime: 5,
      reportsOverdue: 5,
      reportsTotal: 4,
    });
    expect(r.ok ? [] : r.issues.map(({ code, path, params }) => ({ code, path, params }))).toEqual([
      {
        code: "scoring_inputs.exceeds",
        path: ["tasks", "done"],
        params: { field: "tasks.done", limitField: "tasks.assigned", value: 6, limit: 5 },
      },
      {
        code: "scoring_inputs.exceeds",
        path: ["tasks", "onTime"],
        params: { field: "tasks.onTime", limitField: "tasks.done", value: 7, limit: 6 },
      },
      {
        code: "scoring_inputs.exceeds",
        path: ["tasks", "exceeding"],
        params: { field: "tasks.exceeding", limitField: "tasks.done", value: 7, limit: 6 },
      },
      {
        code: "scoring_inputs.exceeds",
        path: ["programmeTargetsMet"],
        params: { field: "programmeTargetsMet", limitField: "programmeTargetsTotal", value: 6, limit: 5 },
      },
      {
        code: "scoring_inputs.exceeds",
        path: ["reportsOnTime"],
        params: { field: "reportsOnTime", limitField: "reportsTotal", value: 5, limit: 4 },
      },
      {
        code: "scoring_inputs.exceeds",
        path: ["reportsOverdue"],
        params: { field: "reportsOverdue", limitField: "reportsTotal", value: 5, limit: 4 },
      },
    ]);
  });

  it("checks a pair only when both counts are entered", () => {
    expect(codesAt({ programmeTargetsMet: 9, reportsOnTime: 9 })).toEqual([]);
  });

  it("refuses evidence without its value, an evidence note that is too long, and an unknown evidence field", () => {
    expect(codesAt({ evidence: { reportsTotal: "Báo cáo số 1" } })).toEqual([
      ["scoring_inputs.evidence_without_value", "evidence.reportsTotal"],
    ]);
    expect(codesAt({ reportsTotal: 4, evidence: { reportsTotal: "x".repeat(SCORING_EVIDENCE_MAX) } })).toEqual([]);
    expect(codesAt({ reportsTotal: 4, evidence: { reportsTotal: "x".repeat(SCORING_EVIDENCE_MAX + 1) } })).toEqual([
      ["scoring_inputs.evidence_too_long", "evidence.reportsTotal"],
    ]);
    expect(codesAt({ reportsTotal: 4, evidence: { other: "x" } })).toEqual([["unrecognized_keys", "evidence"]]);
  });

  it("refuses money that is not whole đồng and negative or fractional counts", () => {
    expect(
      codesAt({ resourcesPlanned: "5.000", reportsTotal: -1, programmeTargetsMet: 1.5 })
        .map(([, p]) => p)
        .sort(),
    ).toEqual(["programmeTargetsMet", "reportsTotal", "resourcesPlanned"]);
  });

  it("words its issues in Vietnamese and English", () => {
    const r = checkScoringInputs({ tasks: { assigned: 5, done: 6, onTime: 5, exceeding: 0 }, evidence: { reportsTotal: "BC 1" } });
    const issues = r.ok ? [] : r.issues;
    expect(issues.map((i) => formatReason({ code: i.code, path: [...i.path], params: i.params ?? {} }, "vi"))).toEqual([
      "Số nhiệm vụ hoàn thành (6) lớn hơn số nhiệm vụ được giao (5)",
      "Tổng số báo cáo phải nộp: có ghi nguồn nhưng chưa nhập số liệu",
    ]);
    expect(formatReason({ code: issues[0]!.code, path: [...issues[0]!.path], params: issues[0]!.params ?? {} }, "en")).toBe(
      "Tasks done (6) exceeds tasks assigned (5)",
    );
  });
});
