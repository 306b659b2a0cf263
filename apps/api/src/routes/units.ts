import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { authorize, requireUser } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { IdParam, type UnitNode, UnitNodeSchema, UnitSchema } from "../http/schemas.js";
import { type UnitRow, type UnitTree, loadTree } from "../units.js";

/**
 * A unit row as the API shows it.
 * @example
 * unitOut(row) // { id, name, level, parentId, region, communeGroup, flags }
 */
export function unitOut(u: UnitRow): z.infer<typeof UnitSchema> {
  return { id: u.id, name: u.name, level: u.level as z.infer<typeof UnitSchema>["level"], parentId: u.parentId, region: u.region, communeGroup: u.communeGroup, flags: u.flags };
}

function nodeOf(tree: UnitTree, u: UnitRow): UnitNode {
  return { ...unitOut(u), children: tree.children(u.id).map((c) => nodeOf(tree, c)) };
}

const listUnits = createRoute({
  method: "get",
  path: "/units",
  tags: ["units"],
  summary: "Danh sách đơn vị trong phạm vi / Units in the caller's scope (flat, depth first)",
  request: { query: z.object({ root: z.string().optional(), level: z.enum(["province", "district", "commune", "hamlet"]).optional() }) },
  responses: { 200: { description: "Units", content: { "application/json": { schema: z.object({ items: z.array(UnitSchema) }) } } }, ...problemResponses(401, 403, 404) },
});

const unitTree = createRoute({
  method: "get",
  path: "/units/tree",
  tags: ["units"],
  summary: "Cây đơn vị hành chính / The administrative tree from the caller's scope (or `root`)",
  request: { query: z.object({ root: z.string().optional() }) },
  responses: { 200: { description: "Tree", content: { "application/json": { schema: UnitNodeSchema } } }, ...problemResponses(401, 403, 404) },
});

const getUnit = createRoute({
  method: "get",
  path: "/units/{id}",
  tags: ["units"],
  summary: "Một đơn vị / One unit with its ancestors and children",
  request: { params: IdParam },
  responses: {
    200: { description: "Unit", content: { "application/json": { schema: z.object({ unit: UnitSchema, ancestors: z.array(UnitSchema), children: z.array(UnitSchema) }).openapi("UnitDetail") } } },
    ...problemResponses(401, 403, 404),
  },
});

/**
 * Administrative units: list, tree and one.
 * @example
 * v1.route("/", unitRoutes());
 */
export function unitRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listUnits, async (c) => {
    const q = c.req.valid("query");
    const root = q.root ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "read", root);
    const items = tree.subtree(root).filter((u) => !q.level || u.level === q.level).map(unitOut);
    return c.json({ items }, 200);
  });
  app.openapi(unitTree, async (c) => {
    const root = c.req.valid("query").root ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "read", root);
    return c.json(nodeOf(tree, tree.byId.get(root)!), 200);
  });
  app.openapi(getUnit, async (c) => {
    const { id } = c.req.valid("param");
    const { tree } = await authorize(c, "read", id);
    const ancestors: UnitRow[] = [];
    for (let p = tree.parentOf(id); p; p = tree.parentOf(p)) ancestors.unshift(tree.byId.get(p)!);
    return c.json({ unit: unitOut(tree.byId.get(id)!), ancestors: ancestors.map(unitOut), children: tree.children(id).map(unitOut) }, 200);
  });
  return app;
}

export { loadTree };
