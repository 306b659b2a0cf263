import type { MessageCatalog } from "./messages.js";

/**
 * Messages of the sheet files' row issues (a plan's task progress, a district's scoring inputs),
 * Vietnamese first, English second; the scoring checks' own codes are in the scoring catalog.
 * @example
 * formatReason({ code: "task_progress.unknown_task", path: [], params: { code: "III.9" } }, "vi")
 * // 'kế hoạch không có nhiệm vụ mã "III.9"'
 */
export const sheetFileMessages: MessageCatalog = {
  "task_progress.unknown_task": {
    vi: (p) => `kế hoạch không có nhiệm vụ mã "${p.code}"`,
    en: (p) => `the plan has no task coded "${p.code}"`,
  },
  "task_progress.duplicate_task": {
    vi: (p) => `nhiệm vụ "${p.code}" đã có ở dòng ${p.firstRow}`,
    en: (p) => `task "${p.code}" is already on row ${p.firstRow}`,
  },
  "task_progress.percent_out_of_range": {
    vi: (p) => `tỷ lệ hoàn thành ${p.input}% phải từ 0 đến 100`,
    en: (p) => `the share done ${p.input}% must be between 0 and 100`,
  },
  "task_progress.done_not_full": {
    vi: (p) => `nhiệm vụ đã hoàn thành thì tỷ lệ là 100%, không phải ${p.input}%`,
    en: (p) => `a done task is 100% done, not ${p.input}%`,
  },
  "task_progress.too_long": {
    vi: (p) => `${p.header} dài quá ${p.max} ký tự`,
    en: (p) => `"${p.header}" is longer than ${p.max} characters`,
  },
  "scoring_file.unknown_commune": {
    vi: (p) => `huyện không có xã mã "${p.unitId}"`,
    en: (p) => `the district has no commune coded "${p.unitId}"`,
  },
  "scoring_file.duplicate_commune": {
    vi: (p) => `xã "${p.unitId}" đã có ở dòng ${p.firstRow}`,
    en: (p) => `commune "${p.unitId}" is already on row ${p.firstRow}`,
  },
  "scoring_file.year_mismatch": {
    vi: (p) => `năm ${p.year} khác năm đang nhập ${p.expected}`,
    en: (p) => `year ${p.year} is not the year being imported, ${p.expected}`,
  },
};
