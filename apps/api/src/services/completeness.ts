/**
 * Reporting completeness of a subtree's communes for a year: each commune's entered values against
 * the indicators its adopted ladder expects (core's `reportingCompleteness`), with who last saved
 * them and whether the unit-year is approved (locked); communes with no pack adopted are `no_pack`.
 */
import { reportingCompleteness } from "@ntm/core";
import type { Db } from "../db/index.js";
import type { UnitTree } from "../units.js";
import { loadValues } from "../values.js";
import type { LoadedPacks } from "./packs.js";
import { locksOf } from "./valueLocks.js";

/** The completeness of the communes under `id` for `year`: the counts and one line per commune. */
export async function valuesCompleteness(db: Db, tree: UnitTree, packs: LoadedPacks, id: string, year: number) {
  const communes = tree.subtree(id).filter((u) => u.level === "commune");
  const ids = communes.map((u) => u.id);
  const [rows, locks] = await Promise.all([loadValues(db, ids, year), locksOf(db, ids, year)]);
  const withPack = communes.flatMap((u) => {
    const l = packs.ladderFor(tree, u.id, year);
    const first = l.ok ? l.ladder[0] : undefined;
    if (!first) return [];
    const r = rows.get(u.id);
    const expected = first.indicators.filter((i) => !i.indicator.derive).map((i) => i.indicator.id);
    return [{ unitId: u.id, expected, values: r?.values, notApplicable: r?.notApplicable }];
  });
  const report = reportingCompleteness(withPack);
  const lineOf = new Map(report.communes.map((l) => [l.unitId, l]));
  const out = communes.map((u) => {
    const line = lineOf.get(u.id);
    const r = rows.get(u.id);
    return {
      unitId: u.id,
      name: u.name,
      parentId: u.parentId,
      state: line?.state ?? ("no_pack" as const),
      entered: line?.entered ?? 0,
      expected: line?.expected ?? 0,
      missing: line?.missing ?? [],
      updatedBy: r?.updatedBy ?? null,
      updatedAt: r?.updatedAt.toISOString() ?? null,
      locked: locks.has(u.id),
    };
  });
  return { counts: { ...report.counts, noPack: communes.length - withPack.length }, communes: out };
}
