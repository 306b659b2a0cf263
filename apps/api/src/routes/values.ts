import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { type Issue, UnitValuesSchema, fail, ok, validateValues, zodIssues } from "@ntm/core";
import { and, asc, desc, eq } from "drizzle-orm";
import type { AppEnv } from "../context.js";
import type { Principal } from "../auth/policy.js";
import { auditLog, indicatorValues } from "../db/schema.js";
import { type Tx, writeAudit } from "../audit.js";
import { authorize } from "../http/guard.js";
import { ApiError, issuesToFields, problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { type LoadedPacks, loadPacks, tierLadder } from "../services/packs.js";
import { type UnitRow, type UnitTree, toAdminUnit } from "../units.js";
import { type ValuesRow, etagOf, parseEtag } from "../values.js";

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
  action = "values.update",
): Promise<ValuesRow> {
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

const YearPath = z.object({ id: IdParam.shape.id, year: YearParam.openapi({ param: { name: "year", in: "path" } }) });

const listYears = createRoute({
  method: "get",
  path: "/units/{id}/values",
  tags: ["values"],
  summary: "Các năm đã có số liệu / Years with values for a unit",
  request: { params: IdParam },
  responses: {
    200: {
      description: "Years",
      content: {
        "application/json": {
          schema: z.object({ items: z.array(z.object({ year: z.number().int(), version: z.number().int(), updatedAt: z.string() })) }),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

const getValues = createRoute({
  method: "get",
  path: "/units/{id}/values/{year}",
  tags: ["values"],
  summary: "Số liệu chỉ tiêu của đơn vị trong năm / A unit's indicator values for a year (ETag = version)",
  request: { params: YearPath },
  responses: {
    200: {
      description: "Values (version 0 when empty)",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: ValuesDocSchema } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});

const putValues = createRoute({
  method: "put",
  path: "/units/{id}/values/{year}",
  tags: ["values"],
  summary: "Ghi số liệu / Replace a unit's values for a year (If-Match required once values exist; stale → 412)",
  description: [
    "Validated by @ntm/core `validateValues` against the tier ladder of `pack` (default: the ladder adopted for the unit and year; with none, the values schema only); problems come back as 422 with JSON paths.",
    'Preconditions: to update, send `If-Match: "<version>"` (the ETag you read); a stale version → 412. To create, send `If-None-Match: *` (or `If-Match: "0"`, the version of absent values); if values exist → 412.',
    "Without either header the request also only creates, and answers 428 when values exist.",
    "Of concurrent creators of one unit-year exactly one succeeds; the others get 412 (or 428 without a header), never a lost update.",
  ].join(" "),
  request: {
    params: YearPath,
    query: z.object({ pack: z.string().optional() }),
    headers: z.object({
      "if-match": z.string().optional(),
      "if-none-match": z.string().optional().openapi({ description: "* : create only (412 if values exist)" }),
    }),
    body: { required: true, content: { "application/json": { schema: ValuesBodySchema } } },
  },
  responses: {
    200: {
      description: "Saved",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: ValuesDocSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 422, 428),
  },
});

const HistoryEntrySchema = z
  .object({
    at: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    version: z.number().int().nullable(),
    changed: z
      .array(z.object({ key: z.string(), from: z.unknown(), to: z.unknown() }))
      .openapi({ description: "Indicators (and `input:` counts, `note:` evidence notes) whose value changed" }),
  })
  .openapi("ValuesHistoryEntry");

const history = createRoute({
  method: "get",
  path: "/units/{id}/values/{year}/history",
  tags: ["values"],
  summary: "Lịch sử sửa số liệu / Who changed a unit's values for a year, and what (newest first)",
  request: { params: YearPath },
  responses: {
    200: { description: "History", content: { "application/json": { schema: z.object({ items: z.array(HistoryEntrySchema) }) } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

type Snapshot = {
  values?: Record<string, unknown>;
  inputs?: Record<string, unknown>;
  notes?: Record<string, unknown>;
  version?: number;
} | null;

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
 * Indicator values per unit and year, with ETags.
 * @example
 * v1.route("/", valueRoutes());
 */
export function valueRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listYears, async (c) => {
    const { id } = c.req.valid("param");
    await authorize(c, "read", id);
    const rows = await c
      .get("deps")
      .db.select()
      .from(indicatorValues)
      .where(eq(indicatorValues.unitId, id))
      .orderBy(asc(indicatorValues.year));
    return c.json({ items: rows.map((r) => ({ year: r.year, version: r.version, updatedAt: r.updatedAt.toISOString() })) }, 200);
  });
  app.openapi(history, async (c) => {
    const { id, year } = c.req.valid("param");
    await authorize(c, "read", id);
    const rows = await c
      .get("deps")
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "indicator_values"), eq(auditLog.entityId, `${id}/${year}`)))
      .orderBy(desc(auditLog.id))
      .limit(200);
    const items = rows.map((r) => ({
      at: r.at.toISOString(),
      actorName: r.actorName,
      action: r.action,
      version: (r.after as Snapshot)?.version ?? null,
      changed: changedKeys(r.before as Snapshot, r.after as Snapshot),
    }));
    return c.json({ items }, 200);
  });
  app.openapi(getValues, async (c) => {
    const { id, year } = c.req.valid("param");
    await authorize(c, "read", id);
    const row = (
      await c
        .get("deps")
        .db.select()
        .from(indicatorValues)
        .where(and(eq(indicatorValues.unitId, id), eq(indicatorValues.year, year)))
        .limit(1)
    )[0];
    const out = valuesOut(id, year, row);
    c.header("ETag", etagOf(out.version));
    return c.json(out, 200);
  });
  app.openapi(putValues, async (c) => {
    const { id, year } = c.req.valid("param");
    const { user, tree } = await authorize(c, "values.write", id);
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const { expected, createOnly } = writePrecondition(c.req.header("if-match"), c.req.header("if-none-match"));
    const packId = c.req.valid("query").pack;
    const packs = await loadPacks(db);
    if (packId !== undefined && !packs.registry.get(packId))
      throw new ApiError("not_found", `Không có bộ tiêu chí "${packId}" / pack "${packId}" not found`);
    const checked = checkValues(packs, tree, tree.byId.get(id)!, year, body, packId);
    if (!checked.ok) throw new ApiError("invalid_input", "Số liệu không hợp lệ / invalid values", issuesToFields(checked.issues));
    const row = await db.transaction(async (tx) => {
      if (createOnly === "implicit") {
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
      return saveValues(tx, user, id, year, body, expected, now());
    });
    c.header("ETag", etagOf(row.version));
    return c.json(valuesOut(id, year, row), 200);
  });
  return app;
}
