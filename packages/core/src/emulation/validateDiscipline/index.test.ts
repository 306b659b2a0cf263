import { describe, expect, it } from "vitest";
import { discipline } from "../_lib/fixtures.js";
import { checkDisciplineFinding, validateDiscipline, validateDisciplines } from "./index.js";

describe("validateDiscipline", () => {
  it("accepts a criticism at a meeting without a decision number", () => {
    expect(validateDiscipline(discipline())).toEqual({ ok: true, value: discipline() });
  });
  it("needs a decision number for a warning", () => {
    const r = validateDiscipline(discipline({ form: "warning" }));
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ["emulation.decision_number_required", ["decision", "number"], { form: "warning" }],
    ]);
  });
  it("needs a reason", () => {
    const r = validateDiscipline({ ...discipline(), reason: "" });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([["reason"]]);
  });
});

describe("validateDisciplines", () => {
  it("is all or nothing with row paths", () => {
    const r = validateDisciplines([discipline(), discipline({ id: "kl-2", form: "reprimand" })]);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([[1, "decision", "number"]]);
  });
});

describe("checkDisciplineFinding", () => {
  const inspections = [{ id: "kt-01", findings: ["Chậm giải ngân", "Hồ sơ thiếu"] }];
  it("accepts a record without a finding and one naming an existing finding", () => {
    expect(checkDisciplineFinding(discipline(), inspections).ok).toBe(true);
    expect(checkDisciplineFinding(discipline({ finding: { inspectionId: "kt-01", findingIndex: 1 } }), inspections).ok).toBe(true);
  });
  it("names an unknown inspection and a finding out of range", () => {
    const a = checkDisciplineFinding(discipline({ finding: { inspectionId: "kt-99" } }), inspections);
    const b = checkDisciplineFinding(discipline({ finding: { inspectionId: "kt-01", findingIndex: 2 } }), inspections);
    expect(a.ok ? [] : a.issues.map((i) => [i.code, i.path])).toEqual([
      ["emulation.finding_unknown_inspection", ["finding", "inspectionId"]],
    ]);
    expect(b.ok ? [] : b.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ["emulation.finding_out_of_range", ["finding", "findingIndex"], { inspectionId: "kt-01", findingIndex: 2, findings: 2 }],
    ]);
  });
});
