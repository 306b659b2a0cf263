import type { Lang } from "../schemas/common.js";
import { formatDate } from "./format.js";
import type { MessageCatalog } from "./messages.js";

/** A value as the values file or the server holds it: JSON, or "(không có)" when absent. */
const shown = (v: unknown, l: Lang) => (v === undefined ? (l === "vi" ? "(không có)" : "(absent)") : JSON.stringify(v));
const str = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/**
 * Messages about a unit-year's values file (the JSON `{ values, inputs?, notApplicable? }` written by
 * `ntm values get --json` and read back by `ntm values set`) and the CSV/XLSX file of `ntm values
 * import`: what the file must be, which version it replaces, and what a stale file would overwrite;
 * and any file a command reads (`file.*`).
 * @example
 * formatReason({ code: "values_file.version_invalid", path: ["ifMatch"], params: { input: "abc" } }, "vi")
 * // '"abc" không phải phiên bản (ví dụ 3 hoặc "3")'
 */
export const valuesFileMessages: MessageCatalog = {
  "values_file.unit_required": {
    vi: () => "cần --unit <mã đơn vị>",
    en: () => "required: --unit <unit id>",
  },
  "values_file.year_required": {
    vi: () => "cần --year <năm>",
    en: () => "required: --year <year>",
  },
  "values_file.file_required": {
    vi: () => "cần tệp JSON { values, inputs?, notApplicable? }",
    en: () => "required: a JSON file { values, inputs?, notApplicable? }",
  },
  "values_file.values_missing": {
    vi: () => 'cần đối tượng có "values"',
    en: () => 'expected an object with "values"',
  },
  "values_file.version_invalid": {
    vi: (p) => `"${str(p.input)}" không phải phiên bản (ví dụ 3 hoặc "3")`,
    en: (p) => `"${str(p.input)}" is not a version (such as 3 or "3")`,
  },
  "values_file.version_not_whole": {
    vi: (p) => `cần số nguyên ≥ 0, tệp ghi ${JSON.stringify(p.input)}`,
    en: (p) => `expected a whole number ≥ 0, got ${JSON.stringify(p.input)}`,
  },
  "values_file.etag_invalid": {
    vi: (p) => `"${str(p.input)}" không phải phiên bản dạng ETag`,
    en: (p) => `"${str(p.input)}" is not a version ETag`,
  },
  "values_file.version_required": {
    vi: (p) =>
      `cần phiên bản đang sửa: chạy \`${p.get}\`, sửa tệp đó rồi ghi lại (tệp mang "version"), hoặc thêm --if-match <phiên bản> (0 khi chưa có số liệu)`,
    en: (p) =>
      `the version you are replacing is required: edit the file written by \`${p.get}\` (it carries "version"), or pass --if-match <version> (0 when nothing was entered)`,
  },
  "values_file.stale_version": {
    vi: (p, l) =>
      `bạn sửa phiên bản ${p.version}, máy chủ đang ở phiên bản ${p.current}${p.by ? ` (${p.by}${typeof p.at === "string" ? `, ${formatDate(p.at, l)}` : ""})` : ""}; chưa ghi gì`,
    en: (p, l) =>
      `you edited version ${p.version}, the server has version ${p.current}${p.by ? ` (${p.by}${typeof p.at === "string" ? `, ${formatDate(p.at, l)}` : ""})` : ""}; nothing was written`,
  },
  "values.conflict": {
    vi: (p, l) => `máy chủ: ${shown(p.server, l)} · tệp của bạn: ${shown(p.file, l)}`,
    en: (p, l) => `server: ${shown(p.server, l)} · yours: ${shown(p.file, l)}`,
  },
  "file.csv_or_xlsx": {
    vi: () => "cần tệp .csv hoặc .xlsx",
    en: () => "expected a .csv or .xlsx file",
  },
  "file.not_found": {
    vi: () => "không có tệp này",
    en: () => "no such file",
  },
};
