/**
 * Names of the record areas' codes that the files accept besides the codes themselves (the OCOP
 * subject kinds and statuses, inspection kinds, subjects and recommendation statuses), Vietnamese as
 * the web app's forms write them. Private to recordFiles/.
 */
export const OCOP_SUBJECT_KIND_LABELS = {
  cooperative: { vi: "Hợp tác xã", en: "Cooperative" },
  cooperative_group: { vi: "Tổ hợp tác", en: "Cooperative group" },
  enterprise: { vi: "Doanh nghiệp", en: "Enterprise" },
  household: { vi: "Hộ sản xuất", en: "Household" },
  other: { vi: "Khác", en: "Other" },
} as const;

export const OCOP_STATUS_LABELS = {
  rated: { vi: "Đã đánh giá, chưa công nhận", en: "Rated, not recognised" },
  recognised: { vi: "Đã công nhận", en: "Recognised" },
  revoked: { vi: "Đã thu hồi", en: "Revoked" },
} as const;

export const INSPECTION_KIND_LABELS = {
  inspection: { vi: "Kiểm tra", en: "Inspection" },
  supervision: { vi: "Giám sát", en: "Supervision" },
} as const;

export const INSPECTION_SUBJECT_LABELS = {
  unit: { vi: "Đơn vị hành chính", en: "Administrative unit" },
  organisation: { vi: "Tổ chức", en: "Organisation" },
} as const;

export const RECOMMENDATION_STATUS_LABELS = {
  open: { vi: "Chưa thực hiện", en: "Open" },
  in_progress: { vi: "Đang thực hiện", en: "In progress" },
  done: { vi: "Đã thực hiện", en: "Done" },
} as const;
