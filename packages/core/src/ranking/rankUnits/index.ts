import type { Reason } from "../../schemas/common.js";
import { type Result, fail, ok, zodIssues } from "../../errors/index.js";
import type { Provenance } from "../../recognition/config/index.js";
import type { ClassificationLevel } from "../levels.js";
import { type RankingInput, RankingInputSchema, type RankingOptions, type RankingUnit } from "../input.js";
import { type ScoringScheme, ScoringSchemeSchema } from "../scheme/index.js";
import { type ComponentScore, scoreUnit } from "../score/index.js";
import { type ClassificationRegime, levelForScore, regimeForYear } from "../regimes/index.js";
import { type AppliedCap, applyCaps } from "../caps/index.js";
import { type QuotaGroupResult, type QuotaMove, applyQuota } from "../quota/index.js";
import { COMMENDATION_RULES, CRITICISM_RULES, runCandidateRules } from "../candidates/index.js";
import { compareRanked, decidingKey } from "../_lib/compare.js";

/**
 * The level shown for a unit: a classification level, or `"incomplete_data"` when the unit's scoring
 * inputs are incomplete and no level can be given (see {@link rankUnits}).
 */
export type RankedLevel = ClassificationLevel | "incomplete_data";

/** The inputs a unit lacks: the scheme fields with no value, or a ratio's missing or zero denominator. */
export interface MissingInput {
  component: string;
  field: string;
}

/** One unit's row in a ranking. */
export interface RankedUnit {
  rank: number;
  unitId: string;
  name?: string;
  group: string;
  score: number;
  components: ComponentScore[];
  criteriaMet: number;
  criteriaLost: number;
  /**
   * True when every component of the scheme had its value (and a ratio its denominator). When false the
   * score only adds up the inputs present, and no level is given.
   */
  dataComplete: boolean;
  /** What is missing (empty when `dataComplete`). */
  missingInputs: MissingInput[];
  /** The level the score reaches in the regime's bands; `"incomplete_data"` when inputs are missing. */
  bandLevel: RankedLevel;
  /** The final level, after caps and quota; `"incomplete_data"` when inputs are missing. */
  level: RankedLevel;
  caps: AppliedCap[];
  quotaMove: QuotaMove | null;
  reasons: Reason[];
}

/** A unit proposed for commendation or criticism, with the reasons. */
export interface RankingCandidate {
  unitId: string;
  rank: number;
  reasons: Reason[];
}

/** The annual evaluation, classification and ranking of a set of units. */
export interface Ranking {
  year: number;
  regime: { id: ClassificationRegime["id"]; bands: Provenance; quota: Provenance };
  scheme: { id: string; version: string; isDefault: boolean; verified: boolean };
  rows: RankedUnit[];
  quota: QuotaGroupResult[];
  commendations: RankingCandidate[];
  criticisms: RankingCandidate[];
  reasons: Reason[];
}

/** Values with task counts filled in from `tasks` when the scheme's fields are absent. */
function valuesOf(u: RankingUnit): Record<string, number> {
  const fromTasks = u.tasks ? { tasks_on_time: u.tasks.onTime, tasks_total: u.tasks.assigned } : {};
  return { ...fromTasks, ...u.values };
}

/** The inputs a scored unit lacks: components with no value, and ratios with a missing or zero denominator. */
function missingOf(components: readonly ComponentScore[]): MissingInput[] {
  return components.flatMap((c) =>
    c.reasons.flatMap((r): MissingInput[] =>
      r.code === "score.value_missing" || r.code === "score.denominator_missing"
        ? [{ component: c.id, field: String(r.params.field) }]
        : [],
    ),
  );
}

