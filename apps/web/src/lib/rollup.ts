import type { ApiRollup, CellStatus, PackView, Rollup, RollupCommune, Unit } from "../api/types";

// The tier buckets and the count per bucket are core's (one definition for the API and the web app):
// none, standard, advanced, model and modern, each commune counted once at its highest tier.
export { TIER_BUCKETS, countByTier, countUndetermined, tierBucketOf, type TierBucket } from "@ntm/core";

/**
 * Normalises a criterion or indicator status to one of the heat-map cell kinds.
 * @example
 * cellKind("indeterminate") // "unknown_threshold"
 */
export function cellKind(status: CellStatus | string | undefined): "met" | "not_met" | "missing" | "unknown_threshold" | "not_applicable" {
  switch (status) {
    case "met":
      return "met";
    case "not_met":
      return "not_met";
    case "unknown_threshold":
    case "indeterminate":
      return "unknown_threshold";
    case "not_applicable":
      return "not_applicable";
    default:
      return "missing";
  }
}

export type CommuneSort = "name" | "criteriaMet" | "lost";

/**
 * Filters communes by a case- and accent-insensitive name query and sorts them.
 * @example
 * filterCommunes(rows, "an", "criteriaMet").map((c) => c.name) // ["Xã An Bình", "Xã An Hòa"] (most criteria first)
 */
export function filterCommunes(communes: readonly RollupCommune[], query: string, sort: CommuneSort): RollupCommune[] {
  const q = fold(query.trim());
  const rows = q ? communes.filter((c) => fold(c.name).includes(q) || c.unitId.toLowerCase().includes(q)) : [...communes];
  const byName = (a: RollupCommune, b: RollupCommune) => a.name.localeCompare(b.name, "vi");
  if (sort === "name") return rows.sort(byName);
  if (sort === "criteriaMet") return rows.sort((a, b) => b.criteriaMet - a.criteriaMet || byName(a, b));
  return rows.sort((a, b) => (b.lost?.length ?? 0) - (a.lost?.length ?? 0) || byName(a, b));
}

/**
 * Lowercases and strips Vietnamese diacritics, so "Hòa" matches "hoa".
 * @example
 * fold("Đồng Hòa") // "dong hoa"
 */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/**
 * Builds the overview from the API's roll-up: criteria in pack order with names, each commune's
 * criteria as cells, the criteria lost since the previous year's roll-up, and the count of
 * thresholds that are not verified law.
 * @example
 * toRollupView(api2024, api2023, pack, units).communes[0].lost // ["10"]
 */
export function toRollupView(api: ApiRollup, previous: ApiRollup | null, pack: PackView | null, units: readonly Unit[]): Rollup {
  const ids = pack
    ? pack.criteria.map((c) => c.id)
    : [...new Set(api.communes.flatMap((c) => Object.keys(c.criteria)))].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const names = new Map(pack?.criteria.map((c) => [c.id, c]) ?? []);
  const prev = new Map(previous?.communes.map((c) => [c.unitId, c]) ?? []);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const unverified = pack ? pack.criteria.reduce((n, c) => n + c.indicators.filter((i) => !i.verified).length, 0) : 0;
  const out: Rollup = {
    unitId: api.unitId,
    year: api.year,
    ...(api.packId !== null ? { packId: api.packId } : {}),
    example: api.example,
    unverifiedCount: unverified,
    criteria: ids.map((id) => {
      const c = names.get(id);
      return { id, name: c?.name ?? { vi: id, en: id }, ...(c?.key ? { key: true } : {}) };
    }),
    targets: api.targets,
    incomeVs2020: api.incomeVs2020,
    communes: api.communes.map((c) => {
      const before = prev.get(c.unitId);
      const lost = before ? ids.filter((id) => before.criteria[id] === "met" && c.criteria[id] !== "met") : [];
      const parentName = c.parentId ? unitName.get(c.parentId) : undefined;
      return {
        unitId: c.unitId,
        name: c.name,
        ...(parentName ? { parentName } : {}),
        tier: c.tierReached,
        status: c.status,
        criteriaMet: c.criteriaMet,
        criteriaTotal: c.criteriaTotal,
        revoke: c.revoke,
        criteria: ids.map((id) => ({ id, status: c.criteria[id] ?? "missing" })),
        lost,
        undetermined: c.undetermined ?? null,
      };
    }),
  };
  const name = unitName.get(api.unitId);
  if (name) out.unitName = name;
  return out;
}
