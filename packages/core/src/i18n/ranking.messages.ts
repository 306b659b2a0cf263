import type { Lang } from "../schemas/common.js";
import { formatDate } from "./format.js";
import { type MessageCatalog, fmtValue } from "./messages.js";

/** Names of the classification levels, Vietnamese and English. */
export const CLASSIFICATION_LEVEL_LABELS: Record<string, { vi: string; en: string }> = {
  excellent: { vi: "Hoàn thành xuất sắc nhiệm vụ", en: "Excellent (hoàn thành xuất sắc nhiệm vụ)" },
  good: { vi: "Hoàn thành tốt nhiệm vụ", en: "Good (hoàn thành tốt nhiệm vụ)" },
  completed: { vi: "Hoàn thành nhiệm vụ", en: "Completed (hoàn thành nhiệm vụ)" },
  not_completed: { vi: "Không hoàn thành nhiệm vụ", en: "Not completed (không hoàn thành nhiệm vụ)" },
  /** Not a level: a ranked unit whose scoring inputs are incomplete gets no level (core `rankUnits`). */
  incomplete_data: { vi: "Chưa đủ số liệu để xếp loại", en: "Not classified: incomplete data" },
};

const lvl = (v: unknown, lang: Lang) => CLASSIFICATION_LEVEL_LABELS[String(v)]?.[lang] ?? String(v);
const flag = (p: Record<string, unknown>, lang: Lang) =>
  p.isDefault
    ? lang === "vi"
      ? " (mặc định của phần mềm, không phải quy định)"
      : " (the tool's default, not law)"
    : p.verified === false
      ? lang === "vi"
        ? " (⚠️ chưa kiểm chứng)"
        : " (⚠️ not verified)"
      : "";

const fmtDate = (d: unknown, lang: Lang) => (typeof d === "string" ? formatDate(d, lang) : "—");
const name = (p: Record<string, unknown>, lang: Lang) =>
  (p.label as { vi?: string; en?: string } | undefined)?.[lang] ?? String(p.component);
/** The missing inputs by their components' names ("Chỉ tiêu kế hoạch đạt, …"); the field ids when no names came. */
const missingNames = (p: Record<string, unknown>, lang: Lang) =>
  Array.isArray(p.labels) ? (p.labels as { vi?: string; en?: string }[]).map((x) => x[lang] ?? "").join(", ") : fmtValue(p.fields, lang);
