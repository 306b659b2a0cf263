import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_SUBJECT_SCHEMES, type SubjectRanking, type SubjectScheme, parseSubjectScheme, rankSubjects } from "./index.js";
import { rankUnits } from "../rankUnits/index.js";
import { DIRECT_SCHEME, unit } from "../_lib/fixtures.js";
import { compareLevels } from "../levels.js";
import { formatReason } from "../../i18n/formatReason.js";
import { formatIssues } from "../../errors/index.js";
import type { RankingInput, RankingUnit } from "../input.js";

/** A person scheme scoring the direct `score` value, with its own bands 80/60/40 and a 1/4 quota. */
const OWN_BANDS: SubjectScheme = {
  kind: "person",
  scoring: DIRECT_SCHEME,
  classification: {
    bands: [
      { level: "excellent", minScore: 80 },
      { level: "good", minScore: 60 },
      { level: "completed", minScore: 40 },
      { level: "not_completed", minScore: 0 },
    ],
    quota: { numerator: 1, denominator: 4 },
    caps: ["discipline366"],
    basis: "Ví dụ của tỉnh (not law)",
    verified: false,
  },
};

function ranked(input: RankingInput, scheme: SubjectScheme = OWN_BANDS, year = 2025): SubjectRanking {
  const r = rankSubjects(input, scheme, year);
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return r.value;
}
const person = (id: string, score: number, name: string, extra: Partial<RankingUnit> = {}): RankingUnit =>
  unit(id, score, { name, ...extra });

describe("subject schemes", () => {
  it("ships a valid default scheme per kind, the organisation and person ones marked not verified", () => {
    for (const k of ["unit", "organisation", "person"] as const) expect(parseSubjectScheme(DEFAULT_SUBJECT_SCHEMES[k]).ok).toBe(true);
    expect([DEFAULT_SUBJECT_SCHEMES.organisation.scoring.verified, DEFAULT_SUBJECT_SCHEMES.organisation.classification.verified]).toEqual([
      false,
      false,
    ]);
    expect(DEFAULT_SUBJECT_SCHEMES.person.scoring.isDefault).toBe(true);
  });

  it("rejects bands out of order, not starting at 0, or weights not adding to 100, naming the path", () => {
    const bad = {
      ...OWN_BANDS,
      scoring: { ...DIRECT_SCHEME, components: [{ ...DIRECT_SCHEME.components[0]!, weight: 90 }] },
      classification: {
        ...OWN_BANDS.classification,
        bands: [
          { level: "good", minScore: 80 },
          { level: "excellent", minScore: 85 },
          { level: "completed", minScore: 40 },
          { level: "not_completed", minScore: 5 },
        ],
      },
    };
    const r = parseSubjectScheme(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining([
        "scoring.components",
        "classification.bands.0.level",
        "classification.bands.1.level",
        "classification.bands.1.minScore",
        "classification.bands.3.minScore",
      ]),
    );
  });
});

