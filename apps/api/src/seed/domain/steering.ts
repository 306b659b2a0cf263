/**
 * Demo steering-committee members (plan II.3) of the first district and one of the second: who heads
 * the committee and which communes each member supports, with some communes left without a member so
 * the coverage shows them. Terms start on 01/01/2021 and have no end date. Example data for the fictitious demo province only: every name and title is
 * marked "(ví dụ)"; each member is checked with core's `validateSteeringMember` before it is written.
 */
import { type SteeringMember, validateSteeringMember } from "@ntm/core";
import { steeringMembers } from "../../db/schema.js";
import type { SeedContext } from "../hooks.js";

type Demo = Omit<SteeringMember, "id" | "unitId" | "communeUnitIds" | "termStart" | "termEnd"> & { communes: number[] };

/** Members of a district committee; `communes` are indexes of the district's communes. */
const DISTRICT_MEMBERS: readonly Demo[] = [
  { fullName: "Trần Văn Minh (ví dụ)", position: "Bí thư Huyện ủy (ví dụ)", organisation: "Huyện ủy (ví dụ)", role: "head", communes: [] },
  {
    fullName: "Nguyễn Thị Lan (ví dụ)",
    position: "Chủ tịch UBND huyện (ví dụ)",
    organisation: "UBND huyện (ví dụ)",
    role: "deputy_head",
    phone: "0912 000 001",
    communes: [0, 1],
  },
  {
    fullName: "Lê Văn Hùng (ví dụ)",
    position: "Trưởng phòng Nông nghiệp và PTNT (ví dụ)",
    organisation: "Phòng Nông nghiệp và PTNT (ví dụ)",
    role: "standing_member",
    communes: [2, 3, 4],
  },
  {
    fullName: "Phạm Thị Hoa (ví dụ)",
    position: "Chủ tịch Ủy ban MTTQ huyện (ví dụ)",
    organisation: "Ủy ban MTTQ Việt Nam huyện (ví dụ)",
    role: "member",
    communes: [5, 6],
    note: "Dữ liệu ví dụ",
  },
];

/**
 * HOOK body: the demo steering members (first district: four, the communes after the seventh without
 * one; second district: its head).
 * @example
 * await seedSteeringData(ctx); // inside seedDemo's transaction
 */
export async function seedSteeringData(ctx: SeedContext): Promise<void> {
  const rows = ctx.units.districts.slice(0, 2).flatMap((d, di) => {
    const communes = ctx.units.communes.filter((c) => c.parentId === d.id).map((c) => c.id);
    return (di === 0 ? DISTRICT_MEMBERS : DISTRICT_MEMBERS.slice(0, 1)).map(({ communes: picks, ...rest }, i) => {
      const r = validateSteeringMember(
        {
          ...rest,
          id: `tv-bcd-${d.id}-${i}`,
          unitId: d.id,
          termStart: "2021-01-01",
          communeUnitIds: picks.flatMap((k) => (communes[k] ? [communes[k]] : [])),
        },
        { communeIds: communes },
      );
      if (!r.ok) throw new Error(`demo steering member ${d.id}/${i}: ${r.issues.map((x) => x.message).join("; ")}`);
      const { id, unitId, ...data } = r.value;
      return { id, unitId, data, updatedBy: "seed" };
    });
  });
  if (rows.length) await ctx.tx.insert(steeringMembers).values(rows);
}
