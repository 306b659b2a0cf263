/**
 * The wording of record-file row issues, Vietnamese and English: the reader's own codes here; the codes
 * the areas' validators raise (OCOP, amounts, periods, housing, inspections) are worded once, in core's
 * message catalog (`i18n/ocop.messages.ts`), and read from there. Private to recordFiles/.
 */
import { MESSAGES } from "../../i18n/formatReason.js";
import type { LocalizedText } from "../../schemas/common.js";

type Params = Record<string, unknown>;
type Wording = { vi: (p: Params) => string; en: (p: Params) => string };

const list = (v: unknown) => (Array.isArray(v) ? v.join("; ") : "");

/** The record-file reader's own issue codes with their wording (the areas' codes: core's catalog). */
export const RECORD_FILE_MESSAGES: Readonly<Record<string, Wording>> = {
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
  "amount.too_large": { vi: () => "số lượng vượt giới hạn lưu trữ", en: () => "the amount is larger than the store's limit" },
};

/**
 * The wording of an issue: the reader's own codes, then the catalog's; an unknown code (a shape check of the validator) reads "giá trị không hợp lệ"
 * with the validator's own English message.
 * @example
 * issueMessage("record_file.required", { header: "Tên sản phẩm" }).vi // "thiếu Tên sản phẩm"
 */
export function issueMessage(code: string, params: Params, en?: string): LocalizedText {
  const m = RECORD_FILE_MESSAGES[code];
  if (m) return { vi: m.vi(params), en: m.en(params) };
  const c = MESSAGES[code];
  if (c) return { vi: c.vi(params, "vi"), en: c.en(params, "en") };
  return { vi: `giá trị không hợp lệ ở cột ${params.header ?? ""}`.trim(), en: en ?? `invalid value (${code})` };
}
