import type { Lang } from "@ntm/core";

export type { Lang };

/**
 * Picks the text for the user's language (Vietnamese first).
 * @example
 * tr("en", "Đạt", "Met") // "Met"
 */
export function tr(lang: Lang, vi: string, en: string): string {
  return lang === "en" ? en : vi;
}

const STATUS: Record<string, { vi: string; en: string }> = {
  met: { vi: "Đạt", en: "Met" },
  not_met: { vi: "Không đạt", en: "Not met" },
  missing: { vi: "Thiếu số liệu", en: "Missing" },
  unknown_threshold: { vi: "Chưa rõ ngưỡng", en: "Unknown threshold" },
  not_applicable: { vi: "Không áp dụng", en: "Not applicable" },
  indeterminate: { vi: "Chưa xác định", en: "Indeterminate" },
};

/**
 * The readable name of an evaluation status.
 * @example
 * statusText("not_met", "vi") // "Không đạt"
 */
export function statusText(status: string, lang: Lang): string {
  return STATUS[status]?.[lang] ?? status;
}
