import { describe, expect, it } from "vitest";
import { rec, record } from "../_lib/fixtures.js";
import { overdueRecommendations } from "./index.js";

describe("overdueRecommendations", () => {
  const records = [
    record("kt-01", "x1", "2025-03-10", [
      rec("k1", "2025-06-30", "open"),
      rec("k2", "2025-05-31", "done", { doneOn: "2025-05-20" }),
      rec("k3", "2025-07-01", "in_progress"),
    ]),
    record("gs-02", "x2", "2025-04-01", [rec("k1", "2025-05-01", "in_progress")], { kind: "supervision" }),
  ];

  it("lists open and in-progress recommendations past due, most overdue first, with reasons", () => {
    expect(overdueRecommendations(records, "2025-07-01")).toEqual([
      {
        recordId: "gs-02",
        recommendationId: "k1",
        subject: { kind: "unit", id: "x2", name: "Xã x2" },
        text: "Kiến nghị k1",
        responsible: "UBND xã",
        dueDate: "2025-05-01",
        status: "in_progress",
        daysOverdue: 61,
        reasons: [
          {
            code: "inspection.recommendation_overdue",
            path: [1, "recommendations", 0],
            params: {
              record: "gs-02",
              recommendation: "k1",
              subject: "Xã x2",
              responsible: "UBND xã",
              dueDate: "2025-05-01",
              status: "in_progress",
              daysOverdue: 61,
              asOf: "2025-07-01",
            },
          },
        ],
      },
      {
        recordId: "kt-01",
        recommendationId: "k1",
        subject: { kind: "unit", id: "x1", name: "Xã x1" },
        text: "Kiến nghị k1",
        responsible: "UBND xã",
        dueDate: "2025-06-30",
        status: "open",
        daysOverdue: 1,
        reasons: [
          {
            code: "inspection.recommendation_overdue",
            path: [0, "recommendations", 0],
            params: {
              record: "kt-01",
              recommendation: "k1",
              subject: "Xã x1",
              responsible: "UBND xã",
              dueDate: "2025-06-30",
              status: "open",
              daysOverdue: 1,
              asOf: "2025-07-01",
            },
          },
        ],
      },
    ]);
  });

  it("does not count a recommendation on its due date, nor a done one however late", () => {
    expect(overdueRecommendations(records, "2025-05-01")).toEqual([]);
    expect(overdueRecommendations([record("r", "x1", "2025-01-01", [rec("k", "2025-01-02", "done")])], "2030-01-01")).toEqual([]);
  });

  it("rejects a malformed asOf", () => {
    expect(() => overdueRecommendations(records, "01/07/2025")).toThrow(RangeError);
  });
});
