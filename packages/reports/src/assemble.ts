import { CLASSIFICATION_LEVEL_LABELS, SCORING_INPUT_LABELS, formatScoringInput } from "@ntm/core";
import type { EvaluationResult, Ranking, Reason, ScoringInputField, ScoringScheme, SubjectKind, YearOverYear } from "@ntm/core";
import type { CommuneStandingRow, RankingEnteredInput, RankingWorkbookInput } from "./types.js";

/**
 * Builds a commune's row of the progress report from its evaluation at the end of the period and,
 * when there is one, core's `compareYears` against the previous period.
 * @example
 * const row = communeStandingFromEvaluation("Xã Đại Hồng", result2025, compareYears(result2024, result2025));
 * row.lost // ["10"] when income fell below the threshold
 */
export function communeStandingFromEvaluation(name: string, current: EvaluationResult, change?: YearOverYear): CommuneStandingRow {
  return {
    id: current.unitId,
    name,
    tier: current.tier,
    status: current.status,
    criteriaMet: current.criteriaMet,
    criteriaTotal: current.criteriaTotal,
    gained: change ? change.gained.map((c) => c.criterionId) : [],
    lost: change ? change.lost.map((c) => c.criterionId) : [],
  };
}

/**
 * Builds the ranking workbook's input from core's `rankUnits` result and the scheme it used:
 * components by the scheme's Vietnamese labels, levels in words, every applied cap and quota move
 * as its reason. A default or unverified scheme is labelled as not adopted law.
 * @example
 * const r = rankUnits(input, DEFAULT_SCORING_SCHEME, 2025);
 * if (r.ok) await renderRankingWorkbook(rankingWorkbookFromRanking(r.value, DEFAULT_SCORING_SCHEME, { unitName: "Huyện Đại Lộc", names }));
 */
export function rankingWorkbookFromRanking(
  ranking: Ranking,
  scheme: ScoringScheme,
  options: {
    unitName: string;
    names?: Readonly<Record<string, string>>;
    title?: string;
    kind?: SubjectKind;
    /** Each unit's hand-entered scoring inputs (core `enteredInputReasons`), by unit id: the "Số liệu nhập tay" sheet and annex. */
    entered?: Readonly<Record<string, readonly Reason[]>>;
  },
): RankingWorkbookInput {
  const example = scheme.isDefault || !scheme.verified;
  const kind = options.kind ?? "unit";
  const nameOf = (id: string) => options.names?.[id] ?? ranking.rows.find((r) => r.unitId === id)?.name ?? id;
  const candidate = (c: Ranking["commendations"][number]) => ({ name: nameOf(c.unitId), rank: c.rank, reasons: c.reasons });
  return {
    subjectLabel: SUBJECT_LABELS[kind],
    ...(kind === "unit" ? {} : { title: `BẢNG XẾP LOẠI ${SUBJECT_LABELS[kind].toUpperCase()} THEO KẾT QUẢ THỰC HIỆN NÔNG THÔN MỚI` }),
    candidates: { commendations: ranking.commendations.map(candidate), criticisms: ranking.criticisms.map(candidate) },
    notes: ranking.reasons,
    unitName: options.unitName,
    year: ranking.year,
    ...(options.title ? { title: options.title } : {}),
    example,
    ...(example
      ? {
          notice: `${scheme.title.vi}: ${scheme.isDefault ? "thang điểm mặc định của phần mềm" : "thang điểm chưa được kiểm chứng"}, không phải quy định đã ban hành.`,
        }
      : {}),
    ...(options.entered ? { entered: enteredInputsOf(ranking, options.entered, nameOf) } : {}),
    components: scheme.components.map((c) => ({ key: c.id, label: c.label.vi })),
    rows: ranking.rows.map((r) => ({
      rank: r.rank,
      unitName: options.names?.[r.unitId] ?? r.name ?? r.unitId,
      score: r.score,
      components: Object.fromEntries(r.components.map((c) => [c.id, c.points])),
      level: CLASSIFICATION_LEVEL_LABELS[r.level]?.vi ?? r.level,
      caps: r.caps.map((c) => c.reason),
      quotaMoves: r.quotaMove ? [r.quotaMove.reason] : [],
      // A commune's count of criteria met, in its own column (the criteria component holds points).
      ...(kind === "unit" ? { criteriaMet: r.criteriaMet } : {}),
      explanation: r.reasons.filter(
        (x) => x.code === "classification.final" || x.code === "ranking.tie" || x.code === "ranking.incomplete_data",
      ),
    })),
  };
}

/** The subject column's heading per kind. */
const SUBJECT_LABELS: Readonly<Record<SubjectKind, string>> = { unit: "Đơn vị", organisation: "Tổ chức", person: "Cá nhân" };

/**
 * The lines of the "Số liệu nhập tay" table: for each ranked unit in rank order, each entered input
 * (core's `ranking.entered_input` reasons) by its Vietnamese name, its value as an officer reads it,
 * the evidence note, who entered it and the day (the Vietnamese day of the saved time).
 */
function enteredInputsOf(
  ranking: Ranking,
  entered: Readonly<Record<string, readonly Reason[]>>,
  nameOf: (id: string) => string,
): RankingEnteredInput[] {
  return ranking.rows.flatMap((r) =>
    (entered[r.unitId] ?? [])
      .filter((x) => x.code === "ranking.entered_input")
      .map((x) => {
        const p = x.params;
        const field = String(p.field);
        const label = SCORING_INPUT_LABELS[field as ScoringInputField]?.vi ?? field;
        const day = typeof p.at === "string" && /^\d{4}-\d{2}-\d{2}/.test(p.at) ? p.at.slice(0, 10) : undefined;
        return {
          unitName: nameOf(r.unitId),
          field: label,
          value: formatScoringInput(field, p.value, "vi"),
          ...(typeof p.evidence === "string" ? { evidence: p.evidence } : {}),
          ...(typeof p.by === "string" ? { by: p.by } : {}),
          ...(day ? { date: day } : {}),
        };
      }),
  );
}
