/**
 * Review of submitted values by the level above: approval locks (approve / unlock a unit-year) and
 * reporting completeness (which communes have entered a year's values, who has not). The decisions
 * are core's (`values.approve` in the access policy, `reportingCompleteness`); the lock itself and its
 * refusal of writes live in services/valueLocks.ts.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { authorize } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { loadPacks } from "../services/packs.js";
import { type ValuesLock, lockValues, locksOf, unlockValues, valuesVersionOf } from "../services/valueLocks.js";
import { requireVersion, setEtag } from "../http/common.js";
import { valuesCompleteness } from "../services/completeness.js";

const YearPath = z.object({ id: IdParam.shape.id, year: YearParam.openapi({ param: { name: "year", in: "path" } }) });

const LockSchema = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    locked: z.boolean(),
    lockedBy: z.string().nullable(),
    lockedByName: z.string().nullable(),
    lockedAt: z.string().nullable(),
    version: z.number().int().openapi({
      description:
        "Phiên bản số liệu mà quyết định duyệt dựa vào (cũng là ETag); gửi lại trong If-Match / the values version the decision is taken on (also the ETag); send it back in If-Match",
    }),
  })
  .openapi("ValuesLock");

const IfMatchHeader = z.object({ "if-match": z.string().optional() });

const lockOut = (unitId: string, year: number, l: ValuesLock | undefined, version: number) => ({
  unitId,
  year,
  version,
  locked: !!l,
  lockedBy: l?.lockedBy ?? null,
  lockedByName: l?.lockedByName ?? null,
  lockedAt: l?.lockedAt.toISOString() ?? null,
});

const getLock = createRoute({
  method: "get",
  path: "/units/{id}/values/{year}/lock",
  tags: ["values"],
  summary: "Trạng thái duyệt (khóa) số liệu / Whether a unit-year's values are approved and locked",
  request: { params: YearPath },
  responses: {
    200: { description: "Lock state", content: { "application/json": { schema: LockSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

const putLock = createRoute({
  method: "put",
  path: "/units/{id}/values/{year}/lock",
  tags: ["values"],
  summary: "Duyệt và khóa số liệu / Approve and lock a unit-year's values (the level above: values.approve)",
  description:
    'A locked unit-year refuses the values PUT (409) and import rows (422) until unlocked. Locking a locked unit-year answers its lock unchanged. Audited (values.lock). Send `If-Match: "<version>"` (the lock\'s ETag: the version of the values you checked): without it 428, values changed since → 412.',
  request: { params: YearPath, headers: IfMatchHeader },
  responses: {
    200: { description: "Locked", content: { "application/json": { schema: LockSchema } } },
    ...problemResponses(401, 403, 404, 412, 422, 428),
  },
});

const deleteLock = createRoute({
  method: "delete",
  path: "/units/{id}/values/{year}/lock",
  tags: ["values"],
  summary: "Mở khóa số liệu / Unlock a unit-year's values (the level above: values.approve)",
  description:
    'Audited (values.unlock). 404 when the unit-year is not locked. Send `If-Match: "<version>"` (the lock\'s ETag): without it 428, stale → 412.',
  request: { params: YearPath, headers: IfMatchHeader },
  responses: {
    200: { description: "Unlocked", content: { "application/json": { schema: LockSchema } } },
    ...problemResponses(401, 403, 404, 412, 422, 428),
  },
});

const CompletenessSchema = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    counts: z.object({ none: z.number().int(), partial: z.number().int(), complete: z.number().int(), noPack: z.number().int() }),
    communes: z.array(
      z.object({
        unitId: z.string(),
        name: z.string(),
        parentId: z.string().nullable(),
        state: z.enum(["none", "partial", "complete", "no_pack"]),
        entered: z.number().int(),
        expected: z.number().int(),
        missing: z.array(z.string()),
        updatedBy: z.string().nullable(),
        updatedAt: z.string().nullable(),
        locked: z.boolean(),
      }),
    ),
  })
  .openapi("ReportingCompleteness");

const completeness = createRoute({
  method: "get",
  path: "/units/{id}/completeness",
  tags: ["values"],
  summary: "Tình hình nhập số liệu / Reporting completeness: which communes have entered a year's values, who has not",
  description:
    "Per commune of the subtree: the indicators of its adopted standard pack (not derived, not declared not applicable) that hold a value (core `reportingCompleteness`), who saved last, and whether the year is approved (locked). A commune with no pack adopted is `no_pack`.",
  request: { params: IdParam, query: z.object({ year: YearParam }) },
  responses: {
    200: { description: "Completeness", content: { "application/json": { schema: CompletenessSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

/**
 * Approval locks and reporting completeness.
 * @example
 * v1.route("/", valueReviewRoutes());
 */
export function valueReviewRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(getLock, (async (c: Context<AppEnv>) => {
    const id = c.req.param("id")!;
    const year = YearParam.parse(c.req.param("year"));
    await authorize(c, "read", id);
    const { db } = c.get("deps");
    const version = await valuesVersionOf(db, id, year);
    setEtag(c, version);
    return c.json(lockOut(id, year, (await locksOf(db, [id], year)).get(id), version), 200);
  }) as never);
  app.openapi(putLock, (async (c: Context<AppEnv>) => {
    const id = c.req.param("id")!;
    const year = YearParam.parse(c.req.param("year"));
    const { user } = await authorize(c, "values.approve", id);
    const { db, now } = c.get("deps");
    const version = await valuesVersionOf(db, id, year);
    requireVersion(c, version);
    const lock = await lockValues(db, user, id, year, now(), version);
    setEtag(c, version);
    return c.json(lockOut(id, year, lock, version), 200);
  }) as never);
  app.openapi(deleteLock, (async (c: Context<AppEnv>) => {
    const id = c.req.param("id")!;
    const year = YearParam.parse(c.req.param("year"));
    const { user, tree } = await authorize(c, "values.approve", id);
    const { db } = c.get("deps");
    const version = await valuesVersionOf(db, id, year);
    requireVersion(c, version);
    if (!(await unlockValues(db, user, id, year, version))) {
      const name = tree.byId.get(id)?.name ?? id;
      throw new ApiError("not_found", `Số liệu năm ${year} của ${name} chưa bị khóa / the ${year} values of ${name} are not locked`);
    }
    setEtag(c, version);
    return c.json(lockOut(id, year, undefined, version), 200);
  }) as never);
  app.openapi(completeness, (async (c: Context<AppEnv>) => {
    const id = c.req.param("id")!;
    const year = YearParam.parse(c.req.query("year"));
    const { tree } = await authorize(c, "read", id);
    const { db } = c.get("deps");
    const r = await valuesCompleteness(db, tree, await loadPacks(db), id, year);
    return c.json({ unitId: id, year, counts: r.counts, communes: r.communes }, 200);
  }) as never);
  return app;
}
