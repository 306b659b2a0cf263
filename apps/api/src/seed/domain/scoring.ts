/**
 * Demo scoring inputs (example values entered by the evaluating level for 2024 and 2025): task counts,
 * programme targets, reports on time, planned resources in whole đồng, and two disciplined communes
 * so the classification caps show. Rankings themselves are computed live by @ntm/core.
 */
import { scoring } from "../../db/schema.js";
import type { ScoringInputsData } from "../../services/rankings.js";
import type { SeedContext } from "../hooks.js";
import { intBetween } from "../prng.js";

/**
 * HOOK body: the entered scoring inputs of every demo commune for 2024 and 2025.
 * @example
 * await seedScoringData(ctx); // inside seedDemo's transaction
 */
export async function seedScoringData(ctx: SeedContext): Promise<void> {
  const { rnd } = ctx;
  const rows: (typeof scoring.$inferInsert)[] = [];
  ctx.units.communes.forEach((c, i) => {
    for (const year of [2024, 2025]) {
      const assigned = intBetween(rnd, 8, 12);
      // Most communes finish every task; some finish late or leave one undone (so the 366-QĐ/TW conditions show).
      const done = rnd() < 0.85 ? assigned : assigned - 1;
      const onTime = rnd() < 0.6 ? done : done - 1;
      const reportsTotal = 4;
      const reportsOnTime = intBetween(rnd, 2, 4);
      const data: ScoringInputsData = {
        tasks: { assigned, done, onTime, exceeding: intBetween(rnd, 0, Math.ceil(done * 0.45)) },
        programmeTargetsMet: intBetween(rnd, 2, 5),
        programmeTargetsTotal: 5,
        reportsOnTime,
        reportsTotal,
        reportsOverdue: reportsOnTime < reportsTotal && rnd() < 0.5 ? 1 : 0,
        resourcesPlanned: String(intBetween(rnd, 30, 120) * 100_000_000),
        ...(year === 2025 && (i === 7 || i === 23) ? { discipline: { disciplined: true, selfCorrected: i === 23 } } : {}),
      };
      rows.push({ id: `inputs:${c.id}:${year}`, unitId: c.id, year, data, updatedBy: "seed" });
    }
  });
  await ctx.tx.insert(scoring).values(rows);
}
