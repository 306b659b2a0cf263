import type { Lang, Reason } from "../schemas/common.js";
import { type MessageCatalog, evaluationMessages } from "./messages.js";
import { planMessages } from "./plan.messages.js";
import { workflowMessages } from "./workflow.messages.js";
import { rankingMessages } from "./ranking.messages.js";
import { ocopMessages } from "./ocop.messages.js";
import { adoptionMessages } from "./adoption.messages.js";
import { emulationMessages } from "./emulation.messages.js";
import { accessMessages } from "./access.messages.js";
import { importMessages } from "./import.messages.js";
import { steeringMessages } from "./steering.messages.js";
import { scoringMessages } from "./scoring.messages.js";
import { valuesFileMessages } from "./valuesFile.messages.js";
import { sheetFileMessages } from "./sheetFile.messages.js";

/** Every reason code the core can produce, with its Vietnamese and English wording. */
export const MESSAGES: MessageCatalog = {
  ...evaluationMessages,
  ...planMessages,
  ...workflowMessages,
  ...rankingMessages,
  ...ocopMessages,
  ...adoptionMessages,
  ...emulationMessages,
  ...accessMessages,
  ...importMessages,
  ...steeringMessages,
  ...scoringMessages,
  ...valuesFileMessages,
  ...sheetFileMessages,
};

/**
 * Renders a reason as text, Vietnamese by default. Unknown codes fall back to the code and params,
 * so nothing is hidden.
 * @example
 * formatReason({ code: "indicator.missing", path: ["values", "2.1"], params: { indicator: "2.1" } }, "vi")
 * // "Chỉ tiêu 2.1: chưa có số liệu"
 */
export function formatReason(reason: Reason, lang: Lang = "vi"): string {
  const m = MESSAGES[reason.code];
  if (!m) return `${reason.code} ${JSON.stringify(reason.params)}`;
  return m[lang](reason.params, lang);
}
