import { z } from "zod";
import { AdminUnitSchema } from "./unit.js";
import { TierSchema } from "./pack.js";

/** One indicator value: a number (percent 0–100), a boolean (Đạt / Không), or null (not reported). */
export const IndicatorValueSchema = z.union([z.number(), z.boolean(), z.null()]);
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

/** A child unit (hamlet of a commune, commune of a district) as seen by derived indicators. */
export const ChildValuesSchema = z.object({
  unit: AdminUnitSchema,
  values: z.record(z.string(), IndicatorValueSchema).default({}),
  /** Evaluation statuses by tier (standard, advanced, model), filled by {@link withChildStatuses} or by the caller. */
  statuses: z.partialRecord(TierSchema, z.enum(["met", "not_met", "indeterminate"])).optional(),
});
export type ChildValues = z.infer<typeof ChildValuesSchema>;

/** A unit's indicator values for one year (the public JSON contract). */
export const UnitValuesSchema = z
  .object({
    unit: AdminUnitSchema,
    year: z.number().int().min(2000).max(2100),
    values: z.record(z.string(), IndicatorValueSchema),
    /** Raw counts used by derived indicators (households, roads in km…). */
    inputs: z.record(z.string(), z.number()).optional(),
    /** Indicators declared not applicable to this unit (only allowed for optional indicators). */
    notApplicable: z.array(z.string()).optional(),
    children: z.array(ChildValuesSchema).optional(),
  })
  .meta({ id: "UnitValues", title: "Indicator values of one unit for one year" });
export type UnitValues = z.infer<typeof UnitValuesSchema>;
export type UnitValuesInput = z.input<typeof UnitValuesSchema>;
