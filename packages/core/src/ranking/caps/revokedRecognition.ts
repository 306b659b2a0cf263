import type { CapRule } from "./types.js";

/** Recognition revoked this year → at most the configured level (tool default "completed", not law). */
export const revokedRecognition: CapRule = (unit, options) => {
  if (!unit.recognitionRevoked) return null;
  const maxLevel = options.revokedCapLevel ?? "completed";
  return {
    maxLevel,
    verified: false,
    reason: {
      code: "cap.revoked_recognition",
      path: ["recognitionRevoked"],
      params: { maxLevel, isDefault: options.revokedCapLevel === undefined },
    },
  };
};
