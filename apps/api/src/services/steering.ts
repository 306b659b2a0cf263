/**
 * Steering-committee members (thành viên Ban Chỉ đạo, plan II.3) and the communes each supports:
 * stored rows read back with core's schema, who may see a member (the committee's unit or one of the
 * communes it supports in the reader's scope), writes in one transaction with their audit entry and a
 * version check, and coverage (core `steeringCoverage`) of a unit's communes.
 */
import { randomUUID } from "node:crypto";
import {
  type Result,
  type SteeringMember,
  SteeringMemberSchema,
  type SteeringRowInput,
  type Plan,
  communeIdsOf,
  planWithRegister,
  steeringCoverage,
  validateSteeringMember,
} from "@ntm/core";
import { and, asc, eq } from "drizzle-orm";
import { type Tx, writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { steeringMembers } from "../db/schema.js";
import { unwrap } from "../http/common.js";
import { ApiError } from "../http/problem.js";
import type { RecordWriter } from "./recordImport.js";
import type { UnitTree } from "../units.js";
import { parseStored } from "./stored.js";

export type SteeringRow = typeof steeringMembers.$inferSelect;

const ENTITY = "steering_member";
const INVALID = "Dữ liệu thành viên Ban Chỉ đạo không hợp lệ / invalid steering committee member";

/**
 * Core's member of a stored row (parsed with core's schema; a mismatch is a stored-data fault).
 * @example
 * memberOf(row).communeUnitIds // ["c-01-01"]
 */
export function memberOf(row: SteeringRow): SteeringMember {
  const data = row.data !== null && typeof row.data === "object" ? row.data : {};
  return parseStored(
    SteeringMemberSchema,
    { ...data, id: row.id, unitId: row.unitId },
    { table: "steering_members", id: row.id, column: "data" },
  );
}

/**
 * Every stored member, ordered by id.
 * @example
 * const rows = await steeringRows(db);
 */
export async function steeringRows(db: Db): Promise<SteeringRow[]> {
  return db.select().from(steeringMembers).orderBy(asc(steeringMembers.id));
}

/**
 * One stored member, or a 404 problem.
 * @example
 * const row = await steeringRow(db, "steering_member-…");
 */
export async function steeringRow(db: Db, id: string): Promise<SteeringRow> {
  const row = (await db.select().from(steeringMembers).where(eq(steeringMembers.id, id)).limit(1))[0];
  if (!row) throw new ApiError("not_found", `Không tìm thấy thành viên Ban Chỉ đạo / steering committee member "${id}" not found`);
  return row;
}

/**
 * True when a member belongs to one of `ids` (its committee's unit, or a commune it supports): a
 * commune reads the members assigned to it.
 * @example
 * visibleIn(member, new Set(["c-01-01"])) // true when the member supports c-01-01
 */
export function visibleIn(member: SteeringMember, ids: ReadonlySet<string>): boolean {
  return ids.has(member.unitId) || member.communeUnitIds.some((c) => ids.has(c));
}

/**
 * The communes under a unit (the unit itself when it is one), as id and name.
 * @example
 * communesUnder(tree, "d-01") // [{ id: "c-01-01", name: "Xã An Lộc" }, …]
 */
export function communesUnder(tree: UnitTree, unitId: string): { id: string; name: string }[] {
  return tree
    .subtree(unitId)
    .filter((u) => u.level === "commune")
    .map((u) => ({ id: u.id, name: u.name }));
}

/**
 * Core's check of a member against the communes under its committee's unit (422 with paths).
 * @example
 * const member = checkedMember(tree, { ...body, id });
 */
export function checkedMember(tree: UnitTree, input: { unitId?: unknown } & Record<string, unknown>): SteeringMember {
  const unitId = typeof input.unitId === "string" ? input.unitId : "";
  if (!tree.has(unitId)) throw new ApiError("not_found", `Không tìm thấy đơn vị / Unit "${unitId}" not found`);
  return unwrap(validateSteeringMember(input, { communeIds: communesUnder(tree, unitId).map((c) => c.id) }), INVALID);
}

/**
 * Core's check of a member as a file's row gives it: commune names resolved among the communes under
 * the committee's unit (core `communeIdsOf`), then `validateSteeringMember` against those communes (an
 * unknown unit is left to the import, which names it).
 * @example
 * fileMember(tree, row.input, "steering-…").ok
 */
export function fileMember(tree: UnitTree, input: SteeringRowInput, id: string): Result<SteeringMember> {
  if (!tree.has(input.unitId)) return validateSteeringMember({ ...input, id });
  const communes = communesUnder(tree, input.unitId);
  return validateSteeringMember(
    { ...input, id, communeUnitIds: communeIdsOf(input.communeUnitIds, communes) },
    { communeIds: communes.map((c) => c.id) },
  );
}

/**
 * How the record import (services/recordImport.ts) writes a member: as `createMember` does (same id
 * form, same table, audited per member and per file).
 * @example
 * importRecordFile(db, user, "steering", STEERING_WRITER, table, tree, mayWrite, opts);
 */
export const STEERING_WRITER: RecordWriter<SteeringMember> = {
  entity: ENTITY,
  idPrefix: "steering",
  table: steeringMembers,
  validate: (input: never, id: string, tree: UnitTree) => fileMember(tree, input as SteeringRowInput, id),
  unitOf: (m) => m.unitId,
  toRow: (m) => ({ data: dataOf(m), extra: {} }),
};

/**
 * A stored member as the create route (and a file's row) takes it: the member without its id.
 * @example
 * rowInputOf(memberOf(row)).communeUnitIds
 */
export function rowInputOf(m: SteeringMember): SteeringRowInput {
  const { id: _id, ...rest } = m;
  return rest;
}

function dataOf(m: SteeringMember): Record<string, unknown> {
  const { id: _id, unitId: _unit, ...rest } = m;
  return rest;
}

/**
 * Stores a new member with its audit entry.
 * @example
 * const row = await createMember(db, user, tree, body);
 */
export async function createMember(db: Db, user: Principal, member: Omit<SteeringMember, "id">): Promise<SteeringRow> {
  // No underscore in the id: it is shown on Vietnamese screens (the audit log) and must not read as an internal key.
  const id = `steering-${randomUUID()}`;
  const data = dataOf({ ...member, id });
  return db.transaction(async (tx) => {
    const row = (await tx.insert(steeringMembers).values({ id, unitId: member.unitId, data, updatedBy: user.username }).returning())[0]!;
    await writeAudit(tx, user, {
      action: `${ENTITY}.create`,
      entityType: ENTITY,
      entityId: id,
      unitId: member.unitId,
      before: null,
      after: { data, version: 1 },
    });
    return row;
  });
}

/**
 * Replaces a member's fields at the version read (`cur`); a concurrent change is a 412. Audited.
 * @example
 * const row = await updateMember(db, user, cur, member, now());
 */
export async function updateMember(db: Db | Tx, user: Principal, cur: SteeringRow, member: SteeringMember, at: Date): Promise<SteeringRow> {
  const data = dataOf(member);
  return db.transaction(async (tx) => {
    const row = (
      await tx
        .update(steeringMembers)
        .set({ unitId: member.unitId, data, version: cur.version + 1, updatedAt: at, updatedBy: user.username })
        .where(and(eq(steeringMembers.id, cur.id), eq(steeringMembers.version, cur.version)))
        .returning()
    )[0];
    if (!row) throw new ApiError("precondition_failed", "Dữ liệu vừa bị thay đổi / changed concurrently");
    await writeAudit(tx, user, {
      action: `${ENTITY}.update`,
      entityType: ENTITY,
      entityId: cur.id,
      unitId: member.unitId,
      before: { unitId: cur.unitId, data: cur.data, version: cur.version },
      after: { unitId: member.unitId, data, version: row.version },
    });
    return row;
  });
}

/**
 * Deletes a member at the version read (`cur`); a concurrent change is a 412. Audited with what was deleted.
 * @example
 * await deleteMember(db, user, cur);
 */
export async function deleteMember(db: Db, user: Principal, cur: SteeringRow): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(steeringMembers)
      .where(and(eq(steeringMembers.id, cur.id), eq(steeringMembers.version, cur.version)))
      .returning({ id: steeringMembers.id });
    if (gone.length === 0) throw new ApiError("precondition_failed", "Dữ liệu vừa bị thay đổi / changed concurrently");
    await writeAudit(tx, user, {
      action: `${ENTITY}.delete`,
      entityType: ENTITY,
      entityId: cur.id,
      unitId: cur.unitId,
      before: { data: cur.data, version: cur.version },
      after: null,
    });
  });
}

