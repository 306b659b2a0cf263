import { type Principal, can } from "../auth/policy.js";
import type { LoadedPacks } from "../services/packs.js";
import type { UnitRow, UnitTree } from "../units.js";
import type { ValuesRow } from "../values.js";
import { checkValues } from "../services/values.js";
import { type ValuesLock, lockedMessage } from "../services/valueLocks.js";
import { type ImportedUnitYear, INPUT_PREFIX, type RowIssue } from "./importValues.js";

/** One unit-year to write: the merged document and the version it was merged onto. */
export interface PlannedWrite {
  unitId: string;
  year: number;
  body: { values: Record<string, number | boolean | null>; inputs: Record<string, number>; notApplicable: string[] };
  expected: number;
}

/**
 * Decides what an import would write, without writing: each unit-year must exist, be writable by the
 * user, and pass @ntm/core's validation once merged into the stored values. Problems point at the
 * row and column they came from.
 * @example
 * const { plan, issues } = planImport({ unitYears, unitColumn: "A", tree, user, packs, packId, stored });
 */
export function planImport(input: {
  unitYears: readonly ImportedUnitYear[];
  unitColumn: string;
  tree: UnitTree;
  user: Principal;
  packs: LoadedPacks;
  /** An explicit pack whose ladder validates the values; by default the one adopted for each unit-year. */
  packId?: string;
  stored: (unitId: string, year: number) => ValuesRow | undefined;
  /** The approval lock of a unit-year, when it has one (a locked unit-year refuses the rows). */
  locked?: (unitId: string, year: number) => ValuesLock | undefined;
}): { plan: PlannedWrite[]; issues: RowIssue[] } {
  const plan: PlannedWrite[] = [];
  const issues: RowIssue[] = [];
  for (const uy of input.unitYears) {
    const unit = input.tree.byId.get(uy.unitId);
    const at = { row: uy.firstRow, column: input.unitColumn };
    if (!unit) {
      issues.push({ ...at, message: `không có đơn vị "${uy.unitId}" / unknown unit` });
      continue;
    }
    if (!can(input.user, "values.write", uy.unitId, input.tree)) {
      issues.push({ ...at, message: `bạn không được ghi số liệu của ${uy.unitId} / you may not write values of ${uy.unitId}` });
      continue;
    }
    const lock = input.locked?.(uy.unitId, uy.year);
    if (lock) {
      issues.push({ ...at, message: lockedMessage(unit.name, uy.year, lock) });
      continue;
    }
    const mismatch = attributeMismatches(uy, unit);
    if (mismatch.length) {
      for (const m of mismatch) issues.push({ ...(uy.refs.get(`@${m.attribute}`) ?? at), message: m.message });
      continue;
    }
    const cur = input.stored(uy.unitId, uy.year);
    // "KAD" in the file declares an indicator not applicable: its stored value (if any) goes.
    const na = new Set([...(cur?.notApplicable ?? []), ...uy.notApplicable]);
    const values = { ...cur?.values, ...uy.values };
    for (const id of uy.notApplicable) delete values[id];
    for (const id of Object.keys(uy.values)) na.delete(id);
    const body = {
      values,
      inputs: { ...cur?.inputs, ...uy.inputs },
      notApplicable: [...na].sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
    };
    const r = checkValues(input.packs, input.tree, unit, uy.year, body, input.packId);
    if (r.ok) {
      plan.push({ unitId: uy.unitId, year: uy.year, body, expected: cur?.version ?? 0 });
      continue;
    }
    for (const i of r.issues) {
      const key =
        i.path[0] === "inputs"
          ? `${INPUT_PREFIX}${String(i.path[1])}`
          : i.path[0] === "notApplicable"
            ? String(body.notApplicable[Number(i.path[1])] ?? "")
            : String(i.path[1] ?? "");
      issues.push({ ...(uy.refs.get(key) ?? at), message: i.message });
    }
  }
  return { plan, issues };
}

/**
 * The unit attributes a file states (`region`, `flags`, `commune_group`) that differ from the stored
 * unit: a file is not the place to change a unit (the units screen is), and a mismatch usually means
 * the wrong unit id. Flags stated must all be the unit's; an empty cell states nothing.
 */
function attributeMismatches(uy: ImportedUnitYear, unit: UnitRow): { attribute: "region" | "flags" | "communeGroup"; message: string }[] {
  const out: { attribute: "region" | "flags" | "communeGroup"; message: string }[] = [];
  const a = uy.attributes;
  if (a.region !== undefined && a.region !== (unit.region ?? ""))
    out.push({
      attribute: "region",
      message: `vùng "${a.region}" khác vùng của ${unit.name} (${unit.region ?? "chưa có"}) / region differs from the stored unit's`,
    });
  if (a.communeGroup !== undefined && a.communeGroup !== String(unit.communeGroup ?? ""))
    out.push({
      attribute: "communeGroup",
      message: `nhóm xã "${a.communeGroup}" khác nhóm của ${unit.name} (${unit.communeGroup ?? "chưa có"}) / commune group differs from the stored unit's`,
    });
  const extra = (a.flags ?? []).filter((f) => !unit.flags.includes(f));
  if (extra.length)
    out.push({
      attribute: "flags",
      message: `${unit.name} không có đặc điểm ${extra.join(", ")} (sửa ở màn hình đơn vị) / the stored unit has no flag ${extra.join(", ")}`,
    });
  return out;
}
