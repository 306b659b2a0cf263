/**
 * What the typed client (./client.ts) shares with the rest of the app: the ApiError every failed call
 * becomes (RFC 9457 problem+json, with its field problems), and the CSRF token of the session.
 */

/** A field-level problem reported by the API (problem+json `errors[]`). */
export interface FieldProblem {
  path: string;
  message: string;
  row?: number;
  column?: string;
  /** The code (zod's or core's), when the API gives one. */
  code?: string;
}

/** An error answer of the API, with its HTTP status and the parsed problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Record<string, unknown>;
  constructor(status: number, problem: Record<string, unknown>) {
    super(
      typeof problem["detail"] === "string"
        ? problem["detail"]
        : typeof problem["title"] === "string"
          ? problem["title"]
          : `HTTP ${status}`,
    );
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
      if (typeof e["code"] === "string") p.code = e["code"];
      return p;
    });
  }
}

let csrfToken: string | null = null;
const listeners: ((token: string | null) => void)[] = [];

/** Remembers the CSRF token the API issued with the session; the typed client follows it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  for (const l of listeners) l(token);
}

/** Lets another HTTP client follow the CSRF token. */
export function onCsrfToken(listener: (token: string | null) => void): void {
  listeners.push(listener);
  listener(csrfToken);
}
