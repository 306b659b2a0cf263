import type { Lang } from "../schemas/common.js";
import { describePeriod, parsePeriod } from "../period/index.js";
import { formatDate } from "./format.js";
import type { MessageCatalog } from "./messages.js";

type P = Record<string, unknown>;

/** Picks one language from a `{vi, en}` value; other values as text. */
const loc = (v: unknown, lang: Lang): string => {
  if (v && typeof v === "object" && lang in v) return String((v as Record<string, unknown>)[lang]);
  return v === null || v === undefined ? "—" : String(v);
};
const date = (v: unknown, lang: Lang) => (typeof v === "string" ? formatDate(v, lang) : "—");
const period = (v: unknown, lang: Lang) => {
  const r = parsePeriod(String(v));
  return r.ok ? describePeriod(r.value, lang) : String(v);
};
/** "Báo cáo …, UBND huyện, 6 tháng đầu năm 2025" */
const head = (p: P, lang: Lang) =>
  `${loc(p.title, lang)} – ${p.assigneeName ? loc(p.assigneeName, lang) : String(p.assignee)}, ${lower(period(p.period, lang), lang)}`;
/** A reporting duty by its title when the reason carries one, else its id. */
const duty = (p: P, lang: Lang) => (p.dutyTitle ? loc(p.dutyTitle, lang) : String(p.duty));
/** Lower-cases the first letter inside a Vietnamese sentence ("Quý III" → "quý III"). */
const lower = (s: string, lang: Lang) => (lang === "vi" ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** Messages for the plan, reporting and calendar areas' reasons (Vietnamese first, English second). */
export const planMessages: MessageCatalog = {
  "report.submitted": {
    vi: (p, l) => `${head(p, l)}: đã nộp ngày ${date(p.submittedOn, l)}, đúng hạn (hạn ${date(p.deadline, l)})`,
    en: (p, l) => `${head(p, l)}: submitted on ${date(p.submittedOn, l)}, on time (deadline ${date(p.deadline, l)})`,
  },
  "report.late": {
    vi: (p, l) =>
      `${head(p, l)}: nộp muộn ngày ${date(p.submittedOn, l)}, chậm ${p.workingDaysLate} ngày làm việc (${p.calendarDaysLate} ngày) so với hạn ${date(p.deadline, l)}`,
    en: (p, l) =>
      `${head(p, l)}: submitted late on ${date(p.submittedOn, l)}, ${p.workingDaysLate} working days (${p.calendarDaysLate} days) after the deadline ${date(p.deadline, l)}`,
  },
  "report.overdue": {
    vi: (p, l) =>
      `${head(p, l)}: chưa nộp, quá hạn ${p.workingDaysLate} ngày làm việc (${p.calendarDaysLate} ngày) tính đến ${date(p.asOf, l)} (hạn ${date(p.deadline, l)})`,
    en: (p, l) =>
      `${head(p, l)}: not submitted, overdue by ${p.workingDaysLate} working days (${p.calendarDaysLate} days) as of ${date(p.asOf, l)} (deadline ${date(p.deadline, l)})`,
  },
  "report.pending": {
    vi: (p, l) => `${head(p, l)}: chưa đến hạn (hạn ${date(p.deadline, l)}, còn ${p.workingDaysLeft} ngày làm việc)`,
    en: (p, l) => `${head(p, l)}: not yet due (deadline ${date(p.deadline, l)}, ${p.workingDaysLeft} working days left)`,
  },
  "report.submission_after_as_of": {
    vi: (p, l) => `Bản nộp ngày ${date(p.submittedOn, l)} sau ngày xét ${date(p.asOf, l)} nên chưa được tính`,
    en: (p, l) => `The submission of ${date(p.submittedOn, l)} is after the as-of date ${date(p.asOf, l)} and is not counted`,
  },
  "report.default_schedule": {
    vi: (p, l) => `Kỳ báo cáo và thời hạn của «${duty(p, l)}» là cấu hình mặc định của phần mềm, không phải quy định của văn bản`,
    en: (p, l) => `The cadence and deadline of “${duty(p, l)}” are the software's default configuration, not the plan's text`,
  },
  "report.default_duty": {
    vi: (p, l) => `Nhiệm vụ báo cáo «${duty(p, l)}» là cấu hình mặc định của phần mềm; văn bản không giao nhiệm vụ báo cáo này`,
    en: (p, l) => `Reporting duty “${duty(p, l)}” is the software's default configuration; the plan's text does not assign it`,
  },
  "report.submission_unmatched": {
    vi: (p, l) =>
      `Báo cáo nộp ngày ${date(p.submittedOn, l)} (nhiệm vụ ${p.duty}, đơn vị ${p.assignee}, kỳ ${lower(period(p.period, l), l)}) không khớp báo cáo nào phải nộp`,
    en: (p, l) =>
      `The report submitted on ${date(p.submittedOn, l)} (duty ${p.duty}, by ${p.assignee}, ${period(p.period, l)}) matches no report due`,
  },
  "plan.duplicate_id": {
    vi: (p) => `Mã "${p.id}" bị trùng (đã có ở mục ${p.first})`,
    en: (p) => `The id "${p.id}" repeats item ${p.first}`,
  },
  "plan.unknown_assignee": {
    vi: (p) => `Không có đơn vị được giao nhiệm vụ mã "${p.id}"`,
    en: (p) => `No assignee "${p.id}"`,
  },
  "plan.unknown_duty": {
    vi: (p) => `Không có nhiệm vụ báo cáo mã "${p.id}"`,
    en: (p) => `No reporting duty "${p.id}"`,
  },
  "plan.duty_deadline_missing": {
    vi: (p) => `Nhiệm vụ báo cáo ${p.duty} chưa có quy tắc thời hạn`,
    en: (p) => `Reporting duty ${p.duty} has no deadline rule`,
  },
  "plan.only_out_of_range": {
    vi: (p) =>
      Number(p.max) === 0
        ? `Nhiệm vụ báo cáo ${p.duty} theo ngày cố định không chọn được kỳ con`
        : `Nhiệm vụ báo cáo ${p.duty}: kỳ ${p.value} không hợp lệ (từ 1 đến ${p.max})`,
    en: (p) =>
      Number(p.max) === 0
        ? `Reporting duty ${p.duty} has a fixed date and no sub-periods to pick`
        : `Reporting duty ${p.duty}: sub-period ${p.value} is out of range (1–${p.max})`,
  },
  "plan.support_not_steering_member": {
    vi: (p) => `Chỉ thành viên Ban Chỉ đạo mới được phân công phụ trách xã; "${p.id}" không phải thành viên Ban Chỉ đạo`,
    en: (p) => `Only a steering committee member supports communes; "${p.id}" is a ${p.kind}`,
  },
  "plan.period_reversed": {
    vi: (p, l) => `Thời gian thực hiện bắt đầu ${date(p.start, l)} sau ngày kết thúc ${date(p.end, l)}`,
    en: (p, l) => `The period starts ${date(p.start, l)} after it ends ${date(p.end, l)}`,
  },
  "plan.unknown_criterion": {
    vi: (p) => `Bộ tiêu chí không có tiêu chí ${p.id}`,
    en: (p) => `The criteria pack has no criterion ${p.id}`,
  },
  "plan.unknown_indicator": {
    vi: (p) => `Bộ tiêu chí không có chỉ tiêu ${p.id}`,
    en: (p) => `The criteria pack has no indicator ${p.id}`,
  },
  "plan.implements_without_parent": {
    vi: (p) => `Nhiệm vụ ${p.code} ghi thực hiện nhiệm vụ của kế hoạch cấp trên nhưng kế hoạch chưa gắn với kế hoạch cấp trên`,
    en: (p) => `Task ${p.code} implements parent tasks but the plan has no parent plan`,
  },
  "plan.unknown_parent_task": {
    vi: (p) => `Kế hoạch cấp trên không có nhiệm vụ ${p.id}`,
    en: (p) => `The parent plan has no task ${p.id}`,
  },
  "plan.unknown_parent_assignee": {
    vi: (p) => `Kế hoạch cấp trên không giao nhiệm vụ cho đơn vị mã "${p.id}"`,
    en: (p) => `The parent plan has no assignee "${p.id}"`,
  },
  "plan.unknown_template": {
    vi: (p) => `Không có mẫu kế hoạch "${p.id}" (có: ${p.known})`,
    en: (p) => `No plan template "${p.id}" (known: ${p.known})`,
  },
  "plan.period_end_required": {
    vi: () => `Cần ngày kết thúc thời gian thực hiện kế hoạch`,
    en: () => `The plan needs the end date of its period`,
  },
  "plan.sheet_missing": {
    vi: (p) => `Tệp thiếu trang "${p.sheet}"`,
    en: (p) => `The workbook has no sheet "${p.sheet}"`,
  },
  "plan.column_missing": {
    vi: (p) => `Trang "${p.sheet}" thiếu cột [${p.column}]`,
    en: (p) => `Sheet "${p.sheet}" has no column [${p.column}]`,
  },
  "plan.cell_unreadable": {
    vi: (p) => `Trang "${p.sheet}", dòng ${p.row}, cột ${p.column}: không đọc được giá trị`,
    en: (p) => `Sheet "${p.sheet}", row ${p.row}, column ${p.column}: unreadable value`,
  },
  "proposal.already_decided": {
    vi: (p) => `Đề xuất đã được ${p.status === "accepted" ? "chấp nhận" : "từ chối"}, không quyết định lại được`,
    en: (p) => `The proposal is already ${p.status}; it cannot be decided again`,
  },
  "proposal.reason_required": {
    vi: () => `Cần nêu lý do khi chấp nhận hoặc từ chối đề xuất`,
    en: () => `A decision on a proposal needs a reason`,
  },
  "proposal.stale": {
    vi: (p) =>
      `Kế hoạch đã được sửa ở ${Array.isArray(p.fields) ? p.fields.join(", ") : String(p.fields)} sau khi đề xuất; cần đề xuất lại trên phiên bản mới`,
    en: (p) =>
      `The plan changed in ${Array.isArray(p.fields) ? p.fields.join(", ") : String(p.fields)} since the proposal; propose again on the current version`,
  },
  "lunar.invalid": {
    vi: (p) => `${p.day}/${p.month}/${p.year} không phải ngày âm lịch hợp lệ`,
    en: (p) => `${p.day}/${p.month}/${p.year} is not a lunar date`,
  },
  "lunar.no_such_leap_month": {
    vi: (p) => `Năm âm lịch ${p.year} không có tháng ${p.month} nhuận`,
    en: (p) => `Lunar year ${p.year} has no leap month ${p.month}`,
  },
  "lunar.no_such_day": {
    vi: (p) => `Tháng ${p.month}${p.leap ? " nhuận" : ""} năm âm lịch ${p.year} không có ngày ${p.day}`,
    en: (p) => `Lunar month ${p.month}${p.leap ? " (leap)" : ""} of ${p.year} has no day ${p.day}`,
  },
  "calendar.invalid_date": {
    vi: (p) => `"${p.date}" không phải ngày hợp lệ (yyyy-mm-dd)`,
    en: (p) => `"${p.date}" is not a calendar date (yyyy-mm-dd)`,
  },
  "calendar.conflicting_entry": {
    vi: (p, l) => `Ngày ${date(p.date, l)} vừa là ngày nghỉ thêm vừa là ngày làm bù`,
    en: (p, l) => `${date(p.date, l)} is both an extra day off and a make-up working day`,
  },
};
