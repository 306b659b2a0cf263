import { z } from "zod";
import type { JsonPath } from "../schemas/common.js";

/**
 * Transport-neutral error kinds. The API maps a kind to an HTTP status and the CLI to an exit code,
 * each in one place.
 */
export type ErrorKind =
  | "invalid_input"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "unauthenticated"
  | "precondition_failed"
  | "rule_failed";

/** One problem found in input data: where (`path`), what (`code`), the values involved, and a readable message. */
export interface Issue {
  code: string;
  path: JsonPath;
  message: string;
  params?: Record<string, unknown>;
}

/** A success-or-failure union, as zod's `safeParse` returns: expected failures are data, not throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; kind: ErrorKind; issues: Issue[] };

/**
 * Builds a success result.
 * @example
 * ok(42) // { ok: true, value: 42 }
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Builds a failure result.
 * @example
 * fail("invalid_input", [{ code: "pack.unknown", path: ["extends"], message: "unknown pack" }])
 */
export function fail<T = never>(kind: ErrorKind, issues: Issue[]): Result<T> {
  return { ok: false, kind, issues };
}

/**
 * Formats a JSON path as `$.criteria[3].indicators[0].threshold`.
 * @example
 * formatPath(["criteria", 3, "id"]) // "$.criteria[3].id"
 */
export function formatPath(path: JsonPath): string {
  let out = "$";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return out;
}

/**
 * Turns zod issues into {@link Issue}s with their JSON paths.
 * @example
 * const r = CriteriaPackSchema.safeParse({});
 * if (!r.success) zodIssues(r.error) // [{ code: "invalid_type", path: ["id"], message: "..." }, ...]
 */
export function zodIssues(error: z.ZodError, prefix: JsonPath = []): Issue[] {
  return error.issues.map((i) => ({
    code: i.code,
    path: [...prefix, ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    message: bilingualZodMessage(i),
  }));
}

let viLocale: ((issue: never) => unknown) | undefined;
let enLocale: ((issue: never) => unknown) | undefined;
const text = (out: unknown): string =>
  typeof out === "string"
    ? out
    : typeof out === "object" && out !== null && "message" in out
      ? String((out as { message: unknown }).message)
      : "";

/**
 * "Vietnamese / English" for a zod issue with zod's default wording (its Vietnamese locale loses the
 * received type, restored here). A custom message written in a schema is kept as written.
 */
function bilingualZodMessage(issue: z.core.$ZodIssue): string {
  viLocale ??= z.locales.vi().localeError as (issue: never) => unknown;
  enLocale ??= z.locales.en().localeError as (issue: never) => unknown;
  const en = text(enLocale(issue as never));
  if (en.replace(/undefined$/, "") !== issue.message.replace(/\w+$/, "") && en !== issue.message) return issue.message;
  let vi = text(viLocale(issue as never));
  const received = /received (\w+)/.exec(issue.message)?.[1];
  if (received) vi = vi.replace(/nhận được undefined$/, `nhận được ${received}`);
  return vi && vi !== issue.message ? `${vi} / ${issue.message}` : issue.message;
}

/**
 * Renders issues as one line each: `$.path: message`.
 * @example
 * formatIssues([{ code: "x", path: ["a", 0], message: "bad" }]) // "$.a[0]: bad"
 */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join("\n");
}
