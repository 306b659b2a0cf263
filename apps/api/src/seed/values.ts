import type { AdminUnit, CompiledPack, Indicator } from "@ntm/core";
import { intBetween } from "./prng.js";
import type { DemoUnit } from "./units.js";

/** One generated values row (the shape of the indicator_values table, before insert). */
export interface DemoValues {
  unitId: string;
  year: number;
  values: Record<string, number | boolean | null>;
  inputs: Record<string, number>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function toAdmin(u: DemoUnit): AdminUnit {
  const a: AdminUnit = { id: u.id, name: u.name, level: u.level };
  if (u.parentId) a.parentId = u.parentId;
  if (u.region) a.region = u.region as NonNullable<AdminUnit["region"]>;
  if (u.flags.length) a.flags = u.flags;
  return a;
}

function thresholdFor(
  ladder: readonly CompiledPack[],
  target: CompiledPack,
  id: string,
  unit: AdminUnit,
  year: number,
): { t: number | boolean | null; ind: Indicator } | undefined {
  for (const p of [target, ...ladder]) {
    const ci = p.indicatorById.get(id);
    if (!ci) continue;
    const v = p.variantOf(unit).variant;
    const t = ci.threshold(v, year) ?? ci.threshold(v, year + 1) ?? ci.threshold(v, year - 1);
    if (t !== undefined && t !== null) return { t, ind: ci.indicator };
  }
  const any = ladder.find((p) => p.indicatorById.has(id));
  return any ? { t: null, ind: any.indicatorById.get(id)!.indicator } : undefined;
}

/** A number that meets (or misses) a threshold under a comparator, for a kind. */
function numberFor(rnd: () => number, kind: Indicator["kind"], cmp: Indicator["comparator"], t: number, pass: boolean): number {
  const clamp = (x: number) => (kind === "percent" ? Math.min(100, Math.max(0, x)) : Math.max(0, x));
  if (cmp === "<=") return round1(clamp(pass ? t * (0.55 + rnd() * 0.4) : t * (1.05 + rnd() * 0.35) + 0.1));
  if (cmp === "==") return pass ? t : round1(clamp(t - 1 - rnd() * 5));
  if (kind === "percent" && t >= 100) return pass ? 100 : round1(100 - 1 - rnd() * 9);
  if (kind === "number" && t <= 2) return pass ? t + (rnd() < 0.3 ? 1 : 0) : Math.max(0, t - 1);
  const x = pass
    ? t + (kind === "percent" ? Math.min(100 - t, 0.5 + rnd() * 12) : t * (0.02 + rnd() * 0.15))
    : t - (kind === "percent" ? 1 + rnd() * 12 : t * (0.03 + rnd() * 0.12));
  return round1(clamp(x));
}

/**
 * Generates five years of values for one commune and its hamlets from a tier ladder of compiled packs
 * (standard → advanced → model): a commune has a capacity that grows over the years, and each
 * indicator passes the thresholds of its target tier with a probability, so criteria are gained and
 * lost from year to year. Deterministic for a given generator.
 * @example
 * generateCommuneValues(rnd, ladder, commune, hamlets, [2021, 2022]).length // 2 × (1 + hamlets)
 */
export function generateCommuneValues(
  rnd: () => number,
  ladder: readonly CompiledPack[],
  commune: DemoUnit,
  hamlets: readonly DemoUnit[],
  years: readonly number[],
): DemoValues[] {
  const out: DemoValues[] = [];
  const unit = toAdmin(commune);
  const capacity = rnd();
  let households = intBetween(rnd, 450, 2400);
  const top = ladder.at(-1)!;
  for (const year of years) {
    households = Math.round(households * (1.005 + rnd() * 0.015));
    const level = capacity + 0.06 * (year - years[0]!) + (rnd() - 0.5) * 0.08;
    const tierIdx = level < 0.2 ? 0 : level < 0.75 ? 1 : level < 0.95 ? 2 : 3;
    const target = ladder[Math.max(0, Math.min(ladder.length - 1, tierIdx - 1))]!;
    const passProb = tierIdx === 0 ? 0.86 : 0.996;
    const values: Record<string, number | boolean | null> = {};
    const inputs: Record<string, number> = { households, population: Math.round(households * 3.7) };
    const hamletValues = hamlets.map(() => ({}) as Record<string, boolean>);
    for (const ci of top.indicators) {
      const id = ci.indicator.id;
      const inTarget = target.indicatorById.has(id);
      const pass = rnd() < (inTarget ? passProb : 0.35);
      const th = thresholdFor(ladder, inTarget ? target : top, id, unit, year);
      if (!th) continue;
      const { t, ind } = th;
      const d = ind.derive;
      if (d?.op === "ratio") {
        const pct = typeof t === "number" ? numberFor(rnd, "percent", ind.comparator, t, pass) : round1(60 + rnd() * 40);
        const den = inputs[d.denominator] ?? households;
        inputs[d.denominator] = den;
        inputs[d.numerator] = Math.min(den, Math.ceil((den * pct) / 100));
        continue;
      }
      if (d && (d.op === "childShare" || d.op === "childCount") && "indicator" in d.test) {
        const key = d.test.indicator;
        const n = hamlets.length;
        const need = d.op === "childShare" ? Math.ceil(((typeof t === "number" ? t : 80) * n) / 100) : typeof t === "number" ? t : 1;
        const k = Math.max(0, Math.min(n, pass ? need + (rnd() < 0.3 ? 1 : 0) : need - 1));
        hamletValues.forEach((hv, i) => (hv[key] = i < k));
        continue;
      }
      if (d) continue;
      if (ind.kind === "boolean") values[id] = typeof t === "boolean" ? (pass ? t : !t) : rnd() < 0.9;
      else
        values[id] =
          typeof t === "number"
            ? numberFor(rnd, ind.kind, ind.comparator, t, pass)
            : round1(ind.kind === "percent" ? 50 + rnd() * 45 : 1 + rnd() * 4);
    }
    out.push({ unitId: commune.id, year, values, inputs });
    hamlets.forEach((h, i) => out.push({ unitId: h.id, year, values: hamletValues[i]!, inputs: {} }));
  }
  return out;
}

/**
 * Generates a district's own indicator values (those not derived from its communes) for each year:
 * mostly met, some not. Deterministic for a given generator.
 * @example
 * generateDistrictValues(rnd, compiledDistrictPack, district, [2024])[0].values["DK.3"] // e.g. 93.4
 */
export function generateDistrictValues(
  rnd: () => number,
  compiled: CompiledPack,
  district: DemoUnit,
  years: readonly number[],
): DemoValues[] {
  return years.map((year) => {
    const values: Record<string, number | boolean | null> = {};
    for (const ci of compiled.indicators) {
      const ind = ci.indicator;
      if (ind.derive) continue;
      const t = ci.threshold(null, year);
      const pass = rnd() < 0.9;
      values[ind.id] =
        ind.kind === "boolean"
          ? typeof t === "boolean"
            ? pass
              ? t
              : !t
            : pass
          : typeof t === "number"
            ? numberFor(rnd, ind.kind, ind.comparator, t, pass)
            : round1(80 + rnd() * 20);
    }
    return { unitId: district.id, year, values, inputs: {} };
  });
}
