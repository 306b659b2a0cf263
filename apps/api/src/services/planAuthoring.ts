/**
 * The plan authoring service: creating a plan from a template (or importing one), editing it, its
 * version history, and adjustment proposals and their decisions, each write in one transaction with
 * its audit entry. Core decides (planFromTemplate, applyPlanPatch, diffPlans, checkProposal,
 * resolveProposal, validatePlan); planStore writes plans. The plan authoring routes parse, authorise
 * and shape the answer.
 */
import { randomUUID } from "node:crypto";
import {
  type Plan,
  type PlanProposal,
  applyPlanPatch,
  checkProposal,
  diffPlans,
  planFromTemplate,
  resolveProposal,
  validatePlan,
} from "@ntm/core";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { planProposals } from "../db/schema.js";
import { unwrap, vnDate, vnDateTime } from "../http/common.js";
import { ApiError } from "../http/problem.js";
import type { UnitTree } from "../units.js";
import { type PlanRow, type ProposalRow, type TaskRow, insertPlan, loadPlan, loadPlanVersions, planOf, updatePlan } from "./planStore.js";

type Loaded = { row: PlanRow; taskRows: TaskRow[] };

/** A new plan id. */
export const newPlanId = () => `plan-${randomUUID()}`;

/**
 * The parent plan of a new or imported plan, checked: it exists (else 422 naming `field`), `authorizeRead`
 * accepts its unit, and the unit lies within it.
 */
export async function parentPlanFor(
  db: Db,
  tree: UnitTree,
  parentPlanId: string,
  unitId: string,
  field: string,
  authorizeRead: (unitId: string) => Promise<unknown>,
): Promise<Plan> {
  const loaded = await loadPlan(db, parentPlanId).catch((e: unknown) => {
    if (e instanceof ApiError && e.kind === "not_found")
      throw new ApiError("invalid_input", `Không có kế hoạch cấp trên "${parentPlanId}" / no parent plan "${parentPlanId}"`, [
        { path: field, message: "unknown plan" },
      ]);
    throw e;
  });
  await authorizeRead(loaded.row.unitId);
  if (!tree.subtree(loaded.row.unitId).some((u) => u.id === unitId))
    throw new ApiError(
      "invalid_input",
      `Đơn vị ${unitId} không thuộc địa bàn của kế hoạch cấp trên (${loaded.row.unitId}) / the unit is outside the parent plan's unit`,
      [{ path: "$.unitId", message: `not within ${loaded.row.unitId}` }],
    );
  return planOf(loaded.row, loaded.taskRows);
}

/** The parent of a stored implementing plan, for validating edits (undefined for a top plan). */
async function storedParent(db: Db, row: PlanRow): Promise<Plan | undefined> {
  if (!row.parentPlanId) return undefined;
  const p = await loadPlan(db, row.parentPlanId);
  return planOf(p.row, p.taskRows);
}

/** What a new plan is made from. */
export interface NewPlanInput {
  unitId: string;
  template: string;
  number?: string | null | undefined;
  date?: string | null | undefined;
  title?: { vi: string; en: string } | undefined;
  periodEnd?: string | undefined;
  parentPlanId?: string | undefined;
  organisationId?: string | undefined;
}

/** Creates a plan from a template (core planFromTemplate), checked against its parent when it has one, audited as `plan.create`. */
export async function createPlan(
  db: Db,
  user: Principal,
  tree: UnitTree,
  body: NewPlanInput,
  parent: Plan | undefined,
  at: Date,
): Promise<{ row: PlanRow; plan: Plan }> {
  const unit = tree.byId.get(body.unitId)!;
  const created = unwrap(
    planFromTemplate(body.template, {
      id: newPlanId(),
      unit: { id: unit.id, name: unit.name },
      asOf: vnDate(at),
      ...(body.number !== undefined ? { number: body.number } : {}),
      ...(body.date !== undefined ? { date: body.date } : {}),
      ...(body.title ? { title: body.title } : {}),
      ...(body.periodEnd ? { periodEnd: body.periodEnd } : {}),
      ...(body.parentPlanId
        ? { parent: { planId: body.parentPlanId, ...(body.organisationId ? { organisationId: body.organisationId } : {}) } }
        : {}),
    }),
    "Không tạo được kế hoạch / cannot create the plan",
  );
  const plan = parent
    ? unwrap(validatePlan(created, { parent }), "Kế hoạch không khớp kế hoạch cấp trên / the plan does not match its parent")
    : created;
  const row = await db.transaction((tx) =>
    insertPlan(tx, { unitId: body.unitId, plan }, { user, by: user.username, at, action: "plan.create" }),
  );
  return { row, plan };
}

