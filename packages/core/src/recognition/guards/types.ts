import type { Reason } from "../../schemas/common.js";
import type { EvaluationResult } from "../../schemas/result.js";
import type { RecognitionConfig } from "../config/index.js";
import type { Actor, DossierState, RecognitionAction, RecognitionDossier } from "../schema.js";

/** What the caller knows besides the dossier: the unit's evaluation, the unit's ancestors, the note. */
export interface WorkflowFacts {
  /** The unit's evaluation against the dossier's pack and year. */
  evaluation?: EvaluationResult;
  /** Ids of the dossier unit's ancestors (commune → district → province), nearest first. */
  ancestorIds?: readonly string[];
  /** A note for the history (required to return, reject or revoke). */
  note?: string;
  /** Defaults to {@link DEFAULT_RECOGNITION_CONFIG}. */
  config?: RecognitionConfig;
}

/** Everything a guard sees. */
export interface GuardInput {
  dossier: RecognitionDossier;
  action: RecognitionAction;
  from: DossierState;
  actor: Actor;
  facts: WorkflowFacts;
  config: RecognitionConfig;
}

/** A guard's verdict with its reasons (a passing guard may explain too). */
export interface GuardVerdict {
  passed: boolean;
  reasons: Reason[];
}

/** A transition guard: a small named pure function. */
export type Guard = (input: GuardInput) => GuardVerdict;

/** A guard's verdict, named. */
export interface GuardCheck extends GuardVerdict {
  guard: string;
}
