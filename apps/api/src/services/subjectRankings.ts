/**
 * The ranking of organisations and persons (issue 13): loads the plans of the units below a scope,
 * their task board, due reports, the communes' facts of the year, inspection findings and the
 * candidate records, and calls @ntm/core (`subjectsFromPlan`, `rankSubjects`). Units (communes) are
 * ranked by services/rankings.ts; their subject scheme wraps the stored unit scoring scheme.
 */
import {
  type BoardTaskStatus,
  type CandidateRecords,
  CandidateRecordsSchema,
  DEFAULT_SUBJECT_SCHEMES,
  type DerivedSubject,
  type PlanSubjectFacts,
  type SubjectKind,
  type SubjectRanking,
  type SubjectScheme,
  SubjectSchemeSchema,
  rankSubjects,
  subjectsFromPlan,
} from "@ntm/core";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { plans, scoring } from "../db/schema.js";
import { ApiError, issuesToFields } from "../http/problem.js";
import type { UnitTree } from "../units.js";
import type { LoadedPacks } from "./packs.js";
import { type TaskData, loadPlan, planOf } from "./planStore.js";
import { planReportStatus } from "./plans.js";
import { planFromRegister } from "./steering.js";
import { emulationRecordsFor, withEmulationRecords } from "./emulationRecords.js";
import { loadInspections } from "./records.js";
import { rankingInput, schemeFor } from "./rankings.js";

/** The id of a unit's stored scheme for organisations or persons. */
export const subjectSchemeRowId = (kind: Exclude<SubjectKind, "unit">, unitId: string) => `scheme:${kind}:${unitId}`;
/** The id of a subject's candidate records (achievements, findings) for a year, filed under a unit. */
export const recordsRowId = (subjectId: string, year: number) => `records:${subjectId}:${year}`;

/**
 * The subject scheme that applies to a unit for a kind: its own stored one, else the nearest
 * ancestor's, else core's default (not law). For units, the stored unit scoring scheme is wrapped.
 * @example
 * const { scheme, definedAt } = await subjectSchemeFor(db, tree, "d-01", "person");
 */
export async function subjectSchemeFor(
  db: Db,
  tree: UnitTree,
  unitId: string,
  kind: SubjectKind,
): Promise<{ scheme: SubjectScheme; definedAt: string | null; version: number }> {
  if (kind === "unit") {
    const s = await schemeFor(db, tree, unitId);
    return { ...s, scheme: { ...DEFAULT_SUBJECT_SCHEMES.unit, scoring: s.scheme } };
  }
  const rows = await db.select().from(scoring).where(eq(scoring.year, 0));
  const byUnit = new Map(rows.filter((r) => r.id === subjectSchemeRowId(kind, r.unitId)).map((r) => [r.unitId, r]));
  for (let u: string | undefined = unitId; u; u = tree.parentOf(u)) {
    const r = byUnit.get(u);
    // Stored JSON is parsed with core's schema where it is read.
    if (r) return { scheme: SubjectSchemeSchema.parse((r.data as { scheme: unknown }).scheme), definedAt: u, version: r.version };
  }
  return { scheme: DEFAULT_SUBJECT_SCHEMES[kind], definedAt: null, version: 0 };
}

const yearEnd = (year: number) => `${year}-12-31`;

