import type { Reason } from "../../schemas/common.js";
import { DEFAULT_RECOGNITION_CONFIG } from "../config/index.js";
import type { GuardCheck, WorkflowFacts } from "../guards/types.js";
import { checkAction } from "../transition/index.js";
import type { Actor, DossierState, RecognitionAction, RecognitionDossier } from "../schema.js";

/** An action possible from the dossier's state, and whether this actor may take it now. */
export interface AvailableAction {
  action: RecognitionAction;
  to: DossierState | null;
  allowed: boolean;
  /** Every guard's verdict (passing ones too), so a screen can show what is done and what blocks. */
  checks: GuardCheck[];
  /** The reasons of the failing guards. */
  reasons: Reason[];
}

/**
 * Lists the actions that leave the dossier's current state, each with its guard results, so a screen
 * shows only allowed buttons and says why others are blocked (e.g. "satisfaction 86% < 90%").
 * @example
 * availableActions(dossier, { id: "u1", role: "commune_officer", unitId: "xa-an-phu" }, { evaluation })
 * // [{ action: "submit", to: "submitted", allowed: false, reasons: [{ code: "workflow.satisfaction_below", ... }], checks: [...] }]
 */
export function availableActions(dossier: RecognitionDossier, actor: Actor, facts: WorkflowFacts = {}): AvailableAction[] {
  const config = facts.config ?? DEFAULT_RECOGNITION_CONFIG;
  const out: AvailableAction[] = [];
  for (const action of Object.keys(config.actions) as RecognitionAction[]) {
    if (!config.actions[action].from.includes(dossier.state)) continue;
    const { to, checks, reasons } = checkAction(dossier, action, actor, facts);
    out.push({ action, to, allowed: to !== null && reasons.length === 0, checks, reasons });
  }
  return out;
}
