import { describe, expect, it } from "vitest";
import { rec, record } from "../_lib/fixtures.js";
import { summariseInspections } from "./index.js";

describe("summariseInspections", () => {
  it("summarises each subject's records, recommendations and overdue items on asOf", () => {
    const records = [
      record("kt-01", "x1", "2025-03-10", [rec("k1", "2025-06-30", "open"), rec("k2", "2025-05-31", "done", { doneOn: "2025-06-05" })]),
      record("gs-02", "x1", "2025-05-02", [rec("k1", "2025-08-01", "in_progress")], { kind: "supervision", findings: ["A", "B"] }),
      record("kt-03", "x2", "2025-04-01", [rec("k1", "2025-05-01", "done", { doneOn: "2025-04-20" })]),
      record("gs-04", "x3", "2025-04-01", [], { kind: "supervision", findings: [] }),
    ];
    expect(summariseInspections(records, "2025-07-01")).toEqual([
      {
        subject: { kind: "unit", id: "x1", name: "Xã x1" },
        inspections: 1,
        supervisions: 1,
        lastDate: "2025-05-02",
        findings: 3,
        recommendations: { total: 3, open: 1, inProgress: 1, done: 1, doneLate: 1, overdue: 1 },
        overdue: ["kt-01/k1"],
        reasons: [
          {
            code: "inspection.subject_summary",
            path: ["subjects", "unit:x1"],
            params: {
              subject: "Xã x1",
              inspections: 1,
              supervisions: 1,
              lastDate: "2025-05-02",
              findings: 3,
              total: 3,
              open: 1,
              inProgress: 1,
              done: 1,
              doneLate: 1,
              overdue: 1,
            },
          },
          {
            code: "inspection.subject_overdue",
            path: ["subjects", "unit:x1"],
            params: { subject: "Xã x1", count: 1, items: ["kt-01/k1"], asOf: "2025-07-01" },
          },
        ],
      },
      {
        subject: { kind: "unit", id: "x2", name: "Xã x2" },
        inspections: 1,
        supervisions: 0,
        lastDate: "2025-04-01",
        findings: 1,
        recommendations: { total: 1, open: 0, inProgress: 0, done: 1, doneLate: 0, overdue: 0 },
        overdue: [],
        reasons: [
          {
            code: "inspection.subject_summary",
            path: ["subjects", "unit:x2"],
            params: {
              subject: "Xã x2",
              inspections: 1,
              supervisions: 0,
              lastDate: "2025-04-01",
              findings: 1,
              total: 1,
              open: 0,
              inProgress: 0,
              done: 1,
              doneLate: 0,
              overdue: 0,
            },
          },
          { code: "inspection.subject_all_done", path: ["subjects", "unit:x2"], params: { subject: "Xã x2", count: 1 } },
        ],
      },
      {
        subject: { kind: "unit", id: "x3", name: "Xã x3" },
        inspections: 0,
        supervisions: 1,
        lastDate: "2025-04-01",
        findings: 0,
        recommendations: { total: 0, open: 0, inProgress: 0, done: 0, doneLate: 0, overdue: 0 },
        overdue: [],
        reasons: [
          {
            code: "inspection.subject_summary",
            path: ["subjects", "unit:x3"],
            params: {
              subject: "Xã x3",
              inspections: 0,
              supervisions: 1,
              lastDate: "2025-04-01",
              findings: 0,
              total: 0,
              open: 0,
              inProgress: 0,
              done: 0,
              doneLate: 0,
              overdue: 0,
            },
          },
        ],
      },
    ]);
  });

  it("keeps a unit and an organisation with the same id apart", () => {
    const org = record("kt-09", "x1", "2025-01-01", [], { subject: { kind: "organisation", id: "x1", name: "Chi bộ thôn 1" } });
    const s = summariseInspections([record("kt-01", "x1", "2025-03-10", []), org], "2025-07-01");
    expect(s.map((x) => [x.subject.kind, x.subject.name])).toEqual([
      ["organisation", "Chi bộ thôn 1"],
      ["unit", "Xã x1"],
    ]);
  });

  it("returns nothing for no records", () => {
    expect(summariseInspections([], "2025-07-01")).toEqual([]);
  });
});
