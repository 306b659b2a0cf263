import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TaskProgress } from "../../plan/taskProgress/index.js";
import { type PlanTaskProgress, TASK_PROGRESS_FILE, readTaskProgressRows, writeTaskProgressRows } from "./index.js";

const tasks: PlanTaskProgress[] = [
  { code: "II.1", title: "Rà soát quy hoạch", lead: "Phòng Kinh tế", progress: null },
  {
    code: "II.2",
    title: "Giao thông",
    lead: "Phòng Hạ tầng",
    progress: { status: "in_progress", result: "Đã khảo sát", period: "2025S1", percentDone: 40, deadline: "2025-09-30" },
  },
];
const header = ["Mã nhiệm vụ", "Tình trạng", "Tỷ lệ hoàn thành (%)", "Kết quả thực hiện", "Kỳ báo cáo"];
const table = (...rows: (string | number | null)[][]) => ({ header, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

describe("readTaskProgressRows", () => {
  it("reads Vietnamese status words and keeps the task's stored deadline", () => {
    const r = readTaskProgressRows(table(["II.2", "Đã hoàn thành", 100, "Xong", "2025"], ["II.1", null, null, null, null]), tasks);
    expect(r.issues).toEqual([]);
    expect(r.updates).toEqual([
      { row: 2, code: "II.2", progress: { status: "done", percentDone: 100, result: "Xong", period: "2025", deadline: "2025-09-30" } },
    ]);
    expect(r.unchanged).toBe(1);
    expect(r.rows).toBe(2);
  });

  it("names the row, column and header of an unknown task, a % out of range and a missing result", () => {
    const r = readTaskProgressRows(
      table(
        ["IX.9", "Đang thực hiện", 10, "x", "2025"],
        ["II.1", "Đang thực hiện", 120, "x", "2025"],
        ["II.2", "Quá hạn", 10, null, "2025"],
      ),
      tasks,
    );
    expect(r.updates).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.column, i.header, i.code])).toEqual([
      [3, "C", "Tỷ lệ hoàn thành (%)", "task_progress.percent_out_of_range"],
      [4, "D", "Kết quả thực hiện", "record_file.required"],
      [2, "A", "Mã nhiệm vụ", "task_progress.unknown_task"],
    ]);
    expect(r.issues[0]!.message.vi).toBe("tỷ lệ hoàn thành 120% phải từ 0 đến 100");
    expect(r.issues[2]!.message.vi).toBe('kế hoạch không có nhiệm vụ mã "IX.9"');
  });

  it("refuses a status word it does not know, a done task under 100% and a task given twice", () => {
    const r = readTaskProgressRows(
      table(["II.1", "Xong rồi", null, "x", "2025"], ["II.2", "done", 100, "x", "2025"], ["II.2", "Chưa thực hiện", 0, "x", "2025"]),
      tasks,
    );
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, "B", "record_file.unknown_code"],
      [4, "A", "task_progress.duplicate_task"],
    ]);
    expect(r.issues[1]!.message.vi).toBe('nhiệm vụ "II.2" đã có ở dòng 3');
    const done = readTaskProgressRows(table(["II.2", "Đã hoàn thành", 90, "x", "2025"]), tasks);
    expect(done.issues.map((i) => [i.row, i.column, i.code, i.message.vi])).toEqual([
      [2, "C", "task_progress.done_not_full", "nhiệm vụ đã hoàn thành thì tỷ lệ là 100%, không phải 90%"],
    ]);
  });
});

describe("writeTaskProgressRows", () => {
  it("writes the template with its note row, the read-only columns and the deadline dd/mm/yyyy", () => {
    const t = writeTaskProgressRows(tasks, { note: true });
    expect(t.header).toEqual(TASK_PROGRESS_FILE.columns.map((c) => (c.required ? `${c.vi} *` : c.vi)));
    expect(String(t.rows[0]![0])).toMatch(/^# /);
    expect(t.rows[2]).toEqual(["II.2", "Giao thông", "Phòng Hạ tầng", "30/09/2025", "Đang thực hiện", 40, "Đã khảo sát", null, "2025S1"]);
  });

  it("reads back as no change, for any stored progress (write → read round trip)", () => {
    const text = fc
      .string({ minLength: 1, maxLength: 20 })
      .map((s) => s.trim())
      .filter((s) => s !== "" && !s.startsWith("#"));
    const progress: fc.Arbitrary<TaskProgress | null> = fc.option(
      fc
        .record(
          {
            status: fc.constantFrom("done", "in_progress", "not_started", "overdue" as const),
            result: text,
            period: fc.constantFrom("2025", "2025S2", "2026Q1", "2024-11"),
            percentDone: fc.integer({ min: 0, max: 100 }),
            evidence: text,
            deadline: fc.constantFrom("2025-06-30", "2026-01-15"),
          },
          { requiredKeys: ["status", "result", "period"] },
        )
        .map((p) => (p.status === "done" && p.percentDone !== undefined ? { ...p, percentDone: 100 } : p) as TaskProgress),
    );
    const planTasks = fc.uniqueArray(fc.record({ code: fc.constantFrom("I.1", "II.1", "II.2", "III.4", "IV"), title: text, progress }), {
      selector: (t) => t.code,
      maxLength: 5,
    });
    fc.assert(
      fc.property(planTasks, fc.boolean(), (ts, note) => {
        const file = writeTaskProgressRows(ts, { note });
        const back = readTaskProgressRows({ header: file.header, rows: file.rows.map((cells, i) => ({ row: i + 2, cells })) }, ts);
        expect(back.issues.filter((i) => i.code !== "record_file.no_rows")).toEqual([]);
        expect(back.updates).toEqual([]);
        expect(back.unchanged).toBe(ts.length);
      }),
    );
  });
});