/** Stores an imported plan (already checked against its parent by the caller), audited as `plan.import`. */
export async function importPlan(db: Db, user: Principal, unitId: string, plan: Plan, at: Date): Promise<PlanRow> {
  return db.transaction((tx) => insertPlan(tx, { unitId, plan }, { user, by: user.username, at, action: "plan.import" }));
}

/** Checks an imported plan against its parent plan (core validatePlan). */
export function checkAgainstParent(plan: Plan, parent: Plan): void {
  unwrap(validatePlan(plan, { parent }), "Kế hoạch không khớp kế hoạch cấp trên / the plan does not match its parent");
}

/** Applies a patch (core applyPlanPatch, against the parent plan when there is one); saves a new version only when something changed. */
export async function editPlan(db: Db, user: Principal, loaded: Loaded, patch: unknown, at: Date): Promise<{ row: PlanRow; plan: Plan }> {
  const current = planOf(loaded.row, loaded.taskRows);
  const parent = await storedParent(db, loaded.row);
  const next = unwrap(applyPlanPatch(current, patch, parent ? { parent } : {}), "Kế hoạch không hợp lệ / invalid plan; nothing was saved");
  if (!diffPlans(current, next).length) return { row: loaded.row, plan: current };
  const { row } = await db.transaction((tx) => updatePlan(tx, loaded, next, { user, by: user.username, at, action: "plan.update" }));
  return { row, plan: next };
}

/** A plan's versions, oldest first, each with its changes from the one before (core diffPlans). */
export async function planHistory(db: Db, loaded: Loaded) {
  const { row, taskRows } = loaded;
  const stored = await loadPlanVersions(db, row.id);
  // A plan saved before versions were recorded shows its current version alone.
  const versions = stored.length
    ? stored
    : [{ version: row.version, action: "plan.current", createdAt: row.updatedAt, createdBy: row.updatedBy, plan: planOf(row, taskRows) }];
  return versions.map((v, i) => ({
    version: v.version,
    action: v.action,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    changes: i === 0 ? [] : diffPlans(versions[i - 1]!.plan, v.plan).map((x) => ({ ...x, path: [...x.path] })),
  }));
}

/** One recorded version of a plan, or a 404. */
export async function planAtVersion(db: Db, planId: string, version: number) {
  const v = (await loadPlanVersions(db, planId)).find((x) => x.version === version);
  if (!v) throw new ApiError("not_found", `Kế hoạch không có phiên bản ${version} / no version ${version}`);
  return v;
}

/** Who writes a proposal: the plan itself, or the implementing plan `fromPlanId` of it (422 otherwise). */
export async function proposalWriter(
  db: Db,
  loaded: Loaded,
  fromPlanId: string | undefined,
): Promise<{ unitId: string; parentPlanId: string | null }> {
  if (!fromPlanId) return loaded.row;
  const from = await loadPlan(db, fromPlanId).catch(() => null);
  if (!from || from.row.parentPlanId !== loaded.row.id)
    throw new ApiError(
      "invalid_input",
      `"${fromPlanId}" không phải kế hoạch thực hiện kế hoạch này / is not an implementing plan of this plan`,
      [{ path: "$.fromPlanId", message: "not an implementing plan of this plan" }],
    );
  return from.row;
}

