import type { ActorRole, DossierDocument, DossierLevel, DossierState, RecognitionAction } from "../schema.js";
import { DOSSIER_STATE_ORDER } from "../schema.js";
import { addWorkingDays as addVietnameseWorkingDays } from "../../calendar/addWorkingDays/index.js";
import { defaultWorkCalendar } from "../../calendar/createWorkCalendar/index.js";

/** Names of the transition guards in {@link RECOGNITION_GUARDS}. */
export type GuardName =
  | "actorRoleAllowed"
  | "actorInScope"
  | "evaluationMeetsPack"
  | "satisfactionAtLeast90"
  | "noCapitalConstructionDebt"
  | "requiredDocumentsPresent"
  | "councilMajority"
  | "revocationRuleHolds"
  | "noteProvided";

/** One action's rule: the states it leaves from, where it goes, and the guards that must pass. */
export interface ActionRule {
  from: readonly DossierState[];
  /** The target state; `"return_target"` = the earlier state configured for the step the dossier was returned from. */
  to: DossierState | "return_target";
  guards: readonly GuardName[];
}

/** Adds working days to an ISO date (yyyy-mm-dd). Pass a holiday-aware calendar here. */
export type AddWorkingDays = (isoDate: string, n: number) => string;

/** Where a value comes from and whether it is confirmed from the legal text. */
export interface Provenance {
  basis: string;
  verified: boolean;
  /** True for the tool's default, chosen because the legal value was not retrieved. */
  isDefault: boolean;
}

/** The recognition workflow's configuration: all data, plus the working-day function. */
export interface RecognitionConfig {
  /** False in the two-tier local government (from 01/7/2025): `submitted` goes straight to the province. */
  districtAppraisal: boolean;
  actions: Readonly<Record<RecognitionAction, ActionRule>>;
  /** Roles allowed to take an action from a given state, by dossier level. */
  roles: Readonly<Record<DossierLevel, Partial<Record<RecognitionAction, Partial<Record<DossierState, readonly ActorRole[]>>>>>>;
  /** Documents that must be in the dossier before an action. */
  requiredDocuments: Partial<Record<RecognitionAction, readonly DossierDocument[]>>;
  /** For a dossier returned from a review state, the earlier state `resume` goes back to. */
  returnTo: Partial<Record<DossierState, DossierState>>;
  /** Actions taken by a decision whose number and date go on record (công nhận, thu hồi). */
  decisionActions: readonly RecognitionAction[];
  /** Working days allowed in a state (the step awaiting action); null = no deadline. */
  deadlines: Partial<Record<DossierState, number | null>>;
  deadlinesProvenance: Provenance;
  satisfactionMinimumPercent: number;
  satisfactionProvenance: Provenance;
  debtProvenance: Provenance;
  /** The council passes when `for / members` is more than `numerator / denominator` (strict) or at least it. */
  councilMajority: { numerator: number; denominator: number; strict: boolean; provenance: Provenance };
  addWorkingDays: AddWorkingDays;
}

const QD18 = "QĐ 18/2022/QĐ-TTg";

/** Default deadlines in working days. QĐ 18/2022 sets them, but its text was not retrieved: these are defaults, not law. */
export const DEFAULT_DEADLINES: Readonly<Partial<Record<DossierState, number | null>>> = {
  draft: null,
  self_assessed: null,
  public_consultation: null,
  submitted: 20,
  appraised: 20,
  verified: 10,
  returned: 20,
};

const REVIEW_STATES = ["submitted", "appraised", "verified"] as const;

