/**
 * The fallback HTTP layer for routes the typed client (./client.ts) does not describe yet, and the
 * ApiError both use. The one place besides the typed client where the web app talks HTTP to the ntm API: cookies for the session, the CSRF token
 * header on state-changing requests, ETag/If-Match for optimistic concurrency, and RFC 9457
 * problem+json errors turned into {@link ApiError}.
 */

/** A field-level problem reported by the API (problem+json `errors[]`). */
export interface FieldProblem {
  path: string;
  message: string;
  row?: number;
  column?: string;
}

/** An error answer of the API, with its HTTP status and the parsed problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Record<string, unknown>;
  constructor(status: number, problem: Record<string, unknown>) {
    super(typeof problem["detail"] === "string" ? problem["detail"] : typeof problem["title"] === "string" ? problem["title"] : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
  /** Field problems listed in the problem document, if any. */
  get fieldProblems(): FieldProblem[] {
    const raw = this.problem["errors"] ?? this.problem["issues"];
    if (!Array.isArray(raw)) return [];
    return raw.map((e: Record<string, unknown>) => {
      const path = Array.isArray(e["path"]) ? (e["path"] as unknown[]).join(".") : String(e["path"] ?? e["field"] ?? e["pointer"] ?? "");
      const p: FieldProblem = { path, message: String(e["message"] ?? e["detail"] ?? "") };
      if (typeof e["row"] === "number") p.row = e["row"];
      if (typeof e["column"] === "string") p.column = e["column"];
      return p;
    });
  }
}

let csrfToken: string | null = null;
const listeners: ((token: string | null) => void)[] = [];

/** Remembers the CSRF token the API issued with the session (for this wrapper and the typed client). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  for (const l of listeners) l(token);
}

/** Lets another HTTP client follow the CSRF token. */
export function onCsrfToken(listener: (token: string | null) => void): void {
  listeners.push(listener);
  listener(csrfToken);
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  ifMatch?: string;
  /** Send a file or text as is (uploads), with its content type. */
  raw?: BodyInit;
  contentType?: string;
  signal?: AbortSignal;
}

export interface ApiAnswer<T> {
  data: T;
  etag: string | null;
  status: number;
}

function buildUrl(path: string, query?: RequestOptions["query"]): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Sends one request to the API and parses the JSON answer.
 * @example
 * const { data } = await request<{ id: string }>("GET", "/v1/units/vn-01");
 */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  let body: BodyInit | undefined;
  if (opts.raw !== undefined) {
    body = opts.raw;
    if (opts.contentType) headers["content-type"] = opts.contentType;
  } else if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["x-csrf-token"] = csrfToken;
  if (opts.ifMatch) headers["if-match"] = opts.ifMatch;
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (body !== undefined) init.body = body;
  if (opts.signal) init.signal = opts.signal;
  const res = await fetch(buildUrl(path, opts.query), init);
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { detail: text.slice(0, 300) };
    }
  }
  if (!res.ok) throw new ApiError(res.status, (parsed && typeof parsed === "object" ? parsed : {}) as Record<string, unknown>);
  return { data: parsed as T, etag: res.headers.get("etag"), status: res.status };
}

/** Shorthand for a GET that returns only the data. */
export async function getJson<T>(path: string, query?: RequestOptions["query"]): Promise<T> {
  return (await request<T>("GET", path, query ? { query } : {})).data;
}
