import { type Result, fail, ok } from "../../errors/index.js";
import { type UnitLink, subtreeIds } from "../_lib/subtree.js";
import type { Contribution } from "../schema.js";
import { type ContributionFilter, type ResourceSummary, summariseContributions } from "../summariseContributions/index.js";

/** A roll-up: the summary of a unit and everything below it. */
export interface ResourceRollUp extends ResourceSummary {
  rootId: string;
  /** The units included: the root first, then its descendants breadth-first. */
  unitIds: string[];
}

/**
 * Rolls contributions up a unit subtree (a province, a commune and its hamlets…) given parent links,
 * then summarises them as {@link summariseContributions} does. Fails with `not_found` for an unknown
 * root, or `invalid_input` for duplicate ids or a cycle in the parent links.
 * @example
 * rollUpContributions(contributions, [{ id: "p" }, { id: "x1", parentId: "p" }, { id: "x2", parentId: "p" }], "p")
 * // { ok: true, value: { rootId: "p", unitIds: ["p", "x1", "x2"], totals: {...}, bySource: [...], ... } }
 */
export function rollUpContributions(
  contributions: readonly Contribution[],
  units: readonly UnitLink[],
  rootId: string,
  filter: Omit<ContributionFilter, "unitIds"> = {},
): Result<ResourceRollUp> {
  const ids = subtreeIds(units, rootId);
  if (!ids.ok) return fail(ids.kind, ids.issues);
  const summary = summariseContributions(contributions, { ...filter, unitIds: ids.value });
  return ok({ rootId, unitIds: ids.value, ...summary });
}
