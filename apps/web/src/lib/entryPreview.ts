import { type IndicatorResult, type ValueJump, type ValuesChangePreview, formatCellValue, formatPercent } from "@ntm/core";

/*
 * The words of the data-entry preview (light: core's formatters only). The evaluation behind it
 * (pack schema, compilation, the ladder walk) is in ./entryEngine, loaded after the form shows.
 */

/** Comparators as officers read them. */
const CMP: Record<string, string> = { ">=": "≥", "<=": "≤", "==": "=", ">": ">", "<": "<" };

/**
 * The threshold beside a field: comparator and required value ("≥ 56", "= Đạt"), or "chưa rõ ngưỡng"
 * when the pack does not know it (never shown as a failure).
 * @example
 * thresholdLabel({ required: 56, comparator: ">=", status: "not_met" } as IndicatorResult) // "≥ 56"
 * thresholdLabel({ required: null, comparator: ">=", status: "unknown_threshold" } as IndicatorResult) // "chưa rõ ngưỡng"
 */
export function thresholdLabel(r: Pick<IndicatorResult, "required" | "comparator" | "status">): string {
  if (r.required === null || r.status === "unknown_threshold") return "chưa rõ ngưỡng";
  return `${CMP[r.comparator] ?? r.comparator} ${formatCellValue(r.required)}`;
}

/** Status words of a criterion or indicator, Vietnamese. */
const STATUS_VI: Record<string, string> = {
  met: "Đạt",
  not_met: "Không đạt",
  indeterminate: "Chưa xác định",
  missing: "chưa có số liệu",
  unknown_threshold: "chưa rõ ngưỡng",
  not_applicable: "Không áp dụng",
};
const TIER_VI: Record<string, string> = { standard: "NTM", advanced: "NTM nâng cao", model: "NTM kiểu mẫu", modern: "NTM hiện đại" };

/**
 * What an edit will do, in one Vietnamese line: the tier change of the unit, then each criterion whose
 * result changes. Empty when nothing changes.
 * @example
 * changeSummary("Xã An Phú", preview) // "Xã An Phú: NTM kiểu mẫu → Chưa đạt chuẩn; tiêu chí 10: Đạt → Không đạt"
 */
export function changeSummary(unitName: string, p: ValuesChangePreview): string {
  const parts: string[] = [];
  const tier = (t: string | null) => (t ? (TIER_VI[t] ?? t) : "Chưa đạt chuẩn");
  if (p.tierChanged) parts.push(`${unitName}: ${tier(p.before.tierReached)} → ${tier(p.after.tierReached)}`);
  for (const c of p.criterionChanges) parts.push(`tiêu chí ${c.id}: ${STATUS_VI[c.before] ?? c.before} → ${STATUS_VI[c.after] ?? c.after}`);
  return parts.join("; ");
}

/**
 * A jump warning in words: "10: 59,8 → 25 (−58,2% so với năm trước)".
 * @example
 * jumpText({ id: "10", previous: 59.8, current: 25, share: 0.582 }) // "10: 59,8 → 25 (−58,2% so với năm trước)"
 */
export function jumpText(j: ValueJump): string {
  const sign = j.current < j.previous ? "−" : "+";
  return `${j.id}: ${formatCellValue(j.previous)} → ${formatCellValue(j.current)} (${sign}${formatPercent(j.share * 100)} so với năm trước)`;
}