const KEY_LABELS: Record<string, { vi: string; en: string }> = {
  level: { vi: "xếp loại (mức cao hơn trước)", en: "class (higher first)" },
  score: { vi: "tổng điểm (cao hơn trước)", en: "score (higher first)" },
  criteria_met: { vi: "số tiêu chí đạt (nhiều hơn trước)", en: "criteria met (more first)" },
  criteria_lost: { vi: "số tiêu chí không giữ vững (ít hơn trước)", en: "criteria lost (fewer first)" },
  name_vi: { vi: "tên theo thứ tự chữ cái tiếng Việt", en: "name in Vietnamese alphabetical order" },
  name: { vi: "tên theo thứ tự chữ cái tiếng Việt", en: "name in Vietnamese alphabetical order" },
  id: { vi: "mã đơn vị", en: "id" },
};
const SUBJECT_KINDS: Record<string, { vi: string; en: string }> = {
  unit: { vi: "đơn vị hành chính (xã)", en: "units (communes)" },
  organisation: { vi: "tổ chức", en: "organisations" },
  person: { vi: "cá nhân", en: "individuals" },
};
const TASK_STATUS: Record<string, { vi: string; en: string }> = {
  done: { vi: "đã hoàn thành", en: "done" },
  in_progress: { vi: "đang thực hiện, chưa quá hạn (chưa tính hoàn thành)", en: "in progress, not overdue (not counted done)" },
  not_started: { vi: "chưa triển khai, chưa quá hạn (chưa tính hoàn thành)", en: "not started, not overdue (not counted done)" },
  overdue: { vi: "quá hạn", en: "overdue" },
  unreported: {
    vi: "chưa báo cáo tiến độ trên bảng kế hoạch: không tính hoàn thành, không tính đúng hạn",
    en: "no progress reported on the plan board: counted neither done nor on time",
  },
};
const keyLabel = (k: unknown, lang: Lang) => KEY_LABELS[String(k)]?.[lang] ?? String(k);
const CAUSE_LABELS: Record<string, { vi: string; en: string }> = {
  quota: { vi: "vượt tỷ lệ xuất sắc", en: "over the excellent quota" },
  revokedRecognition: { vi: "bị thu hồi công nhận", en: "recognition revoked" },
  discipline124: { vi: "có kỷ luật (124-QĐ/TW)", en: "discipline (124-QĐ/TW)" },
  discipline366: { vi: "có kỷ luật (366-QĐ/TW)", en: "discipline (366-QĐ/TW)" },
  tasksExceeding366: { vi: "dưới 30% nhiệm vụ vượt yêu cầu", en: "under 30% of tasks exceeding" },
  tasksOnTime366: { vi: "chưa 100% nhiệm vụ đúng hạn", en: "not all tasks on time" },
  tasksDone366: { vi: "chưa hoàn thành 100% nhiệm vụ hoặc chậm quá 20%", en: "tasks not all done or over 20% late" },
};
// The same causes under their reason codes (a candidate's `because` lists the codes of the reasons that follow it).
for (const [code, rule] of Object.entries({
  "quota.moved": "quota",
  "cap.revoked_recognition": "revokedRecognition",
  "cap.discipline_124": "discipline124",
  "cap.discipline_366": "discipline366",
  "cap.tasks_exceeding_366": "tasksExceeding366",
  "cap.tasks_on_time_366": "tasksOnTime366",
  "cap.tasks_done_366": "tasksDone366",
}))
  CAUSE_LABELS[code] = CAUSE_LABELS[rule]!;
const causes = (v: unknown, lang: Lang) => (Array.isArray(v) ? v : []).map((c) => CAUSE_LABELS[String(c)]?.[lang] ?? String(c)).join(", ");

