import { z } from "zod";

/** Administrative levels, from the province down to the hamlet (thôn, bản, ấp, khu dân cư). */
export const UnitLevelSchema = z.enum(["province", "district", "commune", "hamlet"]);
export type UnitLevel = z.infer<typeof UnitLevelSchema>;

/** The 7 regions that set commune thresholds in 2021–2025 (QĐ 318/QĐ-TTg). */
export const RegionCodeSchema = z.enum(["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"]);
export type RegionCode = z.infer<typeof RegionCodeSchema>;

/** Region names, Vietnamese and English. */
export const REGIONS: Readonly<Record<RegionCode, { vi: string; en: string }>> = {
  TDMNPB: { vi: "Trung du và miền núi phía Bắc", en: "Northern Midlands and Mountains" },
  DBSH: { vi: "Đồng bằng sông Hồng", en: "Red River Delta" },
  BTB: { vi: "Bắc Trung Bộ", en: "North Central Coast" },
  DHNTB: { vi: "Duyên hải Nam Trung Bộ", en: "South Central Coast" },
  TN: { vi: "Tây Nguyên", en: "Central Highlands" },
  DNB: { vi: "Đông Nam Bộ", en: "Southeast" },
  DBSCL: { vi: "Đồng bằng sông Cửu Long", en: "Mekong River Delta" },
};

/** Commune groups 1–3 that replace regions from 2026 (QĐ 51/2025/QĐ-TTg). */
export const CommuneGroupSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type CommuneGroup = z.infer<typeof CommuneGroupSchema>;

/**
 * Well-known unit flags. `especiallyDifficult` (xã đặc biệt khó khăn) and `safeZone` (xã an toàn khu
 * in a poor district) make a commune use the TDMNPB thresholds.
 */
export const KNOWN_UNIT_FLAGS = ["especiallyDifficult", "safeZone", "merged2025"] as const;

/** An administrative unit: province, district (historical from 1/7/2025), commune or hamlet. */
export const AdminUnitSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  level: UnitLevelSchema,
  parentId: z.string().min(1).optional(),
  region: RegionCodeSchema.optional(),
  communeGroup: CommuneGroupSchema.optional(),
  flags: z.array(z.string().min(1)).optional(),
});
export type AdminUnit = z.infer<typeof AdminUnitSchema>;
