/**
 * The scoring service: a unit's scoring scheme (validated by core `parseScoringScheme`) and its
 * entered scoring inputs per year (validated as core's ranking unit), stored in the `scoring` table
 * with versions (If-Match) and audit entries.
 */
import {
  type ScoringScheme,
  type SubjectScheme,
  RankingUnitSchema,
  enteredValues,
  parseDong,
  parseScoringScheme,
  parseSubjectScheme,
  zodIssues,
} from "@ntm/core";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { scoring } from "../db/schema.js";
import { checkVersion } from "../http/common.js";
import { ApiError, issuesToFields } from "../http/problem.js";
import { type ScoringInputsData, inputsRowId, schemeRowId, scoringInputsOf } from "./rankings.js";
import { subjectSchemeRowId } from "./subjectRankings.js";

type ScoringRow = typeof scoring.$inferSelect;

/**
 * Writes one scoring row over the version the caller edited: 428 when the row exists and no version
 * was sent, 412 when it changed; audited under `action`.
 */
async function saveScoringRow(
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

/**
 * A unit's entered scoring inputs for a year (version 0 and no inputs when none were entered).
 * @example
 * (await loadScoringInputs(db, "c-01-01", 2025)).inputs.tasks?.assigned // 12
 */
export async function loadScoringInputs(db: Db, unitId: string, year: number): Promise<{ version: number; inputs: ScoringInputsData }> {
  const row = (
    await db
      .select()
      .from(scoring)
      .where(eq(scoring.id, inputsRowId(unitId, year)))
      .limit(1)
  )[0];
  return { version: row?.version ?? 0, inputs: row ? scoringInputsOf(row) : {} };
}

/**
 * Validates a unit's scoring inputs (money in whole đồng; what core lets a ranking unit hold) and
 * stores them for the year (If-Match once they exist).
 * @example
 * const { version } = await saveScoringInputs(db, user, "c-01-01", 2025, { programmeTargetsMet: 3 }, undefined, new Date());
 */
export async function saveScoringInputs(
  db: Db,
  user: Principal,
  unitId: string,
  year: number,
  body: ScoringInputsData,
  expected: number | undefined,
  now: Date,
): Promise<{ version: number; inputs: ScoringInputsData }> {
  if (body.resourcesPlanned !== undefined) {
    const d = parseDong(body.resourcesPlanned, ["resourcesPlanned"]);
    if (!d.ok) throw new ApiError("invalid_input", "Số tiền không hợp lệ / invalid amount", issuesToFields(d.issues));
  }
  // Core decides what a ranking unit may hold (task counts consistent, finite values).
  const asUnit = RankingUnitSchema.safeParse({
    unitId,
    values: enteredValues(body),
    ...(body.tasks ? { tasks: body.tasks } : {}),
    ...(body.discipline ? { discipline: body.discipline } : {}),
  });
  if (!asUnit.success)
    throw new ApiError("invalid_input", "Số liệu chấm điểm không hợp lệ / invalid scoring inputs", issuesToFields(zodIssues(asUnit.error)));
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
    { ...body },
    expected,
    now,
  );
  return { version: saved.version, inputs: scoringInputsOf(saved) };
}
