import { type HousingSummary, summariseHouses } from "../_lib/summarise.js";
import type { House } from "../schema.js";

/**
 * Summarises the temporary-housing programme per commune: houses by status, those still temporary or
 * dilapidated, support in whole đồng and the completed share. Communes come sorted by id; pass
 * `communeIds` to include communes with no recorded house.
 * @example
 * summariseHousing(houses, ["x1", "x2"]).map((s) => [s.unitId, s.remaining]) // [["x1", 2], ["x2", 0]]
 */
export function summariseHousing(houses: readonly House[], communeIds: readonly string[] = []): HousingSummary[] {
  const ids = new Set(communeIds);
  for (const h of houses) ids.add(h.communeUnitId);
  return [...ids].sort().map((id) =>
    summariseHouses(
      houses.filter((h) => h.communeUnitId === id),
      id,
      [id],
    ),
  );
}
