import type { Ctx } from "./context.js";

/** A request body fetch accepts. */
export type HttpBody = NonNullable<RequestInit["body"]>;
import { loadLogin } from "./credentials.js";
import { cellPlace } from "./place.js";
import { CliError, type Problem, kindForHttpStatus } from "./exit.js";

/** A response read whole: status, headers and body (JSON parsed when the type says so). */
export interface HttpResponse {
  status: number;
  headers: Headers;
  body: unknown;
  bytes: Uint8Array;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  body?: HttpBody;
  headers?: Record<string, string>;
  /** Use this token instead of the saved one or NTM_TOKEN (login uses the session cookie instead). */
  auth?: "token" | "none";
  /** The local file the request came from, so that problems name it (`file: row 3, column B: …`). */
  file?: string;
}

/**
 * The token for the server: `NTM_TOKEN`, else the one saved by `ntm login`.
 * @example
 * tokenFor(ctx) // "ntm_…" or undefined
 */
export function tokenFor(ctx: Ctx): string | undefined {
  return process.env["NTM_TOKEN"] || loadLogin(ctx.server)?.token;
}

/**
 * Turns an error response (problem+json or anything else) into a CliError: the status line, then one
 * line per failing field, named by the local file when the request came from one.
 * @example
 * problemError(ctx, 422, { detail: "invalid values", errors: [{ path: "$.values[\"2.1\"]", message: "…" }] }, "v.json")
 */
export function problemError(ctx: Ctx, status: number, body: unknown, file: string | undefined): CliError {
  const res = { status, body };
  const p = (res.body && typeof res.body === "object" ? res.body : {}) as {
    detail?: string;
    title?: string;
    errors?: { path: string; message: string; code?: string; row?: number; column?: string }[];
    /** Core's reason code (access.forbidden…), kept for scripts. */
    code?: string;
  };
  const kind = kindForHttpStatus(res.status);
  const fields: Problem[] = (p.errors ?? []).map((e) => ({
    ...(file ? { file } : {}),
    // A spreadsheet problem carries its row and column: name them in Vietnamese, not the API's path text.
    where: typeof e.row === "number" ? cellPlace({ row: e.row, ...(e.column ? { column: e.column } : {}) }) : e.path,
    message: e.message,
    ...(e.code ? { code: e.code } : {}),
  }));
  const head: Problem = {
    where: `HTTP ${res.status}`,
    message: p.detail ?? p.title ?? (typeof res.body === "string" && res.body ? res.body.slice(0, 200) : "request failed"),
    ...(typeof p.code === "string" ? { code: p.code } : {}),
  };
  if (res.status === 401 && !tokenFor(ctx)) head.message += " — hãy chạy `ntm login` hoặc đặt NTM_TOKEN / run `ntm login` or set NTM_TOKEN";
  return new CliError(kind, [head, ...fields]);
}

/**
 * Calls the ntm API under `/v1` with the saved token; maps failures to exit codes in one place:
 * unreachable or 5xx → 3, 401/403 → 4, other 4xx → 2 with the problem's field paths.
 * @example
 * const res = await api(ctx, "GET", "/units", { query: { level: "commune" } });
 */
export async function api(ctx: Ctx, method: string, path: string, opts: RequestOptions = {}): Promise<HttpResponse> {
  const url = new URL(`${ctx.server}/v1${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { accept: "application/json, application/problem+json, */*", ...opts.headers };
  const token = opts.auth === "none" ? undefined : tokenFor(ctx);
  if (token) headers["authorization"] = `Bearer ${token}`;
  let body: HttpBody | undefined = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["content-type"] = "application/json";
  }
  let raw: Response;
  try {
    raw = await fetch(url, { method, headers, ...(body !== undefined ? { body, duplex: "half" } : {}) } as RequestInit);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError("network", [
      {
        where: ctx.server,
        message: `không kết nối được máy chủ / cannot reach the server: ${cause?.code ?? cause?.message ?? (e as Error).message}`,
      },
    ]);
  }
  const bytes = new Uint8Array(await raw.arrayBuffer());
  const type = raw.headers.get("content-type") ?? "";
  let parsed: unknown;
  if (type.includes("json") && bytes.length) {
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      parsed = undefined;
    }
  } else if (type.startsWith("text/")) parsed = new TextDecoder().decode(bytes);
  const res: HttpResponse = { status: raw.status, headers: raw.headers, body: parsed, bytes };
  if (raw.status >= 400) throw problemError(ctx, res.status, res.body, opts.file);
  return res;
}
