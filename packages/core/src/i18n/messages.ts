import type { Lang } from "../schemas/common.js";
import { formatDate, formatNumber } from "./format.js";

const formatDateText = (d: unknown, lang: Lang) => (typeof d === "string" ? formatDate(d, lang) : "—");

/** A message template: renders a reason's params in one language. */
export type MessageTemplate = (p: Record<string, unknown>, lang: Lang) => string;
/** Templates by reason code, Vietnamese and English. */
export type MessageCatalog = Record<string, { vi: MessageTemplate; en: MessageTemplate }>;

/** Renders a value for a message: numbers localised, booleans as Đạt/Không (Met/Not met), null as a dash. */
export function fmtValue(v: unknown, lang: Lang, unit?: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return lang === "vi" ? (v ? "Đạt" : "Không") : v ? "Yes" : "No";
  if (typeof v === "number") return formatNumber(v, lang) + (unit === "%" ? "%" : unit ? ` ${String(unit)}` : "");
  if (Array.isArray(v)) return v.map((x) => fmtValue(x, lang)).join(", ");
  return String(v);
}

const CLASS_LEVELS: Record<string, { vi: string; en: string }> = {
  excellent: { vi: "Hoàn thành xuất sắc nhiệm vụ", en: "excellent" },
  good: { vi: "Hoàn thành tốt nhiệm vụ", en: "good" },
  completed: { vi: "Hoàn thành nhiệm vụ", en: "completed" },
  not_completed: { vi: "Không hoàn thành nhiệm vụ", en: "not completed" },
};
const classLevel = (v: unknown, lang: Lang) => CLASS_LEVELS[String(v)]?.[lang] ?? String(v);

const cmpText = (c: unknown, lang: Lang) => (c === ">=" ? "≥" : c === "<=" ? "≤" : lang === "vi" ? "=" : "=");

