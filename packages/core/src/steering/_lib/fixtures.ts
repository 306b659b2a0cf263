import type { SteeringMember } from "../schema.js";

/**
 * A valid steering member of district d-01 supporting two communes, with overrides.
 * @example
 * member({ termEnd: "2020-01-01" }) // a reversed term
 */
export function member(over: Partial<SteeringMember> = {}): SteeringMember {
  return {
    id: "tv-1",
    unitId: "d-01",
    fullName: "Nguyễn Văn An",
    position: "Phó Chủ tịch UBND huyện",
    organisation: "UBND huyện An Hòa",
    role: "deputy_head",
    termStart: "2021-01-01",
    termEnd: "2025-12-31",
    communeUnitIds: ["c-01-01", "c-01-02"],
    ...over,
  };
}
