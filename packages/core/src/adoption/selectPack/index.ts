import type { Reason } from "../../schemas/common.js";
import type { CriteriaPack, Tier } from "../../schemas/pack.js";
import type { AdoptionLevel, PackAdoption } from "../schema.js";
import { endDate, startDate, touchesYear } from "../_lib/period.js";

/** What {@link selectPack} is asked: which pack applies to this unit, level, tier and year. */
export interface PackQuery {
  /** Ancestor ids from the top down to the unit itself, e.g. `["p-demo", "d-01", "c-01-01"]`. */
  unitPath: readonly string[];
  level: AdoptionLevel;
  tier: Tier;
  year: number;
}

/** Finds a pack's effective period by id (a registry's `get`); used to end open-ended adoptions. */
export type PackEffectiveLookup = (id: string) => Pick<CriteriaPack, "effective"> | undefined;

/** The adoption in force, or why there is none (`pack.not_adopted`, `pack.outside_effective`). */
export type PackSelection = { ok: true; adoption: PackAdoption } | { ok: false; reason: Reason };

/** The period an adoption covers, as ISO dates: its own bounds, an open end closed by its pack's end. */
export function adoptionPeriod(a: PackAdoption, packs?: PackEffectiveLookup): { from: string; to: string | undefined } {
  return { from: startDate(a.from), to: endDate(a.to) ?? packs?.(a.packId)?.effective.to };
}

/**
 * Which adoption applies to a unit for a level, tier and year. An adoption applies when its scope is
 * the whole installation (`scopeUnitId: null`) or one of the unit's ancestors (or the unit), and its
 * period touches the year. The most specific scope wins (a province's adoption beats the
 * installation-wide one); within one scope, the adoption that starts latest in the year (the one in
 * force at the year's end). With `packs`, an adoption without `to` ends when its pack's effective
 * period ends.
 *
 * No applicable adoption: `pack.not_adopted` when nothing is adopted for this level and tier in the
 * unit's scope; `pack.outside_effective` when something is, but not for this year (params list what is).
 * @example
 * selectPack(adoptions, { unitPath: ["p-demo", "d-01", "c-01-01"], level: "commune", tier: "standard", year: 2024 })
 * // { ok: true, adoption: { packId: "example.province-demo.2021-2025", ... } }
 * selectPack(adoptions, { unitPath: ["p-demo", "d-01", "c-01-01"], level: "commune", tier: "standard", year: 2026 })
 * // { ok: false, reason: { code: "pack.outside_effective", path: ["year"], params: { year: 2026, ... } } }
 */
export function selectPack(adoptions: readonly PackAdoption[], q: PackQuery, packs?: PackEffectiveLookup): PackSelection {
  const depth = (a: PackAdoption) => (a.scopeUnitId === null ? -1 : q.unitPath.indexOf(a.scopeUnitId));
  const inScope = adoptions.filter(
    (a) => a.level === q.level && a.tier === q.tier && (a.scopeUnitId === null || q.unitPath.includes(a.scopeUnitId)),
  );
  const covering = inScope.filter((a) => touchesYear(adoptionPeriod(a, packs), q.year));
  const base = { year: q.year, level: q.level, tier: q.tier, unitId: q.unitPath.at(-1) ?? null };
  if (covering.length === 0) {
    if (inScope.length === 0) return { ok: false, reason: { code: "pack.not_adopted", path: ["year"], params: base } };
    const adopted = inScope.map((a) => ({
      id: a.id,
      packId: a.packId,
      from: adoptionPeriod(a, packs).from,
      to: adoptionPeriod(a, packs).to ?? null,
    }));
    const nearest = adopted.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0))[0]!;
    return {
      ok: false,
      reason: {
        code: "pack.outside_effective",
        path: ["year"],
        params: { ...base, packId: nearest.packId, from: nearest.from, to: nearest.to, adoptions: adopted },
      },
    };
  }
  const best = [...covering].sort(
    (a, b) =>
      depth(b) - depth(a) ||
      (startDate(b.from) < startDate(a.from) ? -1 : startDate(b.from) > startDate(a.from) ? 1 : 0) ||
      (a.id < b.id ? -1 : 1),
  )[0]!;
  return { ok: true, adoption: best };
}
