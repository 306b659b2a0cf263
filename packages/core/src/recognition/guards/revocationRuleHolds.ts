import { checkRevocation } from "../../analyses/checkRevocation.js";
import type { Guard } from "./types.js";

/** Recognition may be revoked only when the revocation rule of QĐ 18/2022 holds on the unit's evaluation. */
export const revocationRuleHolds: Guard = ({ dossier, facts }) => {
  const ev = facts.evaluation;
  if (!ev)
    return {
      passed: false,
      reasons: [{ code: "workflow.evaluation_missing", path: ["evaluation"], params: { packId: dossier.packId, year: dossier.year } }],
    };
  if (ev.packId !== dossier.packId || ev.unitId !== dossier.unitId) {
    return {
      passed: false,
      reasons: [
        {
          code: "workflow.evaluation_mismatch",
          path: ["evaluation"],
          params: { expected: { unitId: dossier.unitId, packId: dossier.packId }, actual: { unitId: ev.unitId, packId: ev.packId } },
        },
      ],
    };
  }
  const check = checkRevocation(ev);
  return {
    passed: check.revoke,
    reasons: [
      ...(check.revoke
        ? []
        : [
            {
              code: "workflow.revocation_rule_not_met",
              path: ["evaluation"],
              params: { failed: check.failed, keyFailed: check.keyFailed, share: check.failedShare },
            },
          ]),
      ...check.reasons,
    ],
  };
};
