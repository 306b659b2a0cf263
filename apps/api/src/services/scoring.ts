/**
 * The scoring service: a unit's scoring scheme (validated by core `parseScoringScheme`) and its
 * entered scoring inputs per year (validated as core's ranking unit), stored in the `scoring` table
 * with versions (If-Match) and audit entries.
 */
import {
  type EnteredBy,
  type ScoringScheme,
  type SubjectScheme,
  type Issue,
  type Reason,
  MESSAGES,
  checkScoringInputs,
  enteredInputReasons,
  formatReason,
  parseScoringScheme,
  parseSubjectScheme,
} from "@ntm/core";
import { and, eq, inArray } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { scoring, users } from "../db/schema.js";
import { checkVersion, vnDateTime } from "../http/common.js";
import { ApiError, issuesToFields } from "../http/problem.js";
import { type ScoringInputsData, inputsRowId, schemeRowId, scoringInputsOf } from "./rankings.js";
import { subjectSchemeRowId } from "./subjectRankings.js";

type ScoringRow = typeof scoring.$inferSelect;

/**
 * Writes one scoring row over the version the caller edited: 428 when the row exists and no version
 * was sent, 412 when it changed; audited under `action`.
 */
export async function saveScoringRow(
  db: Db,
  user: Principal,
  target: { id: string; unitId: string; year: number; action: string; entityType: string; what: string },
  data: Record<string, unknown>,
  expected: number | undefined,
  now: Date,
): Promise<ScoringRow> {
  return db.transaction(async (tx) => {
    const cur = (
      await tx
        .select()
        .from(scoring)
        .where(and(eq(scoring.id, target.id), eq(scoring.year, target.year)))
        .limit(1)
    )[0];
    if (cur && expected === undefined)
      throw new ApiError(
        "precondition_required",
        `Cần gửi If-Match (phiên bản hiện tại "${cur.version}") / send If-Match (current "${cur.version}")`,
      );
    checkVersion(expected, cur?.version ?? 0);
    const out = cur
      ? (
          await tx
            .update(scoring)
            .set({ data, version: cur.version + 1, updatedAt: now, updatedBy: user.username })
            .where(and(eq(scoring.id, cur.id), eq(scoring.version, cur.version)))
            .returning()
        )[0]
      : (
          await tx
            .insert(scoring)
            .values({ id: target.id, unitId: target.unitId, year: target.year, data, updatedBy: user.username })
            .returning()
        )[0];
    if (!out) throw new ApiError("precondition_failed", target.what);
    await writeAudit(tx, user, {
      action: target.action,
      entityType: target.entityType,
      entityId: out.id,
      unitId: target.unitId,
      before: cur ? { data: cur.data, version: cur.version } : null,
      after: { data, version: out.version },
    });
    return out;
  });
}

/**
 * Validates a scoring scheme with core and stores it as the unit's own (If-Match once it exists).
 * @example
 * const { version } = await saveScoringScheme(db, user, "p-demo", body, 2, new Date());
 */
export async function saveScoringScheme(
  db: Db,
  user: Principal,
  unitId: string,
  body: unknown,
  expected: number | undefined,
  now: Date,
  kind: "unit" | "organisation" | "person" = "unit",
): Promise<{ version: number; scheme: ScoringScheme | SubjectScheme }> {
  const parsed = kind === "unit" ? parseScoringScheme(body) : parseSubjectScheme(body);
  if (!parsed.ok) throw new ApiError("invalid_input", "Thang điểm không hợp lệ / invalid scoring scheme", issuesToFields(parsed.issues));
  if (kind !== "unit" && (parsed.value as SubjectScheme).kind !== kind)
    throw new ApiError("invalid_input", "Thang điểm không đúng đối tượng / scheme kind does not match", [
      { path: "$.kind", message: `expected "${kind}"` },
    ]);
  const saved = await saveScoringRow(
    db,
    user,
    {
      id: kind === "unit" ? schemeRowId(unitId) : subjectSchemeRowId(kind, unitId),
      unitId,
      year: 0,
      action: kind === "unit" ? "scoring_scheme.put" : `scoring_scheme.${kind}.put`,
      entityType: "scoring_scheme",
      what: "Thang điểm vừa bị thay đổi / scheme changed concurrently",
    },
    { scheme: parsed.value },
    expected,
    now,
  );
  return { version: saved.version, scheme: parsed.value };
}

/** An issue of core's scoring-inputs check worded from the catalog, "vi / en", when the catalog knows its code. */
function worded(i: Issue): Issue {
  if (!MESSAGES[i.code]) return i;
  const r = { code: i.code, path: [...i.path], params: i.params ?? {} };
  return { ...i, message: `${formatReason(r, "vi")} / ${formatReason(r, "en")}` };
}

/** Entered inputs with who saved them last (username and display name) and when, in Vietnamese time (null before the first save). */
export interface StoredScoringInputs {
  version: number;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string | null;
  inputs: ScoringInputsData;
}

const storedOf = (row: ScoringRow | undefined): StoredScoringInputs =>
  row
    ? {
        version: row.version,
        updatedBy: row.updatedBy ?? null,
        updatedByName: row.updatedBy ?? null,
        updatedAt: vnDateTime(row.updatedAt),
        inputs: scoringInputsOf(row),
      }
    : { version: 0, updatedBy: null, updatedByName: null, updatedAt: null, inputs: {} };

