import { z } from "zod";
import { type Result, fail, ok, zodIssues } from "../../errors/index.js";
import { ClassificationLevelSchema } from "../levels.js";
import { DEFAULT_SCORING_SCHEME, type ScoringScheme, ScoringSchemeSchema } from "../scheme/index.js";
import { type RankingInput, RankingInputSchema } from "../input.js";
import type { CapName } from "../caps/types.js";
import { type ClassificationRegime, regimeForYear } from "../regimes/index.js";
import { type Ranking, rankValidated } from "../rankUnits/index.js";

/**
 * Who is evaluated (đối tượng đánh giá, xếp loại): `unit` (communes), `organisation` (Party
 * committees, People's Committees, the Front and mass organisations, departments holding a plan task)
 * or `person` (heads, officials with a task, steering-committee members).
 */
export const SubjectKindSchema = z.enum(["unit", "organisation", "person"]);
export type SubjectKind = z.infer<typeof SubjectKindSchema>;

const CAP_NAMES = [
  "revokedRecognition",
  "discipline124",
  "discipline366",
  "tasksDataPresent366",
  "tasksExceeding366",
  "tasksOnTime366",
  "tasksDone366",
] as const satisfies readonly CapName[];

const BandSchema = z.object({ level: ClassificationLevelSchema, minScore: z.number().min(0).max(100) }).strict();

/**
 * How one subject kind is scored and classified, as data: the scoring scheme (facts, weights, caps per
 * component), optionally its own four score bands and top-level quota (else the year's regime:
 * 366-QĐ/TW from 2025, 124-QĐ/TW before), and which classification caps apply (else the regime's).
 * `basis` and `verified` say where the classification part comes from; a province's own choice is
 * `verified: false` and is shown as such.
 */
export const SubjectSchemeSchema = z
  .object({
    kind: SubjectKindSchema,
    scoring: ScoringSchemeSchema,
    classification: z
      .object({
        bands: z.array(BandSchema).length(4).optional(),
        quota: z
          .object({ numerator: z.number().int().min(0), denominator: z.number().int().min(1) })
          .strict()
          .optional(),
        caps: z.array(z.enum(CAP_NAMES)).optional(),
        basis: z.string().min(1),
        verified: z.boolean(),
      })
      .strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const bands = s.classification.bands;
    if (!bands) return;
    const order = ["excellent", "good", "completed", "not_completed"];
    bands.forEach((b, i) => {
      if (b.level !== order[i])
        ctx.addIssue({ code: "custom", path: ["classification", "bands", i, "level"], message: `expected "${order[i]}" at position ${i}` });
      const prev = bands[i - 1];
      if (prev && b.minScore >= prev.minScore)
        ctx.addIssue({ code: "custom", path: ["classification", "bands", i, "minScore"], message: "bands must decrease" });
    });
    if (bands[3] && bands[3].minScore !== 0)
      ctx.addIssue({ code: "custom", path: ["classification", "bands", 3, "minScore"], message: "the lowest band starts at 0" });
  });
export type SubjectScheme = z.infer<typeof SubjectSchemeSchema>;

/**
 * Validates a subject scheme; issues carry JSON paths.
 * @example
 * parseSubjectScheme({ kind: "person", scoring: DEFAULT_SCORING_SCHEME, classification: { basis: "x", verified: false } }).ok // true
 */
export function parseSubjectScheme(input: unknown): Result<SubjectScheme> {
  const r = SubjectSchemeSchema.safeParse(input);
  return r.success ? ok(r.data) : fail("invalid_input", zodIssues(r.error));
}

const t = (vi: string, en: string) => ({ vi, en });
const ratio = (id: string, vi: string, en: string, field: string, of: string, weight: number) => ({
  id,
  label: t(vi, en),
  field,
  weight,
  formula: { type: "ratio" as const, of, target: 1 },
});
const penalty = (id: string, vi: string, en: string, field: string, points: number, max: number) => ({
  id,
  label: t(vi, en),
  field,
  weight: max,
  formula: { type: "penaltyPerItem" as const, points, max },
});

