/**
 * Pure helpers of the public results page (/cong-khai): which units and years are published, and
 * what a refused public read means to a visitor.
 */

/** One row of GET /v1/public/publications, reduced to what the page reads. */
export interface PublicationRow {
  unitId: string;
  year: number;
  publishedAt: string;
  unit: { id: string; name: string; level: string };
}

/** A unit whose results are published, with its published years (newest first). */
export interface PublishedUnit {
  unitId: string;
  name: string;
  level: string;
  years: number[];
}

const LEVEL_ORDER: Record<string, number> = { province: 0, district: 1, commune: 2, hamlet: 3 };

/**
 * Groups publications by unit: provinces before districts, then by name; each unit's years newest
 * first, without duplicates. Only what was published is listed, so an unpublished year is never offered.
 * @example
 * groupPublications([
 *   { unitId: "p", year: 2021, publishedAt: "…", unit: { id: "p", name: "Tỉnh A", level: "province" } },
 *   { unitId: "p", year: 2024, publishedAt: "…", unit: { id: "p", name: "Tỉnh A", level: "province" } },
 * ]) // [{ unitId: "p", name: "Tỉnh A", level: "province", years: [2024, 2021] }]
 */
export function groupPublications(rows: readonly PublicationRow[]): PublishedUnit[] {
  const byUnit = new Map<string, PublishedUnit>();
  for (const r of rows) {
    const u = byUnit.get(r.unitId) ?? { unitId: r.unitId, name: r.unit.name, level: r.unit.level, years: [] };
    if (!u.years.includes(r.year)) u.years.push(r.year);
    byUnit.set(r.unitId, u);
  }
  const out = [...byUnit.values()];
  for (const u of out) u.years.sort((a, b) => b - a);
  return out.sort((a, b) => (LEVEL_ORDER[a.level] ?? 9) - (LEVEL_ORDER[b.level] ?? 9) || a.name.localeCompare(b.name, "vi"));
}

/**
 * Picks the unit and year the page shows: the ones asked for when they are published, otherwise the
 * first published unit and its newest year. `yearPublished` is false when a year was asked for and is
 * not published for that unit (the page says so instead of asking the API).
 * @example
 * const units = [{ unitId: "p", name: "Tỉnh A", level: "province", years: [2024, 2023] }];
 * pickPublished(units, undefined, undefined) // { unit: units[0], year: 2024, yearPublished: true }
 * pickPublished(units, "p", 2025) // { unit: units[0], year: 2025, yearPublished: false }
 */
export function pickPublished(
  units: readonly PublishedUnit[],
  unitId: string | undefined,
  year: number | undefined,
): { unit: PublishedUnit | null; year: number | null; yearPublished: boolean } {
  const unit = (unitId ? units.find((u) => u.unitId === unitId) : units[0]) ?? null;
  if (!unit) return { unit: null, year: year ?? null, yearPublished: false };
  if (year === undefined) return { unit, year: unit.years[0] ?? null, yearPublished: unit.years.length > 0 };
  return { unit, year, yearPublished: unit.years.includes(year) };
}

/**
 * Parses a year from a path segment (four digits only).
 * @example
 * parseYear("2024") // 2024
 * parseYear("20x4") // undefined
 */
export function parseYear(segment: string | undefined): number | undefined {
  return segment && /^\d{4}$/.test(segment) ? Number(segment) : undefined;
}

/** What a failed public read means to a visitor (locale keys under `public.`). */
export type PublicFailure = "notPublished" | "forbidden" | "error";

/**
 * Maps an HTTP status of a public read to what the page tells the visitor: 404 is "not published
 * (or no such unit)", 403 is "not public", anything else is a plain error.
 * @example
 * publicFailure(404) // "notPublished"
 * publicFailure(500) // "error"
 */
export function publicFailure(status: number | undefined): PublicFailure {
  if (status === 404) return "notPublished";
  if (status === 401 || status === 403) return "forbidden";
  return "error";
}