/** The facts of one stored plan for a year, for core `subjectsFromPlan`. */
async function planFacts(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  planId: string,
  year: number,
  asOf: string,
  records: Readonly<Record<string, CandidateRecords>>,
  findings: NonNullable<PlanSubjectFacts["findings"]>,
): Promise<PlanSubjectFacts> {
  const { row, taskRows } = await loadPlan(db, planId);
  // The persons are the register's members in term on the review day (the one record of their communes).
  const plan = await planFromRegister(db, tree, planOf(row, taskRows), row.unitId, asOf);
  const taskStatus: Record<string, BoardTaskStatus> = {};
  for (const t of taskRows) {
    const d = t.data as TaskData;
    // Progress counts for the year it was reported in ("2025", "2025S1", "2025Q3").
    if (d.progress?.period.startsWith(String(year))) taskStatus[d.task.code] = d.progress.status;
  }
  const due = await planReportStatus(db, planId, String(year), asOf);
  const units = await rankingInput(db, tree, packs, row.unitId, year);
  return {
    plan,
    planUnit: { id: row.unitId, name: tree.byId.get(row.unitId)?.name ?? row.unitId },
    taskStatus,
    reports: due.items.map((i) => ({ assigneeId: i.assigneeId, status: i.status })),
    communes: units.map((u) => ({
      unitId: u.unitId,
      name: u.name ?? u.unitId,
      criteriaMet: u.values.criteria_met ?? 0,
      criteriaTotal: u.values.criteria_total ?? 0,
      ...(u.values.criteria_lost !== undefined ? { criteriaLost: u.values.criteria_lost } : {}),
      ...(u.values.resources_mobilised !== undefined ? { resourcesMobilised: u.values.resources_mobilised } : {}),
      ...(u.values.resources_planned !== undefined ? { resourcesPlanned: u.values.resources_planned } : {}),
    })),
    findings,
    records,
  };
}

/**
 * Ranks the organisations or persons of the plans owned by the units below a scope for a year.
 * `asOf` is the review day (31/12 of the year, or today while the year runs).
 * @example
 * const { ranking, subjects } = await computeSubjectRanking(db, tree, packs, "d-01", 2025, "organisation", "2025-12-31");
 */
export async function computeSubjectRanking(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
  kind: Exclude<SubjectKind, "unit">,
  asOf: string,
): Promise<{ ranking: SubjectRanking; subjects: DerivedSubject[]; scheme: SubjectScheme; definedAt: string | null }> {
  const scope = tree.subtree(unitId).map((u) => u.id);
  const planRows = scope.length ? await db.select({ id: plans.id }).from(plans).where(inArray(plans.unitId, scope)) : [];
  const recordRows = await db
    .select()
    .from(scoring)
    .where(and(eq(scoring.year, year), inArray(scoring.unitId, scope.length ? scope : [""])));
  const stored: Record<string, CandidateRecords> = {};
  for (const r of recordRows) {
    const m = /^records:(.+):(\d{4})$/.exec(r.id);
    if (m?.[1]) stored[m[1]] = CandidateRecordsSchema.parse(r.data);
  }
  // Commendations on record in the year are recorded outstanding achievements of their subjects.
  const records = withEmulationRecords(stored, await emulationRecordsFor(db, year, kind));
  const findings = (await loadInspections(db)).flatMap(({ record }) =>
    record.recommendations.map((x) => ({
      subjectId: record.subject.id,
      id: `${record.id}/${x.id}`,
      title: x.text,
      deadline: x.dueDate,
      // Done without a date: resolved by the review day (the record says done), never overdue.
      resolvedOn: x.status === "done" ? (x.doneOn ?? asOf) : null,
    })),
  );
  const subjects: DerivedSubject[] = [];
  for (const p of [...planRows].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const facts = await planFacts(db, tree, packs, p.id, year, asOf, records, findings);
    const out = subjectsFromPlan(facts, asOf);
    subjects.push(...(kind === "organisation" ? out.organisations : out.persons));
  }
  const { scheme, definedAt } = await subjectSchemeFor(db, tree, unitId, kind);
  const r = rankSubjects({ units: subjects.map((s) => s.unit), options: { asOf } }, scheme, year);
  if (!r.ok) throw new ApiError(r.kind, "Không xếp hạng được / cannot rank", issuesToFields(r.issues));
  return { ranking: r.value, subjects, scheme, definedAt };
}

/** The review day of a year: its 31/12, or today while the year runs. */
export function reviewDay(year: number, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  // ISO dates compare as text: the earlier of today and 31/12.
  return [today, yearEnd(year)].sort()[0]!;
}
