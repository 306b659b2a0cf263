import { type CellKind, type Issue, type ValuesField, formatPath, isNotApplicableCell, parseCellValue, readValuesHeader } from "@ntm/core";
import { type CsvRow, csvRecords, fileChunks, parseCsv } from "./csv.js";
import { cellPlace } from "./place.js";
import { CliError, type Problem } from "./exit.js";
import { parseJson, readText } from "./io.js";

/** Values documents read from a file, with a way to name where a problem sits in that file. */
export interface LoadedValues {
  file: string;
  /** True when the file held an array (a batch) or a CSV; false for one JSON document. */
  batch: boolean;
  docs: unknown[];
  /** Turns an issue of document `index` into a located problem (JSON path or CSV row/column). */
  locate: (index: number, issue: Issue) => Problem;
}

/** Columns of the wide CSV format (one row per unit and year); every other column is an indicator id. */
export const CSV_UNIT_COLUMNS = ["unit_id", "unit_name", "level", "region", "commune_group", "flags", "year"] as const;

const UNIT_FIELD_COLUMN: Record<string, string> = {
  id: "unit_id",
  name: "unit_name",
  level: "level",
  region: "region",
  communeGroup: "commune_group",
  flags: "flags",
};

/** The machine name this reader uses for each field of core's header rule. */
const MACHINE_NAME: Record<ValuesField, string> = {
  unit: "unit_id",
  name: "unit_name",
  level: "level",
  year: "year",
  indicator: "indicator",
  value: "value",
  region: "region",
  flags: "flags",
  communeGroup: "commune_group",
};

/**
 * A CSV header read by core's rule (`readValuesHeader`, shared with the API's import): Vietnamese
 * headers ("Mã đơn vị", "Năm"…, tone marks optional) or the machine names become the machine names
 * this reader looks up, indicator and `input:` columns keep their id, `#` and empty columns become "".
 * `shown` names a column as the file wrote it, for messages.
 * @example
 * canonicalHeader(["Mã đơn vị", "Năm", "2.2"]).cols // ["unit_id", "year", "2.2"]
 */
export function canonicalHeader(header: readonly string[]): { cols: string[]; shown: (column: string) => string } {
  const { columns } = readValuesHeader(header);
  const cols = columns.map((c, i) =>
    c.kind === "field"
      ? MACHINE_NAME[c.field]
      : c.kind === "indicator"
        ? c.indicatorId
        : c.kind === "input"
          ? `input:${c.name}`
          : c.kind === "unknown"
            ? (header[i] ?? "").trim()
            : "",
  );
  const original = new Map<string, string>();
  cols.forEach((c, i) => {
    if (c !== "" && !original.has(c)) original.set(c, (header[i] ?? "").trim());
  });
  return { cols, shown: (column) => original.get(column) ?? column };
}

/** Options of {@link loadValues}. */
export interface ValuesOptions {
  defaultLevel: string;
  year?: number;
  /** Each indicator's kind (from the pack), so CSV cells are read as core's parser reads that kind. */
  kinds?: ReadonlyMap<string, CellKind>;
}

/**
 * Reads values from a `.json` file (one document or an array of them) or a `.csv` file (wide: one row
 * per unit; long: `unit_id,year,indicator,value`).
 * @example
 * const loaded = loadValues("examples/values/batch.csv", { defaultLevel: "commune" });
 * loaded.docs.length // 4
 */
export function loadValues(file: string, opts: ValuesOptions): LoadedValues {
  const text = readText(file);
  if (/\.csv$/i.test(file)) return loadCsv(file, text, opts);
  const data = parseJson(text, file);
  const batch = Array.isArray(data);
  const docs = (batch ? data : [data]).map((d) =>
    opts.year !== undefined && d && typeof d === "object" && !Array.isArray(d) ? { ...d, year: opts.year } : d,
  );
  if (batch && docs.length === 0)
    throw new CliError("invalid_input", [
      { file, where: "$", message: "mảng không có tài liệu số liệu nào / the array holds no values documents" },
    ]);
  return {
    file,
    batch,
    docs,
    locate: (i, issue) => ({ file, where: formatPath(batch ? [i, ...issue.path] : issue.path), message: issue.message, code: issue.code }),
  };
}

interface CsvDocPlace {
  line: number;
  /** Line of each indicator's value (long format) or the unit's line (wide format). */
  lineOf: Map<string, number>;
  notApplicable: string[];
}

