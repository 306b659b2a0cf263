import type { Guard } from "./types.js";

/** Every document the configuration requires for this action is in the dossier. */
export const requiredDocumentsPresent: Guard = ({ dossier, action, config }) => {
  const required = config.requiredDocuments[action] ?? [];
  const missing = required.filter((d) => !dossier.documents.includes(d));
  const passed = missing.length === 0;
  return { passed, reasons: passed ? [] : [{ code: "workflow.documents_missing", path: ["documents"], params: { action, missing } }] };
};
