import { describe, expect, it } from "vitest";
import { rankUnits } from "./rankUnits/index.js";
import { DEFAULT_SCORING_SCHEME } from "./scheme/index.js";
import { unit } from "./_lib/fixtures.js";
import { MESSAGES, formatReason } from "../i18n/formatReason.js";

describe("ranking messages", () => {
  it("render every reason a ranking produces in Vietnamese and English", () => {
    // every scheme field present (complete data), so levels, caps and the quota apply
    const base = {
      criteria_met: 19,
      criteria_total: 19,
      criteria_gained: 0,
      criteria_lost: 0,
      tier_reached: 0,
      programme_targets_met: 0,
      programme_targets_total: 1,
      tasks_on_time: 0,
      tasks_total: 1,
      reports_on_time: 0,
      reports_total: 1,
      ocop_products: 0,
      resources_mobilised: 0,
      resources_planned: 1,
      inspection_findings: 0,
    };
    const units = [
      unit("a", 0, {
        values: { ...base, criteria_lost: 2, reports_overdue: 3, inspection_findings: 2 },
        recognitionRevoked: true,
        records: { findings: [{ id: "KL-01", title: "Chậm giải ngân", deadline: "2024-06-30" }] },
      }),
      unit("b", 0, { values: { ...base, tier_reached: 3 }, discipline: { disciplined: true, selfCorrected: true } }),
      unit("c", 0, { values: { ...base }, discipline: { disciplined: true, selfCorrected: false } }),
      { unitId: "d", values: {} },
      unit("d2", 0, { values: { criteria_met: 19, criteria_total: 0 } }),
      unit("e", 0, { values: { ...base, criteria_met: 5 }, tasks: { assigned: 10, done: 8, onTime: 5, exceeding: 0 } }),
      unit("f", 0, { values: { ...base }, tasks: { assigned: 10, done: 10, onTime: 10, exceeding: 1 } }),
    ];
    const rich = {
      ...base,
      criteria_gained: 3,
      tier_reached: 3,
      programme_targets_met: 1,
      tasks_on_time: 1,
      reports_on_time: 1,
      ocop_products: 9,
      resources_mobilised: 1,
    };
    const excellent = Array.from({ length: 3 }, (_, i) => ({
      unitId: `x${i}`,
      values: rich,
      tasks: { assigned: 10, done: 10, onTime: 10, exceeding: 5 },
      records: { achievements: [{ title: "Điển hình tiên tiến phong trào Chung sức xây dựng NTM", recordId: "KT-1" }] },
    }));
    const reasons = [2024, 2025].flatMap((year) => {
      const r = rankUnits({ units: [...units, ...excellent], options: { topN: 2 } }, DEFAULT_SCORING_SCHEME, year);
      if (!r.ok) throw new Error("unexpected");
      return [
        ...r.value.reasons,
        ...r.value.rows.flatMap((x) => [...x.reasons, ...x.components.flatMap((c) => c.reasons)]),
        ...r.value.commendations.flatMap((c) => c.reasons),
        ...r.value.criticisms.flatMap((c) => c.reasons),
      ];
    });
    const codes = [...new Set(reasons.map((x) => x.code))].sort();
    expect(codes.filter((c) => !MESSAGES[c])).toEqual([]);
    expect(codes).toEqual(
      expect.arrayContaining([
        "cap.discipline_124",
        "cap.discipline_366",
        "cap.revoked_recognition",
        "cap.tasks_done_366",
        "cap.tasks_exceeding_366",
        "cap.tasks_on_time_366",
        "classification.band",
        "classification.final",
        "classification.regime",
        "commend.achievement",
        "commend.top_n",
        "criticise.criteria_lost",
        "criticise.finding_overdue",
        "criticise.not_completed",
        "criticise.reports_overdue",
        "criticise.revoked",
        "quota.moved",
        "ranking.incomplete_data",
        "ranking.incomplete_units",
        "ranking.order",
        "ranking.tie",
        "score.component",
        "score.denominator_missing",
        "score.scheme_default",
        "score.value_missing",
      ]),
    );
    for (const x of reasons)
      for (const lang of ["vi", "en"] as const) expect(formatReason(x, lang)).not.toMatch(/undefined|\[object Object\]|NaN/);
  });

  it("render indicator 18.2 taken from, or contradicting, a classification", () => {
    const filled = {
      code: "derived.classification",
      path: ["values", "18.2"],
      params: { indicator: "18.2", classificationYear: 2024, level: "good", value: true },
    };
    const conflict = {
      code: "derived.classification_conflict",
      path: ["values", "18.2"],
      params: { indicator: "18.2", classificationYear: 2024, level: "completed", entered: true, derived: false },
    };
    expect([formatReason(filled, "vi"), formatReason(conflict, "en")]).toEqual([
      'Chỉ tiêu 18.2: lấy theo kết quả xếp loại năm 2024 ("Hoàn thành tốt nhiệm vụ") → Đạt (cần "Hoàn thành tốt nhiệm vụ" trở lên; xếp loại do phần mềm tính theo thang điểm đang áp dụng)',
      'Indicator 18.2: the entered value (Yes) is kept, but the 2024 classification ("completed") gives No; please check',
    ]);
  });
});
