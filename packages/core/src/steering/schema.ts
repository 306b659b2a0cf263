import { z } from "zod";
import { CalendarDateSchema } from "../ocop/_lib/calendarDate.js";

/**
 * Roles in a steering committee (Ban Chỉ đạo các chương trình mục tiêu quốc gia): trưởng ban, phó
 * trưởng ban, ủy viên thường trực, thành viên. Names, Vietnamese first.
 * @example
 * STEERING_ROLES.deputy_head.vi // "Phó Trưởng ban"
 */
export const STEERING_ROLES = {
  head: { vi: "Trưởng ban", en: "Head" },
  deputy_head: { vi: "Phó Trưởng ban", en: "Deputy head" },
  standing_member: { vi: "Ủy viên thường trực", en: "Standing member" },
  member: { vi: "Thành viên", en: "Member" },
} as const satisfies Record<string, { vi: string; en: string }>;

/**
 * A member's role in the committee (see {@link STEERING_ROLES}).
 * @example
 * SteeringRoleSchema.options // ["head", "deputy_head", "standing_member", "member"]
 */
export const SteeringRoleSchema = z.enum(["head", "deputy_head", "standing_member", "member"]);
export type SteeringRole = z.infer<typeof SteeringRoleSchema>;

/**
 * Field names of a steering member, Vietnamese first, for forms, tables and error lists.
 * @example
 * STEERING_MEMBER_FIELDS.communeUnitIds.vi // "Xã phụ trách"
 */
export const STEERING_MEMBER_FIELDS = {
  fullName: { vi: "Họ và tên", en: "Full name" },
  position: { vi: "Chức vụ", en: "Position" },
  organisation: { vi: "Cơ quan, đơn vị", en: "Organisation" },
  role: { vi: "Vai trò trong Ban Chỉ đạo", en: "Role in the committee" },
  phone: { vi: "Điện thoại", en: "Phone" },
  termStart: { vi: "Bắt đầu nhiệm kỳ", en: "Term starts" },
  termEnd: { vi: "Kết thúc nhiệm kỳ", en: "Term ends" },
  communeUnitIds: { vi: "Xã phụ trách", en: "Communes supported" },
  note: { vi: "Ghi chú", en: "Note" },
  unitId: { vi: "Ban Chỉ đạo của đơn vị", en: "Committee of unit" },
} as const satisfies Record<string, { vi: string; en: string }>;

/**
 * True for a Vietnamese phone number: 0 or +84, then 8–10 digits; spaces, dots and hyphens between
 * digits are ignored (mobile "0912 345 678", landline "0235 3812 345").
 * @example
 * isVietnamesePhone("0912.345.678") // true
 * isVietnamesePhone("12345") // false
 */
export function isVietnamesePhone(text: string): boolean {
  return /^(?:\+84|0)\d{8,10}$/.test(text.replace(/[\s.-]/g, ""));
}

const Text = z.string().trim().min(1);

/**
 * A member of a steering committee and the communes the member is assigned to support (phân công
 * thành viên phụ trách xã, plan II.3). `unitId` is the unit whose committee it is (a district's before
 * 1/7/2025); `communeUnitIds` are communes under it. Shape only: `validateSteeringMember` adds the rules.
 * @example
 * SteeringMemberSchema.safeParse(row).success // shape only; use validateSteeringMember for the rules
 */
export const SteeringMemberSchema = z.object({
  id: z.string().min(1),
  unitId: z.string().min(1),
  fullName: Text,
  /** Chức vụ, e.g. "Phó Bí thư Thường trực Huyện ủy". */
  position: Text,
  /** Cơ quan, đơn vị công tác, e.g. "Huyện ủy", "Phòng Nông nghiệp và PTNT". */
  organisation: Text,
  role: SteeringRoleSchema,
  phone: z
    .string()
    .trim()
    .refine(isVietnamesePhone, {
      message: "not a Vietnamese phone number (0 or +84 then 8–10 digits)",
      params: { code: "steering.phone_invalid" },
    })
    .optional(),
  termStart: CalendarDateSchema,
  termEnd: CalendarDateSchema.optional(),
  /** The communes the member supports (phụ trách), each once. */
  communeUnitIds: z.array(z.string().min(1)),
  note: z.string().trim().min(1).optional(),
});
export type SteeringMember = z.infer<typeof SteeringMemberSchema>;
