import type { PackAdoption } from "../schema.js";

/** Test fixture: an adoption with defaults (commune, standard, whole installation, 2022–2025). */
export function adoption(over: Partial<PackAdoption> & { id: string }): PackAdoption {
  return {
    packId: "vn.commune-ntm.2021-2025",
    scopeUnitId: null,
    tier: "standard",
    level: "commune",
    from: 2022,
    to: 2025,
    version: 1,
    ...over,
  };
}
