/**
 * Deterministic synthetic communes for the evaluation benchmark: a seeded PRNG (no Math.random),
 * values drawn around each indicator's threshold so that met, not met, exact-boundary and missing
 * values all occur.
 */
import type { CompiledPack, RegionCode, UnitValues, IndicatorValue } from "@ntm/core";
import { REGIONS } from "@ntm/core";

/** A seeded pseudo-random generator returning floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a tiny, fast 32-bit seeded PRNG; the same seed always gives the same sequence.
 * @example
 * const rnd = mulberry32(42);
 * rnd(); // 0.6011037519201636, on every machine
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shares of the generated population; the defaults keep every status path busy. */
export interface SyntheticOptions {
  readonly count: number;
  readonly year: number;
  readonly seed: number;
  /** Share of communes flagged `especiallyDifficult` (they use the TDMNPB thresholds). */
  readonly especiallyDifficultShare?: number;
  /** Share of communes flagged `safeZone`. */
  readonly safeZoneShare?: number;
  /** Share of communes with no region at all (variant missing: region-specific thresholds become unknown). */
  readonly noRegionShare?: number;
  /** Share of communes with gaps in their report (some values null or absent). */
  readonly incompleteShare?: number;
  /** Within an incomplete report, share of values reported as `null`. */
  readonly nullShare?: number;
  /** Within an incomplete report, share of values left out of the document. */
  readonly absentShare?: number;
  /** Share of communes meeting every threshold they report on; the others meet each with probability 0.85–1. */
  readonly strongShare?: number;
  /** Share of numeric values placed exactly on the threshold (tests `>=` and `<=` boundaries). */
  readonly boundaryShare?: number;
}

const REGION_CODES = Object.keys(REGIONS) as RegionCode[];
const round1 = (x: number) => Math.round(x * 10) / 10;

function numericValue(rnd: Random, kind: string, comparator: string, required: number, meet: boolean, boundary: boolean): number {
  if (boundary) return required;
  const ceiling = kind === "percent" ? 100 : Math.max(required * 1.5, required + 10);
  if (comparator === "==") return meet ? required : required + 1;
  const above = meet === (comparator === ">=");
  if (above) {
    const room = ceiling - required;
    return room > 0 ? Math.min(ceiling, round1(required + 0.1 + rnd() * room)) : required + (kind === "percent" ? 0 : 1);
  }
  const room = required;
  return room > 0 ? Math.max(0, round1(required - 0.1 - rnd() * Math.min(room, 30))) : required;
}

/**
 * Generates `count` communes with a value for every indicator of the compiled pack, spread over the
 * 7 regions, with some especially difficult / safe-zone flags, some communes without a region and
 * some null or absent values. Fully determined by `seed`.
 * @example
 * const docs = generateCommunes(compilePack(getPack("example.province-demo.2021-2025")!), { count: 10_000, year: 2024, seed: 20241 });
 * docs.length; // 10000
 */
export function generateCommunes(compiled: CompiledPack, options: SyntheticOptions): UnitValues[] {
  const rnd = mulberry32(options.seed);
  const ed = options.especiallyDifficultShare ?? 0.08;
  const sz = options.safeZoneShare ?? 0.03;
  const noRegion = options.noRegionShare ?? 0.01;
  const incomplete = options.incompleteShare ?? 0.15;
  const nullShare = options.nullShare ?? 0.06;
  const absentShare = options.absentShare ?? 0.04;
  const strong = options.strongShare ?? 0.35;
  const boundaryShare = options.boundaryShare ?? 0.03;
  const docs: UnitValues[] = new Array(options.count);
  for (let i = 0; i < options.count; i++) {
    const n = String(i + 1).padStart(5, "0");
    const unit: UnitValues["unit"] = {
      id: `bench-${n}`,
      name: `Xã mô phỏng ${n}`,
      level: "commune",
      parentId: `bench-d${String(Math.floor(i / 25) + 1).padStart(4, "0")}`,
    };
    if (rnd() >= noRegion) unit.region = REGION_CODES[Math.floor(rnd() * REGION_CODES.length)]!;
    const flags: string[] = [];
    if (rnd() < ed) flags.push("especiallyDifficult");
    if (rnd() < sz) flags.push("safeZone");
    if (flags.length) unit.flags = flags;
    const { variant } = compiled.variantOf(unit);
    const gaps = rnd() < incomplete;
    const metShare = rnd() < strong ? 1 : 0.85 + 0.15 * rnd();
    const values: Record<string, IndicatorValue> = {};
    for (const ci of compiled.indicators) {
      const ind = ci.indicator;
      const r = gaps ? rnd() : 1;
      if (r < absentShare) continue;
      if (r < absentShare + nullShare) {
        values[ind.id] = null;
        continue;
      }
      const required = ci.threshold(variant, options.year) ?? ci.threshold(REGION_CODES[0]!, options.year);
      const meet = rnd() < metShare;
      if (ind.kind === "boolean") {
        const target = typeof required === "boolean" ? required : true;
        values[ind.id] = meet ? target : !target;
      } else if (typeof required === "number") {
        values[ind.id] = numericValue(rnd, ind.kind, ind.comparator, required, meet, rnd() < boundaryShare);
      } else {
        values[ind.id] = round1(rnd() * 100);
      }
    }
    docs[i] = { unit, year: options.year, values };
  }
  return docs;
}
