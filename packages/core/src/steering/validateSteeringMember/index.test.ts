import { describe, expect, it } from "vitest";
import { member } from "../_lib/fixtures.js";
import { validateSteeringMember } from "./index.js";

const codes = (r: ReturnType<typeof validateSteeringMember>) => (r.ok ? [] : r.issues.map((i) => [i.code, i.path]));

describe("validateSteeringMember", () => {
  it("accepts a deputy head supporting two communes of the district, with a mobile phone written with dots", () => {
    const m = member({ phone: "0912.345.678", note: "Phụ trách cụm xã phía Bắc" });
    expect(validateSteeringMember(m, { communeIds: ["c-01-01", "c-01-02", "c-01-03"] })).toEqual({ ok: true, value: m });
  });

  it("accepts a member supporting no commune yet (the head of the committee)", () => {
    expect(validateSteeringMember(member({ role: "head", communeUnitIds: [] })).ok).toBe(true);
  });

  it("rejects a reversed term, a commune listed twice and a commune of another district, each at its path", () => {
    const r = validateSteeringMember(member({ termEnd: "2020-12-31", communeUnitIds: ["c-01-01", "c-02-01", "c-01-01"] }), {
      communeIds: ["c-01-01", "c-01-02"],
    });
    expect(codes(r)).toEqual([
      ["steering.term_reversed", ["termEnd"]],
      ["steering.duplicate_commune", ["communeUnitIds", 2]],
      ["steering.commune_outside_unit", ["communeUnitIds", 1]],
    ]);
  });

  it("rejects a blank name, an unknown role, a phone that is not Vietnamese and a day that does not exist", () => {
    const r = validateSteeringMember({ ...member(), fullName: "  ", role: "chairman", phone: "12345", termStart: "2025-02-30" });
    expect(codes(r)).toEqual([
      ["too_small", ["fullName"]],
      ["invalid_value", ["role"]],
      ["steering.phone_invalid", ["phone"]],
      ["date.not_calendar_day", ["termStart"]],
    ]);
  });

  it("does not check the communes' unit when no list of communes is given", () => {
    expect(validateSteeringMember(member({ communeUnitIds: ["c-09-09"] })).ok).toBe(true);
  });
});