/** Messages for evaluation and pack reasons. */
export const evaluationMessages: MessageCatalog = {
  "indicator.met": {
    vi: (p, l) =>
      `Chỉ tiêu ${p.indicator}: đạt (${fmtValue(p.actual, l, p.unit)} ${cmpText(p.comparator, l)} ${fmtValue(p.required, l, p.unit)})`,
    en: (p, l) =>
      `Indicator ${p.indicator}: met (${fmtValue(p.actual, l, p.unit)} ${cmpText(p.comparator, l)} ${fmtValue(p.required, l, p.unit)})`,
  },
  "indicator.not_met": {
    vi: (p, l) =>
      p.kind === "boolean"
        ? `Chỉ tiêu ${p.indicator}: không đạt (thực tế ${fmtValue(p.actual, l)}, yêu cầu ${fmtValue(p.required, l)})`
        : `Chỉ tiêu ${p.indicator}: không đạt (${fmtValue(p.actual, l, p.unit)}, yêu cầu ${cmpText(p.comparator, l)} ${fmtValue(p.required, l, p.unit)}; còn thiếu ${fmtValue(p.gap, l, p.unit)})`,
    en: (p, l) =>
      p.kind === "boolean"
        ? `Indicator ${p.indicator}: not met (actual ${fmtValue(p.actual, l)}, required ${fmtValue(p.required, l)})`
        : `Indicator ${p.indicator}: not met (${fmtValue(p.actual, l, p.unit)}, required ${cmpText(p.comparator, l)} ${fmtValue(p.required, l, p.unit)}; gap ${fmtValue(p.gap, l, p.unit)})`,
  },
  "indicator.missing": {
    vi: (p) => `Chỉ tiêu ${p.indicator}: chưa có số liệu`,
    en: (p) => `Indicator ${p.indicator}: no value reported`,
  },
  "value.wrong_type": {
    vi: (p) => `Chỉ tiêu ${p.indicator}: giá trị sai kiểu (cần ${p.expected === "boolean" ? "Đạt/Không" : "số"})`,
    en: (p) => `Indicator ${p.indicator}: wrong value type (expected ${p.expected})`,
  },
  "indicator.threshold_unknown": {
    vi: (p) =>
      `Chỉ tiêu ${p.indicator}: chưa xác định được ngưỡng theo văn bản pháp luật${p.variant ? ` (vùng/nhóm ${p.variant}` + `, năm ${p.year})` : ` (năm ${p.year})`}`,
    en: (p) =>
      `Indicator ${p.indicator}: the legal threshold is unknown${p.variant ? ` (variant ${p.variant}, year ${p.year})` : ` (year ${p.year})`}`,
  },
  "indicator.not_applicable": {
    vi: (p) => `Chỉ tiêu ${p.indicator}: không áp dụng cho đơn vị này`,
    en: (p) => `Indicator ${p.indicator}: not applicable to this unit`,
  },
  "threshold.unverified": {
    vi: (p) => `Ngưỡng của chỉ tiêu ${p.indicator} chưa được kiểm chứng với văn bản gốc${p.source ? ` (nguồn: ${p.source})` : ""}`,
    en: (p) =>
      `The threshold of indicator ${p.indicator} is not verified against the legal text${p.source ? ` (source: ${p.source})` : ""}`,
  },
  "threshold.example": {
    vi: (p) => `Ngưỡng của chỉ tiêu ${p.indicator} là giá trị ví dụ, không phải quy định pháp luật`,
    en: (p) => `The threshold of indicator ${p.indicator} is an example value, not law`,
  },
  "pack.example": {
    vi: (p) => `Bộ tiêu chí ${p.packId} dùng giá trị ví dụ, không phải quy định pháp luật`,
    en: (p) => `Pack ${p.packId} uses example values, not law`,
  },
  "pack.outside_effective": {
    // With `adoptions` (core selectPack): the year falls outside every adoption in the unit's scope.
    vi: (p, l) =>
      Array.isArray(p.adoptions)
        ? `Chưa áp dụng bộ tiêu chí cho năm ${p.year}: bộ ${p.packId} được áp dụng từ ${formatDateText(p.from, l)} đến ${p.to ? formatDateText(p.to, l) : "nay"}`
        : `Năm ${p.year} nằm ngoài thời gian hiệu lực của bộ tiêu chí ${p.packId} (${formatDateText(p.from, l)} – ${p.to ? formatDateText(p.to, l) : "nay"}): kết quả chỉ để tham khảo, trạng thái chưa xác định`,
    en: (p, l) =>
      Array.isArray(p.adoptions)
        ? `No criteria pack adopted for ${p.year}: pack ${p.packId} is adopted from ${formatDateText(p.from, l)} to ${p.to ? formatDateText(p.to, l) : "now"}`
        : `Year ${p.year} is outside the effective period of pack ${p.packId} (${formatDateText(p.from, l)} – ${p.to ? formatDateText(p.to, l) : "now"}): the result is for reference only, status indeterminate`,
  },
  "variant.override": {
    vi: (p) => `Áp dụng ngưỡng vùng ${p.to} thay cho ${p.from ?? "—"} (đơn vị có đặc điểm "${p.flag}")`,
    en: (p) => `Using the ${p.to} thresholds instead of ${p.from ?? "—"} (unit flagged "${p.flag}")`,
  },
  "variant.missing": {
    vi: (p) => `Đơn vị chưa khai báo ${p.variantBy === "region" ? "vùng" : "nhóm xã"}, không chọn được ngưỡng`,
    en: (p) => `The unit has no ${p.variantBy === "region" ? "region" : "commune group"}, so no threshold can be chosen`,
  },
  "unit.level_mismatch": {
    vi: (p) => `Bộ tiêu chí dành cho cấp ${p.packLevel}, đơn vị thuộc cấp ${p.unitLevel}`,
    en: (p) => `The pack is for a ${p.packLevel}, the unit is a ${p.unitLevel}`,
  },
  "derived.ratio": {
    vi: (p, l) => `Tính từ ${p.numerator}/${p.denominator} = ${fmtValue(p.num, l)}/${fmtValue(p.den, l)} = ${fmtValue(p.value, l)}%`,
    en: (p, l) => `Computed as ${p.numerator}/${p.denominator} = ${fmtValue(p.num, l)}/${fmtValue(p.den, l)} = ${fmtValue(p.value, l)}%`,
  },
  "derived.denominator_zero": {
    vi: (p) => `Không tính được tỷ lệ: ${p.input} bằng 0`,
    en: (p) => `Cannot compute the share: ${p.input} is 0`,
  },
  "derived.child_share": {
    vi: (p, l) => `${p.passed}/${p.total} ${p.childLevel === "hamlet" ? "thôn" : "xã"} đạt = ${fmtValue(p.value, l)}%`,
    en: (p, l) => `${p.passed}/${p.total} ${p.childLevel === "hamlet" ? "hamlets" : "communes"} pass = ${fmtValue(p.value, l)}%`,
  },
  "derived.child_count": {
    vi: (p) => `${p.passed}/${p.total} ${p.childLevel === "hamlet" ? "thôn" : "xã"} đạt`,
    en: (p) => `${p.passed} of ${p.total} ${p.childLevel === "hamlet" ? "hamlets" : "communes"} pass`,
  },
  "derived.child_data_missing": {
    vi: (p) => `Thiếu số liệu của ${p.count} đơn vị trực thuộc: ${(p.units as string[]).join(", ")}`,
    en: (p) => `Data missing for ${p.count} child units: ${(p.units as string[]).join(", ")}`,
  },
  "derived.classification": {
    vi: (p, l) =>
      `Chỉ tiêu ${p.indicator}: lấy theo kết quả xếp loại năm ${p.classificationYear} ("${classLevel(p.level, l)}") → ${fmtValue(p.value, l)} (cần "Hoàn thành tốt nhiệm vụ" trở lên; xếp loại do phần mềm tính theo thang điểm đang áp dụng)`,
    en: (p, l) =>
      `Indicator ${p.indicator}: taken from the ${p.classificationYear} classification ("${classLevel(p.level, l)}") → ${fmtValue(p.value, l)} ("good" or higher is required; classification computed by the tool with the scoring scheme in force)`,
  },
  "derived.classification_conflict": {
    vi: (p, l) =>
      `Chỉ tiêu ${p.indicator}: giữ số liệu đã nhập (${fmtValue(p.entered, l)}), nhưng kết quả xếp loại năm ${p.classificationYear} ("${classLevel(p.level, l)}") cho ${fmtValue(p.derived, l)}; cần kiểm tra lại`,
    en: (p, l) =>
      `Indicator ${p.indicator}: the entered value (${fmtValue(p.entered, l)}) is kept, but the ${p.classificationYear} classification ("${classLevel(p.level, l)}") gives ${fmtValue(p.derived, l)}; please check`,
  },
  "derived.no_children": {
    vi: () => `Chưa có đơn vị trực thuộc để tính`,
    en: () => `No child units to compute from`,
  },
  "revocation.half_failed": {
    vi: (p, l) =>
      `${p.failed}/${p.total} tiêu chí không đạt (${fmtValue(100 * Number(p.share), l)}% ≥ 50%): thuộc diện thu hồi quyết định công nhận`,
    en: (p, l) => `${p.failed}/${p.total} criteria fail (${fmtValue(100 * Number(p.share), l)}% ≥ 50%): recognition is to be revoked`,
  },
  "revocation.key_failed": {
    vi: (p, l) =>
      `${p.failed}/${p.total} tiêu chí không đạt (${fmtValue(100 * Number(p.share), l)}%, từ 30% đến dưới 50%) trong đó có tiêu chí ${fmtValue(p.keyFailed, l)}: thuộc diện thu hồi`,
    en: (p, l) =>
      `${p.failed}/${p.total} criteria fail (${fmtValue(100 * Number(p.share), l)}%, 30% to under 50%) including key criterion ${fmtValue(p.keyFailed, l)}: recognition is to be revoked`,
  },
  "revocation.thirty_no_key": {
    vi: (p, l) =>
      `${p.failed}/${p.total} tiêu chí không đạt (${fmtValue(100 * Number(p.share), l)}%) nhưng không có tiêu chí thu nhập, môi trường, quốc phòng - an ninh: chưa thuộc diện thu hồi`,
    en: (p, l) => `${p.failed}/${p.total} criteria fail (${fmtValue(100 * Number(p.share), l)}%) but no key criterion: not revoked`,
  },
  "revocation.below_threshold": {
    vi: (p, l) => `${p.failed}/${p.total} tiêu chí không đạt (${fmtValue(100 * Number(p.share), l)}% < 30%): không thuộc diện thu hồi`,
    en: (p, l) => `${p.failed}/${p.total} criteria fail (${fmtValue(100 * Number(p.share), l)}% < 30%): not revoked`,
  },
  "revocation.children_revoked": {
    vi: (p, l) => `${fmtValue(100 * Number(p.share), l)}% số xã bị thu hồi công nhận (≥ 30%): huyện thuộc diện thu hồi`,
    en: (p, l) => `${fmtValue(100 * Number(p.share), l)}% of communes were revoked (≥ 30%): the district is to be revoked`,
  },
  "revocation.indeterminate_not_counted": {
    vi: (p) => `${p.count} tiêu chí chưa xác định (thiếu số liệu hoặc chưa rõ ngưỡng) không được tính là không đạt`,
    en: (p) => `${p.count} indeterminate criteria (missing data or unknown threshold) are not counted as failing`,
  },
  "target.met": {
    vi: (p, l) =>
      `Mục tiêu ${p.target}: đạt ${fmtValue(p.actual, l)}% (${p.count}/${p.total}), yêu cầu ≥ ${fmtValue(p.required, l)}% (${p.source})`,
    en: (p, l) =>
      `Target ${p.target}: ${fmtValue(p.actual, l)}% (${p.count}/${p.total}), required ≥ ${fmtValue(p.required, l)}% (${p.source})`,
  },
  "target.not_met": {
    vi: (p, l) =>
      `Mục tiêu ${p.target}: chưa đạt, ${fmtValue(p.actual, l)}% (${p.count}/${p.total}), yêu cầu ≥ ${fmtValue(p.required, l)}% (${p.source})`,
    en: (p, l) =>
      `Target ${p.target}: not met, ${fmtValue(p.actual, l)}% (${p.count}/${p.total}), required ≥ ${fmtValue(p.required, l)}% (${p.source})`,
  },
  "target.min_criteria_met": {
    vi: (p) => `Không có xã nào dưới ${p.minCriteria} tiêu chí`,
    en: (p) => `No commune below ${p.minCriteria} criteria`,
  },
  "target.income_met": {
    vi: (p, l) =>
      `Thu nhập bình quân đầu người ở nông thôn ${fmtValue(p.current, l)} triệu đồng/người/năm, gấp ${fmtValue(p.ratio, l)} lần năm 2020 (${fmtValue(p.baseline2020, l)}): đạt, mục tiêu đến năm 2025 ≥ ${fmtValue(p.multiple, l)} lần, tức ≥ ${fmtValue(p.required, l)} (${p.source})`,
    en: (p, l) =>
      `Rural income per capita ${fmtValue(p.current, l)} million đồng/person/year, ${fmtValue(p.ratio, l)} times 2020 (${fmtValue(p.baseline2020, l)}): met, target by 2025 ≥ ${fmtValue(p.multiple, l)} times, i.e. ≥ ${fmtValue(p.required, l)} (${p.source})`,
  },
  "target.income_not_met": {
    vi: (p, l) =>
      `Thu nhập bình quân đầu người ở nông thôn ${fmtValue(p.current, l)} triệu đồng/người/năm, gấp ${fmtValue(p.ratio, l)} lần năm 2020 (${fmtValue(p.baseline2020, l)}): chưa đạt, mục tiêu đến năm 2025 ≥ ${fmtValue(p.multiple, l)} lần, tức ≥ ${fmtValue(p.required, l)} (${p.source})`,
    en: (p, l) =>
      `Rural income per capita ${fmtValue(p.current, l)} million đồng/person/year, ${fmtValue(p.ratio, l)} times 2020 (${fmtValue(p.baseline2020, l)}): not met, target by 2025 ≥ ${fmtValue(p.multiple, l)} times, i.e. ≥ ${fmtValue(p.required, l)} (${p.source})`,
  },
  "target.income_invalid": {
    vi: (p, l) =>
      `Không kiểm tra được mục tiêu thu nhập so với năm 2020 (${p.source}): thu nhập năm 2020 phải lớn hơn 0 và thu nhập hiện tại không âm (năm 2020: ${fmtValue(p.baseline2020, l)}, hiện tại: ${fmtValue(p.current, l)})`,
    en: (p, l) =>
      `The income-versus-2020 target (${p.source}) cannot be checked: the 2020 income must be above 0 and the current one not negative (2020: ${fmtValue(p.baseline2020, l)}, current: ${fmtValue(p.current, l)})`,
  },
  "target.income_unavailable": {
    vi: (p) =>
      `Chưa có số liệu thu nhập bình quân (chỉ tiêu 10) của các xã năm ${p.year}: chưa đánh giá được mục tiêu thu nhập năm 2025 gấp ít nhất 1,5 lần năm 2020 (${p.source})`,
    en: (p) =>
      `No average income (indicator 10) of the communes for ${p.year}: the target of 2025 income at least 1.5 times 2020 (${p.source}) cannot be assessed`,
  },
  "target.below_min_criteria": {
    vi: (p, l) => `${p.count} xã dưới ${p.minCriteria} tiêu chí: ${fmtValue(p.units, l)}`,
    en: (p, l) => `${p.count} communes below ${p.minCriteria} criteria: ${fmtValue(p.units, l)}`,
  },
};
