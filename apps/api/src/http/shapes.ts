/** How stored rows are shown by the API: units and users (never a secret). */
import type { z } from "@hono/zod-openapi";
import type { users } from "../db/schema.js";
import type { RoleSchema, UnitRecordSchema, UnitSchema, UserSchema } from "./schemas.js";
import type { UnitRow } from "../units.js";

type UserRow = typeof users.$inferSelect;

/**
 * A unit row as the API shows it.
 * @example
 * unitOut(row) // { id, name, level, parentId, region, communeGroup, flags }
 */
export function unitOut(u: UnitRow): z.infer<typeof UnitSchema> {
  return {
    id: u.id,
    name: u.name,
    level: u.level as z.infer<typeof UnitSchema>["level"],
    parentId: u.parentId,
    region: u.region,
    communeGroup: u.communeGroup,
    flags: u.flags,
  };
}

/**
 * A unit row with its sort position and version, as the write routes return it.
 * @example
 * unitRecordOut(row) // { id, name, level, parentId, region, communeGroup, flags, sort, version }
 */
export function unitRecordOut(u: UnitRow): z.infer<typeof UnitRecordSchema> {
  return { ...unitOut(u), sort: u.sort, version: u.version, effectiveFrom: u.effectiveFrom, endedOn: u.endedOn, mergedFrom: u.mergedFrom };
}

/**
 * A user row without secrets.
 * @example
 * userOut(row) // { id, username, displayName, role, scopeUnitId, active }
 */
export function userOut(u: UserRow): z.infer<typeof UserSchema> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as z.infer<typeof RoleSchema>,
    scopeUnitId: u.scopeUnitId,
    active: u.active,
  };
}
