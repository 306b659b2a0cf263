import { describe, expect, it } from "vitest";
import { subjectsFromPlan, type PlanSubjectFacts } from "./index.js";
import { DEFAULT_SUBJECT_SCHEMES, rankSubjects } from "../subjects/index.js";
import { planFromTemplate } from "../../plan/planFromTemplate/index.js";
import type { Plan } from "../../plan/schemas.js";
import { formatReason } from "../../i18n/formatReason.js";

function plan(): Plan {
  const p = planFromTemplate("directive-63", { id: "kh-63", unit: { id: "h-a", name: "Huyện A" } });
  if (!p.ok) throw new Error("template");
  return {
    ...p.value,
    assignees: [
      ...p.value.assignees,
      { id: "tv-1", kind: "steering_member", name: { vi: "Đ/c Nguyễn Văn An", en: "Nguyen Van An" }, supportsUnitIds: ["x-1"] },
      { id: "tv-2", kind: "steering_member", name: { vi: "Đ/c Trần Thị Bình", en: "Tran Thi Binh" }, supportsUnitIds: ["x-2"] },
    ],
  };
}

// ubnd-huyen leads II.2, II.4, II.5 and II.6 in the Directive 63 template
const facts = (): PlanSubjectFacts => ({
  plan: plan(),
  planUnit: { id: "h-a", name: "Huyện A" },
  taskStatus: { "II.2": "done", "II.4": "in_progress", "II.5": "overdue", "II.3": "done", "II.1": "done", "II.7": "done" },
  reports: [
    { assigneeId: "ubnd-huyen", status: "submitted" },
    { assigneeId: "ubnd-huyen", status: "late" },
    { assigneeId: "ubnd-huyen", status: "pending" },
    { assigneeId: "chinh-quyen-cac-cap", status: "submitted" },
  ],
  communes: [
    { unitId: "x-1", name: "Xã Một", criteriaMet: 19, criteriaTotal: 19, criteriaLost: 0, resourcesMobilised: 3e9, resourcesPlanned: 2e9 },
    { unitId: "x-2", name: "Xã Hai", criteriaMet: 15, criteriaTotal: 19, criteriaLost: 2, resourcesMobilised: 1e9, resourcesPlanned: 2e9 },
  ],
  findings: [
    { subjectId: "x-2", id: "KL-7", title: "Chưa hoàn thiện hồ sơ", deadline: "2025-10-31", resolvedOn: null },
    { subjectId: "ubnd-huyen", id: "KL-8", deadline: "2025-05-31", resolvedOn: "2025-05-30" },
  ],
  records: {
    "tv-1": { achievements: [{ title: "Hỗ trợ xã Một về đích nâng cao" }] },
    "tv-2": { findings: [{ id: "KL-9", deadline: "2025-11-30" }] },
  },
});

