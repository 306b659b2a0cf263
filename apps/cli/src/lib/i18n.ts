import { type Lang, formatReason } from "@ntm/core";

export type { Lang };

/**
 * Picks the text for the user's language (Vietnamese first).
 * @example
 * tr("en", "Đạt", "Met") // "Met"
 */
export function tr(lang: Lang, vi: string, en: string): string {
  return lang === "en" ? en : vi;
}

/**
 * A problem worded by core's message catalog, Vietnamese then English ("vi / en", as every CLI problem
 * reads), with its code: one wording, kept beside the rule in core, for the CLI, the API and the web app.
 * @example
 * caught("file.not_found") // { code: "file.not_found", message: "không có tệp này / no such file" }
 */
export function caught(code: string, params: Record<string, unknown> = {}): { code: string; message: string } {
  const reason = { code, path: [], params };
  return { code, message: `${formatReason(reason, "vi")} / ${formatReason(reason, "en")}` };
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
