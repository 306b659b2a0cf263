import { formatMoney, formatNumber } from "../../i18n/format.js";
import type { Lang } from "../../schemas/common.js";

const n = (v: unknown, lang: Lang) => (typeof v === "number" ? formatNumber(v, lang) : String(v));

/**
 * An entered scoring input as an officer reads it: counts the Vietnamese way, money in đồng, tasks
 * and discipline spelled out ("—" when absent).
 * @example
 * formatScoringInput("resourcesPlanned", "5000000000", "vi") // "5.000.000.000 đ"
 * formatScoringInput("tasks", { assigned: 10, done: 9, onTime: 8, exceeding: 1 }, "vi") // "giao 10, hoàn thành 9, đúng hạn 8, vượt yêu cầu 1"
 */
export function formatScoringInput(field: string, value: unknown, lang: Lang): string {
  if (value === undefined || value === null) return "—";
  if (field === "resourcesPlanned" && typeof value === "string" && /^\d+$/.test(value)) return formatMoney(BigInt(value), lang);
  if (field === "tasks" && typeof value === "object") {
    const t = value as Record<string, unknown>;
    return lang === "vi"
      ? `giao ${n(t.assigned, lang)}, hoàn thành ${n(t.done, lang)}, đúng hạn ${n(t.onTime, lang)}, vượt yêu cầu ${n(t.exceeding, lang)}`
      : `assigned ${n(t.assigned, lang)}, done ${n(t.done, lang)}, on time ${n(t.onTime, lang)}, beyond requirements ${n(t.exceeding, lang)}`;
  }
  if (field === "discipline" && typeof value === "object") {
    const d = value as Record<string, unknown>;
    if (!d.disciplined) return lang === "vi" ? "không có" : "none";
    if (!d.selfCorrected) return lang === "vi" ? "có" : "yes";
    return lang === "vi" ? "có, đơn vị tự phát hiện và khắc phục" : "yes, found and corrected by the unit itself";
  }
  return n(value, lang);
}
