import { type HeaderIndicator, type ValuesField, formatReason, isNotApplicableCell, parseCellValue, readValuesHeader } from "@ntm/core";
import { controlCharacterIn } from "../http/hardening.js";
import { type Cell, type Table, columnLetter } from "./table.js";

/** One problem in an imported file: where (row, column) and what. */
export interface RowIssue {
  row: number;
  column: string;
  message: string;
}

/** Where a value came from in the file, for reporting validation problems at their cell. */
export interface CellRef {
  row: number;
  column: string;
}

/** The values of one unit and year gathered from a file. */
export interface ImportedUnitYear {
  unitId: string;
  year: number;
  values: Record<string, number | boolean | null>;
  inputs: Record<string, number>;
  /** Indicators the file declares not applicable (`KAD`, `N/A`, `không áp dụng`). */
  notApplicable: string[];
  /** Unit attributes the file states (`region`, `flags`, `commune_group` columns), checked against the stored unit. */
  attributes: { region?: string; flags?: string[]; communeGroup?: string };
  refs: Map<string, CellRef>;
  firstRow: number;
}

/** The unit attributes a file may state (checked against the stored unit), by their header field. */
const ATTRIBUTE_FIELDS: Partial<Record<ValuesField, "region" | "flags" | "communeGroup">> = {
  region: "region",
  flags: "flags",
  communeGroup: "communeGroup",
};
export const INPUT_PREFIX = "input:";

function toValue(cell: Cell): number | boolean | null | undefined {
  if (cell === null) return null;
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  return parseCellValue(cell);
}

/**
 * Reads indicator values from a table in one of two layouts, its header read by core
 * `readValuesHeader` (Vietnamese headers as the template writes them — Mã đơn vị, Năm, Chỉ tiêu,
 * Giá trị… — or the machine names `unit_id`, `year`, `indicator`, `value`):
 * - long: unit, year, indicator, value (one row per unit × indicator);
 * - wide: unit, year, then one column per indicator (one row per unit); an empty cell leaves the
 *   stored value unchanged; name/level columns and columns starting with `#` are ignored. Given the
 *   packs' `indicators`, an indicator column may be named by id, Vietnamese name or "id - name", and
 *   any other column is an error at row 1 naming the column.
 * `year` may be omitted when `selectedYear` is given; with both, every row's year must be the selected
 * one (a row of another year is refused, so a file never writes a year the officer did not choose).
 * `region`/`flags`/`commune_group` columns are unit attributes (checked against the stored unit by
 * planImport), never indicators. A cell `KAD` / `N/A` / `không áp dụng` declares the indicator not
 * applicable (core `isNotApplicableCell`). A row whose unit cell starts with `#` is a comment (the
 * template's row of indicator names). A column or indicator named `input:<name>` is a raw
 * count for derived indicators (households…). Values: numbers (decimal comma allowed), Đạt/Không,
 * empty for "not reported".
 * @example
 * const { unitYears, issues } = readValuesTable(parseCsv("unit_id,year,1.1\nc01,2024,Đạt\n"));
 */