describe("rankSubjects", () => {
  it("uses the scheme's own bands and quota: 3 excellent by score, 4 good, 1/4 keeps 1 and moves 2 down with reasons", () => {
    const r = ranked({
      units: [
        person("a", 95, "Lê An"),
        person("b", 90, "Trần Bình"),
        person("c", 85, "Phạm Cường"),
        ...["Đinh", "Dương", "Ấn", "Bảo"].map((n, i) => person(`g${i}`, 70, n)),
      ],
    });
    // good after the cut = 4 + 3 − k; k = 1 since 4·1 ≤ 6 and 4·2 > 5
    expect(r.quota).toEqual([{ group: "all", candidates: 3, kept: 1, good: 6, moved: ["b", "c"] }]);
    expect(r.rows.map((x) => [x.rank, x.name, x.level])).toEqual([
      [1, "Lê An", "excellent"],
      [2, "Trần Bình", "good"],
      [3, "Phạm Cường", "good"],
      // equal scores: Vietnamese alphabetical order (Â before B, D before Đ), not code-unit order
      [4, "Ấn", "good"],
      [5, "Bảo", "good"],
      [6, "Dương", "good"],
      [7, "Đinh", "good"],
    ]);
    const b = r.rows[1]!;
    expect(b.reasons.map((x) => x.code)).toEqual(["classification.band", "quota.moved", "classification.final"]);
    expect(formatReason(b.reasons[2]!, "vi")).toBe(
      "Xếp loại cuối cùng: Hoàn thành tốt nhiệm vụ (theo điểm: Hoàn thành xuất sắc nhiệm vụ; bị hạ do: vượt tỷ lệ xuất sắc)",
    );
    expect(formatReason(r.rows[6]!.reasons.at(-1)!, "vi")).toBe(
      "Bằng điểm (70) với Dương: xếp sau theo tên theo thứ tự chữ cái tiếng Việt",
    );
    expect(r.commendations.map((c) => [c.unitId, c.reasons.map((x) => x.code)])).toEqual([["a", ["commend.excellent"]]]);
    expect(r.regime.quota).toEqual({ basis: "Ví dụ của tỉnh (not law)", verified: false, isDefault: true });
    expect(r.reasons.map((x) => x.code)).toEqual([
      "ranking.order",
      "classification.regime",
      "score.scheme_default",
      "ranking.subject_scheme",
    ]);
  });

  it("breaks an equal score by criteria met before the name", () => {
    const r = ranked({
      units: [
        person("x", 70, "An", { values: { score: 70, criteria_met: 17, criteria_lost: 0 } }),
        person("y", 70, "Yến", { values: { score: 70, criteria_met: 19, criteria_lost: 0 } }),
      ],
    });
    expect(r.rows.map((x) => x.unitId)).toEqual(["y", "x"]);
    expect(r.rows[1]!.reasons.at(-1)).toEqual({
      code: "ranking.tie",
      path: ["rank"],
      params: { above: "Yến", key: "criteria_met", score: 70 },
    });
  });

  it("proposes commendation for a recorded achievement and criticism for a finding unresolved past its deadline, with reasons", () => {
    const r = ranked({
      units: [
        person("p1", 65, "Hoa", {
          records: { achievements: [{ title: "Điển hình tiên tiến phong trào Chung sức xây dựng NTM", recordId: "TT-01" }] },
        }),
        person("p2", 62, "Khánh", {
          records: {
            findings: [
              { id: "KL-1", title: "Chậm thu hồi kinh phí", deadline: "2025-09-30" },
              { id: "KL-2", deadline: "2025-06-30", resolvedOn: "2025-06-20" },
            ],
          },
        }),
        person("p3", 30, "Lâm", { records: { achievements: [{ title: "Sáng kiến" }] } }),
      ],
    });
    expect(r.commendations).toEqual([
      {
        unitId: "p1",
        rank: 1,
        reasons: [
          {
            code: "commend.achievement",
            path: ["records", "achievements", 0],
            params: { title: "Điển hình tiên tiến phong trào Chung sức xây dựng NTM", recordId: "TT-01", date: null },
          },
        ],
      },
    ]);
    // p3 is "không hoàn thành": its achievement does not propose it; it is criticised for its class
    expect(r.criticisms.map((c) => [c.unitId, c.reasons.map((x) => formatReason(x, "vi"))])).toEqual([
      ["p2", ["Kết luận kiểm tra KL-1 (Chậm thu hồi kinh phí) chưa khắc phục, quá hạn 30/09/2025 (tính đến 31/12/2025)"]],
      ["p3", ['Không hoàn thành nhiệm vụ: 30 điểm, dưới mức "Hoàn thành nhiệm vụ": đề nghị phê bình']],
    ]);
  });

  it("applies only the caps the scheme lists: discipline caps a person at good; no 366 task condition applies", () => {
    const r = ranked({
      units: [
        person("d", 95, "Dũng", {
          discipline: { disciplined: true, selfCorrected: false },
          tasks: { assigned: 4, done: 2, onTime: 1, exceeding: 0 },
        }),
        ...Array.from({ length: 5 }, (_, i) => person(`g${i}`, 65, `Giang ${i}`)),
      ],
    });
    expect(r.rows[0]!.caps.map((c) => [c.rule, c.maxLevel, c.lowered])).toEqual([["discipline366", "good", true]]);
    expect(r.rows[0]!.level).toBe("good");
  });

  it("names the JSON path of a bad scheme or input", () => {
    const r = rankSubjects({ units: [{ unitId: "", values: {} }] }, { ...OWN_BANDS, kind: "team" as "person" }, 2025);
    expect(r.ok ? [] : r.issues.map((i) => i.path.join("."))).toEqual(["scheme.kind", "input.units.0.unitId"]);
  });
});

