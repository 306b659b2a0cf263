import { describe, expect, it } from "vitest";
import { validatePlan } from "../validatePlan/index.js";
import { DISTRICT_PLAN_63, districtPlan63Duties } from "./index.js";

// Criterion and indicator ids of the national commune set 2021–2025 (QĐ 318/QĐ-TTg), for the link check.
const CRITERIA = Array.from({ length: 19 }, (_, i) => String(i + 1));
const INDICATORS = ["1.1", "1.2", "9.1", "9.2", "10", "11", "13.1", "13.2", "13.3", "13.4", "17.1", "18.1", "19.1", "19.2"];

describe("DISTRICT_PLAN_63", () => {
  it("validates, including its links to the national commune criteria", () => {
    expect(validatePlan(DISTRICT_PLAN_63, { knownCriteria: CRITERIA, knownIndicators: INDICATORS })).toEqual({
      ok: true,
      value: DISTRICT_PLAN_63,
    });
  });

  it("keeps the plan's own number and date unknown, runs to the end of 2025, and cites its basis", () => {
    expect({ number: DISTRICT_PLAN_63.number, date: DISTRICT_PLAN_63.date, period: DISTRICT_PLAN_63.period }).toEqual({
      number: null,
      date: null,
      period: { start: null, end: "2025-12-31" },
    });
    expect(DISTRICT_PLAN_63.basis.map((b) => [b.number, b.date, b.relation, b.issuer.vi])).toEqual([
      ["63-CT/TU", "2024-12-27", "implements", "Ban Thường vụ Tỉnh ủy"],
      ["16-NQ/TU", null, "cites", "Tỉnh ủy"],
      ["07-NQ/HU", "2021-07-22", "cites", "Ban Chấp hành Đảng bộ huyện khóa XII"],
    ]);
    expect(DISTRICT_PLAN_63.signer).toEqual({
      onBehalfOf: { vi: "T/M Ban Thường vụ", en: "On behalf of the Standing Board" },
      title: { vi: "Bí thư", en: "Secretary" },
      name: "Nguyễn Hữu Tuấn",
    });
  });

  it("has 3 purposes, 8 tasks and 5 assignments with 9 recipients", () => {
    expect(DISTRICT_PLAN_63.purposes.map((p) => p.code)).toEqual(["I.1", "I.2", "I.3"]);
    expect(DISTRICT_PLAN_63.tasks.map((t) => t.code)).toEqual(["II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "II.7", "II.8"]);
    expect(DISTRICT_PLAN_63.assignments.map((a) => a.code)).toEqual(["III.1", "III.2", "III.3", "III.4", "III.5"]);
    expect(DISTRICT_PLAN_63.recipients).toHaveLength(9);
  });

  it("links each task to the criteria and targets it drives", () => {
    expect(
      Object.fromEntries(DISTRICT_PLAN_63.tasks.map((t) => [t.code, [...t.links.criteria, ...t.links.indicators, ...t.links.targets]])),
    ).toEqual({
      "II.1": ["propaganda", "inspection_supervision", "annual_evaluation"],
      "II.2": [
        "1",
        "9",
        "10",
        "11",
        "13",
        "17",
        "19",
        "9.1",
        "criteria_maintenance",
        "planning",
        "programme_integration",
        "housing_elimination",
      ],
      "II.3": ["steering_member_support", "recognition"],
      "II.4": ["commendation", "criticism"],
      "II.5": ["2", "3", "4", "5", "6", "7", "8", "9", "resource_mobilisation", "agri_supply_chain"],
      "II.6": ["12", "13", "ocop_per_commune", "vocational_training", "cooperatives"],
      "II.7": ["18", "19", "security_order"],
      "II.8": ["propaganda", "supervision"],
    });
  });

  it("gives every assignment an assignee and a reporting duty to the district Standing Board", () => {
    const byId = new Map(DISTRICT_PLAN_63.reportingDuties.map((d) => [d.id, d]));
    expect(DISTRICT_PLAN_63.assignments.map((a) => [a.code, a.assigneeIds, a.dutyIds.map((id) => [id, byId.get(id)?.to])])).toEqual([
      [
        "III.1",
        ["cap-uy-to-chuc-dang", "chinh-quyen-cac-cap", "ubmttq-huyen", "to-chuc-ctxh-huyen"],
        [
          ["III.1-half-year", "btv-huyen-uy"],
          ["III.1-year", "btv-huyen-uy"],
        ],
      ],
      [
        "III.2",
        ["ubnd-huyen"],
        [
          ["III.2-half-year", "btv-huyen-uy"],
          ["III.2-year", "btv-huyen-uy"],
        ],
      ],
      ["III.3", ["ban-tuyen-giao-huyen-uy"], [["III.3-year", "btv-huyen-uy"]]],
      [
        "III.4",
        ["ubmttq-huyen", "to-chuc-ctxh-huyen"],
        [
          ["III.1-half-year", "btv-huyen-uy"],
          ["III.1-year", "btv-huyen-uy"],
        ],
      ],
      ["III.5", ["ubkt-huyen-uy"], [["III.5-year", "btv-huyen-uy"]]],
    ]);
  });

  it("labels every cadence and deadline as default configuration, and the duties the text does not state as defaults in full", () => {
    expect(DISTRICT_PLAN_63.reportingDuties.map((d) => [d.id, d.basis.stated, d.defaults])).toEqual([
      ["III.1-half-year", true, ["cadence", "deadline"]],
      ["III.1-year", true, ["cadence", "deadline"]],
      ["III.2-half-year", true, ["cadence", "deadline"]],
      ["III.2-year", true, ["cadence", "deadline"]],
      ["III.3-year", false, ["duty", "cadence", "deadline"]],
      ["III.5-year", false, ["duty", "cadence", "deadline"]],
    ]);
  });
});

describe("districtPlan63Duties", () => {
  it("rebuilds the duties under another schedule", () => {
    const duties = districtPlan63Duties({
      halfYear: null,
      year: { cadence: "yearly", deadline: { kind: "working_days_after_period_end", days: 10 } },
    });
    expect(duties.map((d) => [d.id, d.cadence, d.deadline])).toEqual([
      ["III.1-year", "yearly", { kind: "working_days_after_period_end", days: 10 }],
      ["III.2-year", "yearly", { kind: "working_days_after_period_end", days: 10 }],
      ["III.3-year", "yearly", { kind: "working_days_after_period_end", days: 10 }],
      ["III.5-year", "yearly", { kind: "working_days_after_period_end", days: 10 }],
    ]);
  });
});
