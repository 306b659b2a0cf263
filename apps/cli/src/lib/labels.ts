import { DOSSIER_STATE_LABELS, type Lang, RECOGNITION_ACTION_LABELS, REGIONS } from "@ntm/core";

type Labels = Readonly<Record<string, { vi: string; en: string }>>;

/** Administrative levels (cấp hành chính). */
export const LEVEL_LABELS: Labels = {
  province: { vi: "tỉnh", en: "province" },
  district: { vi: "huyện", en: "district" },
  commune: { vi: "xã", en: "commune" },
  hamlet: { vi: "thôn", en: "hamlet" },
};

/** Recognition tiers (hạng). */
export const TIER_LABELS: Labels = {
  standard: { vi: "NTM", en: "NTM (standard)" },
  advanced: { vi: "NTM nâng cao", en: "advanced NTM" },
  model: { vi: "NTM kiểu mẫu", en: "model NTM" },
  modern: { vi: "NTM hiện đại", en: "modern NTM" },
};

/** What the thresholds of a pack vary by (phân theo). */
export const VARIANT_BY_LABELS: Labels = {
  region: { vi: "theo vùng", en: "by region" },
  communeGroup: { vi: "theo nhóm xã", en: "by commune group" },
  none: { vi: "không phân", en: "not varied" },
};

/** Programme targets a plan task drives (core's PlanTargetSchema ids). */
export const PLAN_TARGET_LABELS: Labels = {
  propaganda: { vi: "tuyên truyền, quán triệt", en: "propaganda and dissemination" },
  inspection_supervision: { vi: "kiểm tra, giám sát, đôn đốc", en: "inspection, supervision and follow-up" },
  annual_evaluation: { vi: "đánh giá, xếp loại hằng năm", en: "annual evaluation and classification" },
  criteria_maintenance: { vi: "duy trì, nâng cao chất lượng tiêu chí", en: "maintaining and raising criteria" },
  planning: { vi: "quy hoạch", en: "planning" },
  programme_integration: { vi: "lồng ghép các chương trình mục tiêu quốc gia", en: "integrating national target programmes" },
  housing_elimination: { vi: "xóa nhà tạm, nhà dột nát", en: "eliminating makeshift and dilapidated housing" },
  steering_member_support: { vi: "thành viên Ban Chỉ đạo phụ trách địa bàn", en: "steering-board members assigned to localities" },
  recognition: { vi: "thẩm tra, thẩm định, xét công nhận", en: "appraisal, verification and recognition" },
  commendation: { vi: "biểu dương, khen thưởng", en: "commendation" },
  criticism: { vi: "phê bình, xử lý", en: "criticism and handling" },
  resource_mobilisation: { vi: "huy động nguồn lực", en: "resource mobilisation" },
  agri_supply_chain: { vi: "cung ứng, kết nối nông sản", en: "agricultural supply and market links" },
  ocop_per_commune: { vi: "sản phẩm OCOP mỗi xã", en: "OCOP products per commune" },
  vocational_training: { vi: "đào tạo nghề lao động nông thôn", en: "vocational training for rural workers" },
  cooperatives: { vi: "kinh tế tập thể, hợp tác xã", en: "collective economy and cooperatives" },
  security_order: { vi: "quốc phòng, an ninh, trật tự", en: "defence, security and public order" },
  supervision: { vi: "giám sát, phản biện xã hội", en: "social supervision and critique" },
};

const pick = (labels: Labels, code: string, lang: Lang): string => labels[code]?.[lang] ?? code;

/**
 * The readable name of an administrative level; an unknown code is shown as it is.
 * @example
 * levelText("district", "vi") // "huyện"
 */
export const levelText = (code: string, lang: Lang): string => pick(LEVEL_LABELS, code, lang);

/**
 * The readable name of a recognition tier.
 * @example
 * tierText("advanced", "vi") // "NTM nâng cao"
 */
export const tierText = (code: string, lang: Lang): string => pick(TIER_LABELS, code, lang);

/**
 * What a pack's thresholds vary by, readable.
 * @example
 * variantByText("communeGroup", "vi") // "theo nhóm xã"
 */
export const variantByText = (code: string, lang: Lang): string => pick(VARIANT_BY_LABELS, code, lang);

/**
 * The readable name of a plan target id.
 * @example
 * planTargetText("inspection_supervision", "vi") // "kiểm tra, giám sát, đôn đốc"
 */
export const planTargetText = (code: string, lang: Lang): string => pick(PLAN_TARGET_LABELS, code, lang);

/**
 * The readable name of a region code (core's REGIONS).
 * @example
 * regionText("DBSH", "vi") // "Đồng bằng sông Hồng"
 */
export const regionText = (code: string, lang: Lang): string => pick(REGIONS as Labels, code, lang);

/**
 * The readable name of a dossier state (core's DOSSIER_STATE_LABELS).
 * @example
 * dossierStateText("submitted", "vi") // "Đã nộp hồ sơ"
 */
export const dossierStateText = (code: string, lang: Lang): string => pick(DOSSIER_STATE_LABELS, code, lang);

/**
 * The readable name of a dossier workflow action (core's RECOGNITION_ACTION_LABELS).
 * @example
 * actionText("submit", "vi") // "Nộp hồ sơ"
 */
export const actionText = (code: string, lang: Lang): string => pick(RECOGNITION_ACTION_LABELS, code, lang);

/**
 * A timestamp for display in Vietnam time: "dd/mm/yyyy hh:mm" in Vietnamese, "yyyy-mm-dd hh:mm" in English.
 * @example
 * showDateTime("2025-03-01T02:30:00.000Z", "vi") // "01/03/2025 09:30"
 */
export function showDateTime(iso: string, lang: Lang): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const vn = new Date(t + 7 * 3600_000).toISOString(); // Vietnam has no daylight saving: UTC+7 all year
  const [y, m, d] = vn.slice(0, 10).split("-");
  const hm = vn.slice(11, 16);
  return lang === "vi" ? `${d}/${m}/${y} ${hm}` : `${y}-${m}-${d} ${hm}`;
}