/** Records an adjustment proposal (core checkProposal), audited as `plan.proposal`. */
export async function createProposal(db: Db, user: Principal, loaded: Loaded, body: unknown, at: Date): Promise<PlanProposal> {
  const id = loaded.row.id;
  const current = planOf(loaded.row, loaded.taskRows);
  const parent = await storedParent(db, loaded.row);
  const input = unwrap(
    checkProposal(current, body, parent ? { parent } : {}),
    "Đề xuất không hợp lệ / invalid proposal; nothing was saved",
  );
  const proposal: PlanProposal = {
    id: `pp-${randomUUID()}`,
    planId: id,
    fromPlanId: input.fromPlanId ?? null,
    taskCodes: input.taskCodes,
    summary: input.summary,
    ...(input.changes ? { changes: input.changes } : {}),
    basePlanVersion: loaded.row.version,
    status: "proposed",
    proposedBy: user.username,
    proposedAt: vnDateTime(at),
    decision: null,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(planProposals)
      .values({ id: proposal.id, unitId: loaded.row.unitId, planId: id, data: proposal, updatedAt: at, updatedBy: user.username });
    await writeAudit(tx, user, {
      action: "plan.proposal",
      entityType: "plan_proposal",
      entityId: proposal.id,
      unitId: loaded.row.unitId,
      before: null,
      after: proposal,
    });
  });
  return proposal;
}

/**
 * Accepts or refuses a proposal (core resolveProposal against the plan version it was based on: 409
 * when that version is not recorded); an accepted change is saved as a new plan version. Versioned
 * (412 on a concurrent decision) and audited.
 */
export async function decideProposal(
  db: Db,
  user: Principal,
  loaded: Loaded,
  stored: { row: ProposalRow; proposal: PlanProposal },
  decision: { decision: "accept" | "refuse"; reason: string },
  at: Date,
): Promise<{ proposal: PlanProposal; version: number; planVersion: number }> {
  const { row: prow, proposal } = stored;
  const id = loaded.row.id;
  const currentPlan = planOf(loaded.row, loaded.taskRows);
  const basePlan =
    (await loadPlanVersions(db, id)).find((v) => v.version === proposal.basePlanVersion)?.plan ??
    (proposal.basePlanVersion === loaded.row.version ? currentPlan : null);
  if (!basePlan)
    throw new ApiError(
      "conflict",
      `Không còn phiên bản ${proposal.basePlanVersion} của kế hoạch để đối chiếu; cần đề xuất lại / the plan version the proposal is based on is not recorded; propose again`,
    );
  const parent = await storedParent(db, loaded.row);
  const r = unwrap(
    resolveProposal({
      proposal,
      decision: { outcome: decision.decision, reason: decision.reason },
      by: user.username,
      at: vnDateTime(at),
      basePlan,
      currentPlan,
      ...(parent ? { options: { parent } } : {}),
    }),
    "Không quyết định được đề xuất / cannot decide the proposal",
  );
  const planVersion = await db.transaction(async (tx) => {
    const saved = (
      await tx
        .update(planProposals)
        .set({ data: r.proposal, version: prow.version + 1, updatedAt: at, updatedBy: user.username })
        .where(and(eq(planProposals.id, prow.id), eq(planProposals.version, prow.version)))
        .returning()
    )[0];
    if (!saved) throw new ApiError("precondition_failed", "Đề xuất vừa được người khác quyết định / the proposal changed concurrently");
    await writeAudit(tx, user, {
      action: `plan.proposal_${r.proposal.status}`,
      entityType: "plan_proposal",
      entityId: prow.id,
      unitId: loaded.row.unitId,
      before: { status: proposal.status, version: prow.version },
      after: { status: r.proposal.status, decision: r.proposal.decision, version: saved.version },
    });
    if (!r.plan) return loaded.row.version;
    return (await updatePlan(tx, loaded, r.plan, { user, by: user.username, at, action: "plan.proposal_applied" })).row.version;
  });
  return { proposal: r.proposal, version: prow.version + 1, planVersion };
}
