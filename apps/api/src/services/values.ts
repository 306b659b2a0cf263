/**
 * A unit-year's indicator values as stored: the API's document shape, validation against the pack in
 * force (core's validateValues), evidence notes, the write preconditions and the audited write.
 */
import { z } from "@hono/zod-openapi";
import { type Issue, UnitValuesSchema, fail, ok, validateValues, zodIssues } from "@ntm/core";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { auditLog, indicatorValues } from "../db/schema.js";
import { type Tx, writeAudit } from "../audit.js";
import { assertUnlocked } from "./valueLocks.js";
import { ApiError, issuesToFields } from "../http/problem.js";
import { type LoadedPacks, tierLadder } from "./packs.js";
import { type UnitRow, type UnitTree, toAdminUnit } from "../units.js";
import { type ValuesRow, parseEtag } from "../values.js";
import { checkStoredValues, parseStored } from "./stored.js";

const StoredNotesSchema = z.record(z.string(), z.string()).nullable();

/** The longest evidence note accepted for one indicator, in characters. */
export const NOTE_MAX_LENGTH = 1000;

export const ValuesBodySchema = z
  .object({
    values: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
    inputs: z.record(z.string(), z.number()).optional(),
    notApplicable: z.array(z.string()).optional(),
    notes: z
      .record(z.string(), z.string())
      .optional()
      .openapi({
        description: `Nguồn số liệu / minh chứng theo chỉ tiêu (tối đa ${NOTE_MAX_LENGTH} ký tự) / evidence note per indicator id (at most ${NOTE_MAX_LENGTH} characters); blank notes are dropped; omitted keeps the saved notes`,
      }),
  })
  .openapi("ValuesInput");

export const ValuesDocSchema = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    values: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
    inputs: z.record(z.string(), z.number()),
    notApplicable: z.array(z.string()),
    notes: z
      .record(z.string(), z.string())
      .openapi({ description: "Nguồn số liệu / minh chứng theo chỉ tiêu / evidence note per indicator id (not evaluated)" }),
    version: z.number().int().openapi({ description: "0 when nothing was entered yet; also the ETag" }),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi("UnitValuesRecord");
export type ValuesDoc = z.infer<typeof ValuesDocSchema>;

/**
 * The API shape of a values row (or an empty version-0 document).
 * @example
 * valuesOut("c1", 2024, undefined).version // 0
 */
export function valuesOut(unitId: string, year: number, row: ValuesRow | undefined): ValuesDoc {
  if (row) {
    checkStoredValues(row, row.id);
    parseStored(StoredNotesSchema, row.notes, { table: "indicator_values", id: row.id, column: "notes" });
  }
  return {
    unitId,
    year,
    values: row?.values ?? {},
    inputs: row?.inputs ?? {},
    notApplicable: row?.notApplicable ?? [],
    notes: row?.notes ?? {},
    version: row?.version ?? 0,
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt ? row.updatedAt.toISOString() : null,
  };
}

/**
 * Validates a unit's values with @ntm/core: against the top pack of its tier ladder (which holds every
 * indicator of the lower tiers): the ladder of `packId` when given, else the one adopted for the unit
 * and year; with no pack of the unit's level (another level, or no adoption for the year), against the
 * values schema only.
 * @example
 * const r = checkValues(packs, tree, unit, 2024, body);
 */
export function checkValues(
  packs: LoadedPacks,
  tree: UnitTree,
  unit: UnitRow,
  year: number,
  body: z.infer<typeof ValuesBodySchema>,
  packId?: string,
) {
  const { notes, ...rest } = body;
  const doc = { unit: toAdminUnit(unit), year, ...rest };
  const adopted = packId === undefined ? packs.ladderFor(tree, unit.id, year) : undefined;
  const ladder = packId !== undefined ? tierLadder(packs.registry, packId) : adopted?.ok ? adopted.ladder.map((c) => c.pack) : [];
  const top = ladder.at(-1);
  const compiled = top && top.level === unit.level ? packs.compiled(top.id) : undefined;
  let r: ReturnType<typeof validateValues>;
  if (compiled) r = validateValues(compiled, doc);
  else {
    const parsed = UnitValuesSchema.safeParse(doc);
    r = parsed.success ? ok(parsed.data) : fail("invalid_input", zodIssues(parsed.error));
  }
  const noteIssues = checkNotes(notes, compiled ? (id) => compiled.indicatorById.has(id) : undefined);
  if (noteIssues.length === 0) return r;
  return fail("invalid_input", [...(r.ok ? [] : r.issues), ...noteIssues]);
}