describe("subjectsFromPlan", () => {
  const { organisations, persons } = subjectsFromPlan(facts(), "2025-12-31");

  it("makes a subject of every lead assignee but the issuer, one per commune for the plan's collective bodies", () => {
    expect(organisations.map((o) => [o.unit.unitId, o.unit.name])).toEqual([
      ["kh-63/cap-uy-to-chuc-dang@x-1", "Các cấp ủy, tổ chức Đảng - Xã Một"],
      ["kh-63/cap-uy-to-chuc-dang@x-2", "Các cấp ủy, tổ chức Đảng - Xã Hai"],
      ["kh-63/chinh-quyen-cac-cap@x-1", "Chính quyền các cấp - Xã Một"],
      ["kh-63/chinh-quyen-cac-cap@x-2", "Chính quyền các cấp - Xã Hai"],
      ["kh-63/ubnd-huyen", "Ủy ban nhân dân huyện - Huyện A"],
      ["kh-63/ubmttq-huyen", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện - Huyện A"],
      ["kh-63/to-chuc-ctxh-huyen", "Các tổ chức chính trị - xã hội huyện - Huyện A"],
      ["kh-63/ban-chi-dao-cac-cap", "Ban Chỉ đạo và bộ máy giúp việc Ban Chỉ đạo các cấp - Huyện A"],
    ]);
    expect(organisations.some((o) => o.assigneeId === "btv-huyen-uy")).toBe(false);
  });

  it("reads a district body's facts: lead tasks by status, reports due, all the plan's communes, its findings", () => {
    const ubnd = organisations.find((o) => o.unit.unitId === "kh-63/ubnd-huyen")!;
    expect(ubnd.unit.values).toEqual({
      tasks_total: 4, // II.2 done, II.4 in progress, II.5 overdue, II.6 unreported
      tasks_done: 1,
      tasks_on_time: 2,
      reports_total: 2, // the pending one is not yet due
      reports_on_time: 1,
      reports_overdue: 0,
      criteria_met: 34,
      criteria_total: 38,
      criteria_lost: 2,
      resources_mobilised: 4e9,
      resources_planned: 4e9,
      findings_overdue: 0,
      findings_total: 1,
    });
    expect(ubnd.reasons.map((r) => formatReason(r, "vi"))).toContain(
      "Nhiệm vụ II.6: chưa báo cáo tiến độ trên bảng kế hoạch: không tính hoàn thành, không tính đúng hạn",
    );
    // hand-computed: 30·1/4 + 20·2/4 + 20·34/38 + 10·1 + 20·1/2 − 3·2 = 7.5 + 10 + 17.894736842 + 10 + 10 − 6
    const r = rankSubjects({ units: organisations.map((o) => o.unit) }, DEFAULT_SUBJECT_SCHEMES.organisation, 2025);
    if (!r.ok) throw new Error("unexpected");
    expect(r.value.rows.find((x) => x.unitId === "kh-63/ubnd-huyen")!.score).toBeCloseTo(49.394736842, 8);
  });

  it("gives a commune body its own commune and the findings filed under it", () => {
    const x2 = organisations.find((o) => o.unit.unitId === "kh-63/chinh-quyen-cac-cap@x-2")!;
    expect([x2.responsibleFor, x2.unit.values.criteria_met, x2.unit.values.findings_overdue, x2.unit.records?.findings]).toEqual([
      ["x-2"],
      15,
      1,
      [{ id: "KL-7", title: "Chưa hoàn thiện hồ sơ", deadline: "2025-10-31", resolvedOn: null }],
    ]);
  });

  it("makes each steering member supporting communes a person, with the collective member tasks and its records", () => {
    expect(persons.map((p) => [p.unit.unitId, p.responsibleFor, p.unit.values.tasks_total, p.unit.values.tasks_done])).toEqual([
      ["tv-1", ["x-1"], 1, 1], // II.3 (coordinating for the plan's steering members), done
      ["tv-2", ["x-2"], 1, 1],
    ]);
    expect(persons[0]!.unit.records?.achievements).toEqual([{ title: "Hỗ trợ xã Một về đích nâng cao" }]);
    const r = rankSubjects({ units: persons.map((p) => p.unit) }, DEFAULT_SUBJECT_SCHEMES.person, 2025);
    if (!r.ok) throw new Error("unexpected");
    // tv-1: 20 + 10 + 50 + 20 = 100; tv-2: 20 + 10 + 50·15/19 + 20·1/2 − 3·2 − 5 (its own finding KL-9) = 68.473684211
    expect(r.value.rows.map((x) => [x.unitId, x.score, x.level])).toEqual([
      ["tv-1", 100, "good"], // a lone excellent candidate: 1/5 of 1 good after the cut is 0
      ["tv-2", 68.473684211, "completed"],
    ]);
    expect(r.value.commendations.map((c) => [c.unitId, c.reasons.map((x) => x.code)])).toEqual([["tv-1", ["commend.achievement"]]]);
    expect(r.value.criticisms.map((c) => [c.unitId, c.reasons.map((x) => x.code)])).toEqual([
      ["tv-2", ["criticise.criteria_lost", "criticise.finding_overdue"]],
    ]);
  });
});