function loadCsv(file: string, text: string, opts: ValuesOptions): LoadedValues {
  const rows = parseCsv(text, file);
  const header = rows[0];
  if (!header) throw new CliError("invalid_input", [{ file, message: "tệp CSV rỗng / empty CSV file" }]);
  const { cols, shown } = canonicalHeader(header.cells);
  const lower = cols.map((c) => c.toLowerCase());
  const problems: Problem[] = [];
  const at = (line: number, column: string) => cellPlace({ row: line, column: shown(column), quote: true });
  if (!lower.includes("unit_id"))
    throw new CliError("invalid_input", [
      { file, where: cellPlace({ row: 1 }), message: 'thiếu cột "Mã đơn vị" (hoặc unit_id) / missing column "Mã đơn vị" (or unit_id)' },
    ]);
  const long = lower.includes("indicator") && lower.includes("value");
  const docs: Record<string, unknown>[] = [];
  const places: CsvDocPlace[] = [];
  const byKey = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const get = (name: string): string | undefined => {
      const i = lower.indexOf(name);
      return i < 0 ? undefined : row.cells[i]?.trim();
    };
    const unitId = get("unit_id") ?? "";
    if (unitId === "") {
      problems.push({ file, where: at(row.line, "unit_id"), message: "thiếu mã đơn vị / empty unit id" });
      continue;
    }
    const yearText = opts.year !== undefined ? String(opts.year) : get("year");
    const year = yearText !== undefined && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    if (year === undefined) {
      problems.push({
        file,
        where: at(row.line, "year"),
        message: yearText
          ? `"${yearText}" không phải năm / is not a year`
          : "thiếu năm: thêm cột year hoặc dùng --year / no year: add a year column or pass --year",
      });
      continue;
    }
    const key = `${unitId}\u0000${year}`;
    let index = byKey.get(key);
    if (index === undefined || !long) {
      if (index !== undefined) {
        problems.push({
          file,
          where: at(row.line, "unit_id"),
          message: `đơn vị ${unitId} năm ${year} bị trùng, lần đầu ở dòng ${places[index]!.line} / unit ${unitId} appears twice for ${year}, first on row ${places[index]!.line}`,
        });
        continue;
      }
      const unit: Record<string, unknown> = { id: unitId, name: get("unit_name") || unitId, level: get("level") || opts.defaultLevel };
      const region = get("region");
      if (region) unit["region"] = region;
      const group = get("commune_group");
      if (group) {
        if (/^[123]$/.test(group)) unit["communeGroup"] = Number(group);
        else
          problems.push({
            file,
            where: at(row.line, "commune_group"),
            message: `nhóm xã phải là 1, 2 hoặc 3 / commune group must be 1, 2 or 3, got "${group}"`,
          });
      }
      const flags = get("flags");
      if (flags) unit["flags"] = flags.split(/[|\s]+/).filter(Boolean);
      index = docs.length;
      byKey.set(key, index);
      docs.push({ unit, year, values: {} });
      places.push({ line: row.line, lineOf: new Map(), notApplicable: [] });
    }
    const doc = docs[index]!;
    const place = places[index]!;
    const values = doc["values"] as Record<string, unknown>;
    const put = (indicator: string, raw: string, column: string) => {
      if (isNotApplicableCell(raw)) {
        place.notApplicable.push(indicator);
        place.lineOf.set(indicator, row.line);
        doc["notApplicable"] = place.notApplicable;
        return;
      }
      // Read by the indicator's kind when the pack is known (1/0 in a yes/no cell; no yes/no word in a number cell).
      const kind = opts.kinds?.get(indicator);
      const v = parseCellValue(raw, kind ? { kind } : undefined);
      if (v === undefined) {
        problems.push({
          file,
          where: at(row.line, column),
          message: `không đọc được "${raw}": cần số, Đạt/Không hoặc để trống / cannot read "${raw}" as a number, Đạt/Không or empty`,
        });
        return;
      }
      if (raw.trim() === "" && !long) return; // an empty wide cell means "not reported": leave it out
      values[indicator] = v;
      place.lineOf.set(indicator, row.line);
    };
    if (long) {
      const indicator = get("indicator") ?? "";
      if (indicator === "") problems.push({ file, where: at(row.line, "indicator"), message: "thiếu mã chỉ tiêu / empty indicator id" });
      else if (place.lineOf.has(indicator))
        problems.push({
          file,
          where: at(row.line, "indicator"),
          message: `chỉ tiêu ${indicator} của ${unitId} năm ${year} bị trùng, lần đầu ở dòng ${place.lineOf.get(indicator)} / indicator ${indicator} given twice for unit ${unitId}, ${year}`,
        });
      else put(indicator, get("value") ?? "", "value");
    } else {
      cols.forEach((col, i) => {
        if ((CSV_UNIT_COLUMNS as readonly string[]).includes(lower[i]!) || col === "") return;
        put(col, row.cells[i] ?? "", col);
      });
    }
  }
  if (problems.length) throw new CliError("invalid_input", problems);
  if (docs.length === 0)
    throw new CliError("invalid_input", [{ file, message: "tệp CSV không có dòng số liệu / the CSV file has a header but no rows" }]);
  const locate = (i: number, issue: Issue): Problem => {
    const place = places[i]!;
    const [head, second] = issue.path;
    let where = cellPlace({ row: place.line });
    if (head === "values" && typeof second === "string") where = at(place.lineOf.get(second) ?? place.line, long ? "value" : second);
    else if (head === "notApplicable" && typeof second === "number") {
      const ind = place.notApplicable[second];
      where = ind === undefined ? where : at(place.lineOf.get(ind) ?? place.line, long ? "value" : ind);
    } else if (head === "unit" && typeof second === "string") where = at(place.line, UNIT_FIELD_COLUMN[second] ?? second);
    else if (head === "year") where = at(place.line, "year");
    return { file, where, message: issue.message, code: issue.code };
  };
  return { file, batch: true, docs, locate };
}

