/** Shared request/response schemas of the HTTP contract (OpenAPI components). */
import { z } from "@hono/zod-openapi";
import { ROLES } from "../auth/policy.js";

export const RoleSchema = z.enum(ROLES).openapi("Role", {
  description:
    "admin, province_officer, district_officer (historical), commune_officer, inspector, viewer, standing_board (Ban Thường vụ), propaganda_board (Ban Tuyên giáo), front_org (Mặt trận Tổ quốc và các đoàn thể), coordination_office (Văn phòng điều phối NTM); see @ntm/core ACCESS_POLICY",
});

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    scopeUnitId: z.string(),
    active: z.boolean(),
  })
  .openapi("User");

export const UnitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    level: z.enum(["province", "district", "commune", "hamlet"]),
    parentId: z.string().nullable(),
    region: z.string().nullable(),
    communeGroup: z.number().int().nullable(),
    flags: z.array(z.string()),
  })
  .openapi("Unit");

/** A unit as written: its fields, its place among its siblings and its version (the ETag). */
export const UnitRecordSchema = UnitSchema.extend({
  sort: z.number().int(),
  version: z.number().int().openapi({ description: "Tăng sau mỗi lần ghi; cũng là ETag / bumped by every write; also the ETag" }),
  effectiveFrom: z.string().nullable().openapi({ description: "Ngày hiệu lực (yyyy-mm-dd) / the date it took effect in its current form" }),
  endedOn: z
    .string()
    .nullable()
    .openapi({ description: "Ngày kết thúc (huyện từ 1/7/2025) / the date it ended (districts from 1/7/2025)" }),
  mergedFrom: z.array(z.string()).openapi({ description: "Mã các đơn vị đã sáp nhập thành đơn vị này / the units it was merged from" }),
}).openapi("UnitRecord");

export type UnitNode = z.infer<typeof UnitSchema> & { children: UnitNode[] };
export const UnitNodeSchema: z.ZodType<UnitNode> = UnitSchema.extend({
  children: z.array(z.lazy(() => UnitNodeSchema)),
}).openapi("UnitNode");

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: "id", in: "path" }, example: "p-demo" }),
});
export const YearParam = z.coerce.number().int().min(2000).max(2100).openapi({ example: 2024 });

/** A username: 2–50 of a-z 0-9 . _ - (what sign-in and user management accept). */
export const UsernameSchema = z.string().regex(/^[a-z0-9._-]{2,50}$/, "2–50 ký tự a-z 0-9 . _ - / 2–50 characters a-z 0-9 . _ -");
/** A new password: at least 8 characters. */
export const NewPasswordSchema = z.string().min(8, "mật khẩu ít nhất 8 ký tự / at least 8 characters").max(200);
/** A display name. */
export const DisplayNameSchema = z.string().trim().min(1, "tên hiển thị không được để trống / the display name is required").max(200);

/** Unit ids: lowercase letters, digits and single hyphens (`c-01-11`, `p-demo`), at most 64 characters. */
export const UNIT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
