import {
  DOSSIER_STATE_LABELS,
  type Lang,
  PLAN_TARGET_LABELS,
  RECOGNITION_ACTION_LABELS,
  REGIONS,
  TIER_LABELS,
  UNIT_LEVEL_LABELS,
  VARIANT_BY_LABELS,
} from "@ntm/core";

type Labels = Readonly<Record<string, { vi: string; en: string }>>;

const pick = (labels: Labels, code: string, lang: Lang): string => labels[code]?.[lang] ?? code;

/**
 * The readable name of an administrative level; an unknown code is shown as it is.
 * @example
 * levelText("district", "vi") // "huyện"
 */
export const levelText = (code: string, lang: Lang): string => pick(UNIT_LEVEL_LABELS, code, lang);

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
