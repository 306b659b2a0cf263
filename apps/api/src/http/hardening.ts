/**
 * Request-wide defences that every /v1 route gets once, here, instead of route by route (issue 15):
 * control characters refused before anything reaches the database, sign-in checked before any route
 * can answer 404/422/428 (no id probing), `Cache-Control: no-store` on signed-in answers, and database
 * refusals mapped to 4xx problems instead of a 500.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";
import { ApiError, type ProblemField, type ProblemKind } from "./problem.js";

/**
 * C0 control characters other than tab, LF and CR, and DEL. They have no place in names, ids, notes or
 * filters, and PostgreSQL refuses NUL in text and jsonb (a 500 before this check).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * The first control character in a string, as `U+0000 at position 3`, or undefined.
 * @example
 * controlCharacterIn("a\u0000b") // "U+0000 at position 1"
 * controlCharacterIn("two\nlines") // undefined (tab, LF and CR are text)
 */
export function controlCharacterIn(value: string): string | undefined {
  const m = CONTROL_CHARACTER.exec(value);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} at position ${m.index}` : undefined;
}

/**
 * Every string (keys included) of a parsed JSON value that holds a control character, with its JSON
 * path; at most `limit` of them. Iterative, so a deeply nested body cannot overflow the stack.
 * @example
 * findControlCharacters({ username: "a\u0000b" }) // [{ path: "$.username", message: "..." }]
 */
export function findControlCharacters(value: unknown, limit = 20): ProblemField[] {
  const out: ProblemField[] = [];
  const stack: [unknown, string][] = [[value, "$"]];
  while (stack.length && out.length < limit) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      const where = controlCharacterIn(v);
      if (where)
        out.push({
          path,
          code: "control_character",
          message: `ký tự điều khiển ${where} không được phép / control character ${where} is not allowed`,
        });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v !== null && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) {
        const childPath = /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
        const where = controlCharacterIn(k);
        if (where)
          out.push({
            path: childPath,
            code: "control_character",
            message: `tên trường có ký tự điều khiển ${where} / the key holds control character ${where}`,
          });
        stack.push([child, childPath]);
      }
    }
  }
  return out;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape stays as it is; the route answers 404 or 422
  }
}

/**
 * Refuses, with a 422 problem naming the place (path segment, query parameter or JSON path), any
 * request whose path, query or JSON body holds a control character (NUL included).
 * @example
 * v1.use("*", refuseControlCharacters());
 */
export function refuseControlCharacters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const errors: ProblemField[] = [];
    url.pathname.split("/").forEach((segment, i) => {
      const where = controlCharacterIn(decodeSegment(segment));
      if (where)
        errors.push({
          path: `path segment ${i} ("${segment}")`,
          code: "control_character",
          message: `ký tự điều khiển ${where} trong đường dẫn / control character ${where} in the path`,
        });
    });
    for (const [name, value] of url.searchParams) {
      const where = controlCharacterIn(name) ?? controlCharacterIn(value);
      if (where)
        errors.push({
          path: `query.${name.replace(CONTROL_CHARACTER, "?")}`,
          code: "control_character",
          message: `ký tự điều khiển ${where} trong tham số / control character ${where} in the query`,
        });
    }
    if (!errors.length && c.req.method !== "GET" && c.req.method !== "HEAD" && /\bjson\b/i.test(c.req.header("content-type") ?? "")) {
      // Read once; the route's validator reuses Hono's cached body.
      let parsed: unknown;
      let readable = true;
      try {
        parsed = JSON.parse(await c.req.text());
      } catch {
        readable = false; // the route's validator answers 400 for malformed JSON
      }
      if (readable) errors.push(...findControlCharacters(parsed));
    }
    if (errors.length)
      throw new ApiError(
        "invalid_input",
        "Dữ liệu có ký tự điều khiển (ví dụ NUL) không được phép / the request holds a control character (such as NUL)",
        errors,
      );
    return next();
  };
}

/**
 * Operations open without sign-in: signing in and out, first-run setup (its one-time token is the
 * credential; it answers 409 once an administrator exists), the criteria packs, and the public results.
 */
const PUBLIC_OPERATIONS: readonly { methods: readonly string[]; path: RegExp }[] = [
  { methods: ["POST"], path: /^\/v1\/auth\/(login|logout)$/ },
  { methods: ["GET", "HEAD", "POST"], path: /^\/v1\/setup$/ },
  { methods: ["GET", "HEAD"], path: /^\/v1\/packs(\/[^/]+)?$/ },
  { methods: ["GET", "HEAD"], path: /^\/v1\/public\// },
];

/**
 * Answers 401 to an anonymous caller of any non-public operation before the route runs, so that
 * nothing (404 for a missing id, 422, 428) tells a stranger what exists.
 * @example
 * v1.use("*", authMiddleware()); v1.use("*", requireSignIn());
 */
export function requireSignIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get("user")) {
      const path = new URL(c.req.url).pathname;
      if (!PUBLIC_OPERATIONS.some((o) => o.methods.includes(c.req.method) && o.path.test(path)))
        throw new ApiError("unauthenticated", "Cần đăng nhập / Sign in first (session cookie or Bearer token)");
    }
    return next();
  };
}

/**
 * Marks every answer to a signed-in caller `Cache-Control: no-store` (unless the route set its own):
 * a shared computer's browser or a proxy must not keep a user's data.
 * @example
 * v1.use("*", noStoreWhenSignedIn());
 */
export function noStoreWhenSignedIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.get("user") && !c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
  };
}

/** SQLSTATE classes the database raises for input it refuses: the request was wrong, not the server. */
const PROBLEM_BY_SQLSTATE: Readonly<Record<string, { kind: ProblemKind; detail: string }>> = {
  "23505": { kind: "conflict", detail: "Dữ liệu trùng với bản ghi đã có / a record with this key already exists" },
  "23503": {
    kind: "conflict",
    detail: "Dữ liệu còn được tham chiếu hoặc tham chiếu bản ghi không có / the record is referenced, or references a missing one",
  },
  "40001": { kind: "conflict", detail: "Xung đột ghi đồng thời, thử lại / concurrent write conflict, try again" },
  "40P01": { kind: "conflict", detail: "Xung đột ghi đồng thời, thử lại / concurrent write conflict, try again" },
  "22P02": { kind: "invalid_input", detail: "Giá trị không đúng kiểu / a value has the wrong type" },
  "22P05": { kind: "invalid_input", detail: "Ký tự không lưu được / a character cannot be stored" },
  "22021": { kind: "invalid_input", detail: "Ký tự không hợp lệ / invalid character" },
  "22003": { kind: "invalid_input", detail: "Số vượt giới hạn / a number is out of range" },
  "22007": { kind: "invalid_input", detail: "Ngày giờ không hợp lệ / invalid date or time" },
  "22008": { kind: "invalid_input", detail: "Ngày giờ vượt giới hạn / date or time out of range" },
  "54001": { kind: "invalid_input", detail: "Dữ liệu lồng nhau quá sâu / the data is nested too deeply" },
};

/**
 * The SQLSTATE of a database error (PostgreSQL or PGlite), looking through drizzle's wrapping.
 * @example
 * sqlState(new DrizzleQueryError(q, [], pgError)) // "23505"
 */
export function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * The problem for a database refusal of the request's data (unique key, bad character, serialization
 * conflict), or undefined for a real server fault. The body never carries SQL or the driver's text.
 * @example
 * databaseProblem(uniqueViolation) // { kind: "conflict", detail: "..." }
 */
export function databaseProblem(err: unknown): { kind: ProblemKind; detail: string } | undefined {
  const state = sqlState(err);
  return state ? PROBLEM_BY_SQLSTATE[state] : undefined;
}
