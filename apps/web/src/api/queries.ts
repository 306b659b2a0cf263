import { useQuery } from "@tanstack/react-query";
import { getJson } from "./http";
import { endpoints } from "./endpoints";
import type { Rollup, Unit } from "./types";

/** The administrative units the user may see (a tree or a flat list, as the API answers). */
export function useUnits() {
  return useQuery({
    queryKey: ["units"],
    queryFn: async () => flattenUnits(await getJson<unknown>(endpoints.units())),
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
    out.push({ ...r, parentId: r.parentId ?? parentId });
    for (const c of r.children ?? []) walk(c, r.id);
  };
  for (const u of list) walk(u, null);
  return out;
}

/** The roll-up of a province or district for a year. */
export function useRollup(unitId: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: ["rollup", unitId, year],
    enabled: !!unitId,
    queryFn: () => getJson<Rollup>(endpoints.rollup(unitId ?? ""), year ? { year } : undefined),
  });
}
