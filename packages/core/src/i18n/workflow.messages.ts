import type { Lang } from "../schemas/common.js";
import { type MessageCatalog, fmtValue } from "./messages.js";
import { formatDate, formatMoney } from "./format.js";

type Labels = Record<string, { vi: string; en: string }>;

/** Names of dossier states, Vietnamese and English. */
export const DOSSIER_STATE_LABELS: Labels = {
  draft: { vi: "Đang lập hồ sơ", en: "Draft" },
  self_assessed: { vi: "Đã tự đánh giá", en: "Self-assessed" },
  public_consultation: { vi: "Đang công khai, lấy ý kiến", en: "Public consultation" },
  submitted: { vi: "Đã nộp hồ sơ", en: "Submitted" },
  appraised: { vi: "Đã thẩm tra (cấp huyện)", en: "Appraised (district)" },
  verified: { vi: "Đã thẩm định (hội đồng tỉnh)", en: "Verified (provincial council)" },
  recognised: { vi: "Đã công nhận", en: "Recognised" },
  returned: { vi: "Trả lại để hoàn thiện", en: "Returned for revision" },
  rejected: { vi: "Không công nhận", en: "Rejected" },
  revoked: { vi: "Đã thu hồi công nhận", en: "Recognition revoked" },
};

/** Names of workflow actions, Vietnamese and English. */
export const RECOGNITION_ACTION_LABELS: Labels = {
  self_assess: { vi: "Tự đánh giá", en: "Self-assess" },
  open_consultation: { vi: "Công khai, lấy ý kiến", en: "Open public consultation" },
  submit: { vi: "Nộp hồ sơ", en: "Submit" },
  appraise: { vi: "Thẩm tra", en: "Appraise" },
  verify: { vi: "Thẩm định", en: "Verify" },
  recognise: { vi: "Công nhận", en: "Recognise" },
  return: { vi: "Trả lại hồ sơ", en: "Return for revision" },
  resume: { vi: "Hoàn thiện lại hồ sơ", en: "Resume after revision" },
  reject: { vi: "Không công nhận", en: "Reject" },
  revoke: { vi: "Thu hồi công nhận", en: "Revoke recognition" },
};

/** Names of actor roles, Vietnamese and English. */
export const ACTOR_ROLE_LABELS: Labels = {
  hamlet_officer: { vi: "Cán bộ thôn", en: "Hamlet officer" },
  commune_officer: { vi: "Cán bộ UBND xã", en: "Commune officer" },
  district_officer: { vi: "Cán bộ UBND huyện", en: "District officer" },
  province_officer: { vi: "Cán bộ UBND tỉnh", en: "Province officer" },
};

/** Names of dossier documents, Vietnamese and English. */
export const DOSSIER_DOCUMENT_LABELS: Labels = {
  request_letter: { vi: "Tờ trình đề nghị", en: "Request letter" },
  self_assessment_report: { vi: "Báo cáo tự đánh giá", en: "Self-assessment report" },
  meeting_minutes: { vi: "Biên bản cuộc họp", en: "Meeting minutes" },
  satisfaction_survey_report: { vi: "Báo cáo kết quả lấy ý kiến sự hài lòng", en: "Satisfaction-survey report" },
  appraisal_report: { vi: "Báo cáo thẩm tra", en: "Appraisal report" },
  council_minutes: { vi: "Biên bản họp hội đồng thẩm định", en: "Council minutes" },
  verification_report: { vi: "Báo cáo thẩm định", en: "Verification report" },
  recognition_decision: { vi: "Quyết định công nhận", en: "Recognition decision" },
};

const label = (labels: Labels, key: unknown, lang: Lang) => labels[String(key)]?.[lang] ?? String(key);
const list = (labels: Labels, keys: unknown, lang: Lang) =>
  Array.isArray(keys) ? keys.map((k) => label(labels, k, lang)).join(", ") : "—";
const unverified = (p: Record<string, unknown>, lang: Lang) =>
  p.verified === false
    ? (lang === "vi" ? " (⚠️ chưa kiểm chứng với văn bản gốc" : " (⚠️ not verified against the legal text") +
      (p.isDefault ? (lang === "vi" ? "; giá trị mặc định của phần mềm)" : "; the tool's default)") : ")")
    : "";

