import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { AppEnv } from "../context.js";
import { auditLog } from "../db/schema.js";
import { authorize, requireUser } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    unitId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi("AuditEntry");

const list = createRoute({
  method: "get",
  path: "/audit",
  tags: ["audit"],
  summary: "Nhật ký thay đổi / Audit log (admin, inspector; newest first; inspectors see their scope)",
  request: {
    query: z.object({
      entityType: z.string().optional(),
      entityId: z.string().optional(),
      unitId: z.string().optional(),
      before: z.coerce.number().int().optional().openapi({ description: "page: entries with id below this" }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: { description: "Entries", content: { "application/json": { schema: z.object({ items: z.array(AuditEntrySchema) }) } } },
    ...problemResponses(401, 403, 422),
  },
});

/**
 * The append-only audit log (read only: there is no route that changes it).
 * @example
 * v1.route("/", auditRoutes());
 */
export function auditRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const user = requireUser(c);
    const { tree } = await authorize(c, "audit.read", q.unitId ?? user.scopeUnitId);
    const where: SQL[] = [];
    if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
    if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
    if (q.before) where.push(lt(auditLog.id, q.before));
    if (q.unitId || user.role !== "admin")
      where.push(
        inArray(
          auditLog.unitId,
          tree.subtree(q.unitId ?? user.scopeUnitId).map((u) => u.id),
        ),
      );
    const rows = await c
      .get("deps")
      .db.select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.id))
      .limit(q.limit);
    return c.json({ items: rows.map((r) => ({ ...r, at: r.at.toISOString(), before: r.before, after: r.after })) }, 200);
  });
  return app;
}