/**
 * Checks evidence notes: each key must be an indicator of the pack (when `isIndicator` is given) and each
 * note at most {@link NOTE_MAX_LENGTH} characters. Issues carry the JSON path `["notes", id]`.
 * @example
 * checkNotes({ "99.9": "BC 12" }, (id) => id === "2.1")[0].path // ["notes", "99.9"]
 */
export function checkNotes(notes: Record<string, string> | undefined, isIndicator?: (id: string) => boolean): Issue[] {
  const issues: Issue[] = [];
  for (const [id, note] of Object.entries(notes ?? {})) {
    const path = ["notes", id];
    if (isIndicator && !isIndicator(id))
      issues.push({
        code: "values.unknown_indicator",
        path,
        message: `ghi chú cho chỉ tiêu "${id}" không có trong bộ tiêu chí / note for unknown indicator "${id}"`,
        params: { indicator: id },
      });
    else if (note.length > NOTE_MAX_LENGTH)
      issues.push({
        code: "values.note_too_long",
        path,
        message: `ghi chú chỉ tiêu ${id} dài ${note.length} ký tự, tối đa ${NOTE_MAX_LENGTH} / note for indicator ${id} has ${note.length} characters, at most ${NOTE_MAX_LENGTH}`,
        params: { length: note.length, max: NOTE_MAX_LENGTH },
      });
  }
  return issues;
}

/**
 * Trims notes and drops blank ones; `null` when nothing is left.
 * @example
 * cleanNotes({ "2.1": "  BC 12 ", "2.2": " " }) // { "2.1": "BC 12" }
 */
export function cleanNotes(notes: Record<string, string>): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [id, note] of Object.entries(notes)) if (note.trim()) out[id] = note.trim();
  return Object.keys(out).length ? out : null;
}

/**
 * Writes one unit-year of values with optimistic concurrency, inside the caller's transaction:
 * `expected` undefined means "create only" when no row exists; a version mismatch is a 412.
 * @example
 * await db.transaction((tx) => saveValues(tx, user, "c1", 2024, body, 3));
 */