const NOT_LAW =
  "Tool default, not law: the NTM part of the annual classification (KH 63-CT/TU I.1); weights are the province's choice (no official sheet found)";

/** Default scoring of an organisation's NTM results (not law): its plan tasks, its communes' criteria, resources, reports, findings. */
const ORGANISATION_SCORING: ScoringScheme = {
  id: "ntm.default-organisation-scoring",
  version: "1.0.0",
  title: t(
    "Thang điểm mặc định đánh giá kết quả thực hiện NTM của tổ chức (không phải quy định)",
    "Default NTM scoring of organisations (not law)",
  ),
  scale: 100,
  isDefault: true,
  basis: NOT_LAW,
  verified: false,
  components: [
    ratio("tasks_done", "Nhiệm vụ chủ trì đã hoàn thành", "Lead tasks done", "tasks_done", "tasks_total", 30),
    ratio("tasks_on_time", "Nhiệm vụ chủ trì không quá hạn", "Lead tasks not overdue", "tasks_on_time", "tasks_total", 20),
    ratio(
      "criteria_met",
      "Tiêu chí NTM các xã phụ trách đạt (điểm)",
      "Criteria met by its communes (points)",
      "criteria_met",
      "criteria_total",
      20,
    ),
    ratio(
      "resources",
      "Huy động nguồn lực so với kế hoạch",
      "Resources mobilised against plan",
      "resources_mobilised",
      "resources_planned",
      10,
    ),
    ratio("reports_on_time", "Báo cáo nộp đúng hạn", "Reports on time", "reports_on_time", "reports_total", 20),
    penalty("criteria_lost", "Tiêu chí các xã phụ trách không giữ vững", "Criteria lost by its communes", "criteria_lost", 3, 9),
    penalty("findings_overdue", "Kết luận kiểm tra chưa khắc phục quá hạn", "Findings unresolved past deadline", "findings_overdue", 5, 10),
  ],
};

/** Default scoring of a person's NTM results (not law): tasks of their role, and the communes they support. */
const PERSON_SCORING: ScoringScheme = {
  id: "ntm.default-person-scoring",
  version: "1.0.0",
  title: t(
    "Thang điểm mặc định đánh giá kết quả thực hiện NTM của cá nhân (không phải quy định)",
    "Default NTM scoring of individuals (not law)",
  ),
  scale: 100,
  isDefault: true,
  basis: NOT_LAW,
  verified: false,
  components: [
    // A steering member's role is to support named communes (KH 63-CT/TU II.3): their results weigh most.
    ratio("tasks_done", "Nhiệm vụ được giao đã hoàn thành", "Assigned tasks done", "tasks_done", "tasks_total", 20),
    ratio("tasks_on_time", "Nhiệm vụ được giao không quá hạn", "Assigned tasks not overdue", "tasks_on_time", "tasks_total", 10),
    ratio(
      "criteria_met",
      "Tiêu chí NTM các xã phụ trách đạt (điểm)",
      "Criteria met by the communes supported (points)",
      "criteria_met",
      "criteria_total",
      50,
    ),
    ratio(
      "resources",
      "Huy động nguồn lực ở các xã phụ trách",
      "Resources mobilised in the communes supported",
      "resources_mobilised",
      "resources_planned",
      20,
    ),
    penalty("criteria_lost", "Tiêu chí các xã phụ trách không giữ vững", "Criteria lost by the communes supported", "criteria_lost", 3, 9),
    penalty("findings_overdue", "Kết luận kiểm tra chưa khắc phục quá hạn", "Findings unresolved past deadline", "findings_overdue", 5, 10),
  ],
};

