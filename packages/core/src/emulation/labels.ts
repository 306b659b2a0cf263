/**
 * Vietnamese and English names of the emulation areas' codes (forms, levels), for every app.
 * @example
 * COMMENDATION_FORMS.bang_khen.vi // "Bằng khen"
 */
export const COMMENDATION_FORMS = {
  bang_khen: { vi: "Bằng khen", en: "Certificate of merit" },
  giay_khen: { vi: "Giấy khen", en: "Letter of commendation" },
  co_thi_dua: { vi: "Cờ thi đua", en: "Emulation flag" },
  danh_hieu: { vi: "Danh hiệu thi đua", en: "Emulation title" },
  other: { vi: "Hình thức khác", en: "Other" },
} as const;

/**
 * Forms of criticism and discipline.
 * @example
 * DISCIPLINE_FORMS.criticism.vi // "Phê bình"
 */
export const DISCIPLINE_FORMS = {
  criticism: { vi: "Phê bình", en: "Criticism" },
  reprimand: { vi: "Khiển trách", en: "Reprimand" },
  warning: { vi: "Cảnh cáo", en: "Warning" },
  dismissal: { vi: "Cách chức", en: "Dismissal" },
  expulsion: { vi: "Khai trừ", en: "Expulsion" },
  other: { vi: "Hình thức khác", en: "Other" },
} as const;

/**
 * Levels of the body that decided.
 * @example
 * DECISION_LEVELS.province.vi // "Cấp tỉnh"
 */
export const DECISION_LEVELS = {
  central: { vi: "Trung ương", en: "Central" },
  province: { vi: "Cấp tỉnh", en: "Province" },
  district: { vi: "Cấp huyện", en: "District" },
  commune: { vi: "Cấp xã", en: "Commune" },
  organisation: { vi: "Cơ quan, tổ chức", en: "Agency or organisation" },
} as const;

/**
 * Kinds of subject.
 * @example
 * EMULATION_SUBJECT_KINDS.person.vi // "Cá nhân"
 */
export const EMULATION_SUBJECT_KINDS = {
  unit: { vi: "Đơn vị hành chính", en: "Unit" },
  organisation: { vi: "Tập thể, tổ chức", en: "Organisation" },
  person: { vi: "Cá nhân", en: "Person" },
} as const;

/**
 * Forms of public consultation.
 * @example
 * CONSULTATION_FORMS.survey.vi // "Khảo sát, phát phiếu"
 */
export const CONSULTATION_FORMS = {
  meeting: { vi: "Họp dân", en: "Public meeting" },
  survey: { vi: "Khảo sát, phát phiếu", en: "Survey" },
  public_posting: { vi: "Niêm yết công khai", en: "Public posting" },
  other: { vi: "Hình thức khác", en: "Other" },
} as const;
