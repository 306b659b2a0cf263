/**
 * The recognition workflow as a service: assembles @ntm/core's guard context from the database (the
 * unit's evaluation for the dossier's pack, the unit's ancestors, the workflow configuration in force,
 * the actor), asks core which actions are available or applies one (`availableActions`, `transition`),
 * chooses the pack a new dossier is judged against, and stores the results with their audit entries.
 * The dossier routes only parse, authorise and shape.
 */
import { randomUUID } from "node:crypto";
import {
  type Actor,
  type ActorRole,
  type AvailableAction,
  type DossierTier,
  type EvaluationResult,
  type Issue,
  type RecognitionAction,
  type RecognitionDossier,
  type Reason,
  type WorkflowFacts,
  availableActions,
  checkDecision,
  formatPath,
  formatReason,
  parseDong,
  parseDossier,
  transition,
  ROLE_LABELS,
} from "@ntm/core";
import { and, eq } from "drizzle-orm";
import { type Tx, writeAudit } from "../audit.js";
import { type Action, type Principal, can } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { dossiers } from "../db/schema.js";
import { ApiError, issuesToFields } from "../http/problem.js";
import type { UnitTree } from "../units.js";
import { type DossierRow, configFor, fromCoreDossier, toCoreDossier } from "./dossiers.js";
import { evaluateOne } from "./evaluations.js";
import type { LoadedPacks } from "./packs.js";

const ACTOR_ROLES: Partial<Record<Principal["role"], ActorRole>> = {
  commune_officer: "commune_officer",
  district_officer: "district_officer",
  province_officer: "province_officer",
  // Admin acts with the province's role (it is scoped to the province).
  admin: "province_officer",
};

/**
 * The workflow actor of a signed-in user, or null for roles that never act on dossiers (inspector, viewer).
 * @example
 * actorOf({ id: "u1", role: "commune_officer", scopeUnitId: "c-01-01", ... }) // { id: "u1", role: "commune_officer", unitId: "c-01-01" }
 */
export function actorOf(user: Principal): Actor | null {
  const role = ACTOR_ROLES[user.role];
  return role ? { id: user.id, role, unitId: user.scopeUnitId } : null;
}

/** The policy action guarding a workflow action: the unit's own steps, or the review by the level above. */
const LOCAL_ACTIONS: ReadonlySet<RecognitionAction> = new Set(["self_assess", "open_consultation", "submit", "resume"]);

/**
 * The access-policy action a workflow action needs.
 * @example
 * policyActionOf("submit") // "dossier.self_assess"
 */
export const policyActionOf = (a: RecognitionAction): Action => (LOCAL_ACTIONS.has(a) ? "dossier.self_assess" : "dossier.review");

function ancestorsOf(tree: UnitTree, unitId: string): string[] {
  const out: string[] = [];
  for (let u = tree.parentOf(unitId); u; u = tree.parentOf(u)) out.push(u);
  return out;
}

/**
 * The default pack a dossier of a tier is judged against: the pack adopted for the unit (commune or
 * hamlet), the tier and the dossier's year; undefined when none is adopted.
 * @example
 * packForTier(tree, packs, "c-01-01", "advanced", 2024) // the advanced pack adopted for c-01-01 in 2024
 */
export function packForTier(tree: UnitTree, packs: LoadedPacks, unitId: string, tier: DossierTier, year: number): string | undefined {
  const chosen = packs.packFor(tree, unitId, year, tier);
  return chosen.ok ? chosen.compiled.pack.id : undefined;
}

/** The unit's evaluation for the dossier's pack and year (core evaluateUnit on the stored values). */
async function evaluationFor(db: Db, tree: UnitTree, packs: LoadedPacks, d: RecognitionDossier): Promise<EvaluationResult | undefined> {
  if (!packs.compiled(d.packId)) return undefined;
  const r = await evaluateOne(db, tree, packs, d.unitId, d.year, d.packId);
  return r.status === "no_pack" ? undefined : r;
}