/**
 * Scores, classifies and ranks units for a review year: score each unit with the scheme (100-point
 * scale), map the score to a level with the year's regime (366-QĐ/TW from 2025; 124-QĐ/TW up to 2024
 * with the tool's default mapping), apply the regime's caps (each recorded as a reason), apply the
 * excellent quota per group, then order by FINAL CLASS first (a lower class never ranks above a higher
 * one), then score desc, then the tie rule: criteria met desc, fewer criteria lost, name in Vietnamese
 * collation, id (stated in the `ranking.order` reason; a row below an equal score says which key
 * decided in `ranking.tie`). Every row ends with `classification.final` (band, and what lowered it).
 * Candidates: commendation for the excellent (within the quota), the top N if asked, and recorded
 * outstanding achievements; criticism for not completed (with the caps that brought it there),
 * criteria lost, revocation, overdue reports and findings unresolved past their deadline. Bad input or scheme is a failure
 * result whose issues name the JSON path (`$.input.units[2].values.x`, `$.scheme.components[0].weight`).
 *
 * Missing inputs. Every component of the scheme is required: a unit that lacks a component's value (or
 * a ratio's denominator) has `dataComplete: false`, its `missingInputs`, and NO level: `level` and
 * `bandLevel` are `"incomplete_data"` (labelled "Chưa đủ số liệu để xếp loại"), because a level computed
 * from a partial score (missing components count 0) would read as a verdict, typically "không hoàn
 * thành nhiệm vụ", that the data does not support. Its first reason is `ranking.incomplete_data`
 * (what is missing, the partial score). Such a unit gets no caps, does not count in the excellent
 * quota, is never proposed for commendation and is not proposed for criticism for its level; only the
 * facts it does have (criteria lost, recognition revoked, reports overdue) can still propose it for
 * criticism. Incomplete units are listed after all complete ones (same order among themselves), so the
 * ranks of complete units are not disturbed; their rank is only a position in the list.
 * @example
 * const r = rankUnits({ units: [{ unitId: "xa-a", values: { criteria_met: 19, criteria_total: 19 } }] }, DEFAULT_SCORING_SCHEME, 2025);
 * if (r.ok) r.value.rows[0] // { rank: 1, unitId: "xa-a", score: 30, level: "not_completed", ... }
 */
export function rankUnits(input: RankingInput, scheme: ScoringScheme, year: number): Result<Ranking> {
  const s = ScoringSchemeSchema.safeParse(scheme);
  const i = RankingInputSchema.safeParse(input);
  const issues = [...(s.success ? [] : zodIssues(s.error, ["scheme"])), ...(i.success ? [] : zodIssues(i.error, ["input"]))];
  if (!Number.isInteger(year)) issues.push({ code: "invalid_type", path: ["year"], message: "expected an integer year" });
  if (!s.success || !i.success || issues.length) return fail("invalid_input", issues);
  const sch = s.data;
  const { units, options = {} } = i.data;
  return ok(rankValidated(units, options, sch, year, regimeForYear(year)));
}

/**
 * Ranks validated units with a given regime (bands, caps, quota); {@link rankUnits} passes the year's
 * regime, `rankSubjects` one whose bands and quota come from the subject kind's scheme.
 */