export async function saveValues(
  tx: Tx,
  user: Principal,
  unitId: string,
  year: number,
  body: z.infer<typeof ValuesBodySchema>,
  expected: number | undefined,
  now: Date,
  action: string,
  /** The unit's name, for the lock message ("Xã Phú Hiệp", never the id). */
  unitName: string,
): Promise<ValuesRow> {
  // An approved (locked) unit-year refuses every write, whichever route it comes from.
  await assertUnlocked(tx, unitId, unitName, year);
  const cur = (
    await tx
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.unitId, unitId), eq(indicatorValues.year, year)))
      .for("update")
      .limit(1)
  )[0];
  const curVersion = cur?.version ?? 0;
  if (expected !== undefined && expected !== curVersion)
    throw new ApiError(
      "precondition_failed",
      `Dữ liệu đã được người khác sửa (phiên bản hiện tại ${curVersion}, bạn gửi ${expected}); tải lại rồi sửa / values changed since you loaded them (current version ${curVersion}, If-Match ${expected})`,
    );
  // Omitted notes keep the saved ones (imports and older clients send none).
  const notes = body.notes === undefined ? (cur?.notes ?? null) : cleanNotes(body.notes);
  const next = {
    values: body.values,
    inputs: body.inputs ?? {},
    notApplicable: body.notApplicable ?? [],
    notes,
    updatedBy: user.username,
    updatedAt: now,
  };
  let row: ValuesRow | undefined;
  if (cur) {
    row = (
      await tx
        .update(indicatorValues)
        .set({ ...next, version: curVersion + 1 })
        .where(and(eq(indicatorValues.id, cur.id), eq(indicatorValues.version, curVersion)))
        .returning()
    )[0];
  } else {
    // A concurrent creator may have inserted since the read: do nothing then, and answer 412 below
    // (a unique violation would abort the transaction and surface as a 500 on PostgreSQL).
    row = (
      await tx
        .insert(indicatorValues)
        .values({ unitId, year, ...next, version: 1 })
        .onConflictDoNothing()
        .returning()
    )[0];
  }
  if (!row) throw new ApiError("precondition_failed", "Dữ liệu vừa bị thay đổi / values changed concurrently");
  await writeAudit(tx, user, {
    action,
    entityType: "indicator_values",
    entityId: `${unitId}/${year}`,
    unitId,
    before: cur
      ? { values: cur.values, inputs: cur.inputs, notApplicable: cur.notApplicable, notes: cur.notes ?? {}, version: cur.version }
      : null,
    after: { values: row.values, inputs: row.inputs, notApplicable: row.notApplicable, notes: row.notes ?? {}, version: row.version },
  });
  return row;
}

/**
 * The write precondition of a values PUT. `If-Match: "<version>"` updates that version (`"0"`: create);
 * `If-None-Match: *` creates only; neither also creates only, but answers 428 when values exist (the
 * client must say which version it edited). Both at once must agree (`*` with `"0"`).
 * @example
 * writePrecondition('"3"', undefined) // { expected: 3, createOnly: false }
 * writePrecondition(undefined, "*") // { expected: 0, createOnly: "explicit" }
 */
export function writePrecondition(
  ifMatch: string | undefined,
  ifNoneMatch: string | undefined,
): { expected: number; createOnly: false | "explicit" | "implicit" } {
  const expected = parseEtag(ifMatch);
  if (Number.isNaN(expected))
    throw new ApiError("invalid_input", 'If-Match phải là phiên bản, ví dụ "3" / If-Match must be a version such as "3"', [
      { path: "headers.if-match", message: "expected a version ETag" },
    ]);
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== "*")
      throw new ApiError("invalid_input", "If-None-Match chỉ nhận * (chỉ tạo mới) / If-None-Match accepts only * (create only)", [
        { path: "headers.if-none-match", message: "expected *" },
      ]);
    if (expected !== undefined && expected !== 0)
      throw new ApiError(
        "invalid_input",
        `If-None-Match: * (tạo mới) mâu thuẫn với If-Match "${expected}" / If-None-Match: * (create) contradicts If-Match "${expected}"`,
        [{ path: "headers.if-none-match", message: "contradicts If-Match" }],
      );
    return { expected: 0, createOnly: "explicit" };
  }
  return expected === undefined ? { expected: 0, createOnly: "implicit" } : { expected, createOnly: expected === 0 ? "explicit" : false };
}

/** A unit-year's values as an audit entry recorded them (before or after a write). */
const SnapshotSchema = z
  .object({
    values: z.record(z.string(), z.unknown()).optional(),
    inputs: z.record(z.string(), z.unknown()).optional(),
    notes: z.record(z.string(), z.unknown()).optional(),
    version: z.number().int().optional(),
  })
  .nullable();
type Snapshot = z.infer<typeof SnapshotSchema>;

/**
 * The keys whose value differs between two audit snapshots of a unit-year.
 * @example
 * changedKeys({ values: { "2.1": 90 } }, { values: { "2.1": 95 } }) // [{ key: "2.1", from: 90, to: 95 }]
 */
