import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { listAudit } from "../services/auditLog.js";
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
    // Admins see everything unless they ask for a unit; everyone else sees their scope's subtree.
    const units = q.unitId || user.role !== "admin" ? tree.subtree(q.unitId ?? user.scopeUnitId).map((u) => u.id) : undefined;
    const rows = await listAudit(c.get("deps").db, { ...q, units });
    return c.json({ items: rows.map((r) => ({ ...r, at: r.at.toISOString(), before: r.before, after: r.after })) }, 200);
  });
  return app;
}
