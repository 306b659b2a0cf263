import type { Guard } from "./types.js";

/** The unit's evaluation against the dossier's pack and year has status "met"; failing criteria are listed. */
export const evaluationMeetsPack: Guard = ({ dossier, facts }) => {
  const ev = facts.evaluation;
  if (!ev)
    return {
      passed: false,
      reasons: [{ code: "workflow.evaluation_missing", path: ["evaluation"], params: { packId: dossier.packId, year: dossier.year } }],
    };
  if (ev.packId !== dossier.packId || ev.unitId !== dossier.unitId || ev.year !== dossier.year) {
    return {
      passed: false,
      reasons: [
        {
          code: "workflow.evaluation_mismatch",
          path: ["evaluation"],
          params: {
            expected: { unitId: dossier.unitId, packId: dossier.packId, year: dossier.year },
            actual: { unitId: ev.unitId, packId: ev.packId, year: ev.year },
          },
        },
      ],
    };
  }
  const failing = ev.criteria.filter((c) => c.status === "not_met").map((c) => c.id);
  const indeterminate = ev.criteria.filter((c) => c.status === "indeterminate").map((c) => c.id);
  const params = {
    packId: ev.packId,
    status: ev.status,
    criteriaMet: ev.criteriaMet,
    criteriaTotal: ev.criteriaTotal,
    failing,
    indeterminate,
  };
  const passed = ev.status === "met";
  return {
    passed,
    reasons: [{ code: passed ? "workflow.evaluation_met" : "workflow.evaluation_not_met", path: ["evaluation", "status"], params }],
  };
};
