import type { Lang } from "../schemas/common.js";
import { formatDate, formatMoney, formatNumber } from "./format.js";
import type { MessageCatalog } from "./messages.js";

const date = (v: unknown, l: Lang) => (typeof v === "string" ? formatDate(v, l) : "—");
const money = (v: unknown, l: Lang) =>
  typeof v === "bigint" || typeof v === "number"
    ? formatMoney(v, l)
    : typeof v === "string" && /^\d+$/.test(v)
      ? formatMoney(BigInt(v), l)
      : "—";
// whole quantities (m², days) arrive as decimal strings; group them without going through a float
const num = (v: unknown, l: Lang) =>
  typeof v === "number"
    ? formatNumber(v, l)
    : typeof v === "string" && /^\d+$/.test(v)
      ? formatMoney(BigInt(v), l).replace(/ (đ|VND)$/, "")
      : String(v);
const pct = (v: unknown, l: Lang) => (typeof v === "string" ? (l === "vi" ? v.replace(".", ",") : v) + "%" : "—");
const list = (v: unknown) => (Array.isArray(v) ? v.join(", ") : "—");
const defaultNote = (p: Record<string, unknown>, l: Lang) =>
  p.targetIsDefault ? (l === "vi" ? " (mục tiêu mặc định)" : " (default target)") : "";

/**
 * Messages for the reasons of the OCOP, resource mobilisation, housing and inspection areas
 * (Vietnamese first, English second).
 * @example
 * formatReason({ code: "housing.none_remaining", path: [], params: { unit: "Xã A" } }, "vi") // "Xã A: không còn nhà tạm, dột nát"
 */