export function changedKeys(before: Snapshot, after: Snapshot): { key: string; from: unknown; to: unknown }[] {
  const out: { key: string; from: unknown; to: unknown }[] = [];
  for (const [field, prefix] of [
    ["values", ""],
    ["inputs", "input:"],
    ["notes", "note:"],
  ] as const) {
    const a = before?.[field] ?? {};
    const b = after?.[field] ?? {};
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
        out.push({ key: prefix + k, from: a[k] ?? null, to: b[k] ?? null });
    }
  }
  return out;
}

/**
 * Who changed a unit's values for a year, and what (newest first, at most 200 entries), from the
 * audit log's snapshots (parsed, not cast).
 * @example
 * (await valuesHistory(db, "x-01", 2024))[0].changed // [{ key: "2.1", from: 90, to: 95 }]
 */
export async function valuesHistory(
  db: Db,
  unitId: string,
  year: number,
): Promise<{ at: string; actorName: string | null; action: string; version: number | null; changed: ReturnType<typeof changedKeys> }[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "indicator_values"), eq(auditLog.entityId, `${unitId}/${year}`)))
    .orderBy(desc(auditLog.id))
    .limit(200);
  return rows.map((r) => {
    const before = parseStored(SnapshotSchema, r.before, { table: "audit_log", id: r.id, column: "before" });
    const after = parseStored(SnapshotSchema, r.after, { table: "audit_log", id: r.id, column: "after" });
    return {
      at: r.at.toISOString(),
      actorName: r.actorName,
      action: r.action,
      version: after?.version ?? null,
      changed: changedKeys(before, after),
    };
  });
}

/** The years a unit has values for, oldest first, with their versions. */
export async function listValueYears(db: Db, unitId: string): Promise<{ year: number; version: number; updatedAt: string }[]> {
  const rows = await db.select().from(indicatorValues).where(eq(indicatorValues.unitId, unitId)).orderBy(asc(indicatorValues.year));
  return rows.map((r) => ({ year: r.year, version: r.version, updatedAt: r.updatedAt.toISOString() }));
}

/** A unit-year's stored values row, or undefined when none was entered. */
export async function loadValuesRow(db: Db, unitId: string, year: number): Promise<ValuesRow | undefined> {
  return (
    await db
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.unitId, unitId), eq(indicatorValues.year, year)))
      .limit(1)
  )[0];
}

/**
 * A values PUT: the pack asked for must exist (404), the values must check against it (422), an
 * implicit create-only write is refused with 428 when values exist, then the audited write
 * (`saveValues`: 412 on a stale version, 423 on an approved unit-year).
 */
export async function putValues(
  db: Db,
  packs: LoadedPacks,
  tree: UnitTree,
  user: Principal,
  unit: UnitRow,
  year: number,
  body: z.infer<typeof ValuesBodySchema>,
  precondition: { expected: number; createOnly: false | "explicit" | "implicit" },
  packId: string | undefined,
  now: Date,
): Promise<ValuesRow> {
  const id = unit.id;
  if (packId !== undefined && !packs.registry.get(packId))
    throw new ApiError("not_found", `Không có bộ tiêu chí "${packId}" / pack "${packId}" not found`);
  const checked = checkValues(packs, tree, unit, year, body, packId);
  if (!checked.ok) throw new ApiError("invalid_input", "Số liệu không hợp lệ / invalid values", issuesToFields(checked.issues));
  return db.transaction(async (tx) => {
    if (precondition.createOnly === "implicit") {
      const exists = (
        await tx
          .select({ v: indicatorValues.version })
          .from(indicatorValues)
          .where(and(eq(indicatorValues.unitId, id), eq(indicatorValues.year, year)))
          .limit(1)
      )[0];
      if (exists)
        throw new ApiError(
          "precondition_required",
          `Cần gửi If-Match (phiên bản hiện tại "${exists.v}") / send If-Match with the version you edited (current "${exists.v}")`,
        );
    }
    // Creation is an insert that does nothing on a concurrent twin: exactly one creator wins, the rest get 412.
    return saveValues(tx, user, id, year, body, precondition.expected, now, "values.update", unit.name ?? id);
  });
}
