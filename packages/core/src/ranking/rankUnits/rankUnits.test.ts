import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rankUnits, type Ranking } from "./index.js";
import { DEFAULT_SCORING_SCHEME } from "../scheme/index.js";
import { DIRECT_SCHEME, unit } from "../_lib/fixtures.js";
import { formatReason } from "../../i18n/formatReason.js";
import { formatIssues } from "../../errors/index.js";
import type { RankingInput } from "../input.js";

function ranked(input: RankingInput, year = 2025, scheme = DIRECT_SCHEME): Ranking {
  const r = rankUnits(input, scheme, year);
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return r.value;
}
const levels = (r: Ranking) => r.rows.map((x) => [x.unitId, x.score, x.level]);

describe("rankUnits", () => {
  it("classifies at the exact legal boundaries of 366-QĐ/TW", () => {
    const r = ranked({
      units: [
        unit("a", 90),
        unit("b", 89.99),
        unit("c", 70),
        unit("d", 69.99),
        unit("e", 50),
        unit("f", 49.99),
        ...Array.from({ length: 8 }, (_, i) => unit(`t${i}`, 75)),
      ],
    });
    expect(r.rows.filter((x) => !x.unitId.startsWith("t")).map((x) => [x.unitId, x.score, x.bandLevel, x.level])).toEqual([
      ["a", 90, "excellent", "excellent"],
      ["b", 89.99, "good", "good"],
      ["c", 70, "good", "good"],
      ["d", 69.99, "completed", "completed"],
      ["e", 50, "completed", "completed"],
      ["f", 49.99, "not_completed", "not_completed"],
    ]);
    expect(r.regime.id).toBe("366-QĐ/TW");
  });

  it("uses the 124 regime for 2024, labelled as the tool's default score mapping", () => {
    const r = ranked({ units: [unit("a", 72)] }, 2024);
    expect(r.rows[0]!.reasons[0]).toEqual({
      code: "classification.band",
      path: ["score"],
      params: { score: 72, level: "good", regime: "124-QĐ/TW", verified: false, isDefault: true },
    });
    expect(formatReason(r.rows[0]!.reasons[0]!, "vi")).toBe(
      "72 điểm: Hoàn thành tốt nhiệm vụ theo 124-QĐ/TW (cách quy đổi điểm mặc định của phần mềm, không phải quy định)",
    );
  });

  it("breaks ties by criteria met, then fewer criteria lost, then unit id", () => {
    const r = ranked({
      units: [
        unit("xa-d", 80),
        unit("xa-c", 80),
        unit("xa-b", 80, { values: { score: 80, criteria_met: 19, criteria_lost: 1 } }),
        unit("xa-a", 80, { values: { score: 80, criteria_met: 18, criteria_lost: 0 } }),
        unit("xa-e", 81),
      ],
    });
    expect(r.rows.map((x) => [x.rank, x.unitId])).toEqual([
      [1, "xa-e"],
      [2, "xa-c"],
      [3, "xa-d"],
      [4, "xa-b"],
      [5, "xa-a"],
    ]);
  });

  it("caps a revoked unit at 'completed', ranks it below every 'good' unit despite its score, says why and proposes it for criticism", () => {
    const r = ranked({
      units: [unit("xa-revoked", 95, { recognitionRevoked: true }), ...Array.from({ length: 10 }, (_, i) => unit(`t${i}`, 80))],
    });
    const row = r.rows.find((x) => x.unitId === "xa-revoked")!;
    expect([row.rank, row.bandLevel, row.level, row.caps.map((c) => [c.rule, c.maxLevel, c.lowered])]).toEqual([
      11,
      "excellent",
      "completed",
      [["revokedRecognition", "completed", true]],
    ]);
    expect(row.reasons.map((x) => formatReason(x, "vi"))).toEqual([
      "95 điểm: Hoàn thành xuất sắc nhiệm vụ theo 366-QĐ/TW",
      'Bị thu hồi quyết định công nhận trong năm: tối đa "Hoàn thành nhiệm vụ" (mặc định của phần mềm)',
      "Xếp loại cuối cùng: Hoàn thành nhiệm vụ (theo điểm: Hoàn thành xuất sắc nhiệm vụ; bị hạ do: bị thu hồi công nhận)",
    ]);
    expect(r.criticisms).toEqual([
      { unitId: "xa-revoked", rank: 11, reasons: [{ code: "criticise.revoked", path: ["recognitionRevoked"], params: {} }] },
    ]);
    expect(r.commendations).toEqual([]);
  });

  it("applies the 20% quota: 9 good + 3 excellent candidates keep the best 2, the third moves to good with a reason", () => {
    const r = ranked({
      units: [
        unit("xa-1", 96),
        unit("xa-2", 93),
        unit("xa-3", 93, { values: { score: 93, criteria_met: 18, criteria_lost: 0 } }),
        ...Array.from({ length: 9 }, (_, i) => unit(`t${i}`, 80)),
      ],
    });
    expect(levels(r).slice(0, 3)).toEqual([
      ["xa-1", 96, "excellent"],
      ["xa-2", 93, "excellent"],
      ["xa-3", 93, "good"],
    ]);
    expect(r.quota).toEqual([{ group: "all", candidates: 3, kept: 2, good: 10, moved: ["xa-3"] }]);
    const moved = r.rows[2]!;
    expect(moved.quotaMove?.reason).toEqual({
      code: "quota.moved",
      path: ["units", "xa-3", "level"],
      params: { group: "all", position: 3, candidates: 3, kept: 2, good: 10, numerator: 1, denominator: 5, score: 93 },
    });
    expect(formatReason(moved.quotaMove!.reason, "vi")).toBe(
      'Vượt tỷ lệ xuất sắc (không quá 1/5 số hoàn thành tốt) trong nhóm "all": xếp thứ 3/3 đề nghị xuất sắc, chỉ giữ 2; chuyển xuống hoàn thành tốt',
    );
    expect(r.commendations.map((c) => c.unitId)).toEqual(["xa-1", "xa-2"]);
  });

  it("proposes commendation for the top N and criticism for not completed, lost criteria and overdue reports", () => {
    const r = ranked({
      units: [
        unit("xa-a", 85),
        unit("xa-b", 75, { values: { score: 75, criteria_met: 17, criteria_lost: 2, reports_overdue: 1 } }),
        unit("xa-c", 40),
      ],
      options: { topN: 1 },
    });
    expect(r.commendations).toEqual([
      { unitId: "xa-a", rank: 1, reasons: [{ code: "commend.top_n", path: ["rank"], params: { rank: 1, topN: 1, score: 85 } }] },
    ]);
    expect(r.criticisms).toEqual([
      {
        unitId: "xa-b",
        rank: 2,
        reasons: [
          { code: "criticise.criteria_lost", path: ["values", "criteria_lost"], params: { count: 2 } },
          { code: "criticise.reports_overdue", path: ["values", "reports_overdue"], params: { count: 1 } },
        ],
      },
      {
        unitId: "xa-c",
        rank: 3,
        reasons: [{ code: "criticise.not_completed", path: ["level"], params: { score: 40, bandLevel: "not_completed", because: [] } }],
      },
    ]);
    expect(formatReason(r.criticisms[1]!.reasons[0]!, "vi")).toBe(
      'Không hoàn thành nhiệm vụ: 40 điểm, dưới mức "Hoàn thành nhiệm vụ": đề nghị phê bình',
    );
  });

  it("scores with the default scheme, fills task values from task counts, applies the quota to a lone unit and says the scheme is a default", () => {
    const values = {
      criteria_met: 19,
      criteria_total: 19,
      criteria_gained: 3,
      criteria_lost: 0,
      tier_reached: 3,
      programme_targets_met: 8,
      programme_targets_total: 8,
      reports_on_time: 6,
      reports_total: 6,
      ocop_products: 4,
      resources_mobilised: 4_000_000_000,
      resources_planned: 4_000_000_000,
      inspection_findings: 0,
    };
    const r = ranked(
      { units: [{ unitId: "xa-a", values, tasks: { assigned: 12, done: 12, onTime: 12, exceeding: 4 } }] },
      2025,
      DEFAULT_SCORING_SCHEME,
    );
    // a lone excellent unit has no "good" peers: 20% of 1 good (itself, after demotion) is 0
    expect([r.rows[0]!.score, r.rows[0]!.bandLevel, r.rows[0]!.level]).toEqual([100, "excellent", "good"]);
    expect(r.rows[0]!.components.find((c) => c.id === "tasks_on_time")).toMatchObject({ value: 12, points: 15 });
    expect(r.scheme).toEqual({ id: "ntm.default-annual-scoring", version: "1.0.0", isDefault: true, verified: false });
    expect(r.reasons.map((x) => formatReason(x, "en"))).toEqual([
      "Ranking order: class (higher first), then score (higher first), then criteria met (more first), then criteria lost (fewer first), then name in Vietnamese alphabetical order, then id; units with incomplete data last",
      "2025: classified under Regulation 366-QĐ/TW",
      "Scoring scheme ntm.default-annual-scoring is the tool's default, not law; use your locality's official sheet",
    ]);
  });

  describe("with missing inputs", () => {
    // the direct score plus a penalty: a unit lacking "inspection_findings" has a score but incomplete data
    const WITH_PENALTY = {
      ...DIRECT_SCHEME,
      components: [
        ...DIRECT_SCHEME.components,
        {
          id: "findings",
          label: { vi: "Sai phạm", en: "Findings" },
          field: "inspection_findings",
          weight: 10,
          formula: { type: "penaltyPerItem" as const, points: 2, max: 10 },
        },
      ],
    };
    const full = (id: string, score: number, extra: Record<string, number> = {}) =>
      unit(id, score, { values: { score, criteria_met: 19, criteria_lost: 0, inspection_findings: 0, ...extra } });

    it("gives no level to a unit with missing inputs, never proposes it on missing data, says why, and lists it after the complete units", () => {
      const r = ranked(
        {
          units: [
            full("xa-a", 85),
            full("xa-b", 40),
            { unitId: "xa-empty", values: {} },
            unit("xa-high", 95), // a score of 95 but no inspection findings entered
            { unitId: "xa-lost", values: { score: 30, criteria_met: 17, criteria_lost: 2 } },
          ],
          options: { topN: 3 },
        },
        2025,
        WITH_PENALTY,
      );
      expect(
        r.rows.map((x) => [x.rank, x.unitId, x.score, x.dataComplete, x.bandLevel, x.level, x.missingInputs.map((m) => m.field)]),
      ).toEqual([
        [1, "xa-a", 85, true, "good", "good", []],
        [2, "xa-b", 40, true, "not_completed", "not_completed", []],
        [3, "xa-high", 95, false, "incomplete_data", "incomplete_data", ["inspection_findings"]],
        [4, "xa-lost", 30, false, "incomplete_data", "incomplete_data", ["inspection_findings"]],
        [5, "xa-empty", 0, false, "incomplete_data", "incomplete_data", ["score", "inspection_findings"]],
      ]);
      const empty = r.rows[4]!;
      expect([empty.caps, empty.quotaMove, empty.reasons]).toEqual([
        [],
        null,
        [
          {
            code: "ranking.incomplete_data",
            path: ["values"],
            params: {
              score: 0,
              count: 2,
              fields: ["score", "inspection_findings"],
              components: ["score", "findings"],
              labels: [
                { vi: "Điểm", en: "Score" },
                { vi: "Sai phạm", en: "Findings" },
              ],
            },
          },
        ],
      ]);
      expect(formatReason(empty.reasons[0]!, "vi")).toBe(
        "Chưa đủ số liệu để xếp loại: thiếu 2 số liệu (Điểm, Sai phạm). Điểm tạm tính 0 chỉ cộng các số liệu đã có, không phải kết quả xếp loại; không đưa vào tỷ lệ xuất sắc, không đề nghị khen thưởng, không đề nghị phê bình vì thiếu số liệu",
      );
      // top 3 reaches xa-high (rank 3), but missing data is no ground for commendation, nor is "không hoàn thành" (xa-b)
      expect(r.commendations.map((c) => c.unitId)).toEqual(["xa-a"]);
      // xa-empty (0 points) is not criticised; xa-lost is, for the criteria it did lose (a fact it has)
      expect(r.criticisms).toEqual([
        {
          unitId: "xa-b",
          rank: 2,
          reasons: [{ code: "criticise.not_completed", path: ["level"], params: { score: 40, bandLevel: "not_completed", because: [] } }],
        },
        {
          unitId: "xa-lost",
          rank: 4,
          reasons: [{ code: "criticise.criteria_lost", path: ["values", "criteria_lost"], params: { count: 2 } }],
        },
      ]);
      expect(r.reasons.map((x) => formatReason(x, "vi"))).toContain(
        "3/5 đơn vị chưa đủ số liệu chấm điểm: chưa xếp loại, xếp cuối danh sách",
      );
    });

    it("proposes nobody when no unit has its inputs (a year before any scoring data was entered)", () => {
      const r = ranked(
        {
          units: Array.from({ length: 40 }, (_, i) => ({
            unitId: `xa-${String(i).padStart(2, "0")}`,
            values: { criteria_met: 12 + (i % 8), criteria_total: 19 },
          })),
        },
        2022,
        DEFAULT_SCORING_SCHEME,
      );
      expect([
        r.rows.filter((x) => x.dataComplete).length,
        new Set(r.rows.map((x) => x.level)),
        r.commendations,
        r.criticisms,
        r.quota,
      ]).toEqual([0, new Set(["incomplete_data"]), [], [], []]);
      expect(formatReason(r.rows[0]!.reasons[0]!, "en")).toMatch(
        /^Not classified, incomplete data: 9 inputs missing \(criteria_gained, criteria_lost, /,
      );
    });

    it("counts only complete units in the excellent quota", () => {
      // 1 excellent + 4 good complete units: keeping it would need 5 good; incomplete units rated nothing do not help
      const units = [
        full("xa-x", 95),
        ...Array.from({ length: 4 }, (_, i) => full(`g${i}`, 80)),
        ...Array.from({ length: 3 }, (_, i) => unit(`m${i}`, 80)),
      ];
      const r = ranked({ units }, 2025, WITH_PENALTY);
      expect([r.quota, r.rows.find((x) => x.unitId === "xa-x")!.level]).toEqual([
        [{ group: "all", candidates: 1, kept: 0, good: 5, moved: ["xa-x"] }],
        "good",
      ]);
      const withOneMore = ranked({ units: [...units, full("g4", 80)] }, 2025, WITH_PENALTY);
      expect(withOneMore.rows.find((x) => x.unitId === "xa-x")!.level).toBe("excellent");
    });
  });

  it("is deterministic whatever the input order", () => {
    const units = [unit("c", 80), unit("a", 80), unit("b", 91), unit("d", 95), ...Array.from({ length: 6 }, (_, i) => unit(`t${i}`, 72))];
    expect(ranked({ units: [...units].reverse() })).toEqual(ranked({ units }));
  });

  it("returns the JSON paths of bad input and a bad scheme instead of ranking", () => {
    const bad = { units: [unit("a", 80), { ...unit("a", 70), tasks: { assigned: 5, done: 6, onTime: 6, exceeding: 0 } }] };
    const r = rankUnits(bad, { ...DIRECT_SCHEME, components: [{ ...DIRECT_SCHEME.components[0]!, weight: 90 }] }, 2025);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe("invalid_input");
    expect(formatIssues(r.issues)).toBe(
      [
        "$.scheme.components: the weights of the non-penalty components add up to 90, not 100",
        "$.input.units[1].tasks.done: done exceeds assigned",
        '$.input.units[1].unitId: duplicate unit id "a"',
      ].join("\n"),
    );
  });

  it("gives the same ranking for any order of the same units, and never more excellent than 20% of good per group", () => {
    const arbUnit = fc.record({
      id: fc.integer({ min: 0, max: 40 }),
      score: fc.integer({ min: 4000, max: 10000 }).map((x) => x / 100),
      met: fc.integer({ min: 10, max: 19 }),
      group: fc.constantFrom("g1", "g2"),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbUnit, { selector: (u) => u.id, maxLength: 25 }), fc.integer(), (list, seed) => {
        const units = list.map((u) =>
          unit(`xa-${u.id}`, u.score, { group: u.group, values: { score: u.score, criteria_met: u.met, criteria_lost: 0 } }),
        );
        const shuffled = [...units].sort(
          (a, b) => ((a.unitId.length * 31 + seed) % 7) - ((b.unitId.length * 31 + seed) % 7) || (a.unitId < b.unitId ? 1 : -1),
        );
        const r1 = ranked({ units });
        expect(ranked({ units: shuffled })).toEqual(r1);
        for (const g of ["g1", "g2"]) {
          const rows = r1.rows.filter((x) => x.group === g);
          expect(5 * rows.filter((x) => x.level === "excellent").length).toBeLessThanOrEqual(rows.filter((x) => x.level === "good").length);
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
