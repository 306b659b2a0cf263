/**
 * The wording of record-file row issues, Vietnamese and English: the reader's own codes and the codes
 * the areas' validators raise (OCOP, amounts, periods, housing, inspections). Private to recordFiles/.
 */
import type { LocalizedText } from "../../schemas/common.js";
import { PLAN_FILE_MESSAGES } from "./planMessages.js";

type Params = Record<string, unknown>;
type Wording = { vi: (p: Params) => string; en: (p: Params) => string };

const dmy = (v: unknown) =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(8)}/${v.slice(5, 7)}/${v.slice(0, 4)}` : String(v);
const vn = (v: unknown) => (typeof v === "number" ? String(v).replace(".", ",") : String(v));
const list = (v: unknown) => (Array.isArray(v) ? v.join("; ") : "");

/** Every record-file issue code with its wording. */
export const RECORD_FILE_MESSAGES: Readonly<Record<string, Wording>> = {
  ...PLAN_FILE_MESSAGES,
  "record_file.unknown_column": {
    vi: (p) => `cột "${p.header}" không có trong mẫu`,
    en: (p) => `column "${p.header}" is not in the template`,
  },
  "record_file.duplicate_column": {
    vi: (p) => `cột "${p.header}" xuất hiện hai lần`,
    en: (p) => `column "${p.header}" appears twice`,
  },
  "record_file.missing_column": {
    vi: (p) => `thiếu cột "${p.header}" ở dòng tiêu đề`,
    en: (p) => `the header has no "${p.header}" (${p.key}) column`,
  },
  "record_file.no_rows": { vi: () => "tệp không có dòng dữ liệu nào", en: () => "the file has no data rows" },
  "record_file.required": { vi: (p) => `thiếu ${p.header}`, en: (p) => `"${p.header}" is required` },
  "record_file.not_a_number": {
    vi: (p) => `"${p.input}" không phải là số (viết 85,8 hoặc 1.234,5)`,
    en: (p) => `"${p.input}" is not a number (write 85,8 or 1.234,5)`,
  },
  "record_file.line_count": {
    vi: (p) => `ô "${p.header}" có ${p.lines} dòng, cần 1 dòng (dùng cho mọi kiến nghị) hoặc ${p.expected} dòng (mỗi kiến nghị một dòng)`,
    en: (p) => `"${p.header}" has ${p.lines} lines; give 1 (for every item) or ${p.expected} (one per item)`,
  },
  "record_file.not_an_integer": { vi: (p) => `"${p.input}" phải là số nguyên`, en: (p) => `"${p.input}" must be a whole number` },
  "record_file.not_a_date": {
    vi: (p) => `"${p.input}" không phải ngày dd/mm/yyyy`,
    en: (p) => `"${p.input}" is not a dd/mm/yyyy date`,
  },
  "record_file.unknown_code": {
    vi: (p) => `"${p.input}" không hợp lệ; dùng một trong: ${list(p.allowed)}`,
    en: (p) => `"${p.input}" is not allowed; use one of: ${list(p.allowed)}`,
  },
  "ocop.stars_mismatch": {
    vi: (p) => `${p.stars} sao không khớp với điểm ${vn(p.score)} (theo điểm là ${p.expected} sao)`,
    en: (p) => `${p.stars} stars do not match the score ${p.score} (expected ${p.expected})`,
  },
  "ocop.certificate_missing": {
    vi: () => "sản phẩm đã công nhận cần số và ngày giấy chứng nhận",
    en: () => "a recognised product needs its certificate number and date",
  },
  "ocop.stars_below_recognition": {
    vi: (p) => `chỉ sản phẩm 3–5 sao được công nhận; sản phẩm này ${p.stars} sao`,
    en: (p) => `only 3–5 stars are recognised; this product has ${p.stars}`,
  },
  "ocop.expiry_mismatch": {
    vi: (p) => `ngày hết hạn ${dmy(p.expiresOn)} không đúng 36 tháng sau ngày cấp (phải là ${dmy(p.expected)})`,
    en: (p) => `expiry ${p.expiresOn} is not 36 months after the certificate date (expected ${p.expected})`,
  },
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
  "amount.too_large": { vi: () => "số lượng vượt giới hạn lưu trữ", en: () => "the amount is larger than the store's limit" },
  "period.invalid": {
    vi: (p) => `kỳ "${p.text}" không hợp lệ; viết 2025, 2025S1, 2025Q3 hoặc 2025-05`,
    en: (p) => `"${p.text}" is not a period (2025, 2025S1, 2025Q3, 2025-05)`,
  },
  "housing.completed_on_not_completed": {
    vi: () => "chỉ ghi ngày hoàn thành khi nhà đã hoàn thành",
    en: () => "a completion date is only for a completed house",
  },
  "inspection.due_before_record": {
    vi: (p) => `hạn ${dmy(p.dueDate)} trước ngày kiểm tra ${dmy(p.date)}`,
    en: (p) => `due date ${p.dueDate} is before the record's date ${p.date}`,
  },
  "inspection.done_on_not_done": {
    vi: () => "chỉ ghi ngày thực hiện khi kiến nghị đã thực hiện xong",
    en: () => "a done date is only for a done recommendation",
  },
  "inspection.done_before_record": {
    vi: (p) => `ngày thực hiện ${dmy(p.doneOn)} trước ngày kiểm tra ${dmy(p.date)}`,
    en: (p) => `done date ${p.doneOn} is before the record's date ${p.date}`,
  },
};

/**
 * The wording of an issue; an unknown code (a shape check of the validator) reads "giá trị không hợp lệ"
 * with the validator's own English message.
 * @example
 * issueMessage("record_file.required", { header: "Tên sản phẩm" }).vi // "thiếu Tên sản phẩm"
 */
export function issueMessage(code: string, params: Params, en?: string): LocalizedText {
  const m = RECORD_FILE_MESSAGES[code];
  if (m) return { vi: m.vi(params), en: m.en(params) };
  return { vi: `giá trị không hợp lệ ở cột ${params.header ?? ""}`.trim(), en: en ?? `invalid value (${code})` };
}
