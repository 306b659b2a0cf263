/**
 * Demo steering-committee members (plan II.3), the register that the district plans read their members
 * from: the first district's committee (who heads it, which communes each member supports, some
 * communes left without a member so the coverage shows them), and in every other district three
 * members sharing its communes (the second also has its head). Terms start on 01/01/2021 and have no end date. Example data for the fictitious demo province only: every name and title is
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

const MEMBER_NAMES = [
  "Nguyễn Văn An",
  "Trần Thị Bình",
  "Lê Văn Cường",
  "Phạm Thị Dung",
  "Hoàng Văn Em",
  "Võ Thị Giang",
  "Đặng Văn Hải",
  "Bùi Thị Lan",
  "Đỗ Văn Minh",
  "Ngô Thị Nga",
  "Dương Văn Phúc",
  "Lý Thị Quyên",
];

/** Three members of a district's committee, the k-th supporting every third commune from the k-th. */
const sharedMembers = (index: number): Demo[] =>
  [0, 1, 2].map((m) => ({
    fullName: `${MEMBER_NAMES[(index * 3 + m) % MEMBER_NAMES.length]} (ví dụ)`,
    position: "Thành viên Ban Chỉ đạo huyện (ví dụ)",
    organisation: "UBND huyện (ví dụ)",
    role: "member",
    communes: Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 === m),
  }));

/**
 * HOOK body: the demo steering members (first district: four, the communes after the seventh without
 * one; second district: its head and three members; every other district: three members), ids
 * `tv-bcd-<district>-<n>` (0 the head).
 * @example
 * await seedSteeringData(ctx); // inside seedDemo's transaction
 */
export async function seedSteeringData(ctx: SeedContext): Promise<void> {
  const rows = ctx.units.districts.flatMap((d, di) => {
    const communes = ctx.units.communes.filter((c) => c.parentId === d.id).map((c) => c.id);
    const demo = di === 0 ? DISTRICT_MEMBERS : [...(di === 1 ? DISTRICT_MEMBERS.slice(0, 1) : []), ...sharedMembers(di)];
    return demo.map(({ communes: picks, ...rest }, k) => {
      const i = di === 0 || di === 1 ? k : k + 1;
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