export function readValuesTable(table: Table, selectedYear?: number, indicators?: readonly HeaderIndicator[]): ReadValues {
  const steps = readValuesSteps(table, selectedYear, indicators);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link readValuesTable}, giving the event loop back every {@link ROWS_PER_STEP} rows (the API's import).
 * @example
 * const read = await readValuesTableAsync(table, 2024);
 */
export async function readValuesTableAsync(
  table: Table,
  selectedYear?: number,
  indicators?: readonly HeaderIndicator[],
): Promise<ReadValues> {
  const steps = readValuesSteps(table, selectedYear, indicators);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** What a values table holds: unit-years, row problems, the layout and the unit column's letter. */
export type ReadValues = { unitYears: ImportedUnitYear[]; issues: RowIssue[]; layout: "long" | "wide"; unitColumn: string };
/** Rows read between two yields of {@link readValuesTableAsync}. */
export const ROWS_PER_STEP = 2000;

function* readValuesSteps(table: Table, defaultYear?: number, indicators?: readonly HeaderIndicator[]): Generator<void, ReadValues> {
  const issues: RowIssue[] = [];
  const h = table.header;
  const head = readValuesHeader(h, { ...(indicators ? { indicators } : {}), requireYear: defaultYear === undefined });
  const { layout, columns } = head;
  const unitCol = head.fields.unit ?? -1;
  const yearCol = head.fields.year ?? -1;
  const indCol = head.fields.indicator ?? -1;
  const valCol = head.fields.value ?? -1;
  h.forEach((name, idx) => {
    const where = controlCharacterIn(name);
    if (where)
      issues.push({
        row: 1,
        column: columnLetter(idx),
        message: `tên cột có ký tự điều khiển ${where} / the column name holds control character ${where}`,
      });
  });
  // A column already refused for a control character is not reported again (as unknown).
  const refused = new Set(issues.map((i) => i.column));
  for (const r of head.issues) {
    const at = typeof r.path[0] === "number" ? r.path[0] : r.params["field"] === "unit" ? 0 : h.length;
    if (!refused.has(columnLetter(at)))
      issues.push({ row: 1, column: columnLetter(at), message: `${formatReason(r, "vi")} / ${formatReason(r, "en")}` });
  }
  if (issues.length) return { unitYears: [], issues, layout, unitColumn: "A" };
  const byKey = new Map<string, ImportedUnitYear>();
  const unitYear = (row: number, unitId: string, year: number): ImportedUnitYear => {
    const mapKey = `${unitId}\u0000${year}`;
    let uy = byKey.get(mapKey);
    if (!uy) {
      uy = { unitId, year, values: {}, inputs: {}, notApplicable: [], attributes: {}, refs: new Map(), firstRow: row };
      byKey.set(mapKey, uy);
    }
    return uy;
  };
  const put = (row: number, colIdx: number, unitId: string, year: number, key: string, cell: Cell) => {
    const column = columnLetter(colIdx);
    const uy = unitYear(row, unitId, year);
    if (typeof cell === "string" && isNotApplicableCell(cell) && !key.startsWith(INPUT_PREFIX)) {
      if (uy.refs.has(key))
        return issues.push({
          row,
          column,
          message: `${key} của ${unitId} năm ${year} xuất hiện hai lần / ${key} for ${unitId} ${year} appears twice`,
        });
      uy.refs.set(key, { row, column });
      uy.notApplicable.push(key);
      return undefined;
    }
    const v = toValue(cell);
    if (v === undefined)
      return issues.push({
        row,
        column,
        message: `không đọc được giá trị "${String(cell)}" của ${key} (số, Đạt/Không hoặc để trống) / cannot read "${String(cell)}" for ${key} (number, Đạt/Không or empty)`,
      });
    if (uy.refs.has(key))
      return issues.push({
        row,
        column,
        message: `${key} của ${unitId} năm ${year} xuất hiện hai lần / ${key} for ${unitId} ${year} appears twice`,
      });
    uy.refs.set(key, { row, column });
    if (key.startsWith(INPUT_PREFIX)) {
      if (typeof v !== "number") return issues.push({ row, column, message: `${key} phải là số / must be a number` });
      uy.inputs[key.slice(INPUT_PREFIX.length)] = v;
    } else uy.values[key] = v;
    return undefined;
  };
  const readAttribute = (
    row: number,
    colIdx: number,
    unitId: string,
    year: number,
    attribute: "region" | "flags" | "communeGroup",
    cell: Cell,
  ) => {
    const text = cell === null ? "" : String(cell).trim();
    if (!text) return;
    const uy = unitYear(row, unitId, year);
    uy.refs.set(`@${attribute}`, { row, column: columnLetter(colIdx) });
    if (attribute === "flags") uy.attributes.flags = text.split(/[|\s,]+/).filter(Boolean);
    else uy.attributes[attribute] = text;
  };
  let done = 0;
  for (const { row, cells } of table.rows) {
    if (++done % ROWS_PER_STEP === 0) yield;
    // Control characters (NUL…) never reach the database: the row is reported at its first such cell.
    const bad = cells.findIndex((cell) => typeof cell === "string" && controlCharacterIn(cell) !== undefined);
    if (bad >= 0) {
      issues.push({
        row,
        column: columnLetter(bad),
        message: `ký tự điều khiển ${controlCharacterIn(String(cells[bad]))} không được phép / control character ${controlCharacterIn(String(cells[bad]))} is not allowed`,
      });
      continue;
    }
    const unitId = String(cells[unitCol] ?? "").trim();
    if (unitId.startsWith("#")) continue;
    if (!unitId) {
      issues.push({ row, column: columnLetter(unitCol), message: "thiếu mã đơn vị / the unit id is empty" });
      continue;
    }
    const rawYear = yearCol >= 0 ? cells[yearCol] : defaultYear;
    const year = rawYear === null || rawYear === undefined || String(rawYear).trim() === "" ? defaultYear : Number(String(rawYear).trim());
    if (year === undefined || !Number.isInteger(year) || year < 2000 || year > 2100) {
      issues.push({ row, column: columnLetter(yearCol), message: `năm không hợp lệ "${String(rawYear)}" / invalid year` });
      continue;
    }
    if (defaultYear !== undefined && year !== defaultYear) {
      issues.push({
        row,
        column: columnLetter(yearCol),
        message: `năm ${year} khác năm đã chọn ${defaultYear}; chọn năm ${year} hoặc sửa tệp / year ${year} differs from the selected year ${defaultYear}`,
      });
      continue;
    }
    if (layout === "long") {
      const key = String(cells[indCol] ?? "").trim();
      if (!key) {
        issues.push({ row, column: columnLetter(indCol), message: "thiếu mã chỉ tiêu / indicator is empty" });
        continue;
      }
      put(row, valCol, unitId, year, key, cells[valCol] ?? null);
      columns.forEach((col, idx) => {
        const attribute = col.kind === "field" ? ATTRIBUTE_FIELDS[col.field] : undefined;
        if (attribute) readAttribute(row, idx, unitId, year, attribute, cells[idx] ?? null);
      });
    } else {
      columns.forEach((col, idx) => {
        if (col.kind === "field") {
          const attribute = ATTRIBUTE_FIELDS[col.field];
          if (attribute) readAttribute(row, idx, unitId, year, attribute, cells[idx] ?? null);
          return;
        }
        if (col.kind !== "indicator" && col.kind !== "input") return;
        const cell = cells[idx] ?? null;
        if (cell === null || String(cell).trim() === "") return;
        put(row, idx, unitId, year, col.kind === "input" ? INPUT_PREFIX + col.name : col.indicatorId, cell);
      });
    }
  }
  return { unitYears: [...byKey.values()], issues, layout, unitColumn: columnLetter(unitCol) };
}
