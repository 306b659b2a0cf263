/**
 * The plan service's storage: a plan is one `plans` row (the core Plan without its tasks), one
 * `tasks` row per task (with the task's reported progress), and one `plan_versions` row per saved
 * version (the whole Plan), so the history can be diffed by core's diffPlans. Every write goes
 * through insertPlan/updatePlan, inside the caller's transaction, with its audit entry.
 */
import { type Plan, type PlanChange, type PlanProposal, PlanProposalSchema, PlanSchema, PlanTaskSchema, diffPlans } from "@ntm/core";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Principal } from "../auth/policy.js";
import { type Tx, writeAudit } from "../audit.js";
import type { Db } from "../db/index.js";
import { planProposals, planVersions, plans, tasks } from "../db/schema.js";
import { ApiError } from "../http/problem.js";
import { parseStored } from "./stored.js";

/** What the assignee reported on a task (feeds the progress report). */
export const TaskProgressDataSchema = z.object({
  status: z.enum(["done", "in_progress", "not_started", "overdue"]),
  result: z.string(),
  period: z.string(),
  /** Share done, whole percent (optional). */
  percentDone: z.number().optional(),
  /** Evidence of the result (optional). */
  evidence: z.string().optional(),
  /** Due date (ISO), optional; core's taskDeadlineStatus reads it on the working-day calendar. */
  deadline: z.string().optional(),
});
export type TaskProgressData = z.infer<typeof TaskProgressDataSchema>;

/** A stored task row's data: the plan's task, its order in the plan and the latest progress. */
export const TaskDataSchema = z.object({
  task: PlanTaskSchema,
  order: z.number().int(),
  progress: TaskProgressDataSchema.nullable(),
});
export type TaskData = z.infer<typeof TaskDataSchema>;

export type PlanRow = typeof plans.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type ProposalRow = typeof planProposals.$inferSelect;

/**
 * Reads the plan row and its task rows.
 * @example
 * const { row, taskRows } = await loadPlan(db, "plan-63-d-01");
 */
export async function loadPlan(db: Db | Tx, id: string): Promise<{ row: PlanRow; taskRows: TaskRow[] }> {
  const row = (await db.select().from(plans).where(eq(plans.id, id)).limit(1))[0];
  if (!row) throw new ApiError("not_found", `Không tìm thấy kế hoạch / plan "${id}" not found`);
  const taskRows = await db.select().from(tasks).where(eq(tasks.planId, id)).orderBy(asc(tasks.id));
  const order = new Map(taskRows.map((t) => [t.id, taskDataOf(t).order]));
  taskRows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { row, taskRows };
}

/**
 * A task row's data parsed with its schema (core's PlanTask inside).
 * @example
 * taskDataOf(row).task.code // "II.2"
 */
export function taskDataOf(row: TaskRow): TaskData {
  return parseStored(TaskDataSchema, row.data, { table: "tasks", id: row.id, column: "data" });
}

/**
 * The core Plan of a stored plan: its data with the tasks from the task rows.
 * @example
 * planOf(row, taskRows).tasks.length // 8
 */
export function planOf(row: PlanRow, taskRows: readonly TaskRow[]): Plan {
  const plan = parseStored(PlanSchema, row.data, { table: "plans", id: row.id, column: "data" });
  return { ...plan, tasks: taskRows.map((t) => taskDataOf(t).task) };
}

/**
 * The title of a stored plan (its row's data parsed with core's schema).
 * @example
 * planTitleOf(row).vi // "Kế hoạch thực hiện Chỉ thị 63-CT/TU"
 */
export function planTitleOf(row: PlanRow): Plan["title"] {
  return parseStored(PlanSchema, row.data, { table: "plans", id: row.id, column: "data" }).title;
}

/** Who writes, when, and under which audit action. */
export interface WriteContext {
  user: Principal | null;
  by: string;
  at: Date;
  action: string;
  /** False only for the demo seed, which is not a user's action. */
  audit?: boolean;
}

const periodOf = (plan: Plan) => plan.period.end.slice(0, 4);
const stripTasks = (plan: Plan) => ({ ...plan, tasks: [] });

/**
 * Writes a new plan: its row, one row per task, version 1 in the history, and the audit entry.
 * @example
 * await db.transaction((tx) => insertPlan(tx, { unitId: "d-01", plan }, { user, by: user.username, at: now(), action: "plan.create" }));
 */
export async function insertPlan(tx: Tx, target: { unitId: string; plan: Plan }, w: WriteContext): Promise<PlanRow> {
  const { unitId, plan } = target;
  const row = (
    await tx
      .insert(plans)
      .values({
        id: plan.id,
        unitId,
        period: periodOf(plan),
        parentPlanId: plan.parent?.planId ?? null,
        data: stripTasks(plan),
        updatedAt: w.at,
        updatedBy: w.by,
      })
      .returning()
  )[0]!;
  if (plan.tasks.length) {
    await tx.insert(tasks).values(
      plan.tasks.map((task, order) => ({
        id: `${plan.id}/${task.code}`,
        planId: plan.id,
        unitId,
        data: { task, order, progress: null } satisfies TaskData,
        updatedAt: w.at,
        updatedBy: w.by,
      })),
    );
  }
  await tx
    .insert(planVersions)
    .values({ planId: plan.id, version: 1, unitId, data: plan, action: w.action, createdAt: w.at, createdBy: w.by });
  if (w.audit !== false)
    await writeAudit(tx, w.user, {
      action: w.action,
      entityType: "plan",
      entityId: plan.id,
      unitId,
      before: null,
      after: { version: 1, parentPlanId: plan.parent?.planId ?? null, template: plan.template ?? null, plan },
    });
  return row;
}

