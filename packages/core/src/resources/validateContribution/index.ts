import { type Issue, type Result, fail, ok } from "../../errors/index.js";
import { parsePeriod } from "../../period/index.js";
import type { JsonPath } from "../../schemas/common.js";
import { domainZodIssues } from "../../ocop/_lib/zodIssues.js";
import { parseDong } from "../parseDong/index.js";
import { type Contribution, ContributionInputSchema } from "../schema.js";

function convert(input: unknown, prefix: JsonPath): { value?: Contribution; issues: Issue[] } {
  const r = ContributionInputSchema.safeParse(input);
  if (!r.success) return { issues: domainZodIssues(r.error, prefix) };
  const raw = r.data;
  const amount = parseDong(raw.amount, [...prefix, "amount"]);
  if (!amount.ok) return { issues: amount.issues };
  let period = raw.period;
  if (typeof period === "string") {
    const p = parsePeriod(period);
    if (!p.ok) return { issues: p.issues.map((i) => ({ ...i, path: [...prefix, "period"] })) };
    period = p.value;
  }
  const value: Contribution = { unitId: raw.unitId, period, source: raw.source, amount: amount.value };
  if (raw.id !== undefined) value.id = raw.id;
  if (raw.note !== undefined) value.note = raw.note;
  return { value, issues: [] };
}

/**
 * Validates one contribution: shape, period ("2025", "2025S1", "2025Q3", "2025-05") and amount in
 * whole units (see {@link parseDong}). Issues carry JSON paths such as `["amount"]`.
 * @example
 * validateContribution({ unitId: "x1", period: "2025", source: "people_cash", amount: "1.250.000" })
 * // { ok: true, value: { unitId: "x1", period: { kind: "year", year: 2025 }, source: "people_cash", amount: 1250000n } }
 */
export function validateContribution(input: unknown): Result<Contribution> {
  const { value, issues } = convert(input, []);
  return value ? ok(value) : fail("invalid_input", issues);
}

/**
 * Validates a list of contributions, all or nothing: every bad row is reported (path `[row, field]`)
 * and no partial list is returned.
 * @example
 * validateContributions([{ unitId: "x1", period: "2025", source: "credit", amount: "1,5" }])
 * // { ok: false, kind: "invalid_input", issues: [{ code: "amount.decimal", path: [0, "amount"], ... }] }
 */
export function validateContributions(input: unknown): Result<Contribution[]> {
  if (!Array.isArray(input))
    return fail("invalid_input", [{ code: "invalid_type", path: [], message: "expected an array of contributions" }]);
  const values: Contribution[] = [];
  const issues: Issue[] = [];
  input.forEach((row, i) => {
    const r = convert(row, [i]);
    if (r.value) values.push(r.value);
    issues.push(...r.issues);
  });
  return issues.length > 0 ? fail("invalid_input", issues) : ok(values);
}
