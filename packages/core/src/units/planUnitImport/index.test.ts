import { describe, expect, it } from "vitest";
import type { StoredUnit, UnitImportRow } from "../_lib/unitRows.js";
import { planUnitImport } from "./index.js";

const row = (
  n: number,
  id: string,
  level: UnitImportRow["level"],
  parentId: string | null,
  more: Partial<UnitImportRow> = {},
): UnitImportRow => ({
  row: n,
  id,
  name: `Đơn vị ${id}`,
  level,
  parentId,
  region: null,
  communeGroup: null,
  flags: [],
  effectiveFrom: null,
  endedOn: null,
  mergedFrom: [],
  ...more,
});
const storedOf = (r: UnitImportRow): StoredUnit => {
  const { row: _n, ...u } = r;
  return u;
};

describe("planUnitImport", () => {
  it("creates a new tree parents first, whatever the row order", () => {
    const rows = [row(2, "x1", "hamlet", "c1"), row(3, "c1", "commune", "p"), row(4, "p", "province", null)];
    const plan = planUnitImport(rows, new Map());
    expect([plan.issues, plan.steps.map((s) => `${s.kind}:${s.row.id}`)]).toEqual([[], ["create:p", "create:c1", "create:x1"]]);
  });

  it("on re-import by unit code, says which fields changed and which rows are unchanged", () => {
    const p = row(2, "p", "province", null);
    const c1 = row(3, "c1", "commune", "p");
    const stored = new Map([p, c1].map((r) => [r.id, storedOf(r)]));
    const merged = row(4, "c9", "commune", "p", { effectiveFrom: "2025-07-01", mergedFrom: ["c1"], flags: ["merged2025"] });
    const plan = planUnitImport([p, { ...c1, name: "Xã Mới", endedOn: "2025-06-30" }, merged], stored);
    expect([plan.issues, plan.steps.map((s) => [s.kind, s.row.id, s.kind === "update" ? s.changed : null])]).toEqual([
      [],
      [
        ["unchanged", "p", null],
        ["update", "c1", ["name", "endedOn"]],
        ["create", "c9", null],
      ],
    ]);
  });

  it("refuses a level change, an unknown parent or merged-from code, a misplaced unit and a parent cycle, at their row and column", () => {
    const stored = new Map(["p", "q"].map((id) => [id, storedOf(row(0, id, "province", null))]));
    const plan = planUnitImport(
      [
        row(2, "q", "commune", null),
        row(3, "c1", "commune", "nowhere"),
        row(4, "c2", "commune", "p", { mergedFrom: ["gone"] }),
        row(5, "h1", "hamlet", "p"),
        row(6, "a", "commune", "b"),
        row(7, "b", "commune", "a"),
      ],
      stored,
    );
    expect(plan.issues.map((i) => `${i.row}${i.column}`)).toEqual(["2C", "3D", "4J", "5D", "6D", "7D"]);
    expect(plan.issues[0]!.message).toMatch(/^không đổi được cấp/);
    expect(plan.steps.map((s) => s.row.id)).toEqual(["c2"]);
  });
});
