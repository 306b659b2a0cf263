import type { GuardName } from "../config/index.js";
import type { Guard, GuardCheck, GuardInput } from "./types.js";
import { actorRoleAllowed } from "./actorRoleAllowed.js";
import { actorInScope } from "./actorInScope.js";
import { evaluationMeetsPack } from "./evaluationMeetsPack.js";
import { satisfactionAtLeast90 } from "./satisfactionAtLeast90.js";
import { noCapitalConstructionDebt } from "./noCapitalConstructionDebt.js";
import { requiredDocumentsPresent } from "./requiredDocumentsPresent.js";
import { councilMajority } from "./councilMajority.js";
import { revocationRuleHolds } from "./revocationRuleHolds.js";
import { noteProvided } from "./noteProvided.js";

/** The registry of transition guards. Adding one = one file + one entry + its name in an action rule. */
export const RECOGNITION_GUARDS: Readonly<Record<GuardName, Guard>> = {
  actorRoleAllowed,
  actorInScope,
  evaluationMeetsPack,
  satisfactionAtLeast90,
  noCapitalConstructionDebt,
  requiredDocumentsPresent,
  councilMajority,
  revocationRuleHolds,
  noteProvided,
};

/**
 * Runs the named guards in order; never branches on a guard's name.
 * @example
 * runGuards(["satisfactionAtLeast90"], { dossier, action: "submit", from: dossier.state, actor, facts: {}, config: DEFAULT_RECOGNITION_CONFIG })
 * // [{ guard: "satisfactionAtLeast90", passed: false, reasons: [{ code: "workflow.satisfaction_below", ... }] }]
 */
export function runGuards(names: readonly GuardName[], input: GuardInput): GuardCheck[] {
  return names.map((guard) => ({ guard, ...RECOGNITION_GUARDS[guard](input) }));
}
