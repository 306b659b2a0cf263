import { z } from "zod";
import { CalendarDateSchema } from "../ocop/_lib/calendarDate.js";

/**
 * Status of a house in the programme to remove temporary and dilapidated houses (xóa nhà tạm, nhà dột nát).
 * @example
 * HouseStatusSchema.parse("dilapidated") // "dilapidated"
 */
export const HouseStatusSchema = z.enum(["temporary", "dilapidated", "under_construction", "completed"]);
export type HouseStatus = z.infer<typeof HouseStatusSchema>;

/**
 * House status names, Vietnamese and English.
 * @example
 * HOUSE_STATUSES.temporary.vi // "Nhà tạm"
 */
export const HOUSE_STATUSES = {
  temporary: { vi: "Nhà tạm", en: "Temporary house" },
  dilapidated: { vi: "Nhà dột nát", en: "Dilapidated house" },
  under_construction: { vi: "Đang xây dựng, sửa chữa", en: "Under construction or repair" },
  completed: { vi: "Đã hoàn thành", en: "Completed" },
} as const satisfies Record<HouseStatus, { vi: string; en: string }>;

/**
 * A house as validated: support in whole đồng (bigint, 0 when none yet).
 * @example
 * HouseSchema.parse({ id: "h1", communeUnitId: "x1", status: "temporary", supportAmount: 0n })
 */
export const HouseSchema = z.object({
  id: z.string().min(1),
  communeUnitId: z.string().min(1),
  hamletUnitId: z.string().min(1).optional(),
  /** Head of household (chủ hộ). */
  household: z.string().min(1).optional(),
  status: HouseStatusSchema,
  /** Support received or committed, whole đồng. */
  supportAmount: z.bigint().nonnegative(),
  completedOn: CalendarDateSchema.optional(),
});
export type House = z.infer<typeof HouseSchema>;

/**
 * A house as it arrives: `supportAmount` as "60.000.000", an integer or a bigint (default 0).
 * @example
 * HouseInputSchema.parse({ id: "h1", communeUnitId: "x1", status: "temporary", supportAmount: "60.000.000" }) // then validateHouse
 */
export const HouseInputSchema = HouseSchema.extend({
  supportAmount: z.union([z.string(), z.number(), z.bigint()]).optional(),
});
export type HouseInput = z.infer<typeof HouseInputSchema>;
