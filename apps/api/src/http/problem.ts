/**
 * RFC 9457 problem details, and the ONE place where core's transport-neutral error kinds become HTTP
 * statuses.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorKind, type Issue, type Reason, formatPath, formatReason } from "@ntm/core";

/** Error kind → HTTP status. Bad input is always 4xx. */
export const STATUS_BY_KIND: Readonly<Record<ErrorKind, ContentfulStatusCode>> = {
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  precondition_failed: 412,
  rule_failed: 422,
};

const TITLES: Readonly<
  Record<
    | ErrorKind
    | "bad_request"
    | "too_many_requests"
    | "precondition_required"
    | "payload_too_large"
    | "internal"
    | "stored_data_invalid"
    | "unavailable",
    string
  >
> = {
  invalid_input: "Dữ liệu không hợp lệ / Invalid input",
  not_found: "Không tìm thấy / Not found",
  conflict: "Xung đột dữ liệu / Conflict",
  forbidden: "Không có quyền / Forbidden",
  unauthenticated: "Chưa đăng nhập / Authentication required",
  precondition_failed: "Dữ liệu đã bị thay đổi / Precondition failed",
  rule_failed: "Vi phạm quy tắc nghiệp vụ / Rule failed",
  bad_request: "Yêu cầu không đọc được / Bad request",
  too_many_requests: "Quá nhiều yêu cầu / Too many requests",
  precondition_required: "Thiếu If-Match / Precondition required",
  payload_too_large: "Nội dung quá lớn / Payload too large",
  internal: "Lỗi máy chủ / Internal error",
  stored_data_invalid: "Dữ liệu đã lưu bị hỏng / Stored data invalid",
  unavailable: "Máy chủ đang bận / Service unavailable",
};

/** A problem kind: a core ErrorKind or a transport-only condition. */
export type ProblemKind = keyof typeof TITLES;

const EXTRA_STATUS: Readonly<Record<Exclude<ProblemKind, ErrorKind>, ContentfulStatusCode>> = {
  bad_request: 400,
  too_many_requests: 429,
  precondition_required: 428,
  payload_too_large: 413,
  internal: 500,
  stored_data_invalid: 500,
  unavailable: 503,
};

/** One failing field: `path` is a JSON path such as `$.values["2.1"]`, or `row 3, column B` for spreadsheets. */
export const ProblemFieldSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
});
export type ProblemField = z.infer<typeof ProblemFieldSchema>;

/** RFC 9457 application/problem+json body. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    kind: z.string(),
    code: z.string().optional().openapi({
      description: "Mã lý do của core, cho tích hợp / core's reason code, for integrators (e.g. access.forbidden)",
    }),
    params: z.record(z.string(), z.unknown()).optional().openapi({
      description: "Tham số của lý do (mã vai trò, hành động, đơn vị) / the reason's params (role and action ids, unit ids)",
    }),
    errors: z.array(ProblemFieldSchema).optional(),
    errorCount: z.number().int().optional().openapi({
      description:
        "Tổng số lỗi khi `errors` chỉ liệt kê các lỗi đầu / the total number of problems when `errors` lists only the first ones",
    }),
  })
  .openapi("Problem");
export type Problem = z.infer<typeof ProblemSchema>;

/** Thrown by handlers and helpers; `app.onError` renders it as problem+json. */
export class ApiError extends Error {
  readonly kind: ProblemKind;
  readonly errors: ProblemField[] | undefined;
  /** The total number of problems when `errors` lists only the first ones. */
  readonly errorCount: number | undefined;
  /** Core's reason behind the problem, when there is one: its code and params go out beside the text. */
  reason: Reason | undefined;
  constructor(kind: ProblemKind, detail: string, errors?: ProblemField[], errorCount?: number) {
    super(detail);
    this.kind = kind;
    this.errors = errors;
    this.errorCount = errorCount;
  }

  /**
   * A problem worded by core's catalog (Vietnamese / English), keeping the reason's code and params.
   * @example
   * throw ApiError.fromReason("forbidden", { code: "access.forbidden", path: [], params: { role: "viewer", ... } });
   */
  static fromReason(kind: ProblemKind, reason: Reason): ApiError {
    const e = new ApiError(kind, `${formatReason(reason, "vi")} / ${formatReason(reason, "en")}`);
    e.reason = reason;
    return e;
  }
}

/**
 * Converts core issues (with JSON paths) to problem fields.
 * @example
 * issuesToFields([{ code: "x", path: ["values", "2.1"], message: "bad" }]) // [{ path: '$.values["2.1"]', message: "bad", code: "x" }]
 */
export function issuesToFields(issues: readonly Issue[], prefix: readonly (string | number)[] = []): ProblemField[] {
  return issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: i.message, code: i.code }));
}

/**
 * Builds the problem body for a kind.
 * @example
 * problemBody("not_found", "unit x not found") // { type: "urn:ntm:problem:not_found", status: 404, ... }
 */
export function problemBody(kind: ProblemKind, detail: string, errors?: ProblemField[], errorCount?: number, reason?: Reason): Problem {
  const status = kind in STATUS_BY_KIND ? STATUS_BY_KIND[kind as ErrorKind] : EXTRA_STATUS[kind as Exclude<ProblemKind, ErrorKind>];
  const body: Problem = { type: `urn:ntm:problem:${kind}`, title: TITLES[kind], status, detail, kind };
  if (reason) {
    body.code = reason.code;
    body.params = reason.params;
  }
  if (errors?.length) body.errors = errors;
  if (errorCount !== undefined) body.errorCount = errorCount;
  return body;
}

/**
 * Sends a problem+json response.
 * @example
 * return problemResponse(c, "forbidden", "commune officers write only their commune");
 */
export function problemResponse(
  c: Context,
  kind: ProblemKind,
  detail: string,
  errors?: ProblemField[],
  errorCount?: number,
  reason?: Reason,
): Response {
  const body = problemBody(kind, detail, errors, errorCount, reason);
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, { "content-type": "application/problem+json; charset=utf-8" });
}

/**
 * The problem responses a route may return, for the OpenAPI document.
 * @example
 * createRoute({ ..., responses: { 200: {...}, ...problemResponses(401, 403, 404) } })
 */
export function problemResponses(
  ...statuses: number[]
): Record<number, { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }> {
  const out: Record<number, { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }> = {};
  for (const s of statuses) out[s] = { description: `Problem (${s})`, content: { "application/problem+json": { schema: ProblemSchema } } };
  return out;
}
