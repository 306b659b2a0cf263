/**
 * Route-level preloading: when the app opens on a URL, or navigates to one, the page's lazy chunk
 * and its first API requests start together, instead of the data waiting for the code (and the
 * session) to arrive. The URLs are the ones the page's queries ask for (src/api/*.ts): the typed
 * client takes the preloaded answers (src/api/preload.ts). A page whose main query is still fresh in
 * the query cache is not preloaded (it will not ask).
 */
import type { QueryClient } from "@tanstack/react-query";
import { type EvaluationResult, gapToNextTier } from "@ntm/core";
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

/**
 * What src/api/commune.ts asks for, in its order: the unit and its years, then the year's
 * evaluation, changes and values; then the evaluation's pack and the commune's roll-up line; then,
 * while a tier is met (core's gapToNextTier, as the page decides), the next tier's pack and gap. Each
 * step goes out as soon as the answer it depends on arrives, not when the page's code gets to it.
 */
async function preloadCommune(id: string, year: number | undefined): Promise<void> {
  void preloadGet(`/v1/units/${enc(id)}`);
  const list = await preloadJson<{ items?: { year: number }[] }>(`/v1/units/${enc(id)}/values`);
  const years = (list?.items ?? []).map((y) => y.year).sort((a, b) => a - b);
  const y = year ?? years.at(-1) ?? DEFAULT_YEAR;
  if (years.includes(y - 1)) void preloadGet(`/v1/units/${enc(id)}/changes?year=${y}`);
  if (years.includes(y)) void preloadGet(`/v1/units/${enc(id)}/values/${y}`);
  const evaluation = await preloadJson<EvaluationResult | { status: "no_pack" }>(`/v1/units/${enc(id)}/evaluation?year=${y}`);
  if (!evaluation || evaluation.status === "no_pack" || !("packId" in evaluation)) return;
  void preloadGet(`/v1/units/${enc(id)}/rollup?year=${y}`);
  let pack = await preloadJson<{ nextTier?: string | null }>(`/v1/packs/${enc(evaluation.packId)}`);
  let met = gapToNextTier(evaluation)?.met ?? false;
  for (let guard = 0; met && pack?.nextTier && guard < 4; guard++) {
    const next = pack.nextTier;
    const [nextPack, gap] = await Promise.all([
      preloadJson<{ nextTier?: string | null }>(`/v1/packs/${enc(next)}`),
      preloadJson<{ met?: boolean }>(`/v1/units/${enc(id)}/gap?year=${y}&pack=${enc(next)}`),
    ]);
    pack = nextPack;
    met = gap?.met === true;
  }
}

/** What the data entry form asks for beside the commune view: its evaluation input (then the ladder's packs) and the lock. */
async function preloadEntry(id: string, year: number): Promise<void> {
  void preloadGet(`/v1/units/${enc(id)}/values/${year}/lock`);
  const input = await preloadJson<{ ladder?: string[] }>(`/v1/units/${enc(id)}/values/${year}/evaluation-input`);
  for (const packId of input?.ladder ?? []) void preloadGet(`/v1/packs/${enc(packId)}`);
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
      swallow(preloadEntry(unitId, year));
    }
  } else if (head === "sign-in") swallow(pages.SignIn());
  else if (head === "cong-khai") swallow(pages.Public());
}
