import type { Guard } from "./types.js";

/** The actor's unit is the dossier's unit or one of its ancestors (as the caller gives them). */
export const actorInScope: Guard = ({ dossier, actor, facts }) => {
  const passed = actor.unitId === dossier.unitId || (facts.ancestorIds ?? []).includes(actor.unitId);
  return {
    passed,
    reasons: passed
      ? []
      : [{ code: "workflow.out_of_scope", path: ["actor", "unitId"], params: { actorUnit: actor.unitId, dossierUnit: dossier.unitId } }],
  };
};
