import type { JsonPath } from "../../schemas/common.js";
import type { Plan } from "../schemas.js";

/** One difference between two versions of a plan; keyed items are addressed by their code or id. */
export interface PlanChange {
  kind: "added" | "removed" | "changed";
  /** e.g. ["number"], ["tasks", "II.6"], ["tasks", "II.6", "links"]. */
  path: JsonPath;
  before?: unknown;
  after?: unknown;
}

/** Collections whose items have a stable key: changes are reported per item and field, not per index. */
const KEYED: Readonly<Partial<Record<keyof Plan, string>>> = {
  purposes: "code",
  tasks: "code",
  assignments: "code",
  assignees: "id",
  reportingDuties: "id",
};

const FIELDS: readonly (keyof Plan)[] = [
  "id",
  "number",
  "date",
  "title",
  "issuer",
  "basis",
  "period",
  "purposes",
  "tasks",
  "assignments",
  "assignees",
  "reportingDuties",
  "recipients",
  "signer",
  "template",
  "parent",
];

/** Structural equality of JSON-like values (object key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function diffKeyed(
  field: string,
  key: string,
  before: readonly Record<string, unknown>[],
  after: readonly Record<string, unknown>[],
  out: PlanChange[],
): void {
  const old = new Map(before.map((x) => [String(x[key]), x]));
  const now = new Map(after.map((x) => [String(x[key]), x]));
  for (const [k, x] of old) if (!now.has(k)) out.push({ kind: "removed", path: [field, k], before: x });
  for (const [k, y] of now) {
    const x = old.get(k);
    if (!x) {
      out.push({ kind: "added", path: [field, k], after: y });
      continue;
    }
    for (const f of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (sameJson(x[f], y[f])) continue;
      const [b, c] = [x[f], y[f]];
      out.push({
        kind: b === undefined ? "added" : c === undefined ? "removed" : "changed",
        path: [field, k, f],
        ...(b !== undefined ? { before: b } : {}),
        ...(c !== undefined ? { after: c } : {}),
      });
    }
  }
  // Same items in another order is a change of the list's order.
  const common = (xs: Iterable<string>, other: Map<string, unknown>) => [...xs].filter((k) => other.has(k));
  if (!sameJson(common(old.keys(), now), common(now.keys(), old)))
    out.push({ kind: "changed", path: [field], before: [...old.keys()], after: [...now.keys()] });
}

/**
 * The differences between two versions of a plan, for its version history: scalar and whole-object
 * fields by name, and tasks, purposes, assignments, assignees and reporting duties item by item
 * (keyed by code or id) and field by field. Empty when the versions are equal.
 * @example
 * diffPlans(plan, { ...plan, number: "12-KH/HU" }) // [{ kind: "changed", path: ["number"], before: null, after: "12-KH/HU" }]
 */
export function diffPlans(before: Plan, after: Plan): PlanChange[] {
  const out: PlanChange[] = [];
  for (const field of FIELDS) {
    const a = before[field];
    const b = after[field];
    if (sameJson(a, b)) continue;
    const key = KEYED[field];
    if (key && Array.isArray(a) && Array.isArray(b))
      diffKeyed(field, key, a as Record<string, unknown>[], b as Record<string, unknown>[], out);
    else
      out.push({
        kind: a === undefined ? "added" : b === undefined ? "removed" : "changed",
        path: [field],
        ...(a !== undefined ? { before: a } : {}),
        ...(b !== undefined ? { after: b } : {}),
      });
  }
  return out;
}
