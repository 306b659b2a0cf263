// The recognition area (QĐ 18/2022/QĐ-TTg): dossier schema, workflow configuration, guards, transitions, deadlines.
export {
  DossierStateSchema,
  DOSSIER_STATE_ORDER,
  RecognitionActionSchema,
  ActorRoleSchema,
  ActorSchema,
  DossierDocumentSchema,
  DossierLevelSchema,
  DossierTierSchema,
  IsoDateTimeSchema,
  CouncilVoteSchema,
  DossierTransitionSchema,
  DongSchema,
  RecognitionDossierSchema,
  parseDossier,
  newDossier,
  type DossierState,
  type RecognitionAction,
  type ActorRole,
  type Actor,
  type DossierDocument,
  type DossierLevel,
  type DossierTier,
  type CouncilVote,
  type DossierTransition,
  type RecognitionDossier,
} from "./schema.js";
export {
  createRecognitionConfig,
  DEFAULT_RECOGNITION_CONFIG,
  TWO_TIER_RECOGNITION_CONFIG,
  TWO_TIER_FROM,
  DEFAULT_DEADLINES,
  recognitionConfigFor,
  type GuardName,
  type ActionRule,
  type AddWorkingDays,
  type Provenance,
  type RecognitionConfig,
  type RecognitionConfigOptions,
} from "./config/index.js";
export { RECOGNITION_GUARDS, runGuards } from "./guards/index.js";
export type { Guard, GuardInput, GuardVerdict, GuardCheck, WorkflowFacts } from "./guards/types.js";
export { transition, checkAction, resolveTarget, type TransitionContext, type TransitionResult } from "./transition/index.js";
export { availableActions, type AvailableAction } from "./availableActions/index.js";
export { stepDeadline, dueDateFor, type StepDeadline } from "./deadlines/index.js";
export { DossierDecisionSchema, checkDecision, type DossierDecision, type DecisionInput } from "./decision/index.js";
export { decisionText } from "./decisionText/index.js";
export { DOSSIER_STATE_LABELS, RECOGNITION_ACTION_LABELS, ACTOR_ROLE_LABELS, DOSSIER_DOCUMENT_LABELS } from "../i18n/workflow.messages.js";
export { dossierListRows, DOSSIER_LIST_HEADER, type DossierListCell } from "./dossierListRows/index.js";