export const ocopMessages: MessageCatalog = {
  // OCOP: checks of one product record (validateOcopProduct)
  "ocop.stars_mismatch": {
    vi: (p, l) => `${p.stars} sao không khớp với điểm ${num(p.score, l)} (theo điểm là ${p.expected} sao)`,
    en: (p, l) => `${p.stars} stars do not match the score ${num(p.score, l)} (expected ${p.expected})`,
  },
  "ocop.certificate_missing": {
    vi: () => "sản phẩm đã công nhận cần có giấy chứng nhận (số và ngày)",
    en: () => "a recognised product needs its certificate (number and date)",
  },
  "ocop.stars_below_recognition": {
    vi: (p) => `chỉ sản phẩm 3–5 sao được công nhận; sản phẩm này ${p.stars} sao`,
    en: (p) => `only 3–5 stars are recognised; this product has ${p.stars}`,
  },
  "ocop.expiry_mismatch": {
    vi: (p, l) => `ngày hết hạn ${date(p.expiresOn, l)} không đúng 36 tháng sau ngày chứng nhận (phải là ${date(p.expected, l)})`,
    en: (p, l) => `expiry ${date(p.expiresOn, l)} is not 36 months after the certificate date (expected ${date(p.expected, l)})`,
  },
  // OCOP
  "ocop.valid": {
    vi: (p, l) =>
      `Sản phẩm ${p.product} (${p.stars} sao): giấy chứng nhận ${p.certificate} còn hiệu lực đến ${date(p.expiresOn, l)} (còn ${p.daysLeft} ngày)`,
    en: (p, l) =>
      `Product ${p.product} (${p.stars} stars): certificate ${p.certificate} valid until ${date(p.expiresOn, l)} (${p.daysLeft} days left)`,
  },
  "ocop.renewal_due": {
    vi: (p, l) =>
      `Sản phẩm ${p.product} (${p.stars} sao): giấy chứng nhận ${p.certificate} hết hạn ngày ${date(p.expiresOn, l)}, còn ${p.daysLeft} ngày: cần gia hạn hoặc đánh giá lại (trong ${p.windowDays} ngày trước khi hết hạn${p.windowIsDefault ? ", thời gian mặc định" : ""})`,
    en: (p, l) =>
      `Product ${p.product} (${p.stars} stars): certificate ${p.certificate} expires on ${date(p.expiresOn, l)}, ${p.daysLeft} days left: renew or re-rate (window ${p.windowDays} days${p.windowIsDefault ? ", default" : ""})`,
  },
  "ocop.expired": {
    vi: (p, l) =>
      `Sản phẩm ${p.product} (${p.stars} sao): giấy chứng nhận ${p.certificate} đã hết hạn ngày ${date(p.expiresOn, l)} (quá ${p.daysOverdue} ngày)`,
    en: (p, l) =>
      `Product ${p.product} (${p.stars} stars): certificate ${p.certificate} expired on ${date(p.expiresOn, l)} (${p.daysOverdue} days ago)`,
  },
  "ocop.not_recognised": {
    vi: (p) =>
      `Sản phẩm ${p.product}: chưa được công nhận OCOP (${p.stars} sao${p.hasCertificate ? "" : ", chưa có giấy chứng nhận"}; chỉ sản phẩm 3–5 sao được công nhận)`,
    en: (p) =>
      `Product ${p.product}: not a recognised OCOP product (${p.stars} stars${p.hasCertificate ? "" : ", no certificate"}; only 3–5 stars are recognised)`,
  },
  "ocop.revoked": {
    vi: (p) => `Sản phẩm ${p.product}: đã bị thu hồi công nhận OCOP`,
    en: (p) => `Product ${p.product}: OCOP recognition revoked`,
  },
  "ocop.commune_target_met": {
    vi: (p, l) =>
      `Xã ${p.unit}: có ${p.count} sản phẩm OCOP còn hiệu lực ngày ${date(p.asOf, l)}, đạt mục tiêu ${p.target}${defaultNote(p, l)}`,
    en: (p, l) => `Commune ${p.unit}: ${p.count} OCOP products in force on ${date(p.asOf, l)}, target ${p.target} met${defaultNote(p, l)}`,
  },
  "ocop.commune_target_not_met": {
    vi: (p, l) =>
      `Xã ${p.unit}: có ${p.count} sản phẩm OCOP còn hiệu lực ngày ${date(p.asOf, l)}, chưa đạt mục tiêu ${p.target}${defaultNote(p, l)}; còn thiếu ${p.gap}`,
    en: (p, l) =>
      `Commune ${p.unit}: ${p.count} OCOP products in force on ${date(p.asOf, l)}, target ${p.target} not met${defaultNote(p, l)}; ${p.gap} short`,
  },
  "ocop.target_is_default": {
    vi: (p) => `Mục tiêu ${p.target} sản phẩm/xã là giá trị mặc định: Kế hoạch chỉ nêu "mỗi xã có nhiều sản phẩm OCOP", không nêu con số`,
    en: (p) =>
      `The target of ${p.target} products per commune is a default: the plan only says "several OCOP products per commune", with no number`,
  },
  "ocop.products_renewal_due": {
    vi: (p) => `Xã ${p.unit}: ${p.count} sản phẩm sắp hết hạn chứng nhận, cần gia hạn: ${list(p.products)}`,
    en: (p) => `Commune ${p.unit}: ${p.count} products due for certificate renewal: ${list(p.products)}`,
  },
  "ocop.products_expired": {
    vi: (p) => `Xã ${p.unit}: ${p.count} sản phẩm đã hết hạn chứng nhận, không được tính: ${list(p.products)}`,
    en: (p) => `Commune ${p.unit}: ${p.count} products with expired certificates, not counted: ${list(p.products)}`,
  },
  "ocop.products_revoked": {
    vi: (p) => `Xã ${p.unit}: ${p.count} sản phẩm bị thu hồi công nhận, không được tính: ${list(p.products)}`,
    en: (p) => `Commune ${p.unit}: ${p.count} products with revoked recognition, not counted: ${list(p.products)}`,
  },
  "ocop.products_not_recognised": {
    vi: (p) =>
      `Xã ${p.unit}: ${p.count} sản phẩm chưa được công nhận (dưới 3 sao hoặc chưa có giấy chứng nhận), không được tính: ${list(p.products)}`,
    en: (p) => `Commune ${p.unit}: ${p.count} products not recognised (under 3 stars or no certificate), not counted: ${list(p.products)}`,
  },

  // Resource mobilisation: checks of one amount (parseDong, validateContribution) and period (parsePeriod)
  "amount.negative": { vi: (p) => `số lượng không được âm: "${p.input}"`, en: (p) => `the amount must not be negative: "${p.input}"` },
  "amount.decimal": {
    vi: (p) => `số lượng phải là số nguyên (đồng, m², ngày công): "${p.input}"`,
    en: (p) => `the amount must be whole (đồng, m², days): "${p.input}"`,
  },
  "amount.comma_grouping": {
    vi: (p) => `"${p.input}": dấu phẩy là dấu thập phân; nhóm hàng nghìn bằng dấu chấm (1.250.000)`,
    en: (p) => `"${p.input}": a comma is the decimal mark; group thousands with dots (1.250.000)`,
  },
  "amount.empty": { vi: () => "thiếu số lượng", en: () => "the amount is empty" },
  "amount.invalid": { vi: (p) => `"${p.input}" không phải số lượng`, en: (p) => `"${p.input}" is not an amount` },
  "amount.unsafe_number": { vi: (p) => `số lượng ${p.input} quá lớn`, en: (p) => `the amount ${p.input} is too large` },
  "period.invalid": {
    vi: (p) => `kỳ "${p.text}" không hợp lệ; viết 2025, 2025S1, 2025Q3 hoặc 2025-05`,
    en: (p) => `"${p.text}" is not a period (2025, 2025S1, 2025Q3, 2025-05)`,
  },
  // Resource mobilisation
  "resources.totals": {
    vi: (p, l) =>
      `Tổng huy động${p.period ? ` (${p.period})` : ""}: ${money(p.money, l)}; đất hiến ${num(p.landDonatedM2, l)} m²; ${num(p.labourDays, l)} ngày công (${p.count} khoản)`,
    en: (p, l) =>
      `Total mobilised${p.period ? ` (${p.period})` : ""}: ${money(p.money, l)}; land donated ${num(p.landDonatedM2, l)} m²; ${num(p.labourDays, l)} labour days (${p.count} entries)`,
  },
  "resources.people_share": {
    vi: (p, l) =>
      `Nhân dân đóng góp bằng tiền ${money(p.people, l)} / ${money(p.money, l)} = ${pct(p.percent, l)} (chưa quy đổi đất hiến và ngày công)`,
    en: (p, l) =>
      `People's cash ${money(p.people, l)} of ${money(p.money, l)} = ${pct(p.percent, l)} (land and labour not converted to money)`,
  },
  "resources.no_money": {
    vi: () => `Chưa có khoản huy động bằng tiền nên không tính được tỷ lệ`,
    en: () => `No money was mobilised, so no shares can be computed`,
  },
  "resources.period_not_split": {
    vi: (p, l) =>
      `${p.count} khoản được ghi nhận cho cả kỳ dài hơn ${p.period}${p.money && p.money !== "0" ? ` (${money(p.money, l)})` : ""}, không chia nhỏ được nên không được tính`,
    en: (p, l) =>
      `${p.count} entries were recorded for a longer period than ${p.period}${p.money && p.money !== "0" ? ` (${money(p.money, l)})` : ""}; they cannot be split and are not counted`,
  },

  // Temporary and dilapidated housing: checks of one house (validateHouse)
  "housing.completed_on_not_completed": {
    vi: () => "chỉ ghi ngày hoàn thành khi nhà đã hoàn thành",
    en: () => "a completion date is only for a completed house",
  },
  // Temporary and dilapidated housing
  "housing.summary": {
    vi: (p, l) =>
      `${p.unit}: ${p.total} nhà trong chương trình (nhà tạm ${p.temporary}, dột nát ${p.dilapidated}, đang xây ${p.under_construction}, hoàn thành ${p.completed}${p.completedPercent ? ` = ${pct(p.completedPercent, l)}` : ""}); hỗ trợ ${money(p.support, l)}`,
    en: (p, l) =>
      `${p.unit}: ${p.total} houses in the programme (temporary ${p.temporary}, dilapidated ${p.dilapidated}, under construction ${p.under_construction}, completed ${p.completed}${p.completedPercent ? ` = ${pct(p.completedPercent, l)}` : ""}); support ${money(p.support, l)}`,
  },
  "housing.remaining": {
    vi: (p) => `${p.unit}: còn ${p.count} nhà tạm, dột nát (nhà tạm ${p.temporary}, dột nát ${p.dilapidated}): ${list(p.houses)}`,
    en: (p) =>
      `${p.unit}: ${p.count} temporary or dilapidated houses remain (temporary ${p.temporary}, dilapidated ${p.dilapidated}): ${list(p.houses)}`,
  },
  "housing.none_remaining": {
    vi: (p) => `${p.unit}: không còn nhà tạm, dột nát`,
    en: (p) => `${p.unit}: no temporary or dilapidated houses remain`,
  },
  "housing.under_construction": {
    vi: (p) => `${p.unit}: ${p.count} nhà đang xây dựng, sửa chữa: ${list(p.houses)}`,
    en: (p) => `${p.unit}: ${p.count} houses under construction or repair: ${list(p.houses)}`,
  },
  "housing.indicator_91": {
    vi: (p) =>
      `Chỉ tiêu 9.1 (nhà tạm, dột nát) của ${p.unit}: ${p.value ? `Có (${p.temporary} nhà tạm, ${p.dilapidated} nhà dột nát), yêu cầu Không: không đạt` : "Không, yêu cầu Không: đạt"}`,
    en: (p) =>
      `Indicator 9.1 (temporary/dilapidated houses) of ${p.unit}: ${p.value ? `Yes (${p.temporary} temporary, ${p.dilapidated} dilapidated), required No: not met` : "No, required No: met"}`,
  },
  "housing.under_construction_pending": {
    vi: (p) => `${p.unit}: còn ${p.count} nhà đang xây dựng, sửa chữa chưa hoàn thành (${list(p.houses)}); cần theo dõi đến khi hoàn thành`,
    en: (p) => `${p.unit}: ${p.count} houses still under construction (${list(p.houses)}); follow them up until completed`,
  },
  "housing.no_records": {
    vi: (p) => `${p.unit}: chưa ghi nhận nhà nào trong chương trình; giá trị "Không" chỉ đúng khi đã rà soát đầy đủ`,
    en: (p) => `${p.unit}: no house recorded in the programme; "No" holds only if the survey is complete`,
  },

  // Inspection and supervision: checks of one record (validateInspectionRecord)
  "inspection.due_before_record": {
    vi: (p, l) => `hạn ${date(p.dueDate, l)} trước ngày kiểm tra ${date(p.date, l)}`,
    en: (p, l) => `due date ${date(p.dueDate, l)} is before the record's date ${date(p.date, l)}`,
  },
  "inspection.done_on_not_done": {
    vi: () => "chỉ ghi ngày thực hiện khi kiến nghị đã thực hiện xong",
    en: () => "a done date is only for a done recommendation",
  },
  "inspection.done_before_record": {
    vi: (p, l) => `ngày thực hiện ${date(p.doneOn, l)} trước ngày kiểm tra ${date(p.date, l)}`,
    en: (p, l) => `done date ${date(p.doneOn, l)} is before the record's date ${date(p.date, l)}`,
  },
  "inspection.finding_unknown": {
    vi: (p) => `không có kết luận số ${typeof p.finding === "number" ? p.finding + 1 : "?"} (biên bản có ${p.findings} kết luận)`,
    en: (p) => `there is no finding ${typeof p.finding === "number" ? p.finding + 1 : "?"} (the record has ${p.findings})`,
  },
  "inspection.duplicate_recommendation": {
    vi: (p) => `mã kiến nghị "${p.id}" trùng`,
    en: (p) => `recommendation id "${p.id}" appears twice`,
  },
  // Inspection and supervision
  "inspection.recommendation_overdue": {
    vi: (p, l) =>
      `Kiến nghị ${p.recommendation} (biên bản ${p.record}, ${p.subject}) giao ${p.responsible}: hạn ${date(p.dueDate, l)}, ${p.status === "open" ? "chưa thực hiện" : "đang thực hiện"}, quá hạn ${p.daysOverdue} ngày`,
    en: (p, l) =>
      `Recommendation ${p.recommendation} (record ${p.record}, ${p.subject}) for ${p.responsible}: due ${date(p.dueDate, l)}, ${p.status === "open" ? "not started" : "in progress"}, ${p.daysOverdue} days overdue`,
  },
  "inspection.subject_summary": {
    vi: (p, l) =>
      `${p.subject}: ${p.inspections} cuộc kiểm tra, ${p.supervisions} cuộc giám sát (gần nhất ${date(p.lastDate, l)}); ${p.findings} nội dung phát hiện; ${p.total} kiến nghị: ${p.done} đã thực hiện (${p.doneLate} trễ hạn), ${p.inProgress} đang thực hiện, ${p.open} chưa thực hiện, ${p.overdue} quá hạn`,
    en: (p, l) =>
      `${p.subject}: ${p.inspections} inspections, ${p.supervisions} supervisions (latest ${date(p.lastDate, l)}); ${p.findings} findings; ${p.total} recommendations: ${p.done} done (${p.doneLate} late), ${p.inProgress} in progress, ${p.open} open, ${p.overdue} overdue`,
  },
  "inspection.subject_overdue": {
    vi: (p, l) => `${p.subject}: ${p.count} kiến nghị quá hạn tại ngày ${date(p.asOf, l)}: ${list(p.items)}`,
    en: (p, l) => `${p.subject}: ${p.count} recommendations overdue on ${date(p.asOf, l)}: ${list(p.items)}`,
  },
  "inspection.subject_all_done": {
    vi: (p) => `${p.subject}: đã thực hiện xong cả ${p.count} kiến nghị`,
    en: (p) => `${p.subject}: all ${p.count} recommendations done`,
  },
};