/**
 * The facts core's workflow guards read, from the database: the unit's evaluation for the dossier's
 * pack and year, its ancestors, and the configuration in force at `at`.
 * @example
 * const facts = await guardFacts(db, tree, packs, dossier, "2025-08-01T09:00:00+07:00"); facts.ancestorIds // ["d-01", "p-demo"]
 */
export async function guardFacts(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  d: RecognitionDossier,
  at: string,
): Promise<WorkflowFacts & { ancestorIds: string[] }> {
  const evaluation = await evaluationFor(db, tree, packs, d);
  return { ...(evaluation ? { evaluation } : {}), ancestorIds: ancestorsOf(tree, d.unitId), config: configFor(d, at) };
}

/**
 * The workflow actions a user may see on a dossier at `at`: none for a role that never acts on
 * dossiers; otherwise core's available actions (with their checks) among those the access policy lets
 * the user take on the unit.
 * @example
 * (await dossierActions(db, tree, packs, user, row, at)).map((a) => a.action) // ["submit"]
 */
export async function dossierActions(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  user: Principal,
  row: DossierRow,
  at: string,
): Promise<AvailableAction[]> {
  const actor = actorOf(user);
  if (!actor) return [];
  const d = toCoreDossier(row);
  // The policy decides who may act at all; core decides the rest.
  return availableActions(d, actor, await guardFacts(db, tree, packs, d, at)).filter((a) =>
    can(user, policyActionOf(a.action), d.unitId, tree),
  );
}

/**
 * The problem fields of workflow reasons: path under `$.dossier`, Vietnamese text, reason code.
 * @example
 * reasonFields([{ code: "workflow.satisfaction_below", path: ["satisfactionPercent"], params }])[0].path // "$.dossier.satisfactionPercent"
 */
export function reasonFields(reasons: readonly Reason[]) {
  return reasons.map((r) => ({
    path: formatPath(["dossier", ...r.path]),
    message: `${formatReason(r, "vi")} / ${formatReason(r, "en")}`,
    code: r.code,
  }));
}

/** A workflow step as requested: the action, a note, and the decision for recognise and revoke. */
export interface TransitionInput {
  action: RecognitionAction;
  note?: string | undefined;
  decisionNumber?: string | undefined;
  decisionDate?: string | undefined;
}

const reasonOf = (i: Issue): Reason => ({ code: i.code, path: [...i.path], params: i.params ?? {} });

/**
 * Applies a workflow action with core's `transition` on the guard facts from the database, and saves
 * the dossier (version `row.version`; 412 when it changed) with its audit entry. A wrong state is 409,
 * a failing guard 422 with each reason, a missing or invalid decision (recognise, revoke) 400 naming
 * `$.decisionNumber` or `$.decisionDate`; nothing is written then.
 * @example
 * const saved = await applyTransition(db, tree, packs, user, row, { action: "submit" }, at, now);
 */
