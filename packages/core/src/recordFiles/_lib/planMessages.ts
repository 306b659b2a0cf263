/**
 * The wording of the sheet files' row issues (task progress, scoring inputs), Vietnamese and English,
 * merged into `RECORD_FILE_MESSAGES`; the scoring checks' own codes worded by the scoring catalog.
 * Private to recordFiles/.
 */
import { scoringMessages } from "../../i18n/scoring.messages.js";

type Params = Record<string, unknown>;
type Wording = { vi: (p: Params) => string; en: (p: Params) => string };

const scoring = (code: string): Wording => ({
  vi: (p) => scoringMessages[code]!.vi(p, "vi"),
  en: (p) => scoringMessages[code]!.en(p, "en"),
});

/** Every sheet-file issue code with its wording. */
export const PLAN_FILE_MESSAGES: Readonly<Record<string, Wording>> = {
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
  "scoring_inputs.exceeds": scoring("scoring_inputs.exceeds"),
  "scoring_inputs.evidence_without_value": scoring("scoring_inputs.evidence_without_value"),
  "scoring_inputs.evidence_too_long": scoring("scoring_inputs.evidence_too_long"),
};
