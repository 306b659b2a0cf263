import { z } from "zod";
import { CalendarDateSchema } from "./_lib/calendarDate.js";

/**
 * The six OCOP product groups of QĐ 148/QĐ-TTg (24/02/2023) ✅: thực phẩm; đồ uống; dược liệu và sản
 * phẩm từ dược liệu; hàng thủ công mỹ nghệ; sinh vật cảnh; dịch vụ du lịch cộng đồng, du lịch sinh
 * thái và điểm du lịch.
 * @example
 * OCOP_PRODUCT_GROUPS.herbal.vi // "Dược liệu và sản phẩm từ dược liệu"
 */
export const OCOP_PRODUCT_GROUPS = {
  food: { vi: "Thực phẩm", en: "Food" },
  beverage: { vi: "Đồ uống", en: "Beverages" },
  herbal: { vi: "Dược liệu và sản phẩm từ dược liệu", en: "Medicinal herbs and herbal products" },
  handicraft: { vi: "Hàng thủ công mỹ nghệ", en: "Handicrafts and fine arts" },
  ornamental: { vi: "Sinh vật cảnh", en: "Ornamental plants and animals" },
  tourism: {
    vi: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    en: "Community tourism, eco-tourism services and tourist sites",
  },
} as const satisfies Record<string, { vi: string; en: string }>;

/**
 * One of the six OCOP product groups (see {@link OCOP_PRODUCT_GROUPS}).
 * @example
 * OcopProductGroupSchema.parse("tourism") // "tourism"
 */
export const OcopProductGroupSchema = z.enum(["food", "beverage", "herbal", "handicraft", "ornamental", "tourism"]);
export type OcopProductGroup = z.infer<typeof OcopProductGroupSchema>;

/**
 * Kind of the OCOP subject (chủ thể OCOP): hợp tác xã, tổ hợp tác, doanh nghiệp, hộ sản xuất có
 * đăng ký kinh doanh, or other.
 * @example
 * OcopSubjectKindSchema.safeParse("cooperative").success // true
 */
export const OcopSubjectKindSchema = z.enum(["cooperative", "cooperative_group", "enterprise", "household", "other"]);
export type OcopSubjectKind = z.infer<typeof OcopSubjectKindSchema>;

/**
 * Recorded state of a product: `rated` (scored, no recognition certificate), `recognised` (a
 * certificate for 3–5 stars was issued) or `revoked` (the recognition was withdrawn).
 * Validity in time (valid / renewal due / expired) is computed by `ocopStatus`, not stored.
 * @example
 * OcopRecordStatusSchema.options // ["rated", "recognised", "revoked"]
 */
export const OcopRecordStatusSchema = z.enum(["rated", "recognised", "revoked"]);
export type OcopRecordStatus = z.infer<typeof OcopRecordStatusSchema>;

/**
 * Star bands of the OCOP rating. ✅ under QĐ 1048/QĐ-TTg (2019); ⚠️ assumed unchanged in QĐ 148/QĐ-TTg
 * (2023), whose summaries only say "100 điểm, 05 hạng". Hence `verified: false`.
 * @example
 * OCOP_STAR_BANDS.verified // false (bands assumed unchanged from QĐ 1048)
 */
export const OCOP_STAR_BANDS = {
  bands: [
    { stars: 5, minScore: 90 },
    { stars: 4, minScore: 70 },
    { stars: 3, minScore: 50 },
    { stars: 2, minScore: 30 },
    { stars: 1, minScore: 0 },
  ],
  legalBasis: [
    {
      ref: "QĐ 1048/QĐ-TTg",
      date: null,
      title: "Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP, 2019 (bands stated; date not recorded here)",
    },
    { ref: "QĐ 148/QĐ-TTg", date: "2023-02-24", title: "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP (replaces 1048)" },
  ],
  verified: false,
  note: "Bands stated in QĐ 1048/2019; assumed unchanged in QĐ 148/2023 (100 points, 5 classes). Confirm against the text of QĐ 148.",
} as const;

/**
 * Only products rated 3 stars or more are recognised OCOP products (QĐ 148/QĐ-TTg).
 * @example
 * product.stars >= OCOP_MIN_RECOGNISED_STARS // recognised
 */
export const OCOP_MIN_RECOGNISED_STARS = 3;

/**
 * A recognition certificate for 3–5 stars is valid for 36 months, then must be renewed or re-rated ✅
 * (source: doanhnghiepkinhtexanh.vn, "Thủ tục gia hạn chứng nhận sản phẩm OCOP", 24/10/2023, a secondary
 * source on QĐ 148/QĐ-TTg). The end day follows the Civil Code month-period rule (the period ends on the
 * corresponding day of the last month, or that month's last day if it has none) ⚠️ from memory.
 * @example
 * OCOP_CERTIFICATE_VALIDITY.months // 36
 */
export const OCOP_CERTIFICATE_VALIDITY = {
  months: 36,
  legalBasis: [{ ref: "QĐ 148/QĐ-TTg", date: "2023-02-24" }],
  verified: true,
  source: "doanhnghiepkinhtexanh.vn, Thủ tục gia hạn chứng nhận sản phẩm OCOP (24/10/2023)",
  note: "The expiry date is the last valid day (Bộ luật Dân sự 2015, Điều 147–148, ⚠️ reading not confirmed).",
} as const;

/**
 * Default renewal window: a certificate is "renewal due" this many days before it expires. A default, not law.
 * @example
 * ocopStatus(product, asOf, { renewalWindowDays: DEFAULT_OCOP_RENEWAL_WINDOW.days })
 */
export const DEFAULT_OCOP_RENEWAL_WINDOW = {
  days: 90,
  isDefault: true,
  note: "Default chosen by ntm, not a legal deadline; set your province's own window.",
} as const;

/**
 * Default per-commune OCOP target. The plan says "phấn đấu mỗi xã có nhiều sản phẩm OCOP" (each
 * commune has several OCOP products) without a number; 2 ("more than one") is a default, not a target
 * from any decision. Pass your own target.
 * @example
 * countOcopByCommune(products, asOf, { target: DEFAULT_OCOP_COMMUNE_TARGET.products })
 */
export const DEFAULT_OCOP_COMMUNE_TARGET = {
  products: 2,
  isDefault: true,
  note: "The plan gives no number ('nhiều sản phẩm'); 2 is ntm's default reading of 'several'.",
} as const;

/**
 * An OCOP recognition certificate (giấy chứng nhận). `expiresOn` is optional; when given it must match.
 * @example
 * OcopCertificateSchema.parse({ number: "12/QĐ-UBND", date: "2024-05-10" })
 */
export const OcopCertificateSchema = z.object({
  number: z.string().min(1),
  date: CalendarDateSchema,
  expiresOn: CalendarDateSchema.optional(),
});
export type OcopCertificate = z.infer<typeof OcopCertificateSchema>;

/**
 * An OCOP product as recorded by a commune or province (shape only; `validateOcopProduct` adds the rules).
 * @example
 * OcopProductSchema.safeParse(row).success // shape only; use validateOcopProduct for the rules
 */
export const OcopProductSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  subject: z.object({ name: z.string().min(1), kind: OcopSubjectKindSchema }),
  communeUnitId: z.string().min(1),
  group: OcopProductGroupSchema,
  /** Average of the council members' scores, 0–100. */
  score: z.number().min(0).max(100),
  stars: z.number().int().min(1).max(5),
  certificate: OcopCertificateSchema.optional(),
  status: OcopRecordStatusSchema,
});
export type OcopProduct = z.infer<typeof OcopProductSchema>;