export async function applyTransition(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  user: Principal,
  row: DossierRow,
  body: TransitionInput,
  at: string,
  now: Date,
): Promise<DossierRow> {
  const actor = actorOf(user);
  if (!actor)
    throw new ApiError(
      "forbidden",
      `Vai trò "${ROLE_LABELS[user.role].vi}" không xử lý hồ sơ / the role "${ROLE_LABELS[user.role].en}" does not act on dossiers`,
    );
  const d = toCoreDossier(row);
  const facts = await guardFacts(db, tree, packs, d, at);
  const decision = { decisionNumber: body.decisionNumber, decisionDate: body.decisionDate };
  // The step's own input first: a missing or bad decision is the request's fault (400), before any guard.
  const checked = checkDecision(body.action, decision, at, (facts.config ?? configFor(d, at)).decisionActions);
  if (!checked.ok)
    throw new ApiError(
      "bad_request",
      `Thiếu hoặc sai thông tin quyết định: ${checked.issues.map((i) => formatReason(reasonOf(i), "vi")).join("; ")} / the decision is missing or invalid`,
      checked.issues.map((i) => ({
        path: formatPath(i.path),
        message: `${formatReason(reasonOf(i), "vi")} / ${formatReason(reasonOf(i), "en")}`,
        code: i.code,
      })),
    );
  const result = transition(d, body.action, {
    actor,
    at,
    ...facts,
    ...(body.note !== undefined ? { note: body.note } : {}),
    decision,
  });
  if (!result.ok) {
    const wrongState = result.reasons.every((r) => r.code === "workflow.action_not_allowed_from");
    throw new ApiError(
      wrongState ? "conflict" : "rule_failed",
      `Không thể thực hiện "${body.action}": ${result.reasons.map((r) => formatReason(r, "vi")).join("; ")} / the transition is not allowed`,
      reasonFields(result.reasons),
    );
  }
  const cols = fromCoreDossier(result.dossier);
  return db.transaction(async (tx) => {
    const out = (
      await tx
        .update(dossiers)
        .set({
          step: cols.step,
          transitions: cols.transitions,
          data: cols.data,
          version: row.version + 1,
          updatedAt: now,
          updatedBy: user.username,
        })
        .where(and(eq(dossiers.id, row.id), eq(dossiers.version, row.version)))
        .returning()
    )[0];
    if (!out) throw new ApiError("precondition_failed", "Hồ sơ vừa bị thay đổi / dossier changed concurrently");
    await writeAudit(tx, user, {
      action: `dossier.${body.action}`,
      entityType: "dossier",
      entityId: row.id,
      unitId: row.unitId,
      before: { state: row.step, version: row.version },
      after: { state: out.step, version: out.version, transition: cols.transitions.at(-1) },
    });
    return out;
  });
}

/**
 * Opens a draft dossier for a commune or hamlet: the pack is the one given or the one adopted for the
 * unit, tier and year, and must fit the unit's level and the tier (422 naming `$.packId` otherwise);
 * one open dossier per unit, tier and year (409). Audited.
 * @example
 * const row = await createDossier(db, tree, packs, user, { unitId: "c-01-01", tier: "standard", year: 2025 }, at);
 */
export async function createDossier(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  user: Principal,
  body: { unitId: string; tier: DossierTier; year: number; packId?: string | undefined },
  at: string,
): Promise<DossierRow> {
  const unit = tree.byId.get(body.unitId)!;
  if (unit.level !== "commune" && unit.level !== "hamlet")
    throw new ApiError("invalid_input", `Chỉ lập hồ sơ cho xã hoặc thôn / dossiers are for communes and hamlets, not a ${unit.level}`, [
      { path: "$.unitId", message: `unit level is ${unit.level}` },
    ]);
  const packId = body.packId ?? packForTier(tree, packs, unit.id, body.tier, body.year);
  if (!packId || !packs.registry.get(packId))
    throw new ApiError(
      "invalid_input",
      `Không có bộ tiêu chí hạng ${body.tier} được áp dụng cho năm ${body.year} / no pack adopted for this tier and year`,
      [{ path: "$.packId", message: `unknown or unadopted pack ${packId ?? "(none)"}` }],
    );
  const pack = packs.registry.get(packId)!;
  if (pack.level !== unit.level)
    throw new ApiError(
      "invalid_input",
      `Bộ tiêu chí ${packId} dành cho cấp ${pack.level}, không phải ${unit.level} / pack level mismatch`,
      [{ path: "$.packId", message: `pack level is ${pack.level}` }],
    );
  if (pack.tier !== body.tier)
    throw new ApiError("invalid_input", `Bộ tiêu chí ${packId} là hạng ${pack.tier}, không phải ${body.tier} / pack tier mismatch`, [
      { path: "$.packId", message: `pack tier is ${pack.tier}` },
    ]);
  const dossier = {
    id: `hs-${randomUUID()}`,
    unitId: body.unitId,
    level: unit.level,
    tier: body.tier,
    packId,
    year: body.year,
    state: "draft" as const,
    createdAt: at,
    documents: [],
    satisfactionPercent: null,
    capitalConstructionDebt: null,
    councilVote: null,
    history: [],
  };
  const checked = parseDossier(dossier);
  if (!checked.ok) throw new ApiError("invalid_input", "Hồ sơ không hợp lệ / invalid dossier", issuesToFields(checked.issues));
  return db.transaction(async (tx: Tx) => {
    const open = (
      await tx
        .select()
        .from(dossiers)
        .where(and(eq(dossiers.unitId, body.unitId), eq(dossiers.year, body.year), eq(dossiers.tier, body.tier)))
    ).find((r) => !["rejected", "revoked"].includes(r.step));
    if (open)
      throw new ApiError("conflict", `Đơn vị đã có hồ sơ ${open.id} cho hạng ${body.tier} năm ${body.year} / a dossier already exists`);
    const cols = fromCoreDossier(checked.value);
    const out = (
      await tx
        .insert(dossiers)
        .values({ ...cols, updatedBy: user.username })
        .returning()
    )[0]!;
    await writeAudit(tx, user, {
      action: "dossier.create",
      entityType: "dossier",
      entityId: out.id,
      unitId: out.unitId,
      before: null,
      after: { ...cols, version: 1 },
    });
    return out;
  });
}