function rolesFor(
  level: DossierLevel,
  districtAppraisal: boolean,
): Partial<Record<RecognitionAction, Partial<Record<DossierState, readonly ActorRole[]>>>> {
  // Hamlet sets are provincial (rules.md §4): the default shifts every step one level down. ⚠️ default.
  const local: readonly ActorRole[] = level === "hamlet" ? ["hamlet_officer", "commune_officer"] : ["commune_officer"];
  const appraiser: readonly ActorRole[] = level === "hamlet" ? ["commune_officer"] : ["district_officer"];
  const decider: readonly ActorRole[] =
    level === "hamlet" ? (districtAppraisal ? ["district_officer"] : ["commune_officer"]) : ["province_officer"];
  const reviewerOf: Partial<Record<DossierState, readonly ActorRole[]>> = districtAppraisal
    ? { submitted: appraiser, appraised: decider, verified: decider }
    : { submitted: decider, verified: decider };
  return {
    self_assess: { draft: local },
    open_consultation: { self_assessed: local },
    submit: { public_consultation: local },
    appraise: districtAppraisal ? { submitted: appraiser } : {},
    verify: districtAppraisal ? { appraised: decider } : { submitted: decider },
    recognise: { verified: decider },
    return: reviewerOf,
    reject: reviewerOf,
    resume: { returned: local },
    revoke: { recognised: decider },
  };
}

/** Options of {@link createRecognitionConfig}; everything not given takes the default. */
export interface RecognitionConfigOptions {
  districtAppraisal?: boolean;
  deadlines?: Partial<Record<DossierState, number | null>>;
  returnTo?: Partial<Record<DossierState, DossierState>>;
  requiredDocuments?: Partial<Record<RecognitionAction, readonly DossierDocument[]>>;
  decisionActions?: readonly RecognitionAction[];
  addWorkingDays?: AddWorkingDays;
  satisfactionMinimumPercent?: number;
  councilMajority?: RecognitionConfig["councilMajority"];
}

/**
 * Builds a recognition workflow configuration. Defaults: the steps of rules.md §3.2 (structure ⚠️),
 * deadlines {@link DEFAULT_DEADLINES} (defaults, not law), satisfaction ≥ 90%, council passes when more
 * than half of its members vote for (default: QĐ 18 text not retrieved), a returned dossier resumes at
 * `self_assessed`, working days from core's Vietnamese calendar (weekends and public holidays,
 * Tết and Hùng Kings computed) unless `addWorkingDays` is given.
 * Throws on a programmer error (a return target that is not earlier than its source state).
 * @example
 * // core's calendar `addWorkingDays(date, n)` (Vietnamese holidays) fits the parameter as it is
 * const twoTier = createRecognitionConfig({ districtAppraisal: false, addWorkingDays });
 * twoTier.actions.verify.from // ["submitted"]
 */
