/**
 * One small factory for the record areas (OCOP products, resource contributions, housing records,
 * inspection records): list with filters and a core summary, create, and replace with If-Match. Each
 * area gives its schemas, its core validation and its summary; this file does the HTTP, scope, version
 * and audit work once.
 */
import { randomUUID } from "node:crypto";
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { RecordFileKind, Result } from "@ntm/core";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import type { Db } from "../db/index.js";
import type {
  commendations,
  consultations,
  contributions,
  disciplines,
  emulationMovements,
  housing,
  inspections,
  ocopProducts,
} from "../db/schema.js";
import { writeAudit } from "../audit.js";
import type { Action } from "../auth/policy.js";
import { authorize } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { IdParam } from "../http/schemas.js";
import type { UnitTree } from "../units.js";
import { recordImportRoutes } from "./recordImportRoutes.js";
import { IsoDateField, metaOf, readableUnits, requireVersion, setEtag, unwrap, vnDate } from "./common.js";
import { type RecordRow, allRows } from "../services/records.js";

type AnyTable =
  | typeof ocopProducts
  | typeof contributions
  | typeof housing
  | typeof inspections
  | typeof emulationMovements
  | typeof commendations
  | typeof disciplines
  | typeof consultations;

/** What an area tells the factory. */
export interface RecordSpec<T, Body extends z.ZodType, Query extends z.ZodObject, Summary extends z.ZodType> {
  /** OpenAPI tag and audit entity type. */
  tag: string;
  entity: string;
  /** Path under /v1, e.g. "/ocop-products". */
  path: string;
  /** Labels for summaries: "sản phẩm OCOP / OCOP product". */
  label: string;
  table: AnyTable;
  writeAction: Action;
  body: Body;
  /** Item data as the API returns it (money as strings). */
  item: z.ZodType;
  query: Query;
  summary: Summary;
  /** The record file kind, when the area imports files: adds GET /{kind}/template.xlsx and POST /{kind}/import. */
  importKind?: RecordFileKind;
  /** Core validation of a body with the server-given id. */
  validate: (body: z.infer<Body>, id: string) => Result<T>;
  /** Core checks against stored records (e.g. a linked inspection finding exists), after `validate`. */
  verify?: (value: T, db: Db) => Promise<Result<T>>;
  /** The unit the record belongs to (scope and policy are checked on it). */
  unitOf: (value: T, body: z.infer<Body>) => string;
  /** The row's jsonb data (JSON-safe) and extra columns. */
  toRow: (value: T) => { data: Record<string, unknown>; extra: Record<string, unknown> };
  /** Core's value of a stored row (for summaries). */
  fromRow: (row: RecordRow) => T;
  /** The item data shown for a row. */
  itemOut: (row: RecordRow, value: T) => Record<string, unknown>;
  /** What core computes for the item on the date (validity, days left…), when the area has it. */
  computed?: (value: T, ctx: { asOf: string }) => Record<string, unknown>;
  /** Row filter from the query (besides scope). */
  filter: (value: T, row: RecordRow, query: z.infer<Query>) => boolean;
  /** The summary over the filtered values. */
  summarise: (
    values: T[],
    ctx: { tree: UnitTree; rootId: string; ids: Set<string>; query: z.infer<Query>; asOf: string },
  ) => z.infer<Summary>;
}

/**
 * Builds the list, create and replace routes of a record area.
 * @example
 * app.route("/", recordRoutes(ocopSpec));
 */
