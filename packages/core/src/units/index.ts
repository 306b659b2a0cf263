// Administrative units (đơn vị hành chính): the rules a unit must meet where it is written.
export {
  checkUnitPlacement,
  unitParentNotFound,
  UNIT_PLACEMENT_RULES,
  UNIT_PARENT_LEVELS,
  type UnitPlacementInput,
  type UnitPlacementRule,
  type UnitPlacementRuleName,
} from "./checkUnitPlacement/index.js";
// Importing the unit tree from a spreadsheet: reading the rows, then planning what changes.
export {
  COMPARED_FIELDS,
  TEMPLATE_LETTERS,
  UNIT_COLUMNS,
  type ColumnLetters,
  type ComparedField,
  type StoredUnit,
  type UnitCell,
  type UnitColumn,
  type UnitImportRow,
  type UnitImportStep,
  type UnitRowIssue,
  type UnitTable,
} from "./_lib/unitRows.js";
export { readUnitRows } from "./readUnitRows/index.js";
export { planUnitImport } from "./planUnitImport/index.js";
// Trends across the 2025 reform: where a merged unit's earlier years are read from.
export {
  trendSourceOf,
  type MergedUnitView,
  type TrendBeforeMergerReason,
  type TrendSource,
} from "./trendSourceOf/index.js";
