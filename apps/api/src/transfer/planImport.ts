import { type Principal, can } from "../auth/policy.js";
import type { LoadedPacks } from "../services/packs.js";
import type { UnitTree } from "../units.js";
import type { ValuesRow } from "../values.js";
import { checkValues } from "../services/values.js";
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
    const cur = input.stored(uy.unitId, uy.year);
    const body = {
      values: { ...cur?.values, ...uy.values },
      inputs: { ...cur?.inputs, ...uy.inputs },
      notApplicable: cur?.notApplicable ?? [],
    };
    const r = checkValues(input.packs, input.tree, unit, uy.year, body, input.packId);
    if (r.ok) {
      plan.push({ unitId: uy.unitId, year: uy.year, body, expected: cur?.version ?? 0 });
      continue;
    }
    for (const i of r.issues) {
      const key = i.path[0] === "inputs" ? `${INPUT_PREFIX}${String(i.path[1])}` : String(i.path[1] ?? "");
      issues.push({ ...(uy.refs.get(key) ?? at), message: i.message });
    }
  }
  return { plan, issues };
}