/** Display names of the savers (usernames); the demo seed is no user: "dữ liệu mẫu". */
async function saverNames(db: Db, usernames: readonly (string | null)[]): Promise<(by: string | null) => string | null> {
  const wanted = [...new Set(usernames.filter((u): u is string => !!u))];
  const names = new Map(
    wanted.length === 0
      ? []
      : (
          await db.select({ username: users.username, displayName: users.displayName }).from(users).where(inArray(users.username, wanted))
        ).map((u) => [u.username, u.displayName] as const),
  );
  return (by) => (by === null ? null : (names.get(by) ?? (by === "seed" ? "dữ liệu mẫu" : by)));
}

/** The stored inputs with the saver's display name. */
async function named(db: Db, stored: StoredScoringInputs): Promise<StoredScoringInputs> {
  return { ...stored, updatedByName: (await saverNames(db, [stored.updatedBy]))(stored.updatedBy) };
}

/**
 * A unit's entered scoring inputs for a year (version 0 and no inputs when none were entered), with
 * who saved them last and when.
 * @example
 * (await loadScoringInputs(db, "c-01-01", 2025)).inputs.tasks?.assigned // 12
 */
export async function loadScoringInputs(db: Db, unitId: string, year: number): Promise<StoredScoringInputs> {
  const row = (
    await db
      .select()
      .from(scoring)
      .where(eq(scoring.id, inputsRowId(unitId, year)))
      .limit(1)
  )[0];
  return named(db, storedOf(row));
}

/**
 * The entered inputs of several units for a year with who saved them and when, for the ranking's
 * explanation (core `enteredInputReasons`); a unit with none entered is absent.
 * @example
 * (await enteredInputsOf(db, ["c-01-03"], 2025)).get("c-01-03")?.entry.by // "huyen"
 */
export async function enteredInputsOf(
  db: Db,
  unitIds: readonly string[],
  year: number,
): Promise<Map<string, { inputs: ScoringInputsData; entry: EnteredBy }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(scoring)
    .where(
      inArray(
        scoring.id,
        unitIds.map((u) => inputsRowId(u, year)),
      ),
    );
  // Who: the saver's display name (the demo seed is no user: "dữ liệu mẫu"); when: Vietnamese time,
  // so a save after 17:00 UTC is dated the Vietnamese day.
  const usernames = [...new Set(rows.map((r) => r.updatedBy).filter((u): u is string => !!u))];
  const names = new Map(
    usernames.length === 0
      ? []
      : (
          await db
            .select({ username: users.username, displayName: users.displayName })
            .from(users)
            .where(inArray(users.username, usernames))
        ).map((u) => [u.username, u.displayName] as const),
  );
  const who = (by: string | null) => (by === null ? null : (names.get(by) ?? (by === "seed" ? "dữ liệu mẫu" : by)));
  return new Map(
    rows.map((r) => {
      const s = storedOf(r);
      const at = s.updatedAt === null ? null : vnDateTime(new Date(s.updatedAt));
      return [r.unitId, { inputs: s.inputs, entry: { version: s.version, by: who(s.updatedBy), at } }];
    }),
  );
}

/**
 * Each unit's hand-entered scoring inputs for a year as core's explanation reasons
 * (`enteredInputReasons`: value, evidence note, who saved it, when, version; `ranking.entered_none`
 * for a unit with nothing entered), by unit id: what the ranking's answer and documents show.
 * @example
 * (await enteredReasonsOf(db, ["c-01-03"], 2025))["c-01-03"]?.[0]?.code // "ranking.entered_input"
 */
export async function enteredReasonsOf(db: Db, unitIds: readonly string[], year: number): Promise<Record<string, Reason[]>> {
  const entered = await enteredInputsOf(db, unitIds, year);
  return Object.fromEntries(
    unitIds.map((u) => [u, enteredInputReasons(entered.get(u)?.inputs ?? {}, entered.get(u)?.entry ?? { version: 0, by: null, at: null })]),
  );
}

/**
 * Checks a unit's scoring inputs with core `checkScoringInputs` (counts against each other, money in
 * whole đồng, evidence notes with their values) and stores them for the year (If-Match once they
 * exist), evidence trimmed.
 * @example
 * const { version } = await saveScoringInputs(db, user, "c-01-01", 2025, { programmeTargetsMet: 3 }, undefined, new Date());
 */
export async function saveScoringInputs(
  db: Db,
  user: Principal,
  unitId: string,
  year: number,
  body: unknown,
  expected: number | undefined,
  now: Date,
): Promise<StoredScoringInputs> {
  const checked = checkScoringInputs(body);
  if (!checked.ok)
    throw new ApiError(
      "invalid_input",
      "Số liệu chấm điểm không hợp lệ / invalid scoring inputs",
      issuesToFields(checked.issues.map(worded)),
    );
  const saved = await saveScoringRow(
    db,
    user,
    {
      id: inputsRowId(unitId, year),
      unitId,
      year,
      action: "scoring_inputs.put",
      entityType: "scoring_inputs",
      what: "Số liệu vừa bị thay đổi / inputs changed concurrently",
    },
    { ...checked.value },
    expected,
    now,
  );
  return named(db, storedOf(saved));
}