/** Messages for the ranking area's reasons (Vietnamese first, English second). */
export const rankingMessages: MessageCatalog = {
  "score.component": {
    vi: (p, l) =>
      `${name(p, l)}: ${fmtValue(p.value, l)} → ${fmtValue(p.points, l)} điểm (tối đa ${fmtValue(p.weight, l)})${p.capped ? ", đã chạm mức trần" : ""}`,
    en: (p, l) =>
      `${name(p, l)}: ${fmtValue(p.value, l)} → ${fmtValue(p.points, l)} points (of ${fmtValue(p.weight, l)})${p.capped ? ", capped" : ""}`,
  },
  "score.value_missing": {
    vi: (p, l) => `${name(p, l)}: chưa có số liệu, tính 0 điểm`,
    en: (p, l) => `${name(p, l)}: no value for "${p.field}", scored 0`,
  },
  "score.denominator_missing": {
    vi: (p, l) => `${name(p, l)}: thiếu hoặc bằng 0 số liệu làm mẫu số để tính tỷ lệ, tính 0 điểm`,
    en: (p, l) => `${name(p, l)}: "${p.field}" is missing or 0, so the ratio scores 0`,
  },
  "ranking.incomplete_data": {
    vi: (p, l) =>
      `Chưa đủ số liệu để xếp loại: thiếu ${p.count} số liệu (${missingNames(p, l)}). Điểm tạm tính ${fmtValue(p.score, l)} chỉ cộng các số liệu đã có, không phải kết quả xếp loại; không đưa vào tỷ lệ xuất sắc, không đề nghị khen thưởng, không đề nghị phê bình vì thiếu số liệu`,
    en: (p, l) =>
      `Not classified, incomplete data: ${p.count} inputs missing (${fmtValue(p.fields, l)}). The provisional ${fmtValue(p.score, l)} points only add up the inputs present and are not a classification; not counted in the excellent quota, not proposed for commendation, not proposed for criticism for missing data`,
  },
  "ranking.incomplete_units": {
    vi: (p) => `${p.count}/${p.total} đơn vị chưa đủ số liệu chấm điểm: chưa xếp loại, xếp cuối danh sách`,
    en: (p) => `${p.count} of ${p.total} units lack scoring inputs: not classified, listed last`,
  },
  "score.scheme_default": {
    vi: (p) =>
      `Thang điểm ${p.schemeId} là thang điểm mặc định của phần mềm, không phải quy định; hãy dùng thang điểm chính thức của địa phương`,
    en: (p) => `Scoring scheme ${p.schemeId} is the tool's default, not law; use your locality's official sheet`,
  },
  "classification.regime": {
    vi: (p, l) => `Năm ${p.year}: xếp loại theo Quy định ${p.regime}${flag(p, l)}`,
    en: (p, l) => `${p.year}: classified under Regulation ${p.regime}${flag(p, l)}`,
  },
  "classification.band": {
    vi: (p, l) =>
      `${fmtValue(p.score, l)} điểm: ${lvl(p.level, l)} theo ${p.regime}${p.isDefault ? " (cách quy đổi điểm mặc định của phần mềm, không phải quy định)" : ""}`,
    en: (p, l) =>
      `${fmtValue(p.score, l)} points: ${lvl(p.level, l)} under ${p.regime}${p.isDefault ? " (the tool's default score mapping, not law)" : ""}`,
  },
  "cap.revoked_recognition": {
    vi: (p, l) =>
      `Bị thu hồi quyết định công nhận trong năm: tối đa "${lvl(p.maxLevel, l)}"${p.isDefault ? " (mặc định của phần mềm)" : ""}`,
    en: (p, l) => `Recognition revoked this year: at most "${lvl(p.maxLevel, l)}"${p.isDefault ? " (the tool's default)" : ""}`,
  },
  "cap.discipline_124": {
    vi: (p, l) =>
      p.selfCorrected
        ? `Có tổ chức hoặc cá nhân trực thuộc bị kỷ luật (đơn vị tự phát hiện, khắc phục): không xếp loại xuất sắc, tối đa "${lvl(p.maxLevel, l)}" (124-QĐ/TW)`
        : `Có tổ chức hoặc cá nhân trực thuộc bị kỷ luật: "${lvl(p.maxLevel, l)}" (124-QĐ/TW)`,
    en: (p, l) =>
      p.selfCorrected
        ? `A subordinate or member was disciplined (found and fixed by the unit): not excellent, at most "${lvl(p.maxLevel, l)}" (124-QĐ/TW)`
        : `A subordinate or member was disciplined: "${lvl(p.maxLevel, l)}" (124-QĐ/TW)`,
  },
  "cap.discipline_366": {
    vi: (p, l) =>
      `Có tổ chức trực thuộc hoặc thành viên lãnh đạo bị kỷ luật: không xếp loại xuất sắc, tối đa "${lvl(p.maxLevel, l)}" (366-QĐ/TW)`,
    en: (p, l) => `A subordinate unit or leadership member was disciplined: not excellent, at most "${lvl(p.maxLevel, l)}" (366-QĐ/TW)`,
  },
  "cap.tasks_unknown": {
    vi: () => `Chưa có số liệu nhiệm vụ (đúng hạn, vượt yêu cầu): chưa kiểm tra được điều kiện xếp loại của 366-QĐ/TW`,
    en: () => `No task counts (on time, exceeding): the 366-QĐ/TW task conditions were not checked`,
  },
  "cap.tasks_exceeding_366": {
    vi: (p, l) => `${p.exceeding}/${p.assigned} nhiệm vụ vượt yêu cầu (dưới 30%): tối đa "${lvl(p.maxLevel, l)}" (366-QĐ/TW)`,
    en: (p, l) => `${p.exceeding}/${p.assigned} tasks exceeded requirements (under 30%): at most "${lvl(p.maxLevel, l)}" (366-QĐ/TW)`,
  },
  "cap.tasks_on_time_366": {
    vi: (p, l) => `${p.onTime}/${p.assigned} nhiệm vụ đúng hạn (chưa 100%): tối đa "${lvl(p.maxLevel, l)}" (366-QĐ/TW)`,
    en: (p, l) => `${p.onTime}/${p.assigned} tasks on time (not 100%): at most "${lvl(p.maxLevel, l)}" (366-QĐ/TW)`,
  },
  "cap.tasks_done_366": {
    vi: (p, l) =>
      `Hoàn thành ${p.done}/${p.assigned} nhiệm vụ, ${p.late} chậm (yêu cầu 100% và chậm không quá 20%): "${lvl(p.maxLevel, l)}" (366-QĐ/TW, ⚠️ chưa kiểm chứng câu chữ)`,
    en: (p, l) =>
      `${p.done}/${p.assigned} tasks done, ${p.late} late (100% done and at most 20% late required): "${lvl(p.maxLevel, l)}" (366-QĐ/TW, ⚠️ exact wording not verified)`,
  },
  "quota.moved": {
    vi: (p) =>
      `Vượt tỷ lệ xuất sắc (không quá ${p.numerator}/${p.denominator} số hoàn thành tốt) trong nhóm "${p.group}": xếp thứ ${p.position}/${p.candidates} đề nghị xuất sắc, chỉ giữ ${p.kept}; chuyển xuống hoàn thành tốt`,
    en: (p) =>
      `Over the excellent quota (at most ${p.numerator}/${p.denominator} of those rated good) in group "${p.group}": position ${p.position} of ${p.candidates} candidates, ${p.kept} kept; moved down to good`,
  },
  "commend.excellent": {
    vi: (p, l) => `Hoàn thành xuất sắc nhiệm vụ (${fmtValue(p.score, l)} điểm), trong tỷ lệ khống chế: đề nghị khen thưởng`,
    en: (p, l) => `Excellent (${fmtValue(p.score, l)} points), within the quota: proposed for commendation`,
  },
  "commend.achievement": {
    vi: (p) => `Có thành tích xuất sắc được ghi nhận: ${p.title}${p.recordId ? ` (${p.recordId})` : ""}: đề nghị biểu dương, khen thưởng`,
    en: (p) => `Recorded outstanding achievement: ${p.title}${p.recordId ? ` (${p.recordId})` : ""}: proposed for commendation`,
  },
  "criticise.finding_overdue": {
    vi: (p, l) =>
      `Kết luận kiểm tra ${p.id}${p.title ? ` (${p.title})` : ""} chưa khắc phục, quá hạn ${fmtDate(p.deadline, l)} (tính đến ${fmtDate(p.asOf, l)})`,
    en: (p, l) =>
      `Inspection finding ${p.id}${p.title ? ` (${p.title})` : ""} unresolved past its deadline ${fmtDate(p.deadline, l)} (as of ${fmtDate(p.asOf, l)})`,
  },
  "classification.final": {
    vi: (p, l) =>
      Array.isArray(p.loweredBy) && p.loweredBy.length
        ? `Xếp loại cuối cùng: ${lvl(p.level, l)} (theo điểm: ${lvl(p.bandLevel, l)}; bị hạ do: ${causes(p.loweredBy, l)})`
        : `Xếp loại cuối cùng: ${lvl(p.level, l)} (theo điểm, không bị hạ)`,
    en: (p, l) =>
      Array.isArray(p.loweredBy) && p.loweredBy.length
        ? `Final class: ${lvl(p.level, l)} (by score: ${lvl(p.bandLevel, l)}; lowered by: ${causes(p.loweredBy, l)})`
        : `Final class: ${lvl(p.level, l)} (by score, not lowered)`,
  },
  "ranking.order": {
    vi: (p, l) =>
      `Thứ tự xếp hạng: ${(Array.isArray(p.keys) ? p.keys : []).map((k) => keyLabel(k, l)).join(", rồi ")}; đơn vị chưa đủ số liệu xếp cuối`,
    en: (p, l) =>
      `Ranking order: ${(Array.isArray(p.keys) ? p.keys : []).map((k) => keyLabel(k, l)).join(", then ")}; units with incomplete data last`,
  },
  "ranking.subject_scheme": {
    vi: (p) =>
      `Đối tượng: ${SUBJECT_KINDS[String(p.kind)]?.vi ?? p.kind}; căn cứ xếp loại: ${p.basis}${p.verified === false ? " (⚠️ lựa chọn của địa phương hoặc mặc định của phần mềm, không phải quy định)" : ""}`,
    en: (p) =>
      `Subjects: ${SUBJECT_KINDS[String(p.kind)]?.en ?? p.kind}; classification basis: ${p.basis}${p.verified === false ? " (⚠️ a local choice or the tool's default, not law)" : ""}`,
  },
  "subject.task": {
    vi: (p) => `Nhiệm vụ ${p.task}: ${TASK_STATUS[String(p.status)]?.vi ?? p.status}`,
    en: (p) => `Task ${p.task}: ${TASK_STATUS[String(p.status)]?.en ?? p.status}`,
  },
  "subject.communes": {
    vi: (p, l) =>
      `Phụ trách ${p.count} xã (${fmtValue(p.names, l)}): đạt ${fmtValue(p.criteriaMet, l)}/${fmtValue(p.criteriaTotal, l)} lượt tiêu chí`,
    en: (p, l) =>
      `Answers for ${p.count} communes (${fmtValue(p.names, l)}): ${fmtValue(p.criteriaMet, l)} of ${fmtValue(p.criteriaTotal, l)} criteria met`,
  },
  "ranking.tie": {
    vi: (p, l) => `Bằng điểm (${fmtValue(p.score, l)}) với ${p.above}: xếp sau theo ${keyLabel(p.key, l)}`,
    en: (p, l) => `Same score (${fmtValue(p.score, l)}) as ${p.above}: placed after it by ${keyLabel(p.key, l)}`,
  },
  "commend.top_n": {
    vi: (p) => `Xếp thứ ${p.rank} trong ${p.topN} đơn vị dẫn đầu: đề nghị khen thưởng`,
    en: (p) => `Ranked ${p.rank} within the top ${p.topN}: proposed for commendation`,
  },
  "criticise.not_completed": {
    vi: (p, l) =>
      p.bandLevel && p.bandLevel !== "not_completed"
        ? `Không hoàn thành nhiệm vụ: ${fmtValue(p.score, l)} điểm đạt mức "${lvl(p.bandLevel, l)}" nhưng bị hạ do ${causes(p.because, l) || "điều kiện xếp loại"}: đề nghị phê bình`
        : `Không hoàn thành nhiệm vụ: ${fmtValue(p.score, l)} điểm, dưới mức "Hoàn thành nhiệm vụ": đề nghị phê bình`,
    en: (p, l) =>
      p.bandLevel && p.bandLevel !== "not_completed"
        ? `Not completed: ${fmtValue(p.score, l)} points reach "${lvl(p.bandLevel, l)}" but it was lowered by ${causes(p.because, l) || "a classification condition"}: proposed for criticism`
        : `Not completed: ${fmtValue(p.score, l)} points, below "completed": proposed for criticism`,
  },
  "criticise.criteria_lost": {
    vi: (p) => `${p.count} tiêu chí không giữ vững trong năm`,
    en: (p) => `${p.count} criteria lost this year`,
  },
  "criticise.revoked": {
    vi: () => `Bị thu hồi quyết định công nhận đạt chuẩn NTM`,
    en: () => `NTM recognition revoked`,
  },
  "criticise.reports_overdue": {
    vi: (p) => `${p.count} báo cáo nộp chậm hạn`,
    en: (p) => `${p.count} reports overdue`,
  },
};
