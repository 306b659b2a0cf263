import type { Guard } from "./types.js";

/** A written note (the reason for returning, rejecting or revoking) is given. */
export const noteProvided: Guard = ({ action, facts }) => {
  const passed = (facts.note ?? "").trim().length > 0;
  return { passed, reasons: passed ? [] : [{ code: "workflow.note_required", path: ["note"], params: { action } }] };
};