/** One values document read from a file, or the problems that kept a row from becoming one. */
export interface ValuesItem {
  /** The document; undefined when the row had problems. */
  doc: unknown;
  problems: Problem[];
  /** Turns an issue of this document into a located problem (JSON path or CSV row/column). */
  locate: (issue: Issue) => Problem;
}

/** A values file opened for one or more passes, document by document. */
export interface ValuesSource {
  file: string;
  /** True when the file holds an array (a batch) or a CSV; false for one JSON document. */
  batch: boolean;
  /** True when `items()` reads the file as it goes (memory holds one row, not the file). */
  streamed: boolean;
  /** The documents in file order; each call reads the file again. */
  items(): Iterable<ValuesItem>;
}

/**
 * Opens a values file for streaming passes. A wide CSV (one row per unit) is read row by row, so a
 * file of a million rows needs the memory of one row (plus the set of unit–year keys that catches
 * duplicates); a long CSV (rows of one unit may be apart) and JSON are read whole ({@link loadValues}).
 * @example
 * for (const { doc, problems } of openValues("big.csv", { defaultLevel: "commune" }).items()) ...
 */
export function openValues(file: string, opts: ValuesOptions): ValuesSource {
  if (/\.csv$/i.test(file)) {
    const header = firstRow(file);
    const lower = header ? canonicalHeader(header.cells).cols.map((c) => c.toLowerCase()) : [];
    const long = lower.includes("indicator") && lower.includes("value");
    if (header && lower.includes("unit_id") && !long) return { file, batch: true, streamed: true, items: () => wideItems(file, opts) };
  }
  const loaded = loadValues(file, opts);
  return {
    file,
    batch: loaded.batch,
    streamed: false,
    items: () => loaded.docs.map((doc, i) => ({ doc, problems: [], locate: (issue: Issue) => loaded.locate(i, issue) })),
  };
}

function firstRow(file: string): CsvRow | undefined {
  for (const row of csvRecords(fileChunks(file, 1 << 16), file)) return row;
  return undefined;
}