/**
 * Coverage of a unit's communes on a date (core `steeringCoverage`) over the members of its committee
 * and of the committees above or below it (a member of any level supporting the commune counts).
 * @example
 * const c = await coverageOf(db, tree, "d-01", "2025-06-30"); c.unsupported
 */
export async function coverageOf(db: Db, tree: UnitTree, unitId: string, asOf: string) {
  const communes = communesUnder(tree, unitId);
  const members = (await steeringRows(db)).map(memberOf);
  return { communes, members, coverage: steeringCoverage(members, communes, { asOf }) };
}

/**
 * A plan with its steering members read from the register, the one record of who supports which
 * commune (core `planWithRegister`): the register's members in term on `asOf` supporting communes
 * under the plan's unit. The plan page, the ranking's subjects and the coverage view all read it, so
 * they cannot disagree; PUT /v1/plans/{id}/steering-members writes the register.
 * @example
 * const plan = await planFromRegister(db, tree, planOf(row, taskRows), row.unitId, "2025-06-30");
 */
export async function planFromRegister(db: Db | Tx, tree: UnitTree, plan: Plan, unitId: string, asOf: string): Promise<Plan> {
  const members = (await db.select().from(steeringMembers).orderBy(asc(steeringMembers.id))).map(memberOf);
  return planWithRegister(plan, members, { communeIds: communesUnder(tree, unitId).map((c) => c.id), asOf });
}
