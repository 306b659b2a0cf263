/**
 * The OpenAPI shapes of evaluation answers shared by several route files (roll-ups, trends, the
 * public pages). Shapes only: the rules that fill them live in @ntm/core.
 */
import { z } from "@hono/zod-openapi";
import { PackCoverageSchema, TIER_BUCKETS } from "@ntm/core";
import { ReasonOutSchema } from "../http/common.js";

/** The answer for a unit-year with no adopted pack: never a verdict, the reason instead. */
export const NoPackSchema = z
  .object({ unitId: z.string(), year: z.number().int(), status: z.literal("no_pack"), reasons: z.array(ReasonOutSchema) })
  .openapi("NoPack", {
    description: "Chưa áp dụng bộ tiêu chí cho năm này / no criteria pack adopted for this unit and year (core selectPack's reason)",
  });

const NoPackCommuneSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  reasons: z.array(ReasonOutSchema),
});

/** Communes per tier bucket (core TIER_BUCKETS: none, standard, advanced, model, modern), each counted once at its highest tier. */
export const CountsByTierSchema = z
  .object(Object.fromEntries(TIER_BUCKETS.map((b) => [b, z.number().int()])) as Record<(typeof TIER_BUCKETS)[number], z.ZodNumber>)
  .openapi("CountsByTier", {
    description:
      "Communes per tier bucket (core TIER_BUCKETS); `modern` (NTM hiện đại) is its own bucket. Targets read them cumulatively (at least advanced = advanced + model + modern).",
  });

export const CommuneRollupSchema = z
  .object({
    unitId: z.string(),
    name: z.string(),
    parentId: z.string().nullable(),
    flags: z.array(z.string()),
    status: z.enum(["met", "not_met", "indeterminate"]),
    criteriaMet: z.number().int(),
    criteriaTotal: z.number().int(),
    tierReached: z.enum(["standard", "advanced", "model", "modern"]).nullable(),
    revoke: z.boolean(),
    criteria: z
      .record(z.string(), z.enum(["met", "not_met", "indeterminate"]))
      .openapi({ description: "Criterion id → status (for a heat map)" }),
    undetermined: z.enum(["missing", "unknown_threshold"]).nullable().openapi({
      description:
        "Why the commune cannot be judged yet (chưa có số liệu, chưa rõ ngưỡng; core undeterminedOf), or null: its own category, never not met",
    }),
  })
  .openapi("CommuneRollup");
const UndeterminedCountsSchema = z
  .object({ missing: z.number().int(), unknown_threshold: z.number().int() })
  .openapi("UndeterminedCounts", {
    description:
      "Communes that cannot be judged yet, by why (chưa có số liệu, chưa rõ ngưỡng): not in countsByTier nor in the targets' shares",
  });

export const IncomeVs2020Schema = z
  .object({
    available: z.boolean(),
    met: z.boolean().nullable(),
    current: z.number().nullable().openapi({
      description: "Average of the communes' indicator 10 for the year (million đồng/person/year, unweighted mean, to the đồng)",
    }),
    baseline2020: z.number().nullable(),
    required: z.number().nullable(),
    communes: z
      .object({ current: z.number().int(), baseline2020: z.number().int() })
      .openapi({ description: "How many communes had a value in each year" }),
    reasons: z.array(
      z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), params: z.record(z.string(), z.unknown()) }),
    ),
  })
  .openapi("IncomeVs2020", {
    description:
      "QĐ 263 target: rural income ≥ 1.5 × 2020 by 2025 (core checkProgrammeTargets). Unavailable (met null) when a year has no indicator 10 values.",
  });

export const RollupSchema = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    packId: z
      .string()
      .nullable()
      .openapi({ description: "The standard pack of the ladder most communes use (null when no commune has one)" }),
    ladder: z.array(z.object({ packId: z.string(), tier: z.string() })),
    example: z.boolean(),
    coverage: PackCoverageSchema.nullable(),
    communes: z.array(CommuneRollupSchema),
    countsByTier: CountsByTierSchema,
    undetermined: UndeterminedCountsSchema,
    noPack: z.object({ count: z.number().int(), communes: z.array(NoPackCommuneSchema) }).openapi({
      description:
        "Communes with no pack adopted for the year: Chưa áp dụng bộ tiêu chí, counted apart (never as not met) and not in `communes`",
    }),
    targets: z.array(
      z.object({
        id: z.string(),
        met: z.boolean(),
        actual: z.number(),
        required: z.number(),
        reasons: z.array(
          z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), params: z.record(z.string(), z.unknown()) }),
        ),
      }),
    ),
    incomeVs2020: IncomeVs2020Schema,
  })
  .openapi("Rollup");

export const TrendSchema = z
  .object({
    unitId: z.string(),
    packId: z.string().nullable().openapi({ description: "The pack asked for with ?pack=; null: each year uses the packs adopted for it" }),
    years: z.array(
      z.object({
        year: z.number().int(),
        packId: z.string().nullable().openapi({ description: "The standard pack most communes use that year (null: none adopted)" }),
        communes: z.number().int(),
        noPack: z
          .number()
          .int()
          .openapi({ description: "Communes with no pack adopted for the year (Chưa áp dụng bộ tiêu chí), not counted in countsByTier" }),
        countsByTier: CountsByTierSchema,
        undetermined: UndeterminedCountsSchema,
        criteriaMet: z.number().int().nullable().openapi({ description: "For a commune: its criteria met; otherwise null" }),
        tierReached: z
          .enum(["standard", "advanced", "model", "modern"])
          .nullable()
          .openapi({ description: "For a commune: its tier; otherwise null" }),
        revoke: z.boolean().nullable(),
        source: z.enum(["own", "predecessors"]).openapi({
          description:
            'Where the year is read from: "own", or "predecessors" for a merged commune\'s year that closed before it took effect (its own fields are then null: tiers cannot be summed)',
        }),
        reason: z
          .object({ code: z.literal("trend.before_merger"), params: z.object({ effectiveFrom: z.string(), year: z.number().int() }) })
          .optional(),
        predecessors: z
          .array(
            z.object({
              unitId: z.string(),
              name: z.string(),
              criteriaMet: z.number().int().nullable(),
              tierReached: z.enum(["standard", "advanced", "model", "modern"]).nullable(),
              revoke: z.boolean().nullable(),
            }),
          )
          .optional()
          .openapi({ description: "For a predecessors year: each former commune's own standing, labelled with its name" }),
      }),
    ),
  })
  .openapi("Trend");