export function rankValidated(
  units: readonly RankingUnit[],
  options: RankingOptions,
  sch: ScoringScheme,
  year: number,
  regime: ClassificationRegime,
): Ranking {
  const scored = units.map((u) => {
    const values = valuesOf(u);
    const score = scoreUnit(values, sch);
    const missingInputs = missingOf(score.components);
    const bandLevel = levelForScore(score.total, regime);
    const capped = missingInputs.length ? { level: bandLevel, caps: [] } : applyCaps(bandLevel, u, regime.caps, options);
    return {
      unit: u,
      group: u.group ?? "all",
      score,
      missingInputs,
      bandLevel,
      level: capped.level,
      caps: capped.caps,
      criteriaMet: values.criteria_met ?? 0,
      criteriaLost: values.criteria_lost ?? 0,
    };
  });
  const quota = applyQuota(
    scored
      .filter((x) => x.missingInputs.length === 0)
      .map((x) => ({
        unitId: x.unit.unitId,
        name: x.unit.name,
        group: x.group,
        level: x.level,
        score: x.score.total,
        criteriaMet: x.criteriaMet,
        criteriaLost: x.criteriaLost,
      })),
    regime.quota,
  );
  const moveOf = new Map(quota.moves.map((m) => [m.unitId, m]));

  const rows: RankedUnit[] = scored
    .map((x): RankedUnit => {
      const quotaMove = moveOf.get(x.unit.unitId) ?? null;
      const complete = x.missingInputs.length === 0;
      const level = quotaMove ? quotaMove.to : x.level;
      const band: Reason = complete
        ? {
            code: "classification.band",
            path: ["score"],
            params: {
              score: x.score.total,
              level: x.bandLevel,
              regime: regime.id,
              verified: regime.bandsProvenance.verified,
              isDefault: regime.bandsProvenance.isDefault,
            },
          }
        : {
            code: "ranking.incomplete_data",
            path: ["values"],
            params: {
              score: x.score.total,
              count: x.missingInputs.length,
              fields: x.missingInputs.map((m) => m.field),
              components: x.missingInputs.map((m) => m.component),
              // What the officer sees: the components' names, never the scheme's field ids.
              labels: x.missingInputs.map((m) => sch.components.find((c) => c.id === m.component)?.label ?? { vi: m.field, en: m.field }),
            },
          };
      return {
        rank: 0,
        unitId: x.unit.unitId,
        ...(x.unit.name !== undefined ? { name: x.unit.name } : {}),
        group: x.group,
        score: x.score.total,
        components: x.score.components,
        criteriaMet: x.criteriaMet,
        criteriaLost: x.criteriaLost,
        dataComplete: complete,
        missingInputs: x.missingInputs,
        bandLevel: complete ? x.bandLevel : "incomplete_data",
        level: complete ? level : "incomplete_data",
        caps: x.caps,
        quotaMove,
        reasons: [
          band,
          ...x.caps.map((c) => c.reason),
          ...(quotaMove ? [quotaMove.reason] : []),
          ...(complete ? [finalReason(x.bandLevel, level, x.caps, quotaMove)] : []),
        ],
      };
    })
    .sort(compareRanked)
    .map((r, idx, all) => {
      const prev = all[idx - 1];
      // Why this row is below the one above it in the same class with the same score: the tie rule's deciding key.
      const key = prev && prev.level === r.level && prev.score === r.score ? decidingKey(prev, r) : null;
      const tie: Reason[] = key
        ? [{ code: "ranking.tie", path: ["rank"], params: { above: prev!.name ?? prev!.unitId, key, score: r.score } }]
        : [];
      return { ...r, rank: idx + 1, reasons: [...r.reasons, ...tie] };
    });

  const unitById = new Map(units.map((u) => [u.unitId, u]));
  const commendations: RankingCandidate[] = [];
  const criticisms: RankingCandidate[] = [];
  for (const r of rows) {
    const whyLevel = [...r.caps.filter((c) => c.lowered).map((c) => c.reason), ...(r.quotaMove ? [r.quotaMove.reason] : [])];
    const facts = {
      unit: unitById.get(r.unitId)!,
      rank: r.rank,
      level: r.level,
      bandLevel: r.bandLevel,
      score: r.score,
      options,
      whyLevel,
      asOf: options.asOf ?? `${year}-12-31`,
    };
    // Missing data is never a ground for commendation, nor (through the level) for criticism.
    const c = r.dataComplete ? runCandidateRules(COMMENDATION_RULES, facts) : [];
    if (c.length) commendations.push({ unitId: r.unitId, rank: r.rank, reasons: c });
    const k = runCandidateRules(CRITICISM_RULES, facts);
    if (k.length) criticisms.push({ unitId: r.unitId, rank: r.rank, reasons: k });
  }

  const reasons: Reason[] = [
    {
      code: "ranking.order",
      path: ["rows"],
      params: { keys: ["level", "score", "criteria_met", "criteria_lost", "name_vi", "id"] },
    },
    {
      code: "classification.regime",
      path: ["year"],
      params: { year, regime: regime.id, verified: regime.bandsProvenance.verified, isDefault: regime.bandsProvenance.isDefault },
    },
  ];
  const incomplete = rows.filter((r) => !r.dataComplete).length;
  if (incomplete) reasons.push({ code: "ranking.incomplete_units", path: ["units"], params: { count: incomplete, total: rows.length } });
  if (sch.isDefault || !sch.verified)
    reasons.push({ code: "score.scheme_default", path: ["scheme"], params: { schemeId: sch.id, isDefault: sch.isDefault } });

  return {
    year,
    regime: { id: regime.id, bands: regime.bandsProvenance, quota: regime.quota.provenance },
    scheme: { id: sch.id, version: sch.version, isDefault: sch.isDefault, verified: sch.verified },
    rows,
    quota: quota.groups,
    commendations,
    criticisms,
    reasons,
  };
}

/** Why a subject ended in its level: the band its score reached and each cap or quota cut that lowered it. */
function finalReason(
  bandLevel: ClassificationLevel,
  level: ClassificationLevel,
  caps: readonly AppliedCap[],
  quotaMove: QuotaMove | null,
): Reason {
  const loweredBy = [...caps.filter((c) => c.lowered).map((c) => c.rule), ...(quotaMove ? ["quota"] : [])];
  return { code: "classification.final", path: ["level"], params: { level, bandLevel, loweredBy } };
}