export function recordRoutes<T, Body extends z.ZodType, Query extends z.ZodObject, Summary extends z.ZodType>(
  spec: RecordSpec<T, Body, Query, Summary>,
): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const t = spec.table as typeof housing;
  const Item = z.object({
    id: z.string(),
    unitId: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    data: spec.item,
    status: z.record(z.string(), z.unknown()).optional().openapi({
      description: "Computed by @ntm/core on `asOf` (OCOP validity, overdue recommendations); the record's own fields stay in `data`",
    }),
  });
  const AsOfUnit = spec.query.extend({
    unitId: z.string().optional().openapi({ description: "A unit subtree (default: your scope)" }),
    asOf: IsoDateField.optional().openapi({ description: "Date of computed statuses (default: today in Vietnam)" }),
  });

  const list = createRoute({
    method: "get",
    path: spec.path,
    tags: [spec.tag],
    summary: `Danh sách và tổng hợp ${spec.label} / List with filters and totals`,
    request: { query: AsOfUnit },
    responses: {
      200: {
        description: "Items and summary",
        content: {
          "application/json": { schema: z.object({ asOf: z.string(), unitId: z.string(), items: z.array(Item), summary: spec.summary }) },
        },
      },
      ...problemResponses(401, 403, 404, 422),
    },
  });
  const create = createRoute({
    method: "post",
    path: spec.path,
    tags: [spec.tag],
    summary: `Thêm ${spec.label} / Create (validated by @ntm/core)`,
    request: { body: { required: true, content: { "application/json": { schema: spec.body } } } },
    responses: {
      201: { description: "Created", headers: { ETag: { schema: { type: "string" } } }, content: { "application/json": { schema: Item } } },
      ...problemResponses(400, 401, 403, 404, 422),
    },
  });
  const replace = createRoute({
    method: "put",
    path: `${spec.path}/{id}`,
    tags: [spec.tag],
    summary: `Sửa ${spec.label} / Replace (If-Match required; stale → 412)`,
    request: { params: IdParam, body: { required: true, content: { "application/json": { schema: spec.body } } } },
    responses: {
      200: { description: "Saved", headers: { ETag: { schema: { type: "string" } } }, content: { "application/json": { schema: Item } } },
      ...problemResponses(400, 401, 403, 404, 412, 422, 428),
    },
  });

  const itemOf = (row: RecordRow, asOf: string) => {
    const value = spec.fromRow(row);
    return {
      id: row.id,
      unitId: row.unitId,
      ...metaOf(row),
      data: spec.itemOut(row, value),
      ...(spec.computed ? { status: spec.computed(value, { asOf }) } : {}),
    };
  };

  // The generic route types defeat Hono's inference; the validators ran, so read the targets plainly.
  const valid = <V>(c: Context<AppEnv>, target: "json" | "param" | "query"): V =>
    (c.req as unknown as { valid: (t: string) => V }).valid(target);
  const validated = async (body: z.infer<Body>, id: string, db: Db): Promise<T> => {
    const value = unwrap(spec.validate(body, id), `Dữ liệu ${spec.label} không hợp lệ / invalid ${spec.entity}`);
    return spec.verify ? unwrap(await spec.verify(value, db), `Dữ liệu ${spec.label} không hợp lệ / invalid ${spec.entity}`) : value;
  };

  /** The rows a list (or an export) with this query shows: within the caller's readable units, filtered. */
  const listed = async (c: Context<AppEnv>, q: z.infer<Query> & { unitId?: string | undefined }) => {
    const { tree, ids, rootId } = await readableUnits(c, q.unitId);
    const rows = (await allRows(c.get("deps").db, spec.table)).filter((r) => ids.has(r.unitId));
    const kept = rows.map((r) => ({ r, v: spec.fromRow(r) })).filter(({ r, v }) => spec.filter(v, r, q));
    return { tree, ids, rootId, kept };
  };

  app.openapi(list, async (c) => {
    const q = valid<z.infer<Query> & { unitId?: string; asOf?: string }>(c, "query");
    const { now } = c.get("deps");
    const { tree, ids, rootId, kept } = await listed(c, q);
    const asOf = q.asOf ?? vnDate(now());
    const summary = spec.summarise(
      kept.map((k) => k.v),
      { tree, rootId, ids, query: q, asOf },
    );
    return c.json({ asOf, unitId: rootId, items: kept.map(({ r }) => itemOf(r, asOf)), summary } as never, 200);
  });

  app.openapi(create, async (c) => {
    const body = valid<z.infer<Body>>(c, "json");
    const { db, now } = c.get("deps");
    const id = `${spec.entity}-${randomUUID()}`;
    const value = await validated(body, id, db);
    const unitId = spec.unitOf(value, body);
    const { user } = await authorize(c, spec.writeAction, unitId);
    const { data, extra } = spec.toRow(value);
    const row = await db.transaction(async (tx) => {
      const out = (
        await tx
          .insert(t)
          .values({ id, unitId, data, updatedBy: user.username, ...extra } as typeof housing.$inferInsert)
          .returning()
      )[0] as RecordRow;
      await writeAudit(tx, user, {
        action: `${spec.entity}.create`,
        entityType: spec.entity,
        entityId: id,
        unitId,
        before: null,
        after: { data, version: 1 },
      });
      return out;
    });
    setEtag(c, row.version);
    return c.json(itemOf(row, vnDate(now())) as never, 201);
  });

  app.openapi(replace, async (c) => {
    const { id } = valid<{ id: string }>(c, "param");
    const body = valid<z.infer<Body>>(c, "json");
    const { db, now } = c.get("deps");
    const cur = (await db.select().from(t).where(eq(t.id, id)).limit(1))[0] as RecordRow | undefined;
    if (!cur) throw new ApiError("not_found", `Không tìm thấy ${spec.label} / ${spec.entity} "${id}" not found`);
    await authorize(c, spec.writeAction, cur.unitId);
    requireVersion(c, cur.version);
    const value = await validated(body, id, db);
    const unitId = spec.unitOf(value, body);
    const { user } = await authorize(c, spec.writeAction, unitId);
    const { data, extra } = spec.toRow(value);
    const row = await db.transaction(async (tx) => {
      const out = (
        await tx
          .update(t)
          .set({ unitId, data, version: cur.version + 1, updatedAt: now(), updatedBy: user.username, ...extra })
          .where(and(eq(t.id, id), eq(t.version, cur.version)))
          .returning()
      )[0] as RecordRow | undefined;
      if (!out) throw new ApiError("precondition_failed", "Dữ liệu vừa bị thay đổi / changed concurrently");
      await writeAudit(tx, user, {
        action: `${spec.entity}.update`,
        entityType: spec.entity,
        entityId: id,
        unitId,
        before: { data: cur.data, version: cur.version },
        after: { data, version: out.version },
      });
      return out;
    });
    setEtag(c, row.version);
    return c.json(itemOf(row, vnDate(now())) as never, 200);
  });

  if (spec.importKind)
    app.route(
      "/",
      recordImportRoutes(
        spec.importKind,
        spec.writeAction,
        {
          entity: spec.entity,
          table: spec.table,
          validate: spec.validate as (body: never, id: string) => Result<T>,
          verify: spec.verify,
          unitOf: spec.unitOf as (value: T, body: never) => string,
          toRow: spec.toRow,
        },
        {
          query: spec.query.extend({ unitId: z.string().optional().openapi({ description: "A unit subtree (default: your scope)" }) }),
          // The list's items are the create route's bodies (and an id): what the file's rows read back as.
          load: async (c, q) => {
            const { tree, rootId, kept } = await listed(c, q as z.infer<Query> & { unitId?: string });
            return {
              rootName: tree.byId.get(rootId)?.name ?? rootId,
              records: kept.map(({ r, v }) => spec.itemOut(r, v)),
              unitNames: Object.fromEntries(tree.subtree(rootId).map((u) => [u.id, u.name])),
            };
          },
        },
      ),
    );
  return app;
}
