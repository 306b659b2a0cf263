import type { IsoDate, Reason } from "../../schemas/common.js";
import type { SteeringMember } from "../schema.js";

/** A commune and the members supporting it on the date. */
export interface CommuneSupport {
  unitId: string;
  name: string;
  /** Ids of the members whose term covers the date and who support the commune, in the members' order. */
  memberIds: string[];
}

/** What {@link steeringCoverage} returns. */
export interface SteeringCoverage {
  asOf: IsoDate;
  communes: CommuneSupport[];
  /** Ids of the communes no member supports on the date, in the communes' order. */
  unsupported: string[];
  /** One `steering.commune_unsupported` reason per unsupported commune. */
  reasons: Reason[];
}

/**
 * True when the member's term covers the date (start and end days included).
 * @example
 * inTerm({ termStart: "2021-01-01", termEnd: "2025-12-31" }, "2025-06-30") // true
 */
export function inTerm(member: Pick<SteeringMember, "termStart" | "termEnd">, asOf: IsoDate): boolean {
  return member.termStart <= asOf && (member.termEnd === undefined || member.termEnd >= asOf);
}

/**
 * Which communes of a unit (a district before 1/7/2025) have a steering-committee member assigned to
 * support them on a date (plan II.3: "phân công cụ thể thành viên phụ trách"), and which have none.
 * Members whose term has not started or has ended do not count.
 * @example
 * const c = steeringCoverage(members, [{ id: "c-01-01", name: "Xã An Lộc" }, { id: "c-01-02", name: "Xã Bình Thuận" }],
 *   { asOf: "2025-06-30" });
 * c.unsupported // ["c-01-02"] when only c-01-01 has a member
 */
export function steeringCoverage(
  members: readonly SteeringMember[],
  communes: readonly { id: string; name: string }[],
  options: { asOf: IsoDate },
): SteeringCoverage {
  const active = members.filter((m) => inTerm(m, options.asOf));
  const out = communes.map((c) => ({
    unitId: c.id,
    name: c.name,
    memberIds: active.filter((m) => m.communeUnitIds.includes(c.id)).map((m) => m.id),
  }));
  const unsupported = out.filter((c) => c.memberIds.length === 0);
  return {
    asOf: options.asOf,
    communes: out,
    unsupported: unsupported.map((c) => c.unitId),
    reasons: unsupported.map((c) => ({
      code: "steering.commune_unsupported",
      path: [c.unitId],
      params: { unitId: c.unitId, commune: c.name, asOf: options.asOf },
    })),
  };
}
