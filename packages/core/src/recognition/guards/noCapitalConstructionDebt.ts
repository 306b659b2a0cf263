import type { Guard } from "./types.js";

/** No outstanding capital-construction debt (nợ đọng xây dựng cơ bản). ⚠️ per rules.md §3.1: carried in params. */
export const noCapitalConstructionDebt: Guard = ({ dossier, config }) => {
  const debt = dossier.capitalConstructionDebt;
  const provenance = config.debtProvenance;
  if (debt === null)
    return { passed: false, reasons: [{ code: "workflow.debt_missing", path: ["capitalConstructionDebt"], params: { ...provenance } }] };
  const d = BigInt(debt);
  const passed = d === 0n;
  return {
    passed,
    reasons: [
      {
        code: passed ? "workflow.debt_none" : "workflow.debt_outstanding",
        path: ["capitalConstructionDebt"],
        params: { debt: d.toString(), ...provenance },
      },
    ],
  };
};
