import { formatDate } from "../../i18n/format.js";
import type { Lang } from "../../schemas/common.js";
import type { DossierDecision } from "../decision/index.js";

/**
 * The decision a step was taken by, as a report or a screen cites it: "Quyết định số 125/QĐ-UBND
 * ngày 15/04/2025" (Vietnamese, dd/mm/yyyy) or "Decision 125/QĐ-UBND of 2025-04-15" (English).
 * @example
 * decisionText({ number: "125/QĐ-UBND", date: "2025-04-15" }, "vi") // "Quyết định số 125/QĐ-UBND ngày 15/04/2025"
 */
export function decisionText(decision: DossierDecision, lang: Lang): string {
  return lang === "vi"
    ? `Quyết định số ${decision.number} ngày ${formatDate(decision.date, "vi")}`
    : `Decision ${decision.number} of ${formatDate(decision.date, "en")}`;
}
