import type { IsoDate, Reason } from "../../schemas/common.js";
import { type OcopStatusOptions, ocopStatus } from "../ocopStatus/index.js";
import { DEFAULT_OCOP_COMMUNE_TARGET, type OcopProduct, type OcopProductGroup } from "../schema.js";

/** OCOP counts of one commune against the target. */
export interface CommuneOcopCount {
  unitId: string;
  /** Every product listed for the commune, whatever its state. */
  listed: number;
  /** Recognised products with a certificate in force on `asOf` (valid or renewal due): what counts toward the target. */
  recognised: number;
  byStars: { 3: number; 4: number; 5: number };
  byGroup: Partial<Record<OcopProductGroup, number>>;
  renewalDue: string[];
  expired: string[];
  notRecognised: string[];
  revoked: string[];
  target: number;
  targetIsDefault: boolean;
  met: boolean;
  reasons: Reason[];
}

/** Options of {@link countOcopByCommune}. */
export interface CountOcopOptions extends OcopStatusOptions {
  /** Recognised products each commune should have; default {@link DEFAULT_OCOP_COMMUNE_TARGET} (2, a default: the plan gives no number). */
  target?: number;
  /** Communes to report even when they have no product (so a commune with none shows as not met). */
  communeIds?: readonly string[];
}

/**
 * Counts each commune's OCOP products on `asOf` and checks them against a target ("phấn đấu mỗi xã có
 * nhiều sản phẩm OCOP": the plan gives no number, so the target is a parameter). Only products
 * recognised with a certificate in force count (3–5 stars; valid or renewal due); expired, revoked
 * and unrecognised ones are listed in reasons. Communes come out sorted by id.
 * @example
 * countOcopByCommune(products, "2025-06-30", { target: 3, communeIds: ["x1", "x2"] })
 *   .map((c) => [c.unitId, c.recognised, c.met]) // [["x1", 3, true], ["x2", 0, false]]
 */
export function countOcopByCommune(products: readonly OcopProduct[], asOf: IsoDate, options: CountOcopOptions = {}): CommuneOcopCount[] {
  const target = options.target ?? DEFAULT_OCOP_COMMUNE_TARGET.products;
  if (!Number.isInteger(target) || target < 1) throw new RangeError(`target must be a whole number ≥ 1, got ${target}`);
  const targetIsDefault = options.target === undefined;
  const statusOptions: OcopStatusOptions = options.renewalWindowDays === undefined ? {} : { renewalWindowDays: options.renewalWindowDays };
  const ids = new Set<string>(options.communeIds ?? []);
  // Products by commune in one pass (a province has thousands of each: no filter per commune).
  const byCommune = new Map<string, OcopProduct[]>();
  for (const p of products) {
    ids.add(p.communeUnitId);
    const list = byCommune.get(p.communeUnitId);
    if (list) list.push(p);
    else byCommune.set(p.communeUnitId, [p]);
  }

  return [...ids].sort().map((unitId) => {
    const own = byCommune.get(unitId) ?? [];
    const c: CommuneOcopCount = {
      unitId,
      listed: own.length,
      recognised: 0,
      byStars: { 3: 0, 4: 0, 5: 0 },
      byGroup: {},
      renewalDue: [],
      expired: [],
      notRecognised: [],
      revoked: [],
      target,
      targetIsDefault,
      met: false,
      reasons: [],
    };
    for (const p of own) {
      const s = ocopStatus(p, asOf, statusOptions).status;
      if (s === "valid" || s === "renewal_due") {
        c.recognised += 1;
        c.byStars[p.stars as 3 | 4 | 5] += 1;
        c.byGroup[p.group] = (c.byGroup[p.group] ?? 0) + 1;
        if (s === "renewal_due") c.renewalDue.push(p.id);
      } else if (s === "expired") c.expired.push(p.id);
      else if (s === "revoked") c.revoked.push(p.id);
      else c.notRecognised.push(p.id);
    }
    c.met = c.recognised >= target;
    const path = ["communes", unitId];
    const params = { unit: unitId, count: c.recognised, target, targetIsDefault, asOf };
    c.reasons.push({
      code: c.met ? "ocop.commune_target_met" : "ocop.commune_target_not_met",
      path,
      params: c.met ? params : { ...params, gap: target - c.recognised },
    });
    if (targetIsDefault)
      c.reasons.push({ code: "ocop.target_is_default", path, params: { target, note: DEFAULT_OCOP_COMMUNE_TARGET.note } });
    const listReason = (code: string, list: string[]) => {
      if (list.length > 0) c.reasons.push({ code, path, params: { unit: unitId, count: list.length, products: [...list] } });
    };
    listReason("ocop.products_renewal_due", c.renewalDue);
    listReason("ocop.products_expired", c.expired);
    listReason("ocop.products_revoked", c.revoked);
    listReason("ocop.products_not_recognised", c.notRecognised);
    return c;
  });
}
