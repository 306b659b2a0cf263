/**
 * The request bodies of unit writes (POST and PATCH /v1/units), each field validated against
 * @ntm/core's unit enums.
 */
import { z } from "@hono/zod-openapi";
import { CommuneGroupSchema, KNOWN_UNIT_FLAGS, RegionCodeSchema, UnitLevelSchema } from "@ntm/core";
import { UNIT_ID_PATTERN } from "./schemas.js";

const UnitIdSchema = z
  .string()
  .max(64, "mã đơn vị tối đa 64 ký tự / a unit id has at most 64 characters")
  .regex(
    UNIT_ID_PATTERN,
    "mã đơn vị chỉ gồm chữ thường, chữ số và dấu gạch nối, ví dụ c-01-11 / a unit id has lowercase letters, digits and hyphens only, e.g. c-01-11",
  )
  .openapi({ example: "c-01-11" });

/** The fields a write may set; each is validated against @ntm/core's unit enums. */
const unitFields = {
  name: z.string().trim().min(1, "tên không được để trống / the name is required").max(200),
  parentId: z.string().min(1).nullable().openapi({ description: "Đơn vị cấp trên; null cho tỉnh / the parent unit; null for a province" }),
  region: RegionCodeSchema.nullable().openapi({ description: "Vùng (QĐ 318/QĐ-TTg) / region code" }),
  communeGroup: CommuneGroupSchema.nullable().openapi({
    description: "Nhóm xã 1–3 (QĐ 51/2025/QĐ-TTg), chỉ cho xã / commune group 1–3, communes only",
  }),
  flags: z.array(z.enum(KNOWN_UNIT_FLAGS)).openapi({ description: `Đặc điểm đơn vị / unit flags: ${KNOWN_UNIT_FLAGS.join(", ")}` }),
  sort: z.number().int().min(0).max(1_000_000).openapi({ description: "Thứ tự giữa các đơn vị cùng cấp / position among siblings" }),
};

/** The body of POST /v1/units. */
export const NewUnitSchema = z
  .object({
    id: UnitIdSchema,
    level: UnitLevelSchema,
    name: unitFields.name,
    parentId: unitFields.parentId.optional(),
    region: unitFields.region.optional().openapi({ description: "Bỏ trống: lấy vùng của đơn vị cấp trên / omitted: the parent's region" }),
    communeGroup: unitFields.communeGroup.optional(),
    flags: unitFields.flags.optional(),
    sort: unitFields.sort.optional().openapi({ description: "Bỏ trống: sau đơn vị cùng cấp cuối cùng / omitted: after the last sibling" }),
  })
  .strict()
  .openapi("NewUnit");
export type NewUnit = z.infer<typeof NewUnitSchema>;

/** The body of PATCH /v1/units/{id}: only the fields to change; `level` and `id` cannot change. */
export const UnitPatchSchema = z.object(unitFields).partial().strict().openapi("UnitPatch", {
  description:
    "Đổi tên, vùng, nhóm xã, đặc điểm, thứ tự hoặc chuyển sang đơn vị cấp trên khác (cấp không đổi được) / rename, set region, commune group, flags or sort, or move under another parent (the level cannot change)",
});
export type UnitPatch = z.infer<typeof UnitPatchSchema>;
