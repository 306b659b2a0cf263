import { useQuery } from "@tanstack/react-query";
import { ApiError } from "./http";
import { api, must } from "./client";
import type { ApiRollup, PackView, Unit } from "./types";
import { toRollupView } from "../lib/rollup";

/** The administrative units the user may see (flat, depth first). */
export function useUnits() {
  return useQuery({
    queryKey: ["units"],
    queryFn: async () => flattenUnits(await must(api.GET("/v1/units"))),
    staleTime: 10 * 60_000,
  });
}

/**
 * Flattens the API's unit answer (an array, `{ items }`, or a tree with `children`) to a list.
 * @example
 * flattenUnits({ items: [{ id: "p", children: [{ id: "d" }] }] }).map((u) => u.id) // ["p", "d"]
 */
export function flattenUnits(data: unknown): Unit[] {
  const list: unknown[] = Array.isArray(data) ? data : Array.isArray((data as { items?: unknown[] })?.items) ? (data as { items: unknown[] }).items : data && typeof data === "object" ? [data] : [];
  const out: Unit[] = [];
  const walk = (u: unknown, parentId: string | null) => {
    if (!u || typeof u !== "object") return;
    const r = u as Unit;
    const { children, ...rest } = r;
    out.push({ ...rest, parentId: r.parentId ?? parentId });
    for (const c of children ?? []) walk(c, r.id);
  };
  for (const u of list) walk(u, null);
  return out;
}

/** Answers null instead of throwing for a 4xx (an optional part of a page). */
export async function optional<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && e.status < 500) return null;
    throw e;
  }
}

/** A resolved criteria pack (names, kinds, verified flags), cached for the session. */
export function usePack(packId: string | undefined) {
  return useQuery({ queryKey: ["pack", packId], enabled: !!packId, staleTime: Infinity, queryFn: () => fetchPack(packId ?? "") });
}

/** Fetches a pack through the query cache (for use inside other query functions). */
export async function fetchPack(packId: string): Promise<PackView> {
  return (await must(api.GET("/v1/packs/{id}", { params: { path: { id: packId } } }))) as PackView;
}

/** Communes per tier for each year up to `year` (the trend chart); years without data are left out. */
export function useTierTrend(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: ["trend", unitId, year],
    enabled: !!unitId,
    queryFn: async () => {
      const id = unitId ?? "";
      const years = Array.from({ length: 5 }, (_, i) => year - 4 + i);
      const rows = await Promise.all(years.map((y) => optional(must(api.GET("/v1/units/{id}/rollup", { params: { path: { id }, query: { year: y } } })))));
      return rows.flatMap((r, i) => (r && r.communes.some((c) => c.criteriaMet > 0) ? [{ year: years[i] ?? 0, ...r.countsByTier }] : []));
    },
  });
}

/** The overview of a province or district for a year, with last year's roll-up for the criteria lost. */
export function useRollup(unitId: string | undefined, year: number, units: readonly Unit[] | undefined) {
  return useQuery({
    queryKey: ["rollup", unitId, year],
    enabled: !!unitId && units !== undefined,
    queryFn: async () => {
      const id = unitId ?? "";
      const get = (y: number): Promise<ApiRollup> => must(api.GET("/v1/units/{id}/rollup", { params: { path: { id }, query: { year: y } } }));
      const [cur, prev] = await Promise.all([get(year), optional(get(year - 1))]);
      const pack = await optional(fetchPack(cur.packId));
      // Last year counts only when it had data (a commune with no values is all "indeterminate").
      const prevUseful = prev && prev.communes.some((c) => c.criteriaMet > 0) ? prev : null;
      return toRollupView(cur, prevUseful, pack, units ?? []);
    },
  });
}