/**
 * Keeps the history whole for a plan saved before versions were recorded: stores the current
 * version if it has no history row yet.
 */
export async function recordPlanVersion(tx: Tx, row: PlanRow, plan: Plan, action: string): Promise<void> {
  const have = await tx
    .select({ v: planVersions.version })
    .from(planVersions)
    .where(and(eq(planVersions.planId, row.id), eq(planVersions.version, row.version)));
  if (!have.length)
    await tx.insert(planVersions).values({
      planId: row.id,
      version: row.version,
      unitId: row.unitId,
      data: plan,
      action,
      createdAt: row.updatedAt,
      createdBy: row.updatedBy,
    });
}

/**
 * Saves an edited plan over version `stored.row.version` (412 when someone saved in between): the
 * plan row, the task rows (changed tasks updated with their progress kept, new ones added, removed
 * ones deleted), the new version in the history, and one audit entry with core's diff.
 * @example
 * const saved = await db.transaction((tx) => updatePlan(tx, loaded, next, { user, by, at, action: "plan.update" }));
 */
export async function updatePlan(
  tx: Tx,
  stored: { row: PlanRow; taskRows: TaskRow[] },
  next: Plan,
  w: WriteContext,
): Promise<{ row: PlanRow; changes: PlanChange[] }> {
  const { row, taskRows } = stored;
  const before = planOf(row, taskRows);
  await recordPlanVersion(tx, row, before, "plan.import_history");
  const saved = (
    await tx
      .update(plans)
      .set({ data: stripTasks(next), period: periodOf(next), version: row.version + 1, updatedAt: w.at, updatedBy: w.by })
      .where(and(eq(plans.id, row.id), eq(plans.version, row.version)))
      .returning()
  )[0];
  if (!saved)
    throw new ApiError(
      "precondition_failed",
      "Kế hoạch vừa bị người khác sửa; tải lại rồi sửa / the plan changed concurrently; reload and edit again",
    );
  const old = new Map(taskRows.map((t) => [taskDataOf(t).task.code, t]));
  const keep = new Set(next.tasks.map((t) => t.code));
  for (const [code, t] of old) if (!keep.has(code)) await tx.delete(tasks).where(eq(tasks.id, t.id));
  for (const [order, task] of next.tasks.entries()) {
    const t = old.get(task.code);
    if (!t) {
      await tx.insert(tasks).values({
        id: `${row.id}/${task.code}`,
        planId: row.id,
        unitId: row.unitId,
        data: { task, order, progress: null } satisfies TaskData,
        updatedAt: w.at,
        updatedBy: w.by,
      });
      continue;
    }
    const data = taskDataOf(t);
    if (data.order === order && JSON.stringify(data.task) === JSON.stringify(task)) continue;
    await tx
      .update(tasks)
      .set({ data: { ...data, task, order } satisfies TaskData, version: t.version + 1, updatedAt: w.at, updatedBy: w.by })
      .where(eq(tasks.id, t.id));
  }
  await tx
    .insert(planVersions)
    .values({ planId: row.id, version: saved.version, unitId: row.unitId, data: next, action: w.action, createdAt: w.at, createdBy: w.by });
  const changes = diffPlans(before, next);
  if (w.audit !== false)
    await writeAudit(tx, w.user, {
      action: w.action,
      entityType: "plan",
      entityId: row.id,
      unitId: row.unitId,
      before: { version: row.version },
      after: { version: saved.version, changes },
    });
  return { row: saved, changes };
}

/** One saved version of a plan. */
export interface PlanVersion {
  version: number;
  action: string;
  createdAt: Date;
  createdBy: string | null;
  plan: Plan;
}

/**
 * The saved versions of a plan, oldest first (stored JSON parsed with core's schema).
 * @example
 * (await loadPlanVersions(db, "plan-63-d-01")).map((v) => v.version) // [1, 2]
 */
export async function loadPlanVersions(db: Db | Tx, planId: string): Promise<PlanVersion[]> {
  const rows = await db.select().from(planVersions).where(eq(planVersions.planId, planId)).orderBy(asc(planVersions.version));
  return rows.map((r) => ({
    version: r.version,
    action: r.action,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    plan: parseStored(PlanSchema, r.data, { table: "plan_versions", id: `${planId}@${r.version}`, column: "data" }),
  }));
}

/**
 * A plan's proposal by id (404 when the plan has none with that id), its data parsed with core's schema.
 * @example
 * const { row, proposal } = await loadProposal(db, "plan-63-d-01", pid);
 */
export async function loadProposal(db: Db | Tx, planId: string, id: string): Promise<{ row: ProposalRow; proposal: PlanProposal }> {
  const row = (
    await db
      .select()
      .from(planProposals)
      .where(and(eq(planProposals.id, id), eq(planProposals.planId, planId)))
      .limit(1)
  )[0];
  if (!row) throw new ApiError("not_found", `Không tìm thấy đề xuất / proposal "${id}" not found for plan "${planId}"`);
  return { row, proposal: parseStored(PlanProposalSchema, row.data, { table: "plan_proposals", id: row.id, column: "data" }) };
}

/**
 * The proposals of a plan, oldest first.
 * @example
 * const items = await loadProposals(db, "plan-63-d-01");
 */
export async function loadProposals(db: Db | Tx, planId: string): Promise<{ row: ProposalRow; proposal: PlanProposal }[]> {
  const rows = await db
    .select()
    .from(planProposals)
    .where(eq(planProposals.planId, planId))
    .orderBy(asc(planProposals.createdAt), asc(planProposals.id));
  return rows.map((row) => ({
    row,
    proposal: parseStored(PlanProposalSchema, row.data, { table: "plan_proposals", id: row.id, column: "data" }),
  }));
}
