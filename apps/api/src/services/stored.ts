/**
 * Stored JSON read back: every jsonb column the services read goes through `parseStored` with a
 * schema (core's where one exists), never a cast. A value that does not match is a server-side data
 * fault, not bad input: it is logged and answered as a 500-class `stored_data_invalid` problem that
 * names the table, the row, the column and the JSON path.
 */
import { formatPath } from "@ntm/core";
import type { z } from "zod";
import { ApiError } from "../http/problem.js";

/** Where a stored value was read from. */
export interface StoredAt {
  table: string;
  id: string | number;
  column: string;
}

/**
 * The error for a stored value that does not match its schema (also used by cheap structural checks).
 * @example
 * throw storedDataInvalid({ table: "indicator_values", id: 7, column: "values" }, ["2.1"], "expected a number");
 */
export function storedDataInvalid(at: StoredAt, path: readonly PropertyKey[], message: string): ApiError {
  const where = `${at.table}[${JSON.stringify(at.id)}].${at.column}`;
  const jsonPath = formatPath(path.map((p) => (typeof p === "symbol" ? String(p) : p)));
  console.error(`[ntm] stored data invalid: ${where} at ${jsonPath}: ${message}`);
  return new ApiError(
    "stored_data_invalid",
    `Dữ liệu đã lưu không hợp lệ (${where}, ${jsonPath}) / stored data invalid in table ${at.table}, row ${String(at.id)}, column ${at.column} at ${jsonPath}: ${message}`,
    [{ path: jsonPath, message, code: "stored_data_invalid" }],
  );
}

/**
 * Parses a stored JSON value with its schema; throws `stored_data_invalid` (500) naming the table,
 * row id, column and JSON path of the first problem.
 * @example
 * const plan = parseStored(PlanSchema, row.data, { table: "plans", id: row.id, column: "data" });
 */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, at: StoredAt): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  throw storedDataInvalid(at, first?.path ?? [], first?.message ?? "does not match its schema");
}

/** The jsonb columns of an indicator_values row. */
export interface StoredValuesColumns {
  values: Record<string, number | boolean | null>;
  inputs: Record<string, number>;
  notApplicable: string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A cheap structural check of an indicator_values row's jsonb columns (values: number, boolean or
 * null; inputs: finite numbers; notApplicable: strings), used instead of a zod parse because roll-ups
 * read thousands of rows per request: it checks the same shape as core's UnitValuesSchema fields at a
 * fraction of the cost. Throws `stored_data_invalid` like {@link parseStored}; returns the row itself.
 * @example
 * checkStoredValues({ values: { "2.1": 95 }, inputs: {}, notApplicable: [] }, 7) // the same object
 */
export function checkStoredValues<R extends StoredValuesColumns>(row: R, id: string | number): R {
  const { values, inputs, notApplicable } = row;
  if (!isPlainObject(values)) throw badValues(id, "values", [], "expected an object");
  for (const k of Object.keys(values)) {
    const v = values[k];
    if (typeof v !== "number" ? v !== null && typeof v !== "boolean" : !Number.isFinite(v))
      throw badValues(id, "values", [k], "expected a number, true/false or null");
  }
  if (!isPlainObject(inputs)) throw badValues(id, "inputs", [], "expected an object");
  for (const k of Object.keys(inputs)) if (!Number.isFinite(inputs[k])) throw badValues(id, "inputs", [k], "expected a number");
  if (!Array.isArray(notApplicable)) throw badValues(id, "not_applicable", [], "expected an array");
  for (let i = 0; i < notApplicable.length; i++)
    if (typeof notApplicable[i] !== "string") throw badValues(id, "not_applicable", [i], "expected a string");
  return row;
}

const badValues = (id: string | number, column: string, path: readonly PropertyKey[], message: string) =>
  storedDataInvalid({ table: "indicator_values", id, column }, path, message);
