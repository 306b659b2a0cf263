/**
 * The typed ntm API client (@ntm/client, generated from the API's OpenAPI document) as the web app
 * uses it: same-origin session cookie, CSRF header on writes, and failures turned into ApiError.
 */
import { createNtmClient, type Schemas } from "@ntm/client";
import { ApiError, onCsrfToken } from "./http";
import { preloadingFetch } from "./preload";

export type { Schemas };

/** The one client instance of the app (same origin: the API serves the app, Vite proxies /v1 in dev). */
// GETs a route preloaded at navigation time (./preload.ts) take the answer already on its way.
export const api = createNtmClient({
  baseUrl: typeof window === "undefined" ? "http://localhost" : window.location.origin,
  fetch: preloadingFetch,
});
onCsrfToken((t) => api.setCsrfToken(t));

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits a typed call and returns its data, or throws an ApiError carrying the problem document.
 * @example
 * const unit = await must(api.GET("/v1/units/{id}", { params: { path: { id } } }));
 */
export async function must<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const r = await call;
  if (!r.response.ok || r.error !== undefined)
    throw new ApiError(r.response.status, (r.error && typeof r.error === "object" ? r.error : {}) as Record<string, unknown>);
  return r.data as T;
}

/**
 * Like {@link must}, and also returns the response's ETag (optimistic concurrency).
 * @example
 * const { data, etag } = await mustWithEtag(api.GET("/v1/units/{id}/values/{year}", { params: { path: { id, year } } }));
 */
export async function mustWithEtag<T>(call: Promise<FetchResult<T>>): Promise<{ data: T; etag: string | null }> {
  const r = await call;
  if (!r.response.ok || r.error !== undefined)
    throw new ApiError(r.response.status, (r.error && typeof r.error === "object" ? r.error : {}) as Record<string, unknown>);
  return { data: r.data as T, etag: r.response.headers.get("etag") };
}
