import { z } from "zod";
import { IsoDateSchema, LocalizedTextSchema } from "./common.js";
import { UnitLevelSchema } from "./unit.js";

/** Tiers of recognition: standard NTM, advanced (nâng cao), model (kiểu mẫu), modern (hiện đại, pilot 2026–2030). */
export const TierSchema = z.enum(["standard", "advanced", "model", "modern"]);
export type Tier = z.infer<typeof TierSchema>;

export const IndicatorKindSchema = z.enum(["boolean", "percent", "number"]);
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;

export const ComparatorSchema = z.enum([">=", "<=", "=="]);
export type Comparator = z.infer<typeof ComparatorSchema>;

/** One threshold value. `null` means unknown: the law is not confirmed, and results say so. */
export const ThresholdValueSchema = z.union([z.number(), z.boolean(), z.null()]);
export type ThresholdValue = z.infer<typeof ThresholdValueSchema>;

/** Values keyed by variant (region code, commune group "1".."3"); key `*` applies to every variant. */
export const VariantMapSchema = z.record(z.string().min(1), ThresholdValueSchema);

/**
 * A threshold: one value for all (`all`), one per variant (`byVariant`), or one per year and
 * variant (`byYear`, for income). `scaleOf` derives it from the extended pack's threshold of the
 * same indicator, multiplied by `factor` (the model commune's income ≥ 110% of the advanced level).
 */
export const ThresholdSchema = z.union([
  z.object({ all: ThresholdValueSchema }).strict(),
  z.object({ byVariant: VariantMapSchema }).strict(),
  z.object({ byYear: z.record(z.string().regex(/^\d{4}$/, "expected a year such as 2024"), VariantMapSchema) }).strict(),
  z.object({ scaleOfParent: z.number().positive() }).strict(),
]);
export type Threshold = z.infer<typeof ThresholdSchema>;

/** A test applied to a child unit (hamlet or commune) by a derived indicator. */
export const ChildTestSchema = z.union([
  z.object({ indicator: z.string().min(1), equals: z.union([z.boolean(), z.number()]) }).strict(),
  z.object({ indicator: z.string().min(1), atLeast: z.number() }).strict(),
  z.object({ status: z.object({ tier: TierSchema, equals: z.enum(["met", "not_met", "indeterminate"]) }).strict() }).strict(),
  z.object({ flag: z.string().min(1) }).strict(),
]);
export type ChildTest = z.infer<typeof ChildTestSchema>;

/**
 * How an indicator is computed instead of entered:
 * - `ratio`: 100 × inputs[numerator] / inputs[denominator] (a share computed from counts);
 * - `childShare`: the percent of child units (hamlets of a commune, communes of a district) that pass a test;
 * - `childCount`: how many child units pass a test.
 */
export const DeriveSchema = z.union([
  z.object({ op: z.literal("ratio"), numerator: z.string().min(1), denominator: z.string().min(1) }).strict(),
  z.object({ op: z.literal("childShare"), childLevel: UnitLevelSchema, test: ChildTestSchema }).strict(),
  z.object({ op: z.literal("childCount"), childLevel: UnitLevelSchema, test: ChildTestSchema }).strict(),
]);
export type Derive = z.infer<typeof DeriveSchema>;

