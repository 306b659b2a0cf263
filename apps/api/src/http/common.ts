/**
 * Helpers shared by the plan-domain routes: JSON-safe money, reasons rendered vi/en, If-Match
 * handling, scope filtering and the Vietnamese calendar day. No domain decisions here: those come
 * from @ntm/core.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { type Issue, type Reason, type Result, formatReason } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { type Principal, can } from "../auth/policy.js";
import { requireUser } from "../http/guard.js";
import { ApiError, issuesToFields } from "../http/problem.js";
import { type UnitTree, loadTree } from "../units.js";
import { etagOf, parseEtag } from "../values.js";

/** A reason as the API returns it: core's code, path and params, plus the text in vi and en. */
export const ReasonOutSchema = z
  .object({
    code: z.string(),
    path: z.array(z.union([z.string(), z.number()])),
    params: z.record(z.string(), z.unknown()),
    vi: z.string(),
    en: z.string(),
  })
  .openapi("ReasonText");
export type ReasonOut = z.infer<typeof ReasonOutSchema>;

/**
 * Deep copy with every bigint turned into its decimal string (money stays whole đồng, never a float).
 * @example
 * jsonSafe({ amount: 1250000n }) // { amount: "1250000" }
 */
export function jsonSafe<T>(value: T): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonSafe(v);
    return out;
  }
  return value;
}

/**
 * Core reasons with their Vietnamese and English text (params made JSON-safe).
 * @example
 * reasonsOut([{ code: "report.overdue", path: [], params: {...} }])[0].vi // "Báo cáo ... quá hạn ..."
 */
export function reasonsOut(reasons: readonly Reason[]): ReasonOut[] {
  return reasons.map((r) => ({
    code: r.code,
    path: [...r.path],
    params: jsonSafe(r.params) as Record<string, unknown>,
    vi: formatReason(r, "vi"),
    en: formatReason(r, "en"),
  }));
}

/**
 * Throws a problem for a failed core result (422 with JSON paths, or the result's own kind).
 * @example
 * const house = unwrap(validateHouse(body), "Hồ sơ nhà ở không hợp lệ / invalid house record");
 */
export function unwrap<T>(r: Result<T>, detail: string, prefix: readonly (string | number)[] = []): T {
  if (r.ok) return r.value;
  throw new ApiError(r.kind, detail, issuesToFields(r.issues as Issue[], prefix));
}

/**
 * The If-Match header as a version: undefined when absent, a 422 problem when unreadable.
 * @example
 * const expected = readIfMatch(c); // 3 for '"3"'
 */
export function readIfMatch(c: Context<AppEnv>): number | undefined {
  const v = parseEtag(c.req.header("if-match"));
  if (Number.isNaN(v))
    throw new ApiError("invalid_input", 'If-Match phải là phiên bản, ví dụ "3" / If-Match must be a version such as "3"', [
      { path: "headers.if-match", message: "expected a version ETag" },
    ]);
  return v;
}

/**
 * Requires If-Match (428 when missing) and checks it against the current version (412 when stale).
 * @example
 * requireVersion(c, row.version);
 */
export function requireVersion(c: Context<AppEnv>, current: number): void {
  const expected = readIfMatch(c);
  if (expected === undefined)
    throw new ApiError(
      "precondition_required",
      `Cần gửi If-Match (phiên bản hiện tại "${current}") / send If-Match with the version you edited (current "${current}")`,
    );
  checkVersion(expected, current);
}

/**
 * A 412 problem when an If-Match version is stale.
 * @example
 * checkVersion(2, 3) // throws precondition_failed
 */
export function checkVersion(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current)
    throw new ApiError(
      "precondition_failed",
      `Dữ liệu đã được người khác sửa (phiên bản hiện tại ${current}, bạn gửi ${expected}); tải lại rồi sửa / changed since you loaded it (current version ${current}, If-Match ${expected})`,
    );
}

/**
 * Sets the ETag header of a version.
 * @example
 * setEtag(c, 3)
 */
export function setEtag(c: Context<AppEnv>, version: number): void {
  c.header("ETag", etagOf(version));
}

/**
 * The units a user may read under `unitId` (or under the user's own scope when no unit is given),
 * decided by the policy's "read" rule; 404/403 for an unknown or out-of-scope unit.
 * @example
 * const { ids } = await readableUnits(c, query.unitId); // Set of unit ids
 */
export async function readableUnits(
  c: Context<AppEnv>,
  unitId: string | undefined,
): Promise<{ user: Principal; tree: UnitTree; ids: Set<string>; rootId: string }> {
  const user = requireUser(c);
  const tree = await loadTree(c.get("deps").db);
  const rootId = unitId ?? user.scopeUnitId;
  if (!tree.has(rootId)) throw new ApiError("not_found", `Không tìm thấy đơn vị / Unit "${rootId}" not found`);
  if (!can(user, "read", rootId, tree)) throw new ApiError("forbidden", `Không được xem đơn vị ${rootId} / may not read unit ${rootId}`);
  return { user, tree, ids: new Set(tree.subtree(rootId).map((u) => u.id)), rootId };
}

/**
 * Today's date in Vietnam (UTC+7) as yyyy-mm-dd, from the app's clock.
 * @example
 * vnDate(new Date("2025-06-30T18:00:00Z")) // "2025-07-01"
 */
export function vnDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * An ISO date-time with the +07:00 offset, from the app's clock.
 * @example
 * vnDateTime(new Date("2025-03-07T03:00:00Z")) // "2025-03-07T10:00:00+07:00"
 */
export function vnDateTime(now: Date): string {
  return `${new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

/**
 * True for a real calendar day written yyyy-mm-dd (2025-02-30 is not one).
 * @example
 * isCalendarDay("2024-02-29") // true
 */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A yyyy-mm-dd calendar day as a query or body field. */
export const IsoDateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected yyyy-mm-dd")
  .refine(isCalendarDay, "not a calendar day")
  .openapi({ example: "2025-08-01", format: "date" });

/** The common fields of a stored domain record in responses. */
export const RecordMetaSchema = z.object({ version: z.number().int(), updatedAt: z.string(), updatedBy: z.string().nullable() });

/**
 * The metadata of a domain row.
 * @example
 * metaOf(row) // { version: 1, updatedAt: "...", updatedBy: "xa" }
 */
export function metaOf(row: { version: number; updatedAt: Date; updatedBy: string | null }): z.infer<typeof RecordMetaSchema> {
  return { version: row.version, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy };
}

/**
 * A Content-Disposition header with an ASCII fallback and the Vietnamese name (RFC 6266 / 5987).
 * @example
 * contentDisposition("Báo cáo tiến độ 2025S1.docx") // `attachment; filename="Bao cao tien do 2025S1.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o...`
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/"/g, "'");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
