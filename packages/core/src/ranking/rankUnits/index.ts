import type { Reason } from "../../schemas/common.js";
import { type Result, fail, ok, zodIssues } from "../../errors/index.js";
import type { Provenance } from "../../recognition/config/index.js";
import type { ClassificationLevel } from "../levels.js";
import { type RankingInput, RankingInputSchema, type RankingUnit } from "../input.js";
import { type ScoringScheme, ScoringSchemeSchema } from "../scheme/index.js";
import { type ComponentScore, scoreUnit } from "../score/index.js";
import { type ClassificationRegime, levelForScore, regimeForYear } from "../regimes/index.js";
import { type AppliedCap, applyCaps } from "../caps/index.js";
import { type QuotaGroupResult, type QuotaMove, applyQuota } from "../quota/index.js";
import { COMMENDATION_RULES, CRITICISM_RULES, runCandidateRules } from "../candidates/index.js";
import { compareRankKeys } from "../_lib/compare.js";

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
  /** The level the score reaches in the regime's bands. */
  bandLevel: ClassificationLevel;
  /** The final level, after caps and quota. */
  level: ClassificationLevel;
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

/**
 * Scores, classifies and ranks units for a review year: score each unit with the scheme (100-point
 * scale), map the score to a level with the year's regime (366-QĐ/TW from 2025; 124-QĐ/TW up to 2024
 * with the tool's default mapping), apply the regime's caps (each recorded as a reason), apply the
 * excellent quota per group, then order by score desc, criteria met desc, fewer criteria lost, unit id
 * asc, and propose commendation and criticism candidates with reasons. Bad input or scheme is a failure
 * result whose issues name the JSON path (`$.input.units[2].values.x`, `$.scheme.components[0].weight`).
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
  const regime = regimeForYear(year);

  const scored = units.map((u) => {
    const values = valuesOf(u);
    const score = scoreUnit(values, sch);
    const bandLevel = levelForScore(score.total, regime);
    const capped = applyCaps(bandLevel, u, regime.caps, options);
    return { unit: u, group: u.group ?? "all", score, bandLevel, level: capped.level, caps: capped.caps, criteriaMet: values.criteria_met ?? 0, criteriaLost: values.criteria_lost ?? 0 };
  });
  const quota = applyQuota(
    scored.map((x) => ({ unitId: x.unit.unitId, group: x.group, level: x.level, score: x.score.total, criteriaMet: x.criteriaMet, criteriaLost: x.criteriaLost })),
    regime.quota,
  );
  const moveOf = new Map(quota.moves.map((m) => [m.unitId, m]));

  const rows: RankedUnit[] = scored
    .map((x): RankedUnit => {
      const quotaMove = moveOf.get(x.unit.unitId) ?? null;
      const level = quotaMove ? quotaMove.to : x.level;
      const band: Reason = { code: "classification.band", path: ["score"], params: { score: x.score.total, level: x.bandLevel, regime: regime.id, verified: regime.bandsProvenance.verified, isDefault: regime.bandsProvenance.isDefault } };
      return {
        rank: 0,
        unitId: x.unit.unitId,
        ...(x.unit.name !== undefined ? { name: x.unit.name } : {}),
        group: x.group,
        score: x.score.total,
        components: x.score.components,
        criteriaMet: x.criteriaMet,
        criteriaLost: x.criteriaLost,
        bandLevel: x.bandLevel,
        level,
        caps: x.caps,
        quotaMove,
        reasons: [band, ...x.caps.map((c) => c.reason), ...(quotaMove ? [quotaMove.reason] : [])],
      };
    })
    .sort((a, b) => compareRankKeys({ ...a }, { ...b }))
    .map((r, idx) => ({ ...r, rank: idx + 1 }));

  const unitById = new Map(units.map((u) => [u.unitId, u]));
  const commendations: RankingCandidate[] = [];
  const criticisms: RankingCandidate[] = [];
  for (const r of rows) {
    const facts = { unit: unitById.get(r.unitId)!, rank: r.rank, level: r.level, score: r.score, options };
    const c = runCandidateRules(COMMENDATION_RULES, facts);
    if (c.length) commendations.push({ unitId: r.unitId, rank: r.rank, reasons: c });
    const k = runCandidateRules(CRITICISM_RULES, facts);
    if (k.length) criticisms.push({ unitId: r.unitId, rank: r.rank, reasons: k });
  }

  const reasons: Reason[] = [{ code: "classification.regime", path: ["year"], params: { year, regime: regime.id, verified: regime.bandsProvenance.verified, isDefault: regime.bandsProvenance.isDefault } }];
  if (sch.isDefault || !sch.verified) reasons.push({ code: "score.scheme_default", path: ["scheme"], params: { schemeId: sch.id, isDefault: sch.isDefault } });

  return ok({
    year,
    regime: { id: regime.id, bands: regime.bandsProvenance, quota: regime.quota.provenance },
    scheme: { id: sch.id, version: sch.version, isDefault: sch.isDefault, verified: sch.verified },
    rows,
    quota: quota.groups,
    commendations,
    criticisms,
    reasons,
  });
}