export function createRecognitionConfig(options: RecognitionConfigOptions = {}): RecognitionConfig {
  const districtAppraisal = options.districtAppraisal ?? true;
  const returnTo: Partial<Record<DossierState, DossierState>> = {
    submitted: "self_assessed",
    appraised: "self_assessed",
    verified: "self_assessed",
    ...options.returnTo,
  };
  for (const [from, to] of Object.entries(returnTo) as [DossierState, DossierState][]) {
    const i = DOSSIER_STATE_ORDER.indexOf(from);
    const j = DOSSIER_STATE_ORDER.indexOf(to);
    if (i < 0 || j < 0 || j >= i) throw new Error(`recognition config: returnTo.${from} = "${to}" must be a state earlier than "${from}"`);
  }
  const reviewFrom = REVIEW_STATES.filter((s) => districtAppraisal || s !== "appraised");
  return {
    districtAppraisal,
    actions: {
      self_assess: { from: ["draft"], to: "self_assessed", guards: ["actorRoleAllowed", "actorInScope", "requiredDocumentsPresent"] },
      open_consultation: {
        from: ["self_assessed"],
        to: "public_consultation",
        guards: ["actorRoleAllowed", "actorInScope", "requiredDocumentsPresent"],
      },
      submit: {
        from: ["public_consultation"],
        to: "submitted",
        guards: [
          "actorRoleAllowed",
          "actorInScope",
          "evaluationMeetsPack",
          "satisfactionAtLeast90",
          "noCapitalConstructionDebt",
          "requiredDocumentsPresent",
        ],
      },
      appraise: {
        from: districtAppraisal ? ["submitted"] : [],
        to: "appraised",
        guards: [
          "actorRoleAllowed",
          "actorInScope",
          "evaluationMeetsPack",
          "satisfactionAtLeast90",
          "noCapitalConstructionDebt",
          "requiredDocumentsPresent",
        ],
      },
      verify: {
        from: districtAppraisal ? ["appraised"] : ["submitted"],
        to: "verified",
        guards: ["actorRoleAllowed", "actorInScope", "evaluationMeetsPack", "councilMajority", "requiredDocumentsPresent"],
      },
      recognise: { from: ["verified"], to: "recognised", guards: ["actorRoleAllowed", "actorInScope", "requiredDocumentsPresent"] },
      return: { from: reviewFrom, to: "returned", guards: ["actorRoleAllowed", "actorInScope", "noteProvided"] },
      reject: { from: reviewFrom, to: "rejected", guards: ["actorRoleAllowed", "actorInScope", "noteProvided"] },
      resume: { from: ["returned"], to: "return_target", guards: ["actorRoleAllowed", "actorInScope"] },
      revoke: { from: ["recognised"], to: "revoked", guards: ["actorRoleAllowed", "actorInScope", "revocationRuleHolds", "noteProvided"] },
    },
    roles: { hamlet: rolesFor("hamlet", districtAppraisal), commune: rolesFor("commune", districtAppraisal) },
    requiredDocuments: {
      self_assess: ["self_assessment_report"],
      submit: ["request_letter", "self_assessment_report", "meeting_minutes", "satisfaction_survey_report"],
      appraise: ["appraisal_report"],
      verify: districtAppraisal ? ["appraisal_report", "council_minutes"] : ["council_minutes"],
      ...options.requiredDocuments,
    },
    returnTo,
    decisionActions: options.decisionActions ?? ["recognise", "revoke"],
    deadlines: { ...DEFAULT_DEADLINES, ...options.deadlines },
    deadlinesProvenance: options.deadlines
      ? { basis: "configured", verified: false, isDefault: false }
      : { basis: `${QD18}: deadlines not retrieved; tool defaults`, verified: false, isDefault: true },
    satisfactionMinimumPercent: options.satisfactionMinimumPercent ?? 90,
    satisfactionProvenance:
      options.satisfactionMinimumPercent !== undefined
        ? { basis: "configured", verified: false, isDefault: false }
        : {
            basis: `${QD18} Điều 4 (⚠️ for communes, not confirmed); 90% ✅ for districts under QĐ 211/QĐ-TTg`,
            verified: false,
            isDefault: false,
          },
    debtProvenance: {
      basis: `${QD18} Điều 4 (⚠️ not confirmed): no outstanding capital-construction debt`,
      verified: false,
      isDefault: false,
    },
    councilMajority: options.councilMajority ?? {
      numerator: 1,
      denominator: 2,
      strict: true,
      provenance: {
        basis: `${QD18}: council rule not retrieved; default "more than half of members vote for"`,
        verified: false,
        isDefault: true,
      },
    },
    // Default: the Vietnamese working-day calendar (weekends, fixed and lunar holidays).
    addWorkingDays: options.addWorkingDays ?? ((d: string, n: number) => addVietnameseWorkingDays(d, n, defaultWorkCalendar())),
  };
}

/** The default configuration for the three-tier government (before 01/7/2025): district appraisal on. */
export const DEFAULT_RECOGNITION_CONFIG: RecognitionConfig = createRecognitionConfig();

/** The default configuration for the two-tier government (from 01/7/2025): no district step. */
export const TWO_TIER_RECOGNITION_CONFIG: RecognitionConfig = createRecognitionConfig({ districtAppraisal: false });

/** The date the district level was abolished (two-tier local government). */
export const TWO_TIER_FROM = "2025-07-01";

/**
 * Picks the default configuration for a date: three-tier before 01/7/2025, two-tier from then.
 * @example
 * recognitionConfigFor("2025-06-30").districtAppraisal // true
 * recognitionConfigFor("2025-07-01").districtAppraisal // false
 */
export function recognitionConfigFor(asOf: string): RecognitionConfig {
  return asOf.slice(0, 10) < TWO_TIER_FROM ? DEFAULT_RECOGNITION_CONFIG : TWO_TIER_RECOGNITION_CONFIG;
}