/** The facts a dossier edit may change (the PATCH body). */
export interface DossierFactsPatch {
  documents?: RecognitionDossier["documents"] | undefined;
  satisfactionPercent?: number | null | undefined;
  capitalConstructionDebt?: string | null | undefined;
  councilVote?: RecognitionDossier["councilVote"] | undefined;
}

/**
 * Who may edit a dossier's facts: the level that self-assesses or the level that reviews; the council
 * vote only the reviewing level records (403 otherwise).
 */
export function assertMayEditDossier(user: Principal, tree: UnitTree, row: DossierRow, patch: DossierFactsPatch): void {
  const local = can(user, "dossier.self_assess", row.unitId, tree);
  const review = can(user, "dossier.review", row.unitId, tree);
  if (!(local || review) || (patch.councilVote !== undefined && !review))
    throw new ApiError(
      "forbidden",
      `Vai trò "${ROLE_LABELS[user.role].vi}" không được sửa hồ sơ này / the role "${ROLE_LABELS[user.role].en}" may not edit this dossier${patch.councilVote !== undefined ? " (the council vote is recorded by the reviewing level)" : ""}`,
    );
}

/**
 * Edits a dossier's facts (documents, satisfaction, debt in whole đồng through core's parseDong, council
 * vote), checked with core's parseDossier, versioned (412 on a concurrent change) and audited.
 */
export async function editDossierFacts(db: Db, user: Principal, row: DossierRow, patch: DossierFactsPatch, at: Date): Promise<DossierRow> {
  const cur = toCoreDossier(row);
  const next: RecognitionDossier = { ...cur };
  if (patch.documents !== undefined) next.documents = [...new Set(patch.documents)];
  if (patch.satisfactionPercent !== undefined) next.satisfactionPercent = patch.satisfactionPercent;
  if (patch.capitalConstructionDebt !== undefined) {
    if (patch.capitalConstructionDebt === null) next.capitalConstructionDebt = null;
    else {
      const debt = parseDong(patch.capitalConstructionDebt, ["capitalConstructionDebt"]);
      if (!debt.ok) throw new ApiError("invalid_input", "Số nợ không hợp lệ / invalid debt", issuesToFields(debt.issues));
      next.capitalConstructionDebt = debt.value;
    }
  }
  if (patch.councilVote !== undefined) next.councilVote = patch.councilVote;
  const checked = parseDossier(next);
  if (!checked.ok) throw new ApiError("invalid_input", "Hồ sơ không hợp lệ / invalid dossier", issuesToFields(checked.issues));
  const cols = fromCoreDossier(checked.value);
  return db.transaction(async (tx) => {
    const out = (
      await tx
        .update(dossiers)
        .set({ data: cols.data, version: row.version + 1, updatedAt: at, updatedBy: user.username })
        .where(and(eq(dossiers.id, row.id), eq(dossiers.version, row.version)))
        .returning()
    )[0];
    if (!out) throw new ApiError("precondition_failed", "Hồ sơ vừa bị thay đổi / dossier changed concurrently");
    await writeAudit(tx, user, {
      action: "dossier.update",
      entityType: "dossier",
      entityId: row.id,
      unitId: row.unitId,
      before: { data: row.data, version: row.version },
      after: { data: cols.data, version: out.version },
    });
    return out;
  });
}
