import type { Guard } from "./types.js";

/**
 * Residents' satisfaction ≥ the configured minimum (90%). The 90% is ✅ for districts (QĐ 211/QĐ-TTg)
 * and ⚠️ for communes (rules.md §3.1): the provenance travels in the reason's params.
 */
export const satisfactionAtLeast90: Guard = ({ dossier, config }) => {
  const required = config.satisfactionMinimumPercent;
  const provenance = { ...config.satisfactionProvenance, level: dossier.level };
  const actual = dossier.satisfactionPercent;
  if (actual === null)
    return {
      passed: false,
      reasons: [{ code: "workflow.satisfaction_missing", path: ["satisfactionPercent"], params: { required, ...provenance } }],
    };
  const passed = actual >= required;
  return {
    passed,
    reasons: [
      {
        code: passed ? "workflow.satisfaction_met" : "workflow.satisfaction_below",
        path: ["satisfactionPercent"],
        params: { actual, required, ...provenance },
      },
    ],
  };
};
