/**
 * @ntm/client: a typed HTTP client for the ntm API, generated from its OpenAPI document
 * (openapi.json → src/schema.d.ts by openapi-typescript) and built on openapi-fetch.
 * @packageDocumentation
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { paths, components } from "./schema.js";
/** Every named schema of the API (User, Unit, EvaluationResult, Rollup, Problem…). */
export type Schemas = components["schemas"];
/** RFC 9457 problem details returned by every failing call. */
export type Problem = Schemas["Problem"];
/** The typed client: `client.GET("/v1/units/{id}", { params: { path: { id } } })`. */
export type NtmClient = Client<paths> & {
  /** Sets the CSRF token sent on state-changing requests made with the session cookie (browser). */
  setCsrfToken(token: string | null): void;
};

export interface NtmClientOptions {
  /** The API origin, e.g. "http://127.0.0.1:3000" ("" or "/" in the browser on the same origin). */
  baseUrl: string;
  /** An API token (CLI, integrators): sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** A fetch implementation (tests, Node without global fetch, or an app's `fetch`). */
  fetch?: (input: Request) => Promise<Response>;
  /** The CSRF token from sign-in or /v1/auth/me (browser sessions). */
  csrfToken?: string;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Creates a typed client for the ntm API.
 * @example
 * const api = createNtmClient({ baseUrl: "http://127.0.0.1:3000", token: process.env.NTM_TOKEN });
 * const { data, error } = await api.GET("/v1/units/{id}/evaluation", { params: { path: { id: "c-01-01" }, query: { year: 2024 } } });
 * if (error) console.error(error.detail); else console.log(data.status);
 */
export function createNtmClient(options: NtmClientOptions): NtmClient {
  let csrf: string | null = options.csrfToken ?? null;
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    credentials: "same-origin",
  });
  const auth: Middleware = {
    onRequest({ request }) {
      if (options.token) request.headers.set("authorization", `Bearer ${options.token}`);
      else if (csrf && !SAFE.has(request.method)) request.headers.set("x-csrf-token", csrf);
      return request;
    },
  };
  client.use(auth);
  return Object.assign(client, {
    setCsrfToken(token: string | null) {
      csrf = token;
    },
  });
}

/**
 * True when a value is an RFC 9457 problem from the API.
 * @example
 * const { error } = await api.PUT(...); if (isProblem(error)) console.log(error.errors?.map((e) => e.path));
 */
export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "type" in value && "status" in value && "kind" in value;
}
