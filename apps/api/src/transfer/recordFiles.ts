/**
 * Reading and sending record files (CSV or XLSX) for the record areas' imports and exports, within the
 * server's import limits. The same reading as the values import (src/routes/transfer.ts), kept here so
 * route files do not import each other.
 */
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { ApiError, type ProblemField } from "../http/problem.js";
import { checkXlsx, readBounded, readCsvBounded } from "./limits.js";
import { type Cell, type Table, parseXlsx, toCsv, toXlsx } from "./table.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The request body as a table: CSV parsed as it streams in, an .xlsx measured before it is parsed.
 * @example
 * const table = await readRecordTable(c);
 */
export async function readRecordTable(c: Context<AppEnv>): Promise<Table> {
  const type = c.req.header("content-type") ?? "";
  const limits = c.get("deps").importLimits;
  const empty = () => new ApiError("bad_request", "Tệp rỗng / the file is empty");
  // A JSON or form body is read (and its stream taken) before the handler: refuse it rather than fail on it.
  if (/json|form-data|x-www-form-urlencoded/i.test(type))
    throw new ApiError(
      "bad_request",
      `Gửi tệp CSV (text/csv) hoặc XLSX, không phải ${type.split(";")[0]} / send a CSV (text/csv) or XLSX file, not ${type.split(";")[0]}`,
    );
  if (!type.includes("spreadsheetml")) {
    const { table, bytes } = await readCsvBounded(c.req.raw, limits);
    if (bytes === 0) throw empty();
    return table;
  }
  const body = await readBounded(c.req.raw, limits.maxBytes);
  if (body.byteLength === 0) throw empty();
  checkXlsx(body, limits);
  try {
    return await parseXlsx(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new ApiError("bad_request", `Không đọc được tệp XLSX / cannot read the .xlsx file: ${(e as Error).message}`);
  }
}

/**
 * Row and column problems as problem+json fields, the first `max`, by row then column.
 * @example
 * rowProblems([{ row: 3, column: "form", message: "…" }], 100) // [{ path: "row 3, column form", row: 3, column: "form", message: "…" }]
 */
export function rowProblems(issues: readonly { row: number; column: string; message: string }[], max: number): ProblemField[] {
  return [...issues]
    .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
    .slice(0, max)
    .map((i) => ({ path: `row ${i.row}, column ${i.column}`, row: i.row, column: i.column, message: i.message }));
}

/**
 * A table as a CSV or XLSX download.
 * @example
 * return sendRecordTable(c, "csv", "khen-thuong", header, rows);
 */
export async function sendRecordTable(
  c: Context<AppEnv>,
  format: "csv" | "xlsx",
  name: string,
  header: string[],
  rows: Cell[][],
): Promise<Response> {
  if (format === "csv")
    return c.body(toCsv(header, rows), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
    });
  return c.body(await toXlsx(name, header, rows), 200, {
    "content-type": XLSX_TYPE,
    "content-disposition": `attachment; filename="${name}.xlsx"`,
  });
}
