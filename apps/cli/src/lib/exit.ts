import type { ErrorKind } from "@ntm/core";

/**
 * Exit codes of `ntm`: the one place that maps an error kind to a process exit code
 * (as the API maps a kind to an HTTP status in one place).
 */
export const EXIT = {
  /** Everything went well. */
  ok: 0,
  /** A rule check failed and `--fail-on` asked for a failing exit. */
  ruleFailed: 1,
  /** Bad input: unreadable file, invalid JSON, invalid pack or values, unknown id, bad option. */
  badInput: 2,
  /** The server answered 5xx or could not be reached. */
  server: 3,
  /** Not permitted: not logged in, token rejected, or the role may not do this. */
  forbidden: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Error kinds the CLI knows: the core's transport-neutral kinds plus the two a remote call adds. */
export type CliErrorKind = ErrorKind | "network" | "server";

const BY_KIND: Record<CliErrorKind, ExitCode> = {
  invalid_input: EXIT.badInput,
  not_found: EXIT.badInput,
  conflict: EXIT.badInput,
  precondition_failed: EXIT.badInput,
  rule_failed: EXIT.ruleFailed,
  forbidden: EXIT.forbidden,
  unauthenticated: EXIT.forbidden,
  network: EXIT.server,
  server: EXIT.server,
};

/**
 * The exit code for an error kind.
 * @example
 * exitCodeFor("invalid_input") // 2
 * exitCodeFor("unauthenticated") // 4
 */
export function exitCodeFor(kind: CliErrorKind): ExitCode {
  return BY_KIND[kind];
}

/**
 * The error kind for an HTTP status: 401/403 → not permitted, 404 → not found, 409 → conflict,
 * other 4xx → invalid input, 5xx → server.
 * @example
 * kindForHttpStatus(403) // "forbidden"
 */
export function kindForHttpStatus(status: number): CliErrorKind {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 412 || status === 422) return "invalid_input";
  if (status >= 400 && status < 500) return "invalid_input";
  return "server";
}

/** The exit codes, as `ntm --help` documents them. */
export const EXIT_CODES_HELP = `
Mã thoát / Exit codes:
  0  thành công / ok
  1  kiểm tra tiêu chí không đạt (với --fail-on) / rule check failed with --fail-on
  2  dữ liệu vào sai (tệp, JSON, bộ tiêu chí, số liệu, tuỳ chọn, lệnh lạ) hoặc xung đột phiên bản (HTTP 412) / bad input or version conflict
  3  lỗi máy chủ hoặc mạng / server or network error
  4  không được phép (chưa đăng nhập, token bị từ chối, không đủ quyền) / not permitted
  70 lỗi nội bộ (xin báo lỗi) / internal error (a bug: please report it)
`;

/** One located problem: where (file and JSON path, or CSV row/column) and what. */
export interface Problem {
  /** The file the problem is in, when there is one. */
  file?: string;
  /** `$.values["2.1"]`, `row 4, column "2.1"`, or a field name. */
  where?: string;
  message: string;
  code?: string;
}

/**
 * An expected failure that ends a command: rendered as one line per problem and an exit code,
 * never a stack trace (unless `--debug`).
 */
export class CliError extends Error {
  readonly kind: CliErrorKind;
  readonly problems: readonly Problem[];
  constructor(kind: CliErrorKind, problems: readonly Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "CliError";
    this.kind = kind;
    this.problems = problems;
  }
  get exitCode(): ExitCode {
    return exitCodeFor(this.kind);
  }
}

/**
 * One line: `file: where: message`.
 * @example
 * formatProblem({ file: "a.json", where: "$.values[\"2.1\"]", message: "indicator 2.1 is a percent (0–100), got 140" })
 * // 'a.json: $.values["2.1"]: indicator 2.1 is a percent (0–100), got 140'
 */
export function formatProblem(p: Problem): string {
  // One problem, one line: a message that carries line breaks (a quoted cell, an engine's excerpt) is flattened.
  return [p.file, p.where, p.message]
    .filter((x) => x !== undefined && x !== "")
    .join(": ")
    .replace(/\s*[\r\n]+\s*/g, " ");
}
