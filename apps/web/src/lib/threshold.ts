import { formatVietnameseNumber } from "@ntm/core";

/** A threshold as packs write it (see @ntm/core ThresholdSchema). */
export type ThresholdDoc =
  | { all: unknown }
  | { byVariant: Record<string, unknown> }
  | { byYear: Record<string, Record<string, unknown>> }
  | { scaleOfParent: number };

const CMP: Record<string, string> = { ">=": "≥", "<=": "≤", "==": "=" };

function one(v: unknown, lang: "vi" | "en"): string {
  if (v === null || v === undefined) return lang === "vi" ? "chưa rõ" : "unknown";
  if (typeof v === "boolean") return v ? (lang === "vi" ? "Đạt" : "Met") : lang === "vi" ? "Không" : "Not met";
  if (typeof v === "number") return lang === "vi" ? formatVietnameseNumber(v) : String(v);
  return String(v);
}

function variants(m: Record<string, unknown>, lang: "vi" | "en"): string {
  return Object.entries(m)
    .map(([k, v]) => `${k === "*" ? (lang === "vi" ? "mọi vùng" : "all") : k}: ${one(v, lang)}`)
    .join("; ");
}

/**
 * Describes a pack threshold in one line, with its comparator: one value, per variant, per year,
 * or scaled from the parent pack. Unknown (null) values read "chưa rõ".
 * @example
 * thresholdText({ byVariant: { TDMNPB: 80, DBSH: null } }, ">=", "vi") // "≥ TDMNPB: 80; DBSH: chưa rõ"
 * thresholdText({ scaleOfParent: 1.1 }, ">=", "en") // "≥ 110% of the parent pack's threshold"
 */
export function thresholdText(t: ThresholdDoc, comparator: string, lang: "vi" | "en"): string {
  const c = CMP[comparator] ?? comparator;
  if ("all" in t) return `${c} ${one(t.all, lang)}`;
  if ("byVariant" in t) return `${c} ${variants(t.byVariant, lang)}`;
  if ("byYear" in t)
    return `${c} ${Object.entries(t.byYear)
      .map(([y, m]) => `${y} (${variants(m, lang)})`)
      .join(" · ")}`;
  const pct = Math.round(t.scaleOfParent * 1000) / 10;
  return lang === "vi" ? `${c} ${one(pct, lang)}% ngưỡng của bộ tiêu chí gốc` : `${c} ${pct}% of the parent pack's threshold`;
}
