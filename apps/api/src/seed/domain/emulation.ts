/**
 * Demo emulation and discipline records (plan II.4) and public consultations (II.5): one movement
 * "Chung sức xây dựng nông thôn mới" per district, commendations of 2025 to a commune, an organisation
 * of the district plan and a steering member (the subject ids the ranking uses), one criticism that
 * follows from a seeded inspection finding, and consultations in two communes in 2025. Example data
 * for the fictitious demo province only, every text marked "(ví dụ)"; each record is checked with
 * core's schema before it is written.
 */
import { CommendationSchema, ConsultationSchema, DisciplineSchema, EmulationMovementSchema, type InspectionRecord } from "@ntm/core";
import { asc } from "drizzle-orm";
import { commendations, consultations, disciplines, emulationMovements, inspections } from "../../db/schema.js";
import { jsonSafe } from "../../http/common.js";
import type { SeedContext } from "../hooks.js";
import { planIdOf } from "./plans.js";

const data = (x: object) => jsonSafe(x) as Record<string, unknown>;

/**
 * HOOK body: emulation movements, commendations, a criticism and consultations (runs after the
 * inspections hook: the criticism links to a seeded finding when one exists).
 * @example
 * await seedEmulationData(ctx); // inside seedDemo's transaction
 */
export async function seedEmulationData(ctx: SeedContext): Promise<void> {
  const movements = ctx.units.districts.map((d) =>
    EmulationMovementSchema.parse({
      id: `pt-csxdntm-${d.id}`,
      unitId: d.id,
      kind: "movement",
      name: "Chung sức xây dựng nông thôn mới",
      period: { from: "2021-01-01", to: "2025-12-31" },
      participants: ctx.units.communes.filter((c) => c.parentId === d.id).map((c) => ({ kind: "unit", id: c.id, name: c.name })),
      pledges: ctx.units.communes
        .filter((c) => c.parentId === d.id)
        .slice(0, 2)
        .map((c) => ({ participantId: c.id, text: "Giữ vững 19/19 tiêu chí, đăng ký đạt chuẩn nâng cao (ví dụ)", dueDate: "2025-12-31" })),
    }),
  );
  if (movements.length)
    await ctx.tx
      .insert(emulationMovements)
      .values(movements.map((m) => ({ id: m.id, unitId: m.unitId, year: 2021, data: data(m), updatedBy: "seed" })));

  const district = ctx.units.districts[0];
  const commune = ctx.units.communes.find((c) => c.parentId === district?.id);
  if (!district || !commune) return;
  const commend = (
    id: string,
    subject: { kind: "unit" | "organisation" | "person"; id: string; name: string },
    achievement: string,
    n: number,
  ) =>
    CommendationSchema.parse({
      id,
      unitId: district.id,
      form: "giay_khen",
      level: "district",
      issuer: "Chủ tịch UBND huyện (ví dụ)",
      decision: { number: `${n}/QĐ-UBND (ví dụ)`, date: "2025-12-15" },
      subject,
      achievement: `${achievement} (ví dụ)`,
      movementId: `pt-csxdntm-${district.id}`,
    });
  const given = [
    commend(
      "kt-2025-xa",
      { kind: "unit", id: commune.id, name: commune.name },
      "Tập thể tiêu biểu phong trào Chung sức xây dựng nông thôn mới",
      501,
    ),
    commend(
      "kt-2025-tochuc",
      { kind: "organisation", id: `${planIdOf(district.id)}/ubnd-huyen`, name: `UBND ${district.name}` },
      "Chỉ đạo hoàn thành sớm mục tiêu xóa nhà tạm, nhà dột nát",
      502,
    ),
    commend(
      "kt-2025-canhan",
      { kind: "person", id: `tv-bcd-${district.id}-1`, name: "Thành viên BCĐ huyện (ví dụ)" },
      "Hỗ trợ xã phụ trách đạt chuẩn nông thôn mới nâng cao",
      503,
    ),
  ];
  await ctx.tx
    .insert(commendations)
    .values(given.map((c) => ({ id: c.id, unitId: c.unitId, year: 2025, data: data(c), updatedBy: "seed" })));

  // A criticism that follows from the first seeded inspection with a finding (none: no criticism).
  const rows = await ctx.tx.select().from(inspections).orderBy(asc(inspections.id));
  const withFinding = rows.map((r) => r.data as InspectionRecord).find((r) => r.findings.length > 0);
  if (withFinding) {
    const year = Number(withFinding.date.slice(0, 4));
    const criticism = DisciplineSchema.parse({
      id: `pb-${withFinding.id}`,
      unitId: withFinding.subject.id,
      form: "criticism",
      level: "district",
      issuer: "Ban Thường vụ Huyện ủy (ví dụ)",
      decision: { date: `${year}-12-10` },
      subject: { kind: "unit", id: withFinding.subject.id, name: withFinding.subject.name },
      reason: `Chậm khắc phục kết luận kiểm tra: ${withFinding.findings[0]} (ví dụ)`,
      finding: { inspectionId: withFinding.id, findingIndex: 0 },
    });
    await ctx.tx.insert(disciplines).values({ id: criticism.id, unitId: criticism.unitId, year, data: data(criticism), updatedBy: "seed" });
  }

  // Public consultations in two communes of the first district, 2025.
  const held = ctx.units.communes
    .filter((c) => c.parentId === district.id)
    .slice(0, 2)
    .flatMap((c, i) => [
      ConsultationSchema.parse({
        id: `lyk-${c.id}-2025-1`,
        communeUnitId: c.id,
        year: 2025,
        date: `2025-0${3 + i}-15`,
        matter: "Lấy ý kiến nhân dân về danh mục công trình giao thông nông thôn năm 2025 (ví dụ)",
        form: "meeting",
        participants: 120 + 15 * i,
      }),
      ConsultationSchema.parse({
        id: `lyk-${c.id}-2025-2`,
        communeUnitId: c.id,
        year: 2025,
        date: `2025-0${8 + i}-20`,
        matter: "Khảo sát mức độ hài lòng của người dân về kết quả xây dựng nông thôn mới (ví dụ)",
        form: "survey",
        participants: 200,
        satisfaction: { respondents: 200, satisfied: 186 - 6 * i },
      }),
    ]);
  if (held.length)
    await ctx.tx
      .insert(consultations)
      .values(held.map((x) => ({ id: x.id, unitId: x.communeUnitId, year: x.year, data: data(x), updatedBy: "seed" })));
}
