import type { Lang, LocalizedText } from "../../schemas/common.js";

/** What an audit entry is about (`entity_type`), Vietnamese first. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, LocalizedText>> = {
  indicator_values: { vi: "Số liệu chỉ tiêu", en: "Indicator values" },
  unit: { vi: "Đơn vị", en: "Unit" },
  plan: { vi: "Kế hoạch", en: "Plan" },
  task: { vi: "Nhiệm vụ", en: "Task" },
  dossier: { vi: "Hồ sơ công nhận", en: "Recognition dossier" },
  user: { vi: "Người dùng", en: "User" },
  api_token: { vi: "Mã truy cập", en: "Access token" },
  report_narrative: { vi: "Nhận định báo cáo", en: "Report narrative" },
  scoring_scheme: { vi: "Thang điểm", en: "Scoring scheme" },
  scoring_inputs: { vi: "Số liệu chấm điểm", en: "Scoring inputs" },
  pack: { vi: "Bộ tiêu chí", en: "Criteria pack" },
  pack_adoption: { vi: "Áp dụng bộ tiêu chí", en: "Pack adoption" },
  emulation_movement: { vi: "Phong trào thi đua", en: "Emulation movement" },
  commendation: { vi: "Khen thưởng", en: "Commendation" },
  discipline: { vi: "Phê bình, kỷ luật", en: "Discipline" },
  publication: { vi: "Công bố kết quả", en: "Publication" },
  steering_member: { vi: "Thành viên Ban Chỉ đạo", en: "Steering committee member" },
  ocop_product: { vi: "Sản phẩm OCOP", en: "OCOP product" },
  contribution: { vi: "Khoản huy động nguồn lực", en: "Resource contribution" },
  house: { vi: "Hồ sơ nhà ở", en: "Housing record" },
  inspection: { vi: "Biên bản kiểm tra, giám sát", en: "Inspection record" },
  consultation: { vi: "Lấy ý kiến nhân dân", en: "Public consultation" },
  database: { vi: "Cơ sở dữ liệu", en: "Database" },
  dossier_attachment: { vi: "Tài liệu hồ sơ", en: "Dossier document" },
  plan_proposal: { vi: "Đề xuất sửa kế hoạch", en: "Plan proposal" },
  report_submission: { vi: "Báo cáo đã nộp", en: "Submitted report" },
  units: { vi: "Danh mục đơn vị", en: "Unit list" },
  values_lock: { vi: "Khóa số liệu", en: "Values lock" },
};

/** Records written by the generic record routes (create, update, delete, import from a file). */
const RECORD_ENTITIES = [
  "ocop_product",
  "contribution",
  "house",
  "inspection",
  "consultation",
  "emulation_movement",
  "commendation",
  "discipline",
  "steering_member",
] as const;

const lower = (t: LocalizedText): LocalizedText => ({ vi: t.vi.charAt(0).toLowerCase() + t.vi.slice(1), en: t.en.toLowerCase() });
const recordVerbs = (e: (typeof RECORD_ENTITIES)[number]): [string, LocalizedText][] => {
  const n = lower(AUDIT_ENTITY_LABELS[e]!);
  return [
    [`${e}.create`, { vi: `Thêm ${n.vi}`, en: `Add ${n.en}` }],
    [`${e}.update`, { vi: `Sửa ${n.vi}`, en: `Edit ${n.en}` }],
    [`${e}.delete`, { vi: `Xóa ${n.vi}`, en: `Delete ${n.en}` }],
    [`${e}.import`, { vi: `Nhập ${n.vi} từ tệp`, en: `Import ${n.en} rows` }],
    [`${e}.import_file`, { vi: `Nhập tệp ${n.vi}`, en: `Import a ${n.en} file` }],
  ];
};