/** Messages for the recognition workflow's reasons (Vietnamese first, English second). */
export const workflowMessages: MessageCatalog = {
  "workflow.action_not_allowed_from": {
    vi: (p, l) =>
      `Không thể "${label(RECOGNITION_ACTION_LABELS, p.action, l)}" khi hồ sơ ở trạng thái "${label(DOSSIER_STATE_LABELS, p.state, l)}"`,
    en: (p, l) =>
      `Cannot "${label(RECOGNITION_ACTION_LABELS, p.action, l)}" a dossier in state "${label(DOSSIER_STATE_LABELS, p.state, l)}"`,
  },
  "workflow.role_not_allowed": {
    vi: (p, l) =>
      `${label(ACTOR_ROLE_LABELS, p.role, l)} không có thẩm quyền "${label(RECOGNITION_ACTION_LABELS, p.action, l)}" (được phép: ${list(ACTOR_ROLE_LABELS, p.allowed, l) || "không ai"})`,
    en: (p, l) =>
      `A ${label(ACTOR_ROLE_LABELS, p.role, l)} may not "${label(RECOGNITION_ACTION_LABELS, p.action, l)}" (allowed: ${list(ACTOR_ROLE_LABELS, p.allowed, l) || "nobody"})`,
  },
  "workflow.out_of_scope": {
    vi: (p) => `Đơn vị ${p.actorUnit} không quản lý đơn vị ${p.dossierUnit}`,
    en: (p) => `Unit ${p.actorUnit} does not govern unit ${p.dossierUnit}`,
  },
  "workflow.evaluation_missing": {
    vi: (p) => `Chưa có kết quả đánh giá theo bộ tiêu chí ${p.packId} năm ${p.year}`,
    en: (p) => `No evaluation against pack ${p.packId} for ${p.year}`,
  },
  "workflow.evaluation_mismatch": {
    vi: () => `Kết quả đánh giá không khớp đơn vị, bộ tiêu chí hoặc năm của hồ sơ`,
    en: () => `The evaluation does not match the dossier's unit, pack or year`,
  },
  "workflow.evaluation_met": {
    vi: (p) => `Đạt đủ ${p.criteriaMet}/${p.criteriaTotal} tiêu chí của bộ ${p.packId}`,
    en: (p) => `Meets all ${p.criteriaMet}/${p.criteriaTotal} criteria of ${p.packId}`,
  },
  "workflow.evaluation_not_met": {
    vi: (p, l) =>
      `Chưa đạt chuẩn: đạt ${p.criteriaMet}/${p.criteriaTotal} tiêu chí; chưa đạt: ${fmtValue(p.failing, l) || "—"}${Array.isArray(p.indeterminate) && p.indeterminate.length ? `; chưa xác định: ${fmtValue(p.indeterminate, l)}` : ""}`,
    en: (p, l) =>
      `Standard not met: ${p.criteriaMet}/${p.criteriaTotal} criteria met; failing: ${fmtValue(p.failing, l) || "—"}${Array.isArray(p.indeterminate) && p.indeterminate.length ? `; indeterminate: ${fmtValue(p.indeterminate, l)}` : ""}`,
  },
  "workflow.satisfaction_missing": {
    vi: (p, l) => `Chưa có kết quả lấy ý kiến sự hài lòng của người dân (yêu cầu ≥ ${fmtValue(p.required, l)}%)${unverified(p, l)}`,
    en: (p, l) => `No residents' satisfaction survey yet (required ≥ ${fmtValue(p.required, l)}%)${unverified(p, l)}`,
  },
  "workflow.satisfaction_met": {
    vi: (p, l) => `Tỷ lệ hài lòng ${fmtValue(p.actual, l)}% ≥ ${fmtValue(p.required, l)}%${unverified(p, l)}`,
    en: (p, l) => `Satisfaction ${fmtValue(p.actual, l)}% ≥ ${fmtValue(p.required, l)}%${unverified(p, l)}`,
  },
  "workflow.satisfaction_below": {
    vi: (p, l) => `Tỷ lệ hài lòng ${fmtValue(p.actual, l)}% < ${fmtValue(p.required, l)}%${unverified(p, l)}`,
    en: (p, l) => `Satisfaction ${fmtValue(p.actual, l)}% < ${fmtValue(p.required, l)}%${unverified(p, l)}`,
  },
  "workflow.debt_missing": {
    vi: (p, l) => `Chưa kê khai nợ đọng xây dựng cơ bản${unverified(p, l)}`,
    en: (p, l) => `Capital-construction debt not declared${unverified(p, l)}`,
  },
  "workflow.debt_none": {
    vi: (p, l) => `Không có nợ đọng xây dựng cơ bản${unverified(p, l)}`,
    en: (p, l) => `No capital-construction debt${unverified(p, l)}`,
  },
  "workflow.debt_outstanding": {
    vi: (p, l) => `Còn nợ đọng xây dựng cơ bản ${formatMoney(BigInt(String(p.debt)), l)}${unverified(p, l)}`,
    en: (p, l) => `Outstanding capital-construction debt ${formatMoney(BigInt(String(p.debt)), l)}${unverified(p, l)}`,
  },
  "workflow.documents_missing": {
    vi: (p, l) => `Hồ sơ còn thiếu: ${list(DOSSIER_DOCUMENT_LABELS, p.missing, l)}`,
    en: (p, l) => `Missing documents: ${list(DOSSIER_DOCUMENT_LABELS, p.missing, l)}`,
  },
  "workflow.council_vote_missing": {
    vi: (p, l) => `Chưa có kết quả biểu quyết của hội đồng thẩm định${unverified(p, l)}`,
    en: (p, l) => `No council vote recorded${unverified(p, l)}`,
  },
  "workflow.council_passed": {
    vi: (p, l) =>
      `Hội đồng thẩm định: ${p.for}/${p.members} thành viên tán thành (yêu cầu ${p.strict ? "trên" : "từ"} ${p.numerator}/${p.denominator} tổng số thành viên)${unverified(p, l)}`,
    en: (p, l) =>
      `Council: ${p.for}/${p.members} members voted for (required ${p.strict ? "more than" : "at least"} ${p.numerator}/${p.denominator} of members)${unverified(p, l)}`,
  },
  "workflow.council_failed": {
    vi: (p, l) =>
      `Hội đồng thẩm định: chỉ ${p.for}/${p.members} thành viên tán thành (yêu cầu ${p.strict ? "trên" : "từ"} ${p.numerator}/${p.denominator} tổng số thành viên)${unverified(p, l)}`,
    en: (p, l) =>
      `Council: only ${p.for}/${p.members} members voted for (required ${p.strict ? "more than" : "at least"} ${p.numerator}/${p.denominator} of members)${unverified(p, l)}`,
  },
  "workflow.revocation_rule_not_met": {
    vi: (p, l) => `Chưa đủ điều kiện thu hồi: ${fmtValue(100 * Number(p.share), l)}% tiêu chí không đạt`,
    en: (p, l) => `The revocation rule does not hold: ${fmtValue(100 * Number(p.share), l)}% of criteria fail`,
  },
  "workflow.note_required": {
    vi: (p, l) => `Cần ghi rõ lý do khi "${label(RECOGNITION_ACTION_LABELS, p.action, l)}"`,
    en: (p, l) => `A written reason is required to "${label(RECOGNITION_ACTION_LABELS, p.action, l)}"`,
  },
  "workflow.decision_number_required": {
    vi: (p, l) => `Cần nhập số quyết định khi "${label(RECOGNITION_ACTION_LABELS, p.action, l)}"`,
    en: (p, l) => `A decision number is required to "${label(RECOGNITION_ACTION_LABELS, p.action, l)}"`,
  },
  "workflow.decision_number_too_long": {
    vi: (p) => `Số quyết định dài quá ${String(p.max)} ký tự`,
    en: (p) => `The decision number is longer than ${String(p.max)} characters`,
  },
  "workflow.decision_date_required": {
    vi: (p, l) => `Cần nhập ngày quyết định khi "${label(RECOGNITION_ACTION_LABELS, p.action, l)}"`,
    en: (p, l) => `A decision date is required to "${label(RECOGNITION_ACTION_LABELS, p.action, l)}"`,
  },
  "workflow.decision_date_invalid": {
    vi: (p) => `Ngày quyết định "${String(p.date)}" không phải ngày hợp lệ`,
    en: (p) => `The decision date "${String(p.date)}" is not a valid date`,
  },
  "workflow.decision_date_after_step": {
    vi: (p) => `Ngày quyết định ${formatDate(String(p.date), "vi")} sau ngày thực hiện bước ${formatDate(String(p.stepDate), "vi")}`,
    en: (p) => `The decision date ${formatDate(String(p.date), "en")} is after the step's day ${formatDate(String(p.stepDate), "en")}`,
  },
  "workflow.decision_not_expected": {
    vi: (p, l) => `Bước "${label(RECOGNITION_ACTION_LABELS, p.action, l)}" không ban hành quyết định`,
    en: (p, l) => `The "${label(RECOGNITION_ACTION_LABELS, p.action, l)}" step is not taken by a decision`,
  },
  "workflow.return_target_unknown": {
    vi: () => `Không xác định được bước quay lại cho hồ sơ bị trả lại`,
    en: () => `Cannot tell which step a returned dossier goes back to`,
  },
  "workflow.invalid_time": {
    vi: (p) => `Thời điểm không hợp lệ: ${String(p.at)} (cần dạng ISO có múi giờ)`,
    en: (p) => `Invalid time: ${String(p.at)} (expected an ISO date-time with offset)`,
  },
  "workflow.time_before_last": {
    vi: (p) => `Thời điểm ${String(p.at)} sớm hơn bước trước (${String(p.last)})`,
    en: (p) => `Time ${String(p.at)} is before the previous step (${String(p.last)})`,
  },
};
