import { z } from "zod";
import { IsoDateSchema } from "../schemas/common.js";
import { TierSchema } from "../schemas/pack.js";

/** The start or end of an adoption: a calendar year (2024) or an ISO date ("2026-02-15"). */
export const AdoptionBoundSchema = z.union([z.number().int().min(1900).max(2200), IsoDateSchema]);
export type AdoptionBound = z.infer<typeof AdoptionBoundSchema>;

/** The levels a pack can be adopted for (a pack's own `level`). */
export const AdoptionLevelSchema = z.enum(["commune", "hamlet", "district"]);
export type AdoptionLevel = z.infer<typeof AdoptionLevelSchema>;

/**
 * Áp dụng bộ tiêu chí: a decision that a criteria pack applies to a scope (a unit and everything below
 * it, or the whole installation when `scopeUnitId` is null), for one level and one tier, over a period.
 * `from`/`to` are a year (the whole year) or an ISO date; without `to` the adoption runs until the
 * pack's own effective period ends.
 * @example
 * PackAdoptionSchema.parse({ id: "a-1", packId: "vn.commune-ntm.2021-2025", scopeUnitId: "p-demo", tier: "standard", level: "commune", from: 2024, to: 2025, version: 1 });
 */
export const PackAdoptionSchema = z
  .object({
    id: z.string().min(1),
    packId: z.string().min(1),
    scopeUnitId: z.string().min(1).nullable(),
    tier: TierSchema,
    level: AdoptionLevelSchema,
    from: AdoptionBoundSchema,
    to: AdoptionBoundSchema.optional(),
    version: z.number().int().min(1),
  })
  .strict()
  .meta({ id: "PackAdoption", title: "Adoption of a criteria pack for a scope, level, tier and period" });
export type PackAdoption = z.infer<typeof PackAdoptionSchema>;