function* wideItems(file: string, opts: ValuesOptions): Generator<ValuesItem> {
  let cols: string[] = [];
  let lower: string[] = [];
  let shown = (column: string) => column;
  let columnIndex = new Map<string, number>();
  let any = false;
  const seen = new Map<string, number>();
  for (const row of csvRecords(fileChunks(file), file)) {
    if (row.line === 1 || cols.length === 0) {
      ({ cols, shown } = canonicalHeader(row.cells));
      lower = cols.map((c) => c.toLowerCase());
      columnIndex = new Map(lower.map((c, i) => [c, i] as const).reverse());
      continue;
    }
    any = true;
    const get = (name: string): string | undefined => {
      const i = columnIndex.get(name);
      return i === undefined ? undefined : row.cells[i]?.trim();
    };
    const problems: Problem[] = [];
    const at = (line: number, column: string) => cellPlace({ row: line, column: shown(column), quote: true });
    const none = {
      doc: undefined,
      problems,
      locate: (issue: Issue): Problem => ({ file, where: cellPlace({ row: row.line }), message: issue.message, code: issue.code }),
    };
    const unitId = get("unit_id") ?? "";
    if (unitId === "") {
      problems.push({ file, where: at(row.line, "unit_id"), message: "thiếu mã đơn vị / empty unit id" });
      yield none;
      continue;
    }
    const yearText = opts.year !== undefined ? String(opts.year) : get("year");
    const year = yearText !== undefined && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    if (year === undefined) {
      problems.push({
        file,
        where: at(row.line, "year"),
        message: yearText
          ? `"${yearText}" không phải năm / is not a year`
          : "thiếu năm: thêm cột year hoặc dùng --year / no year: add a year column or pass --year",
      });
      yield none;
      continue;
    }
    const key = `${unitId}\u0000${year}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      problems.push({
        file,
        where: at(row.line, "unit_id"),
        message: `đơn vị ${unitId} năm ${year} bị trùng, lần đầu ở dòng ${firstLine} / unit ${unitId} appears twice for ${year}, first on row ${firstLine}`,
      });
      yield none;
      continue;
    }
    seen.set(key, row.line);
    const unit: Record<string, unknown> = { id: unitId, name: get("unit_name") || unitId, level: get("level") || opts.defaultLevel };
    const region = get("region");
    if (region) unit["region"] = region;
    const group = get("commune_group");
    if (group) {
      if (/^[123]$/.test(group)) unit["communeGroup"] = Number(group);
      else
        problems.push({
          file,
          where: at(row.line, "commune_group"),
          message: `nhóm xã phải là 1, 2 hoặc 3 / commune group must be 1, 2 or 3, got "${group}"`,
        });
    }
    const flags = get("flags");
    if (flags) unit["flags"] = flags.split(/[|\s]+/).filter(Boolean);
    const values: Record<string, unknown> = {};
    const doc: Record<string, unknown> = { unit, year, values };
    const notApplicable: string[] = [];
    cols.forEach((col, i) => {
      if ((CSV_UNIT_COLUMNS as readonly string[]).includes(lower[i]!) || col === "") return;
      const raw = row.cells[i] ?? "";
      if (isNotApplicableCell(raw)) {
        notApplicable.push(col);
        doc["notApplicable"] = notApplicable;
        return;
      }
      // Read by the indicator's kind when the pack is known (1/0 in a yes/no cell; no yes/no word in a number cell).
      const kind = opts.kinds?.get(col);
      const v = parseCellValue(raw, kind ? { kind } : undefined);
      if (v === undefined) {
        problems.push({
          file,
          where: at(row.line, col),
          message: `không đọc được "${raw}": cần số, Đạt/Không hoặc để trống / cannot read "${raw}" as a number, Đạt/Không or empty`,
        });
        return;
      }
      if (raw.trim() === "") return; // an empty wide cell means "not reported": leave it out
      values[col] = v;
    });
    const locate = (issue: Issue): Problem => {
      const [head, second] = issue.path;
      let where = cellPlace({ row: row.line });
      if (head === "values" && typeof second === "string") where = at(row.line, second);
      else if (head === "notApplicable" && typeof second === "number") {
        const ind = notApplicable[second];
        where = ind === undefined ? where : at(row.line, ind);
      } else if (head === "unit" && typeof second === "string") where = at(row.line, UNIT_FIELD_COLUMN[second] ?? second);
      else if (head === "year") where = at(row.line, "year");
      return { file, where, message: issue.message, code: issue.code };
    };
    yield problems.length ? { doc: undefined, problems, locate } : { doc, problems, locate };
  }
  if (!any)
    throw new CliError("invalid_input", [
      {
        file,
        message: cols.length ? "tệp CSV không có dòng số liệu / the CSV file has a header but no rows" : "tệp CSV rỗng / empty CSV file",
      },
    ]);
}
