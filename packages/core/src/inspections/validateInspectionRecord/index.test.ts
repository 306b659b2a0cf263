import { describe, expect, it } from "vitest";
import { rec, record } from "../_lib/fixtures.js";
import { validateInspectionRecord, validateInspectionRecords } from "./index.js";

describe("validateInspectionRecord", () => {
  it("accepts a well-formed record and returns it unchanged", () => {
    const r = record(
      "kt-01",
      "x1",
      "2025-03-10",
      [rec("k1", "2025-06-30", "done", { doneOn: "2025-06-01" }), rec("k2", "2025-03-10", "open")],
      { conductedBy: "Ủy ban Kiểm tra Huyện ủy" },
    );
    expect(validateInspectionRecord(r)).toEqual({ ok: true, value: r });
  });

  it("reports duplicate recommendation ids and impossible dates at their paths", () => {
    const r = record("kt-01", "x1", "2025-03-10", [
      rec("k1", "2025-03-09", "open"),
      rec("k1", "2025-06-30", "in_progress", { doneOn: "2025-03-01" }),
    ]);
    expect(validateInspectionRecord(r)).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "inspection.due_before_record",
          path: ["recommendations", 0, "dueDate"],
          message: "due date 2025-03-09 is before the inspection on 2025-03-10",
          params: { dueDate: "2025-03-09", date: "2025-03-10" },
        },
        {
          code: "inspection.duplicate_recommendation",
          path: ["recommendations", 1, "id"],
          message: 'recommendation id "k1" appears twice (first at recommendations[0])',
          params: { id: "k1" },
        },
        {
          code: "inspection.done_on_not_done",
          path: ["recommendations", 1, "doneOn"],
          message: 'a done date is only for a done recommendation (status is "in_progress")',
          params: { status: "in_progress" },
        },
        {
          code: "inspection.done_before_record",
          path: ["recommendations", 1, "doneOn"],
          message: "done date 2025-03-01 is before the inspection on 2025-03-10",
          params: { doneOn: "2025-03-01", date: "2025-03-10" },
        },
      ],
    });
  });

  it("links a recommendation to the finding it follows up, with its remedy, and refuses a finding that does not exist", () => {
    const base = record("kt-01", "x1", "2025-03-10", [
      rec("k1", "2025-06-30", "done", { finding: 0, remedy: "Đã giải ngân đủ vốn", doneOn: "2025-06-20" }),
    ]);
    const good = { ...base, findings: ["Chậm giải ngân vốn"] };
    expect(validateInspectionRecord(good)).toEqual({ ok: true, value: good });
    const bad = { ...good, recommendations: [rec("k1", "2025-06-30", "open", { finding: 1 })] };
    expect(validateInspectionRecord(bad)).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "inspection.finding_unknown",
          path: ["recommendations", 0, "finding"],
          message: "finding 2 does not exist (the record has 1)",
          params: { finding: 1, findings: 1 },
        },
      ],
    });
  });

  it("reports shape errors with JSON paths", () => {
    const r = validateInspectionRecord({
      ...record("kt-01", "x1", "2025-02-30", [rec("k1", "2025-06-30", "pending" as "open")]),
      kind: "audit",
    });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ["date.not_calendar_day", ["date"]],
      ["invalid_value", ["kind"]],
      ["invalid_value", ["recommendations", 0, "status"]],
    ]);
  });
});

describe("validateInspectionRecords", () => {
  it("reports a duplicate record id with its row", () => {
    const a = record("kt-01", "x1", "2025-03-10", []);
    expect(validateInspectionRecords([a, a])).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "inspection.duplicate_record",
          path: [1, "id"],
          message: 'record id "kt-01" appears twice (first at [0])',
          params: { id: "kt-01" },
        },
      ],
    });
    expect(validateInspectionRecords([a])).toEqual({ ok: true, value: [a] });
  });
});