/**
 * The tool's default scheme per subject kind (NOT law; replace with the province's). Units use
 * {@link DEFAULT_SCORING_SCHEME} and the year's regime in full. Organisations and persons use the
 * regime's bands and 20% quota but only the discipline cap: the 366-QĐ/TW task conditions concern a
 * body's whole year of work, of which the NTM plan's tasks are one part (the NTM result is "one of the
 * criteria" of the annual classification, KH 63-CT/TU I.1), so they are not applied to the plan's
 * tasks alone.
 */
export const DEFAULT_SUBJECT_SCHEMES: Readonly<Record<SubjectKind, SubjectScheme>> = {
  unit: {
    kind: "unit",
    scoring: DEFAULT_SCORING_SCHEME,
    classification: { basis: "The year's regime (366-QĐ/TW from 2025, 124-QĐ/TW before): bands, caps and quota", verified: true },
  },
  organisation: {
    kind: "organisation",
    scoring: ORGANISATION_SCORING,
    classification: {
      caps: ["discipline366"],
      basis: "Bands and 20% quota of the year's regime; only the discipline cap applies to the NTM part (tool default, not law)",
      verified: false,
    },
  },
  person: {
    kind: "person",
    scoring: PERSON_SCORING,
    classification: {
      caps: ["discipline366"],
      basis: "Bands and 20% quota of the year's regime; only the discipline cap applies to the NTM part (tool default, not law)",
      verified: false,
    },
  },
};

/**
 * The regime a subject scheme classifies with in a year: the year's regime, with the scheme's own
 * bands, quota and caps where it states them (their provenance is the scheme's).
 * @example
 * regimeForSubject(DEFAULT_SUBJECT_SCHEMES.person, 2025).caps // ["discipline366"]
 */
export function regimeForSubject(scheme: SubjectScheme, year: number): ClassificationRegime {
  const base = regimeForYear(year);
  const c = scheme.classification;
  const prov = { basis: c.basis, verified: c.verified, isDefault: !c.verified };
  return {
    ...base,
    ...(c.bands ? { bands: c.bands, bandsProvenance: prov } : {}),
    ...(c.quota ? { quota: { ...c.quota, provenance: prov } } : {}),
    ...(c.caps ? { caps: c.caps } : {}),
  };
}

/** A ranking of one subject kind. */
export interface SubjectRanking extends Ranking {
  kind: SubjectKind;
  classificationBasis: { basis: string; verified: boolean };
}

/**
 * Scores, classifies and ranks the subjects of one kind for a review year with that kind's scheme:
 * the same rules as {@link rankUnits} (class first, then score, then the stated tie rule; caps and
 * quota cut with reasons; candidates with reasons), with the bands, quota and caps the scheme states.
 * Bad input or scheme is a failure whose issues name the JSON path.
 * @example
 * const r = rankSubjects({ units: organisations }, DEFAULT_SUBJECT_SCHEMES.organisation, 2025);
 * if (r.ok) r.value.rows[0].level // "excellent"
 */
export function rankSubjects(input: RankingInput, scheme: SubjectScheme, year: number): Result<SubjectRanking> {
  const s = SubjectSchemeSchema.safeParse(scheme);
  const i = RankingInputSchema.safeParse(input);
  const issues = [...(s.success ? [] : zodIssues(s.error, ["scheme"])), ...(i.success ? [] : zodIssues(i.error, ["input"]))];
  if (!Number.isInteger(year)) issues.push({ code: "invalid_type", path: ["year"], message: "expected an integer year" });
  if (!s.success || !i.success || issues.length) return fail("invalid_input", issues);
  const { units, options = {} } = i.data;
  const ranking = rankValidated(units, options, s.data.scoring, year, regimeForSubject(s.data, year));
  const c = s.data.classification;
  return ok({
    ...ranking,
    kind: s.data.kind,
    classificationBasis: { basis: c.basis, verified: c.verified },
    reasons: [
      ...ranking.reasons,
      {
        code: "ranking.subject_scheme",
        path: ["scheme", "classification"],
        params: { kind: s.data.kind, basis: c.basis, verified: c.verified },
      },
    ],
  });
}
