import { z } from "zod";
import type { Period } from "../period/index.js";
import { PeriodStringSchema } from "../period/index.js";

/**
 * Sources of resources mobilised for NTM (huy động nguồn lực). Nine are money in whole đồng; land
 * donated (m²) and labour (ngày công) are quantities, never added to money.
 * @example
 * RESOURCE_SOURCES.people_cash.vi // "Nhân dân đóng góp (tiền)"
 */
export const RESOURCE_SOURCES = {
  central_budget: { vi: "Ngân sách trung ương", en: "Central budget", measure: "dong" },
  provincial_budget: { vi: "Ngân sách tỉnh", en: "Provincial budget", measure: "dong" },
  district_budget: { vi: "Ngân sách huyện", en: "District budget", measure: "dong" },
  commune_budget: { vi: "Ngân sách xã", en: "Commune budget", measure: "dong" },
  integrated_programmes: { vi: "Lồng ghép các chương trình, dự án", en: "Integrated programmes and projects", measure: "dong" },
  credit: { vi: "Vốn tín dụng", en: "Credit", measure: "dong" },
  enterprises: { vi: "Doanh nghiệp, hợp tác xã", en: "Enterprises and cooperatives", measure: "dong" },
  people_cash: { vi: "Nhân dân đóng góp (tiền)", en: "People's contributions (cash)", measure: "dong" },
  other: { vi: "Nguồn khác", en: "Other sources", measure: "dong" },
  land_donated_m2: { vi: "Đất hiến (m²)", en: "Land donated (m²)", measure: "m2" },
  labour_days: { vi: "Ngày công lao động", en: "Labour days", measure: "days" },
} as const satisfies Record<string, { vi: string; en: string; measure: "dong" | "m2" | "days" }>;

/**
 * A resource source code (see {@link RESOURCE_SOURCES}).
 * @example
 * ResourceSourceSchema.parse("credit") // "credit"
 */
export const ResourceSourceSchema = z.enum([
  "central_budget",
  "provincial_budget",
  "district_budget",
  "commune_budget",
  "integrated_programmes",
  "credit",
  "enterprises",
  "people_cash",
  "other",
  "land_donated_m2",
  "labour_days",
]);
export type ResourceSource = z.infer<typeof ResourceSourceSchema>;

/**
 * The money sources, in report order (every source but land and labour).
 * @example
 * MONEY_SOURCES.includes("labour_days") // false
 */
export const MONEY_SOURCES = ResourceSourceSchema.options.filter((s) => RESOURCE_SOURCES[s].measure === "dong") as Exclude<
  ResourceSource,
  "land_donated_m2" | "labour_days"
>[];
export type MoneySource = (typeof MONEY_SOURCES)[number];

/**
 * A reporting period as an object (core's {@link Period}).
 * @example
 * PeriodSchema.parse({ kind: "quarter", year: 2025, quarter: 3 })
 */
export const PeriodSchema: z.ZodType<Period> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("year"), year: z.number().int().min(1900).max(2200) }),
  z.object({ kind: z.literal("half"), year: z.number().int().min(1900).max(2200), half: z.union([z.literal(1), z.literal(2)]) }),
  z.object({
    kind: z.literal("quarter"),
    year: z.number().int().min(1900).max(2200),
    quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  }),
  z.object({ kind: z.literal("month"), year: z.number().int().min(1900).max(2200), month: z.number().int().min(1).max(12) }),
]);

/**
 * One contribution as validated: `amount` is whole đồng for money sources, whole m² for
 * `land_donated_m2`, whole days for `labour_days`, always a non-negative bigint.
 * @example
 * ContributionSchema.parse({ unitId: "x1", period: { kind: "year", year: 2025 }, source: "credit", amount: 5000000n })
 */
export const ContributionSchema = z.object({
  id: z.string().min(1).optional(),
  unitId: z.string().min(1),
  period: PeriodSchema,
  source: ResourceSourceSchema,
  amount: z.bigint().nonnegative(),
  note: z.string().optional(),
});
export type Contribution = z.infer<typeof ContributionSchema>;

/**
 * A contribution as it arrives (a form, a CSV row, JSON): period as "2025", "2025S1", "2025Q3" or
 * "2025-05" (or a period object), amount as "1.250.000", "1250000", an integer or a bigint.
 * @example
 * ContributionInputSchema.parse({ unitId: "x1", period: "2025", source: "credit", amount: "5.000.000" }) // then validateContribution
 */
export const ContributionInputSchema = z.object({
  id: z.string().min(1).optional(),
  unitId: z.string().min(1),
  period: z.union([PeriodStringSchema, PeriodSchema]),
  source: ResourceSourceSchema,
  amount: z.union([z.string(), z.number(), z.bigint()]),
  note: z.string().optional(),
});
export type ContributionInput = z.infer<typeof ContributionInputSchema>;
