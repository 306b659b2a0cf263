/**
 * Demo plans: one plan per demo district created from the Directive 63 template (core's
 * planFromTemplate, stored by the plan service like any authored plan), its steering-committee members
 * read from the register (seed/domain/steering.ts, the one record of who supports which commune), its 8 tasks (some with
 * progress), and report submissions for 2024–2025: most on time, some late, some never sent
 * (overdue). Deterministic (seeded generator).
 */
import { type Plan, defaultWorkCalendar, planDueReports, planFromTemplate } from "@ntm/core";
import { reportSubmissions, tasks } from "../../db/schema.js";
import type { SubmissionData } from "../../services/plans.js";
import { type TaskData, insertPlan } from "../../services/planStore.js";
import type { SeedContext } from "../hooks.js";
import { intBetween } from "../prng.js";
import { eq } from "drizzle-orm";

/** The id of a district's stored plan. */
export const planIdOf = (districtId: string): string => `plan-63-${districtId}`;

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The district plan for one demo district: the shipped plan as the template makes it. Its steering
 * members are not stored in it: the plan reads them from the register (core `planWithRegister`).
 * @example
 * demoPlanFor(ctx, district).assignees.filter((a) => a.kind === "steering_member").length // 1 (the plan's group)
 */
export function demoPlanFor(ctx: SeedContext, districtId: string): Plan {
  const district = ctx.units.districts.find((d) => d.id === districtId);
  const created = planFromTemplate("directive-63", {
    id: planIdOf(districtId),
    unit: { id: districtId, name: district?.name ?? districtId },
  });
  if (!created.ok) throw new Error(`seed: the Directive 63 template does not validate: ${JSON.stringify(created.issues)}`);
  return created.value;
}

/**
 * HOOK body: plans, tasks with progress, report submissions.
 * @example
 * await seedPlanData(ctx); // inside seedDemo's transaction
 */
export async function seedPlanData(ctx: SeedContext): Promise<void> {
  const { tx, rnd } = ctx;
  const calendar = defaultWorkCalendar();
  for (const d of ctx.units.districts) {
    const id = planIdOf(d.id);
    const plan = demoPlanFor(ctx, d.id);
    await insertPlan(tx, { unitId: d.id, plan }, { user: null, by: "seed", at: new Date(), action: "plan.create", audit: false });
    // Example progress on the created task rows (the plan's own version stays 1).
    for (const [order, task] of plan.tasks.entries()) {
      const r = rnd();
      const progress: TaskData["progress"] =
        r < 0.25
          ? null
          : {
              status: r < 0.55 ? "done" : r < 0.9 ? "in_progress" : "overdue",
              result: `Đã triển khai nhiệm vụ ${task.code} tại ${d.name} (số liệu ví dụ).`,
              period: "2025S1",
            };
      if (progress)
        await tx
          .update(tasks)
          .set({ data: { task, order, progress } satisfies TaskData })
          .where(eq(tasks.id, `${id}/${task.code}`));
    }
    const subs: (typeof reportSubmissions.$inferInsert)[] = [];
    let n = 0;
    const seen = new Set<string>();
    for (const year of [2024, 2025]) {
      // A year's range also holds its half-year reports; each due report is seeded once.
      for (const due of planDueReports(plan, { kind: "year", year }, calendar)) {
        if (seen.has(due.key)) continue;
        seen.add(due.key);
        const r = rnd();
        // The first report of each district is late and the second never sent, so every district shows both.
        const kind = n === 0 ? "late" : n === 1 ? "missing" : r < 0.72 ? "on_time" : r < 0.86 ? "late" : "missing";
        n++;
        if (kind === "missing") continue;
        const submittedOn = kind === "late" ? addDays(due.deadline, intBetween(rnd, 2, 20)) : addDays(due.deadline, -intBetween(rnd, 0, 9));
        const data: SubmissionData = {
          dutyId: due.dutyId,
          assigneeId: due.assigneeId,
          period: due.period,
          submittedOn,
          submittedBy: "seed",
          submittedAt: `${submittedOn}T09:00:00.000Z`,
        };
        subs.push({ id: `rs-${d.id}-${n}`, unitId: d.id, taskId: id, period: due.period, data, updatedBy: "seed" });
      }
    }
    if (subs.length) await tx.insert(reportSubmissions).values(subs);
  }
}
