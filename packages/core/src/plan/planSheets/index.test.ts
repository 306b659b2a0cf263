import { describe, expect, it } from "vitest";
import { DISTRICT_PLAN_63 } from "../districtPlan63/index.js";
import { planFromTemplate } from "../planFromTemplate/index.js";
import type { Plan } from "../schemas.js";
import { planFromSheets, planToSheets } from "./index.js";

const withEverything = (): Plan => {
  const r = planFromTemplate("directive-63", {
    id: "p-1",
    unit: { id: "d-01", name: "Huyện An Hòa" },
    number: "05-KH/HU",
    date: "2025-01-20",
    parent: { planId: "p-0", organisationId: "x" },
  });
  if (!r.ok) throw new Error("template");
  const p = r.value;
  return {
    ...p,
    tasks: p.tasks.map((t) =>
      t.code === "II.6"
        ? {
            ...t,
            milestones: [{ text: { vi: "Đào tạo nghề 500 lao động", en: "Train 500 workers" }, deadline: "2025-12-31", measure: "12" }],
            implements: ["II.6"],
          }
        : t,
    ),
    assignees: [
      ...p.assignees,
      { id: "tv-1", kind: "steering_member", name: { vi: "Đ/c A", en: "Comrade A" }, supportsUnitIds: ["c-1", "c-2"] },
    ],
  };
};

describe("planToSheets / planFromSheets", () => {
  it("round-trips the Directive 63 plan and a plan using every optional field", () => {
    expect(planFromSheets(planToSheets(DISTRICT_PLAN_63))).toEqual({ ok: true, value: DISTRICT_PLAN_63 });
    const p = withEverything();
    expect(planFromSheets(planToSheets(p))).toEqual({ ok: true, value: p });
  });

  it("reads columns in any order and ignores empty rows", () => {
    const sheets = planToSheets(DISTRICT_PLAN_63).map((s) => ({ ...s, rows: [...s.rows.map((r) => [...r].reverse()), [null, " "]] }));
    expect(planFromSheets(sheets)).toEqual({ ok: true, value: DISTRICT_PLAN_63 });
  });

  it("names the sheet, row and column of a bad cell and of a plan-level problem", () => {
    const sheets = planToSheets(DISTRICT_PLAN_63);
    const tasks = sheets.find((s) => s.name === "Nhiệm vụ")!;
    const lead = tasks.rows[0]!.findIndex((h) => h?.endsWith("[lead]"));
    tasks.rows[3]![lead] = "nobody";
    const r = planFromSheets(sheets);
    expect(r.ok ? null : r.issues.map((i) => [i.code, i.path, i.params?.sheet, i.params?.row, i.params?.column])).toEqual([
      ["plan.unknown_assignee", ["tasks", 2, "lead", 0], "Nhiệm vụ", 4, "E"],
    ]);
    const duties = sheets.find((s) => s.name === "Chế độ báo cáo")!;
    duties.rows[1]![duties.rows[0]!.findIndex((h) => h?.endsWith("[cadence]"))] = "{half";
    const r2 = planFromSheets(sheets);
    expect(r2.ok ? null : r2.issues.map((i) => [i.code, i.path, i.params?.column])).toEqual([
      ["plan.cell_unreadable", ["Chế độ báo cáo", 2, "cadence"], "F"],
    ]);
  });

  it("names a missing sheet and a missing column", () => {
    const sheets = planToSheets(DISTRICT_PLAN_63).filter((s) => s.name !== "Nơi nhận");
    sheets[0]!.rows[0]![0] = "Mã";
    const r = planFromSheets(sheets);
    expect(r.ok ? null : r.issues.map((i) => [i.code, i.path])).toEqual([
      ["plan.column_missing", ["Thông tin chung", 1, "id"]],
      ["plan.sheet_missing", ["Nơi nhận"]],
    ]);
  });
});