describe("ranking order (the wrong results of issue 13)", () => {
  it("ranks a 'không hoàn thành' commune below a 'hoàn thành tốt' one whatever its score, and says why it is criticised", () => {
    const r = rankUnits(
      {
        units: [
          unit("phu-hiep", 80.83, { name: "Phú Hiệp", tasks: { assigned: 10, done: 8, onTime: 8, exceeding: 3 } }),
          unit("an-binh", 75, { name: "An Bình" }),
        ],
      },
      DIRECT_SCHEME,
      2025,
    );
    if (!r.ok) throw new Error("unexpected");
    expect(r.value.rows.map((x) => [x.rank, x.name, x.score, x.level])).toEqual([
      [1, "An Bình", 75, "good"],
      [2, "Phú Hiệp", 80.83, "not_completed"],
    ]);
    const k = r.value.criticisms[0]!;
    expect(k.reasons.map((x) => formatReason(x, "vi"))).toEqual([
      'Không hoàn thành nhiệm vụ: 80,83 điểm đạt mức "Hoàn thành tốt nhiệm vụ" nhưng bị hạ do chưa 100% nhiệm vụ đúng hạn, chưa hoàn thành 100% nhiệm vụ hoặc chậm quá 20%: đề nghị phê bình',
      '8/10 nhiệm vụ đúng hạn (chưa 100%): tối đa "Hoàn thành nhiệm vụ" (366-QĐ/TW)',
      'Hoàn thành 8/10 nhiệm vụ, 0 chậm (yêu cầu 100% và chậm không quá 20%): "Không hoàn thành nhiệm vụ" (366-QĐ/TW, ⚠️ chưa kiểm chứng câu chữ)',
    ]);
  });

  it("never ranks a subject of a lower class above one of a higher class (property)", () => {
    const subject = fc.record({
      score: fc.integer({ min: 0, max: 10000 }).map((x) => x / 100),
      met: fc.integer({ min: 0, max: 19 }),
      group: fc.constantFrom("a", "b"),
      disciplined: fc.boolean(),
      revoked: fc.boolean(),
      done: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(subject, { minLength: 1, maxLength: 30 }), fc.constantFrom("unit", "person"), (xs, kind) => {
        const units = xs.map((x, i) =>
          unit(`s${i}`, x.score, {
            name: `Xã ${i}`,
            group: x.group,
            values: { score: x.score, criteria_met: x.met, criteria_lost: 0 },
            discipline: { disciplined: x.disciplined, selfCorrected: false },
            recognitionRevoked: x.revoked,
            tasks: { assigned: 4, done: x.done, onTime: x.done, exceeding: x.done },
          }),
        );
        const r =
          kind === "unit"
            ? rankUnits({ units }, DIRECT_SCHEME, 2025)
            : rankSubjects(
                { units },
                { ...OWN_BANDS, classification: { ...OWN_BANDS.classification, caps: ["discipline366", "tasksDone366"] } },
                2025,
              );
        if (!r.ok) return false;
        const rows = r.value.rows;
        return (
          rows.every(
            (row, i) =>
              i === 0 ||
              row.level === "incomplete_data" ||
              rows[i - 1]!.level === "incomplete_data" ||
              compareLevels(rows[i - 1]!.level as never, row.level) >= 0,
          ) && rows.every((row, i) => row.rank === i + 1)
        );
      }),
      { numRuns: 300 },
    );
  });
});
