import { type Issue, type Result, fail, ok } from "../../errors/index.js";
import { formatReason } from "../../i18n/formatReason.js";
import type { Reason } from "../../schemas/common.js";
import type { CriteriaPack } from "../../schemas/pack.js";
import type { PackAdoption } from "../schema.js";
import { endDate, rangesOverlap, startDate } from "../_lib/period.js";
import { adoptionPeriod } from "../selectPack/index.js";

/** Finds a (resolved) pack by id, as a registry's `get` does. */
export type PackByIdLookup = (id: string) => Pick<CriteriaPack, "id" | "level" | "tier" | "effective"> | undefined;

const issue = (r: Reason): Issue => ({ ...r, message: `${formatReason(r, "vi")} / ${formatReason(r, "en")}` });

/**
 * Checks a new or changed adoption against its pack and the adoptions already stored (the candidate's
 * own stored version, same `id`, is ignored). Refused, with reasons carrying code, path and params:
 * - `adoption.pack_unknown` (`packId`): no such pack;
 * - `adoption.level_mismatch` / `adoption.tier_mismatch` (`level` / `tier`): the pack is of another level or tier;
 * - `adoption.period_reversed` (`to`): the period ends before it starts;
 * - `adoption.outside_pack_effective` (`from` / `to`): the period reaches years the pack's own effective
 *   period does not touch (a pack applies to the years its effective period touches, as in `evaluateUnit`);
 * - `adoption.overlap` (`from`), kind `conflict`: another adoption for the same scope, level and tier
 *   covers part of the same period, so which pack applies would be ambiguous. An open end is closed by
 *   the pack's effective end.
 * @example
 * checkAdoption(stored, { id: "a-9", packId: "vn.commune-ntm.2021-2025", scopeUnitId: "p-demo", tier: "standard", level: "commune", from: 2024, to: 2025, version: 1 }, (id) => registry.get(id))
 * // { ok: false, kind: "conflict", issues: [{ code: "adoption.overlap", path: ["from"], params: { otherId: "a-1", ... }, message: "..." }] }
 */
export function checkAdoption(existing: readonly PackAdoption[], candidate: PackAdoption, packs: PackByIdLookup): Result<PackAdoption> {
  const pack = packs(candidate.packId);
  if (!pack)
    return fail("invalid_input", [issue({ code: "adoption.pack_unknown", path: ["packId"], params: { packId: candidate.packId } })]);
  const reasons: Reason[] = [];
  const c = { packId: pack.id, level: candidate.level, tier: candidate.tier };
  if (pack.level !== candidate.level)
    reasons.push({ code: "adoption.level_mismatch", path: ["level"], params: { ...c, packLevel: pack.level } });
  if (pack.tier !== candidate.tier) reasons.push({ code: "adoption.tier_mismatch", path: ["tier"], params: { ...c, packTier: pack.tier } });
  const from = startDate(candidate.from);
  const to = endDate(candidate.to);
  if (to !== undefined && to < from) reasons.push({ code: "adoption.period_reversed", path: ["to"], params: { from, to } });
  const packFromYear = Number(pack.effective.from.slice(0, 4));
  const packToYear = pack.effective.to ? Number(pack.effective.to.slice(0, 4)) : null;
  const outside = { packId: pack.id, from, to: to ?? null, packFromYear, packToYear };
  if (from < `${packFromYear}-01-01`) reasons.push({ code: "adoption.outside_pack_effective", path: ["from"], params: outside });
  else if (to !== undefined && packToYear !== null && to > `${packToYear}-12-31`)
    reasons.push({ code: "adoption.outside_pack_effective", path: ["to"], params: outside });
  if (reasons.length) return fail("invalid_input", reasons.map(issue));
  const mine = adoptionPeriod(candidate, packs);
  const overlaps = existing
    .filter(
      (e) => e.id !== candidate.id && e.scopeUnitId === candidate.scopeUnitId && e.level === candidate.level && e.tier === candidate.tier,
    )
    .filter((e) => rangesOverlap(mine, adoptionPeriod(e, packs)))
    .map((e): Reason => {
      const p = adoptionPeriod(e, packs);
      return {
        code: "adoption.overlap",
        path: ["from"],
        params: {
          ...c,
          scopeUnitId: candidate.scopeUnitId,
          from: mine.from,
          to: mine.to ?? null,
          otherId: e.id,
          otherPackId: e.packId,
          otherFrom: p.from,
          otherTo: p.to ?? null,
        },
      };
    });
  return overlaps.length ? fail("conflict", overlaps.map(issue)) : ok(candidate);
}