const DOSSIER_STEPS: Readonly<Record<string, LocalizedText>> = {
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

/**
 * Every action the API stores in the audit log (`audit_log.action`), with its Vietnamese and English
 * name: the audit page and any export show these, never the code.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, LocalizedText>> = {
  "values.update": { vi: "Sửa số liệu", en: "Edit values" },
  "values.import": { vi: "Nhập số liệu hàng loạt", en: "Bulk import of values" },
  "values.lock": { vi: "Khóa số liệu", en: "Lock values" },
  "values.unlock": { vi: "Mở khóa số liệu", en: "Unlock values" },
  "pack.upload": { vi: "Tải lên bộ tiêu chí", en: "Upload a criteria pack" },
  "pack.delete": { vi: "Xóa bộ tiêu chí", en: "Delete a criteria pack" },
  "pack.adopt": { vi: "Áp dụng bộ tiêu chí", en: "Adopt a criteria pack" },
  "pack.adoption_update": { vi: "Sửa việc áp dụng bộ tiêu chí", en: "Edit a pack adoption" },
  "pack.adoption_delete": { vi: "Bỏ áp dụng bộ tiêu chí", en: "Remove a pack adoption" },
  "dossier.create": { vi: "Tạo hồ sơ công nhận", en: "Create a dossier" },
  "dossier.update": { vi: "Sửa hồ sơ", en: "Edit a dossier" },
  "dossier.attach": { vi: "Đính kèm tài liệu hồ sơ", en: "Attach a dossier document" },
  "dossier.transition": { vi: "Chuyển bước hồ sơ", en: "Dossier step" },
  ...Object.fromEntries(
    Object.entries(DOSSIER_STEPS).map(([k, v]) => [
      `dossier.${k}`,
      { vi: `Hồ sơ: ${v.vi.toLowerCase()}`, en: `Dossier: ${v.en.toLowerCase()}` },
    ]),
  ),
  "plan.create": { vi: "Tạo kế hoạch", en: "Create a plan" },
  "plan.import": { vi: "Nhập kế hoạch từ tệp", en: "Import a plan" },
  "plan.update": { vi: "Sửa kế hoạch", en: "Edit a plan" },
  "plan.proposal": { vi: "Đề xuất sửa kế hoạch", en: "Propose a plan change" },
  "plan.proposal_accepted": { vi: "Chấp thuận đề xuất sửa kế hoạch", en: "Accept a plan proposal" },
  "plan.proposal_refused": { vi: "Không chấp thuận đề xuất sửa kế hoạch", en: "Refuse a plan proposal" },
  "plan.proposal_applied": { vi: "Áp dụng đề xuất vào kế hoạch", en: "Apply a plan proposal" },
  "task.progress": { vi: "Cập nhật tiến độ nhiệm vụ", en: "Update task progress" },
  "report.submit": { vi: "Nộp báo cáo", en: "Submit a report" },
  "report_narrative.create": { vi: "Viết nhận định báo cáo", en: "Write a report narrative" },
  "report_narrative.update": { vi: "Sửa nhận định báo cáo", en: "Edit a report narrative" },
  "results.publish": { vi: "Công bố kết quả", en: "Publish results" },
  "results.withdraw": { vi: "Rút công bố kết quả", en: "Withdraw published results" },
  "scoring_scheme.put": { vi: "Đặt thang điểm", en: "Set the scoring scheme" },
  "scoring_scheme.organisation.put": { vi: "Đặt thang điểm tập thể", en: "Set the organisation scoring scheme" },
  "scoring_scheme.person.put": { vi: "Đặt thang điểm cá nhân", en: "Set the person scoring scheme" },
  "scoring_inputs.put": { vi: "Nhập số liệu chấm điểm", en: "Enter scoring inputs" },
  "unit.create": { vi: "Thêm đơn vị", en: "Add a unit" },
  "unit.update": { vi: "Sửa đơn vị", en: "Edit a unit" },
  "unit.move": { vi: "Chuyển đơn vị sang cấp trên khác", en: "Move a unit" },
  "unit.delete": { vi: "Xóa đơn vị", en: "Delete a unit" },
  "unit.import.create": { vi: "Thêm đơn vị từ tệp", en: "Add a unit from a file" },
  "unit.import.update": { vi: "Sửa đơn vị từ tệp", en: "Edit a unit from a file" },
  "units.import": { vi: "Nhập danh mục đơn vị", en: "Import the unit list" },
  "user.create": { vi: "Thêm người dùng", en: "Add a user" },
  "user.update": { vi: "Sửa người dùng", en: "Edit a user" },
  "user.deactivate": { vi: "Khóa tài khoản", en: "Deactivate a user" },
  "user.password": { vi: "Đổi mật khẩu", en: "Change password" },
  "user.reset_password": { vi: "Đặt lại mật khẩu", en: "Reset a password" },
  "token.create": { vi: "Tạo mã truy cập", en: "Create an access token" },
  "token.revoke": { vi: "Thu hồi mã truy cập", en: "Revoke an access token" },
  "setup.first_admin": { vi: "Tạo quản trị viên đầu tiên", en: "Create the first administrator" },
  "seed.demo": { vi: "Nạp dữ liệu mẫu", en: "Load demo data" },
  ...Object.fromEntries(RECORD_ENTITIES.flatMap(recordVerbs)),
};

/**
 * The name of an audit action in `lang`; an action this list does not know is shown as "Thao tác khác
 * (code)", never raw, so a new action is visible but marked.
 * @example
 * auditActionLabel("ocop_product.create", "vi") // "Thêm sản phẩm OCOP"
 * auditActionLabel("x.y", "vi") // "Thao tác khác (x.y)"
 */
export function auditActionLabel(action: string, lang: Lang = "vi"): string {
  const label = AUDIT_ACTION_LABELS[action];
  if (label) return label[lang];
  return lang === "vi" ? `Thao tác khác (${action})` : `Other action (${action})`;
}

/**
 * The name of what an audit entry is about, in `lang`; unknown types as "Đối tượng khác (type)".
 * @example
 * auditEntityLabel("house", "vi") // "Hồ sơ nhà ở"
 */
export function auditEntityLabel(entityType: string, lang: Lang = "vi"): string {
  const label = AUDIT_ENTITY_LABELS[entityType];
  if (label) return label[lang];
  return lang === "vi" ? `Đối tượng khác (${entityType})` : `Other (${entityType})`;
}
