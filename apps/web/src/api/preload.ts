/**
 * Requests started before the code that needs them has loaded (route-level preloading): a page's
 * first API calls go out at navigation time, in parallel with the page's lazy chunk, and the typed
 * client (./client.ts) takes the answer when the page asks for the same URL. One-shot: an answer is
 * handed out once and at most {@link PRELOAD_TTL_MS} after it was asked for; an answer of 401 is
 * not handed out (the page's own request goes out instead).
 */

/** How long a preloaded answer is kept for the page to take (ms). */
export const PRELOAD_TTL_MS = 10_000;

interface Pending {
  readonly at: number;
  readonly response: Promise<Response>;
  /** Handed to the page already; kept until it expires so a second preload does not send it again. */
  taken: boolean;
}

const pending = new Map<string, Pending>();

function absolute(url: string): string {
  return new URL(url, typeof window === "undefined" ? "http://localhost" : window.location.origin).toString();
}

/**
 * Starts a GET now (same-origin cookies) unless one for the URL is already waiting; resolves to a
 * copy of the answer for chaining (the original stays for the page).
 * @example
 * void preloadGet("/v1/units").then((r) => r.json());
 */
export function preloadGet(url: string): Promise<Response> {
  const key = absolute(url);
  let p = pending.get(key);
  if (!p || Date.now() - p.at > PRELOAD_TTL_MS) {
    p = { at: Date.now(), response: fetch(key, { credentials: "same-origin" }), taken: false };
    // A failed preload is the page's to see when it asks; nobody else awaits it.
    p.response.catch(() => undefined);
    pending.set(key, p);
  }
  return p.response.then((r) => r.clone());
}

/**
 * Preloads a GET and parses its JSON answer, or null when it is not a 2xx.
 * @example
 * const units = await preloadJson<unknown[]>("/v1/units");
 */
export async function preloadJson<T>(url: string): Promise<T | null> {
  const r = await preloadGet(url);
  return r.ok ? ((await r.json()) as T) : null;
}

/**
 * The fetch the typed client uses: a GET whose answer was preloaded takes it (once); anything else
 * goes to the network. A write (sign-in and sign-out too) forgets every preload: what was preloaded
may predate it, and a new preload must not be skipped as a duplicate.
 * @example
 * createNtmClient({ baseUrl, fetch: preloadingFetch });
 */
export async function preloadingFetch(request: Request): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    pending.clear();
  } else if (request.method === "GET") {
    const p = pending.get(request.url);
    if (p && !p.taken) {
      p.taken = true;
      if (Date.now() - p.at <= PRELOAD_TTL_MS) {
        const r = await p.response.catch(() => null);
        // A copy: chained preloads may still read the original.
        if (r && r.status !== 401) return r.clone();
      }
    }
  }
  return fetch(request);
}
