import { useMemo } from "react";
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { ApiError } from "./http";
import { api, must, mustWithEtag, type Schemas } from "./client";
import type { ApiRollup, PackView, Unit } from "./types";
import { toRollupView, type TierBucket } from "../lib/rollup";

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
  const list: unknown[] = Array.isArray(data)
    ? data
    : Array.isArray((data as { items?: unknown[] })?.items)
      ? (data as { items: unknown[] }).items
      : data && typeof data === "object"
        ? [data]
        : [];
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
  return useQuery({ queryKey: ["pack", packId], enabled: !!packId, staleTime: Infinity, queryFn: () => getPack(packId ?? "") });
}

async function getPack(packId: string): Promise<PackView> {
  return (await must(api.GET("/v1/packs/{id}", { params: { path: { id: packId } } }))) as PackView;
}

/**
 * Fetches a pack through the query cache (for use inside other query functions): the commune view,
 * the data entry ladder and {@link usePack} share one request per pack (also while it is in flight).
 */
export function fetchPack(qc: QueryClient, packId: string): Promise<PackView> {
  return qc.fetchQuery({ queryKey: ["pack", packId], staleTime: Infinity, queryFn: () => getPack(packId) });
}

/** One year's roll-up of a province or district, as the API answers it (null when the year is unavailable). */
export function useApiRollup(unitId: string | undefined, year: number, enabled = true) {
  return useQuery({
    queryKey: ["rollup-api", unitId, year],
    enabled: !!unitId && enabled,
    queryFn: (): Promise<ApiRollup> => must(api.GET("/v1/units/{id}/rollup", { params: { path: { id: unitId ?? "" }, query: { year } } })),
  });
}

/** A year counts only when it had data (a commune with no values is all "indeterminate"). */
const useful = (r: ApiRollup | null | undefined) => (r && r.communes.some((c) => c.criteriaMet > 0) ? r : null);

/** One year of the overview's trend: communes per tier bucket, and those with no pack adopted (their own category). */
export type TrendYear = { year: number; noPack: number; undetermined?: Partial<Record<"missing" | "unknown_threshold", number>> } & Record<
  TierBucket,
  number
>;

/**
 * The overview of a province or district for a year. The current year's roll-up comes first (the
 * page shows it at once); last year's (for the criteria lost) and the trend of the five years to
 * this one (GET /v1/units/{id}/trend, with the communes that have no pack adopted counted apart)
 * load after it, so a province of 1,000 communes does not wait for everything at once.
 */
export function useOverview(unitId: string | undefined, year: number, units: readonly Unit[] | undefined) {
  const cur = useApiRollup(unitId, year, units !== undefined);
  const pack = usePack(cur.data?.packId ?? undefined);
  const prev = useApiRollup(unitId, year - 1, cur.isSuccess);
  const older = useQuery({
    queryKey: ["rollup-trend", unitId, year],
    enabled: !!unitId && prev.isFetched,
    queryFn: () => must(api.GET("/v1/units/{id}/trend", { params: { path: { id: unitId ?? "" }, query: { from: year - 4, to: year } } })),
  });
  const view = useMemo(
    () => (cur.data ? toRollupView(cur.data, useful(prev.data), pack.data ?? null, units ?? []) : undefined),
    [cur.data, prev.data, pack.data, units],
  );
  const trend = useMemo(
    (): TrendYear[] | undefined =>
      older.data?.years
        .filter((y) => y.communes > 0 || y.noPack > 0)
        .map((y) => ({ year: y.year, noPack: y.noPack, undetermined: y.undetermined, ...y.countsByTier })),
    [older.data],
  );
  return { rollup: cur, view, pack, lostReady: prev.isFetched, trend, trendPending: !older.isFetched };
}

/** The packs as GET /v1/packs lists them (provenance counts and coverage included), shared by the pages. */
export function usePackSummaries() {
  return useQuery({
    queryKey: ["packs"],
    staleTime: 60_000,
    queryFn: async (): Promise<Schemas["PackSummary"][]> => (await must(api.GET("/v1/packs"))).items,
  });
}

/**
 * The adoptions the user may see and, for a unit, what each year of each tier uses from `from` to
 * `to` (GET /v1/pack-adoptions: core's selectLadder on the API side).
 */
export function usePackUse(unitId: string | undefined, from: number, to: number) {
  return useQuery({
    queryKey: ["pack-adoptions", unitId, from, to],
    enabled: !!unitId,
    queryFn: () => must(api.GET("/v1/pack-adoptions", { params: { query: { unitId: unitId ?? "", from, to } } })),
  });
}

/** The administrative tree from the user's scope (GET /v1/units/tree), for the units page. */
export function useUnitTree() {
  return useQuery({ queryKey: ["unit-tree"], queryFn: () => must(api.GET("/v1/units/tree")) });
}

/** One unit with its version and ETag (GET /v1/units/{id}): what a unit write is checked against. */
export function fetchUnitRecord(id: string) {
  return mustWithEtag(api.GET("/v1/units/{id}", { params: { path: { id } } }));
}

/** {@link fetchUnitRecord} through the query cache; kept while a form is open (a write's If-Match comes from the form). */
export function useUnitRecord(id: string | undefined) {
  return useQuery({ queryKey: ["unit", id], enabled: !!id, queryFn: () => fetchUnitRecord(id ?? ""), refetchOnWindowFocus: false });
}

/** Drops every cached view of the unit tree after a write (the tree, the flat list, one unit's record). */
export async function invalidateUnits(qc: QueryClient): Promise<void> {
  await qc.invalidateQueries({ predicate: (q) => ["unit-tree", "units", "unit"].includes(String(q.queryKey[0])) });
}

/** The published results (GET /v1/public/publications, no sign-in): which units and years anyone may read. */
export function usePublications() {
  return useQuery({ queryKey: ["public", "publications"], staleTime: 5 * 60_000, queryFn: () => must(api.GET("/v1/public/publications")) });
}

/** A published year's roll-up of a province or district (no sign-in; 404 when the year is not published). */
export function usePublicRollup(unitId: string | undefined, year: number | null, enabled = true) {
  return useQuery({
    queryKey: ["public", "rollup", unitId, year],
    enabled: !!unitId && year !== null && enabled,
    queryFn: (): Promise<ApiRollup> =>
      must(api.GET("/v1/public/units/{id}/rollup", { params: { path: { id: unitId ?? "" }, query: { year: year ?? 0 } } })),
  });
}

/** A commune's published evaluation for a year (no sign-in; 404 when the year is not published). */
export function usePublicEvaluation(unitId: string | undefined, year: number | null, enabled = true) {
  return useQuery({
    queryKey: ["public", "evaluation", unitId, year],
    enabled: !!unitId && year !== null && enabled,
    queryFn: () =>
      must(api.GET("/v1/public/units/{id}/evaluation", { params: { path: { id: unitId ?? "" }, query: { year: year ?? 0 } } })),
  });
}
