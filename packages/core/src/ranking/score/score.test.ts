import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { scoreUnit } from "./index.js";
import { DEFAULT_SCORING_SCHEME } from "../scheme/index.js";

const full = {
  criteria_met: 19,
  criteria_total: 19,
  criteria_gained: 3,
  criteria_lost: 0,
  tier_reached: 3,
  programme_targets_met: 8,
  programme_targets_total: 8,
  tasks_on_time: 12,
  tasks_total: 12,
  reports_on_time: 6,
  reports_total: 6,
  ocop_products: 4,
  resources_mobilised: 5_000_000_000,
  resources_planned: 4_000_000_000,
  inspection_findings: 0,
};

describe("scoreUnit with the default scheme", () => {
  it("gives 100 to a unit that meets everything", () => {
    const s = scoreUnit(full, DEFAULT_SCORING_SCHEME);
    expect(s.total).toBe(100);
    expect(s.components.map((c) => [c.id, c.points, c.capped])).toEqual([
      ["criteria_met", 30, false],
      ["criteria_gained", 6, false],
      ["criteria_lost", 0, false],
      ["tier_reached", 9, false],
      ["programme_targets", 15, false],
      ["tasks_on_time", 15, false],
      ["reports_on_time", 10, false],
      ["ocop_products", 8, false],
      ["resources_mobilised", 7, false],
      ["inspection_findings", 0, false],
    ]);
  });

  it("scores ratios proportionally, caps per-item points and deducts penalties up to their cap", () => {
    const s = scoreUnit(
      { ...full, criteria_met: 17, ocop_products: 9, criteria_lost: 4, inspection_findings: 1, tier_reached: 1 },
      DEFAULT_SCORING_SCHEME,
    );
    const pts = Object.fromEntries(s.components.map((c) => [c.id, c.points]));
    expect(pts).toMatchObject({
      criteria_met: 26.842105263,
      ocop_products: 8,
      criteria_lost: -15,
      inspection_findings: -2,
      tier_reached: 3,
    });
    expect(s.components.find((c) => c.id === "criteria_lost")).toMatchObject({ raw: -15, points: -15, capped: false });
    expect(s.total).toBe(Math.round((100 - 30 + (30 * 17) / 19 - 15 - 2 - 6) * 1e9) / 1e9);
  });

  it("scores a missing value as 0 and a missing denominator as 0, with reasons", () => {
    const s = scoreUnit({ criteria_met: 10 }, DEFAULT_SCORING_SCHEME);
    expect(s.total).toBe(0);
    expect(s.components[0]!.reasons).toEqual([
      {
        code: "score.component",
        path: ["values", "criteria_met"],
        params: {
          component: "criteria_met",
          label: { vi: "Điểm tỷ lệ tiêu chí đạt", en: "Criteria met (points)" },
          value: 10,
          points: 0,
          weight: 30,
          capped: false,
        },
      },
      {
        code: "score.denominator_missing",
        path: ["values", "criteria_total"],
        params: {
          component: "criteria_met",
          label: { vi: "Điểm tỷ lệ tiêu chí đạt", en: "Criteria met (points)" },
          field: "criteria_total",
          value: null,
        },
      },
    ]);
    expect(s.components[1]!.reasons).toEqual([
      {
        code: "score.value_missing",
        path: ["values", "criteria_gained"],
        params: {
          component: "criteria_gained",
          label: { vi: "Tiêu chí tăng thêm trong năm", en: "Criteria gained this year" },
          field: "criteria_gained",
        },
      },
    ]);
    // Vietnamese names the component, never the scheme's field id.
    expect(
      s.components
        .flatMap((c) => c.reasons.slice(-1))
        .map((r) => formatReason(r, "vi"))
        .slice(0, 2),
    ).toEqual([
      "Điểm tỷ lệ tiêu chí đạt: thiếu hoặc bằng 0 số liệu làm mẫu số để tính tỷ lệ, tính 0 điểm",
      "Tiêu chí tăng thêm trong năm: chưa có số liệu, tính 0 điểm",
    ]);
  });

  it("awards threshold points only at or above the threshold", () => {
    const scheme = {
      ...DEFAULT_SCORING_SCHEME,
      components: [
        { id: "t", label: { vi: "t", en: "t" }, field: "x", weight: 100, formula: { type: "threshold" as const, at: 5, points: 100 } },
      ],
    };
    expect([scoreUnit({ x: 5 }, scheme).total, scoreUnit({ x: 4.99 }, scheme).total]).toEqual([100, 0]);
  });
});