/** Where a threshold comes from: a legal text, a provincial transposition, or an example. */
export const SourceSchema = z.object({
  ref: z.string().min(1),
  url: z.string().optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const IndicatorSchema = z
  .object({
    id: z.string().min(1),
    name: LocalizedTextSchema,
    kind: IndicatorKindSchema,
    unit: z.string().optional(),
    comparator: ComparatorSchema,
    threshold: ThresholdSchema,
    /** True only when every non-null value of the threshold was confirmed from the legal text. */
    verified: z.boolean(),
    /** Variants whose values are confirmed, when only some are (for example 15.4: TDMNPB and DBSH). */
    verifiedVariants: z.array(z.string()).optional(),
    source: SourceSchema.optional(),
    note: z.string().optional(),
    derive: DeriveSchema.optional(),
    /** The indicator may be declared not applicable for a unit (for example 13.4 "if any"). */
    optional: z.boolean().optional(),
  })
  .strict();
export type Indicator = z.infer<typeof IndicatorSchema>;

export const CriterionSchema = z
  .object({
    id: z.string().min(1),
    name: LocalizedTextSchema,
    group: z.string().optional(),
    /** A key criterion for revocation (income, environment, defence and security). */
    key: z.boolean().optional(),
    /** A condition (a district's "100% of communes meet NTM", a model commune's smart hamlet): it decides the unit's status but is not counted among criteria met or in the revocation share. */
    condition: z.boolean().optional(),
    indicators: z.array(IndicatorSchema).min(1),
  })
  .strict();
export type Criterion = z.infer<typeof CriterionSchema>;

export const LegalBasisSchema = z.object({
  ref: z.string().min(1),
  date: IsoDateSchema,
  title: z.string().optional(),
  url: z.string().optional(),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const VariantOverrideSchema = z.object({ whenFlag: z.string().min(1), use: z.string().min(1) }).strict();

/**
 * How much of its legal set a pack encodes: `encoded` indicators (checked against the pack) out of the
 * `legal` count the legal text states (QĐ 318 basic set 57, advanced set 75; QĐ 51/2025 set 47), with
 * the source of that count. A screen shows "bộ tiêu chí chưa đầy đủ (50/57 chỉ tiêu)" when encoded < legal.
 */
export const PackCoverageSchema = z
  .object({
    encoded: z.number().int().min(0),
    legal: z.number().int().min(1),
    source: z.string().min(1),
    /** What the pack is, where it is not simply the legal table (e.g. a placeholder structure). */
    note: LocalizedTextSchema.optional(),
  })
  .strict();
export type PackCoverage = z.infer<typeof PackCoverageSchema>;

const PackHeaderShape = {
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a lowercase id such as vn.commune-ntm.2021-2025"),
  version: z.string().min(1),
  title: LocalizedTextSchema,
  level: UnitLevelSchema,
  tier: TierSchema,
  legalBasis: z.array(LegalBasisSchema),
  effective: z.object({ from: IsoDateSchema, to: IsoDateSchema.optional() }).strict(),
  variantBy: z.enum(["region", "communeGroup", "none"]),
  /** Known variant codes with their names; a threshold key outside this list is an error. */
  variants: z.record(z.string(), LocalizedTextSchema).optional(),
  extends: z.string().optional(),
  variantOverrides: z.array(VariantOverrideSchema).optional(),
  /** Example values, not law: every screen and report must say so. */
  example: z.boolean().optional(),
  notice: LocalizedTextSchema.optional(),
  /** Indicators encoded out of the legal set's count (not inherited by an extending pack). */
  coverage: PackCoverageSchema.optional(),
  /** Ids of packs a unit must meet first (an advanced commune must be an NTM commune). */
  requires: z.array(z.string()).optional(),
  /** The pack of the next tier, for gap analysis. */
  nextTier: z.string().optional(),
};

/** A complete criteria pack (the public JSON contract). */
export const CriteriaPackSchema = z
  .object({
    ...PackHeaderShape,
    criteria: z.array(CriterionSchema).min(1),
  })
  .strict()
  .meta({ id: "CriteriaPack", title: "NTM criteria pack" });
export type CriteriaPack = z.infer<typeof CriteriaPackSchema>;

/** An indicator inside an extending pack: only `id` is required; given fields override the parent's. */
export const IndicatorPatchSchema = IndicatorSchema.partial()
  .extend({ id: z.string().min(1) })
  .strict();
export const CriterionPatchSchema = z
  .object({
    id: z.string().min(1),
    name: LocalizedTextSchema.optional(),
    group: z.string().optional(),
    key: z.boolean().optional(),
    condition: z.boolean().optional(),
    indicators: z.array(IndicatorPatchSchema).optional(),
  })
  .strict();

/** A pack as written: complete, or extending another pack with patches (`extends` set). */
export const PackDocumentSchema = z
  .object({
    ...PackHeaderShape,
    variantBy: PackHeaderShape.variantBy.optional(),
    level: PackHeaderShape.level.optional(),
    tier: PackHeaderShape.tier.optional(),
    criteria: z.array(CriterionPatchSchema),
  })
  .strict()
  .meta({ id: "CriteriaPackDocument", title: "NTM criteria pack (as written, may extend another)" });
export type PackDocument = z.infer<typeof PackDocumentSchema>;
