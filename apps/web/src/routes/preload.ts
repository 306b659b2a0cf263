/**
 * Route-level preloading: when the app opens on a URL, or navigates to one, the page's lazy chunk
 * and its first API requests start together, instead of the data waiting for the code (and the
 * session) to arrive. The URLs are the ones the page's queries ask for (src/api/*.ts): the typed
 * client takes the preloaded answers (src/api/preload.ts). A page whose main query is still fresh in
 * the query cache is not preloaded (it will not ask).
 */
import type { QueryClient } from "@tanstack/react-query";
import type { SessionUser } from "../api/types";
import { preloadGet, preloadJson } from "../api/preload";
import { DEFAULT_YEAR } from "../lib/years";

/** The pages' chunks: App's lazy() and the preloader start the same import. */
export const pages = {
  SignIn: () => import("../pages/SignIn"),
  Overview: () => import("../pages/Overview"),
  Commune: () => import("../pages/Commune"),
  DataEntry: () => import("../pages/DataEntry"),
  Plan: () => import("../pages/Plan"),
  Dossiers: () => import("../pages/Dossiers"),
  Ranking: () => import("../pages/Ranking"),
  Lists: () => import("../pages/Lists"),
  Packs: () => import("../pages/Packs"),
  Audit: () => import("../pages/Audit"),
  Units: () => import("../pages/Units"),
  Public: () => import("../pages/Public"),
} as const;

const enc = encodeURIComponent;
/** The query's stale time in main.tsx: within it the page does not fetch again. */
const FRESH_MS = 30_000;

function fresh(qc: QueryClient | undefined, key: readonly unknown[]): boolean {
  const at = qc?.getQueryState(key)?.dataUpdatedAt ?? 0;
  return at > 0 && Date.now() - at < FRESH_MS;
}

/** What src/api/commune.ts asks for, in its order: the unit and its years, then the year's evaluation, changes and values. */
async function preloadCommune(id: string, year: number | undefined): Promise<void> {
  void preloadGet(`/v1/units/${enc(id)}`);
  const list = await preloadJson<{ items?: { year: number }[] }>(`/v1/units/${enc(id)}/values`);
  const years = (list?.items ?? []).map((y) => y.year).sort((a, b) => a - b);
  const y = year ?? years.at(-1) ?? DEFAULT_YEAR;
  if (years.includes(y - 1)) void preloadGet(`/v1/units/${enc(id)}/changes?year=${y}`);
  if (years.includes(y)) void preloadGet(`/v1/units/${enc(id)}/values/${y}`);
  // The pack follows the evaluation; by then the page's code runs and asks for it itself.
  void preloadGet(`/v1/units/${enc(id)}/evaluation?year=${y}`);
}

/** What src/api/queries.ts's useOverview asks for first: the year's roll-up, then last year's. */
function preloadOverview(unitId: string, year: number): void {
  void preloadGet(`/v1/units/${enc(unitId)}/rollup?year=${year}`);
  void preloadGet(`/v1/units/${enc(unitId)}/rollup?year=${year - 1}`);
}

/**
 * Starts the chunk and the first requests of the page at `path` (with `search`, the query string
 * without "?"). Before the session is known (`user` null) only what needs no user is started.
 * @example
 * preloadRoute("/communes/c-01-01", "", null, queryClient);
 */
export function preloadRoute(
  path: string,
  search: string,
  user: Pick<SessionUser, "scopeUnitId" | "scopeUnitLevel"> | null,
  qc?: QueryClient,
): void {
  const seg = path
    .split("/")
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  const [head, first] = seg;
  const params = new URLSearchParams(search);
  const swallow = (p: Promise<unknown>) => void p.catch(() => undefined);
  if (head === "overview") {
    swallow(pages.Overview());
    if (!fresh(qc, ["units"])) void preloadGet("/v1/units");
    const unitId = first ?? user?.scopeUnitId;
    if (unitId && !fresh(qc, ["rollup-api", unitId, DEFAULT_YEAR])) preloadOverview(unitId, DEFAULT_YEAR);
  } else if (head === "communes" && first) {
    swallow(pages.Commune());
    if (!fresh(qc, ["commune", first, undefined])) swallow(preloadCommune(first, undefined));
  } else if (head === "data-entry") {
    swallow(pages.DataEntry());
    if (!fresh(qc, ["units"])) void preloadGet("/v1/units");
    // As DataEntry picks it: the URL's commune, else the user's own when they are a commune officer.
    const unitId = first ?? (user?.scopeUnitLevel === "commune" ? user.scopeUnitId : undefined);
    const year = Number(params.get("year")) || DEFAULT_YEAR;
    if (unitId && !fresh(qc, ["commune", unitId, year])) {
      void preloadGet(`/v1/units/${enc(unitId)}/values/${year}`);
      swallow(preloadCommune(unitId, year));
    }
  } else if (head === "sign-in") swallow(pages.SignIn());
  else if (head === "cong-khai") swallow(pages.Public());
}
