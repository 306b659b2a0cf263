import type { CriteriaPack, CriterionResult, CriterionStatus, IndicatorResult, IndicatorStatus, Reason, Tier } from "@ntm/core";
import { formatMoney, formatNumber, formatReason } from "@ntm/core";
import type { TaskStatus } from "../types.js";

/**
 * The date line of an administrative document: "ngày 15 tháng 7 năm 2025". Days below 10 and the
 * months January and February take a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I).
 * @example
 * vietnameseDateLine("2025-07-15") // "ngày 15 tháng 7 năm 2025"
 * vietnameseDateLine("2025-02-05") // "ngày 05 tháng 02 năm 2025"
 */
export function vietnameseDateLine(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

export const TIER_VI: Readonly<Record<Tier, string>> = {
  standard: "Nông thôn mới",
  advanced: "Nông thôn mới nâng cao",
  model: "Nông thôn mới kiểu mẫu",
  modern: "Nông thôn mới hiện đại",
};

export const CRITERION_STATUS_VI: Readonly<Record<CriterionStatus, string>> = {
  met: "Đạt",
  not_met: "Chưa đạt",
  indeterminate: "Chưa xác định",
};

export const INDICATOR_STATUS_VI: Readonly<Record<IndicatorStatus, string>> = {
  met: "Đạt",
  not_met: "Không đạt",
  missing: "Thiếu số liệu",
  unknown_threshold: "Chưa rõ ngưỡng",
  not_applicable: "Không áp dụng",
};

export const TASK_STATUS_VI: Readonly<Record<TaskStatus, string>> = {
  done: "Hoàn thành",
  in_progress: "Đang thực hiện",
  not_started: "Chưa triển khai",
  overdue: "Quá hạn",
};

/** The cell label of a criterion in the criteria table. */
export type CriterionCell = "met" | "not_met" | "missing" | "unknown_threshold";

export const CRITERION_CELL_VI: Readonly<Record<CriterionCell, string>> = {
  met: "Đạt",
  not_met: "Không đạt",
  missing: "Thiếu số liệu",
  unknown_threshold: "Chưa rõ ngưỡng",
};

/**
 * How a criterion shows in the table: met or not met, or, when indeterminate, why (a missing value
 * weighs before an unknown threshold, because the officer can fix it).
 */
export function criterionCell(c: CriterionResult): CriterionCell {
  if (c.status === "met") return "met";
  if (c.status === "not_met") return "not_met";
  if (c.indicators.some((i) => i.status === "missing")) return "missing";
  return "unknown_threshold";
}

/** True when some indicator of the criterion uses a threshold not confirmed from the legal text. */
export function criterionUnverified(packCriterion: CriteriaPack["criteria"][number]): boolean {
  return packCriterion.indicators.some((i) => !i.verified);
}

/** A value as printed: numbers in Vietnamese format, booleans Đạt/Không, null a dash. */
export function valueText(v: number | boolean | null | undefined, unit?: string): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return v ? "Đạt" : "Không";
  return formatNumber(v, "vi") + (unit === "%" ? "%" : unit ? ` ${unit}` : "");
}

/** The requirement as printed: "≥ 90%", "Đạt". */
export function requiredText(r: IndicatorResult, unit?: string): string {
  if (r.required === null) return "Chưa rõ";
  if (typeof r.required === "boolean") return r.required ? "Đạt" : "Không";
  const cmp = r.comparator === ">=" ? "≥ " : r.comparator === "<=" ? "≤ " : "";
  return cmp + valueText(r.required, unit);
}

/** A reason or a line of text, as Vietnamese text. */
export function noteText(n: string | Reason): string {
  return typeof n === "string" ? n : formatReason(n, "vi");
}

/** Criterion ids joined for a sentence: "2, 5 và 10". */
export function joinIds(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join("");
  return `${ids.slice(0, -1).join(", ")} và ${ids[ids.length - 1]}`;
}

/**
 * Money in whole đồng as a document writes it, with dot grouping.
 * @example
 * dongText(1_250_000_000n) // "1.250.000.000 đồng"
 */
export function dongText(amount: bigint): string {
  return formatMoney(amount, "vi").replace(/ đ$/, " đồng");
}
