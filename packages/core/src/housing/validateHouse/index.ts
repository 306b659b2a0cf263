import { type Issue, type Result, fail, ok } from "../../errors/index.js";
import type { JsonPath } from "../../schemas/common.js";
import { domainZodIssues } from "../../ocop/_lib/zodIssues.js";
import { parseDong } from "../../resources/parseDong/index.js";
import { type House, HouseInputSchema } from "../schema.js";

function convert(input: unknown, prefix: JsonPath): { value?: House; issues: Issue[] } {
  const r = HouseInputSchema.safeParse(input);
  if (!r.success) return { issues: domainZodIssues(r.error, prefix) };
  const { supportAmount, ...rest } = r.data;
  const issues: Issue[] = [];
  const amount = parseDong(supportAmount ?? 0n, [...prefix, "supportAmount"]);
  if (!amount.ok) issues.push(...amount.issues);
  if (rest.completedOn !== undefined && rest.status !== "completed") {
    issues.push({
      code: "housing.completed_on_not_completed",
      path: [...prefix, "completedOn"],
      message: `a completion date is only for a completed house (status is "${rest.status}")`,
      params: { status: rest.status },
    });
  }
  if (!amount.ok || issues.length > 0) return { issues };
  return { value: { ...rest, supportAmount: amount.value }, issues: [] };
}

/**
 * Validates one house of the temporary-housing programme; support must be whole đồng.
 * @example
 * validateHouse({ id: "h1", communeUnitId: "x1", status: "completed", supportAmount: "60.000.000", completedOn: "2025-08-30" })
 * // { ok: true, value: { id: "h1", communeUnitId: "x1", status: "completed", supportAmount: 60000000n, completedOn: "2025-08-30" } }
 */
export function validateHouse(input: unknown): Result<House> {
  const { value, issues } = convert(input, []);
  return value ? ok(value) : fail("invalid_input", issues);
}

/**
 * Validates a list of houses, all or nothing, with paths `[row, field]`.
 * @example
 * validateHouses([{ id: "h1", communeUnitId: "x1", status: "temporary", supportAmount: "1,5" }])
 * // { ok: false, kind: "invalid_input", issues: [{ code: "amount.decimal", path: [0, "supportAmount"], ... }] }
 */
export function validateHouses(input: unknown): Result<House[]> {
  if (!Array.isArray(input)) return fail("invalid_input", [{ code: "invalid_type", path: [], message: "expected an array of houses" }]);
  const values: House[] = [];
  const issues: Issue[] = [];
  const ids = new Map<string, number>();
  input.forEach((row, i) => {
    const r = convert(row, [i]);
    if (r.value) {
      const first = ids.get(r.value.id);
      if (first !== undefined)
        issues.push({
          code: "housing.duplicate_id",
          path: [i, "id"],
          message: `house id "${r.value.id}" appears twice (first at [${first}])`,
          params: { id: r.value.id },
        });
      else ids.set(r.value.id, i);
      values.push(r.value);
    }
    issues.push(...r.issues);
  });
  return issues.length > 0 ? fail("invalid_input", issues) : ok(values);
}
