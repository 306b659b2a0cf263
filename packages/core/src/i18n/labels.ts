import type { LocalizedText } from "../schemas/common.js";
import type { UnitLevel } from "../schemas/unit.js";
import type { Tier } from "../schemas/pack.js";
import type { PlanTarget } from "../plan/schemas.js";

/** Administrative levels (cấp hành chính), Vietnamese and English. */
export const UNIT_LEVEL_LABELS: Readonly<Record<UnitLevel, LocalizedText>> = {
  province: { vi: "tỉnh", en: "province" },
  district: { vi: "huyện", en: "district" },
  commune: { vi: "xã", en: "commune" },
  hamlet: { vi: "thôn", en: "hamlet" },
};

/** Recognition tiers (hạng): NTM, nâng cao, kiểu mẫu, hiện đại. */
export const TIER_LABELS: Readonly<Record<Tier, LocalizedText>> = {
  standard: { vi: "NTM", en: "NTM (standard)" },
  advanced: { vi: "NTM nâng cao", en: "advanced NTM" },
  model: { vi: "NTM kiểu mẫu", en: "model NTM" },
  modern: { vi: "NTM hiện đại", en: "modern NTM" },
};

/** What a pack's thresholds vary by (phân theo). */
export const VARIANT_BY_LABELS: Readonly<Record<"region" | "communeGroup" | "none", LocalizedText>> = {
  region: { vi: "theo vùng", en: "by region" },
  communeGroup: { vi: "theo nhóm xã", en: "by commune group" },
  none: { vi: "không phân", en: "not varied" },
};

/** The programme targets a plan task drives (the ids of `PlanTargetSchema`). */
export const PLAN_TARGET_LABELS: Readonly<Record<PlanTarget, LocalizedText>> = {
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

/** An evaluation's status (kết quả): đạt, không đạt, chưa xác định (never a failure). */
export const EVALUATION_STATUS_LABELS: Readonly<Record<"met" | "not_met" | "indeterminate", LocalizedText>> = {
  met: { vi: "Đạt", en: "Met" },
  not_met: { vi: "Không đạt", en: "Not met" },
  indeterminate: { vi: "Chưa xác định", en: "Undetermined" },
};

/** Why a result is undetermined (core `undeterminedOf`): its own category, never counted as a failure. */
export const UNDETERMINED_LABELS: Readonly<Record<"missing" | "unknown_threshold", LocalizedText>> = {
  missing: { vi: "Chưa có số liệu", en: "No data yet" },
  unknown_threshold: { vi: "Chưa rõ ngưỡng", en: "Threshold unknown" },
};

/** A unit that reached no tier although its result is determined. */
export const NO_TIER_LABEL: LocalizedText = { vi: "Chưa đạt chuẩn", en: "Below standard" };
