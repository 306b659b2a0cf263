/**
 * Demo scoring inputs (example values entered by the evaluating level for 2024 and 2025): task counts,
 * programme targets, reports on time, planned resources in whole đồng, and two disciplined communes
 * so the classification caps show; and example candidate records of 2025 (a recorded outstanding
 * achievement and an inspection finding unresolved past its deadline) for one commune, one
 * organisation and one steering member of the first district, so the demo proposes a commendation
 * and a criticism with reasons for every subject kind. Rankings themselves are computed live by @ntm/core.
 */
import { scoring } from "../../db/schema.js";
import type { ScoringInputsData } from "../../services/rankings.js";
import type { SeedContext } from "../hooks.js";
import { intBetween } from "../prng.js";
import { planIdOf } from "./plans.js";

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
  rows.push(...exampleCandidateRecords(ctx));
  await ctx.tx.insert(scoring).values(rows);
}

/**
 * Example candidate records of 2025 (labelled "ví dụ"), stored as `records:<subjectId>:2025` rows under
 * the subject's unit until the commendation and discipline records feed them.
 * @example
 * exampleCandidateRecords(ctx).map((r) => r.id) // ["records:c-01-01:2025", ...]
 */
export function exampleCandidateRecords(ctx: SeedContext): (typeof scoring.$inferInsert)[] {
  const district = ctx.units.districts[0];
  const communes = ctx.units.communes.filter((c) => c.parentId === district?.id);
  if (!district || communes.length < 2) return [];
  const plan = planIdOf(district.id);
  const achievement = (title: string) => ({ achievements: [{ title: `${title} (ví dụ)`, date: "2025-11-20" }] });
  const finding = (id: string, title: string) => ({
    findings: [{ id, title: `${title} (ví dụ)`, deadline: "2025-09-30", resolvedOn: null }],
  });
  const rec = (subjectId: string, unitId: string, data: object) => ({
    id: `records:${subjectId}:2025`,
    unitId,
    year: 2025,
    data,
    updatedBy: "seed",
  });
  return [
    rec(communes[0]!.id, communes[0]!.id, achievement("Điển hình tiên tiến phong trào thi đua Chung sức xây dựng nông thôn mới")),
    rec(communes[1]!.id, communes[1]!.id, finding("KL-UBKT-01", "Chưa khắc phục sai sót trong hồ sơ công nhận")),
    rec(`${plan}/ubnd-huyen`, district.id, achievement("Chỉ đạo hoàn thành sớm mục tiêu xóa nhà tạm, nhà dột nát")),
    rec(`${plan}/ubmttq-huyen`, district.id, finding("KL-UBKT-02", "Chậm báo cáo kết quả vận động nguồn lực")),
    rec(`tv-bcd-${district.id}-1`, district.id, achievement("Hỗ trợ xã phụ trách đạt chuẩn nông thôn mới nâng cao")),
    rec(`tv-bcd-${district.id}-2`, district.id, finding("KL-UBKT-03", "Chưa đôn đốc khắc phục kết luận giám sát tại xã phụ trách")),
  ];
}
