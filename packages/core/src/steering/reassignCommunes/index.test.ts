import { describe, expect, it } from "vitest";
import { member } from "../_lib/fixtures.js";
import { reassignCommunes } from "./index.js";

const area = ["c-01-01", "c-01-02", "c-01-03"];
const register = [
  member({ id: "tv-1", communeUnitIds: ["c-02-09", "c-01-01", "c-01-02"] }),
  member({ id: "tv-2", communeUnitIds: ["c-01-03"] }),
  member({ id: "tv-3", communeUnitIds: ["c-02-01"] }),
];

describe("reassignCommunes", () => {
  it("gives each listed member exactly the listed communes of the area, keeps its others, and clears the area for the unlisted", () => {
    const r = reassignCommunes(register, [{ id: "tv-1", supportsUnitIds: ["c-01-03"] }], area);
    expect(r).toEqual({
      ok: true,
      value: [
        { ...register[0], communeUnitIds: ["c-02-09", "c-01-03"] },
        { ...register[1], communeUnitIds: [] },
      ],
    });
  });
  it("changes nothing when the register already says so", () => {
    const r = reassignCommunes(
      register,
      [
        { id: "tv-1", supportsUnitIds: ["c-01-01", "c-01-02"] },
        { id: "tv-2", supportsUnitIds: ["c-01-03"] },
      ],
      area,
    );
    expect(r).toEqual({ ok: true, value: [] });
  });
  it("names a member not in the register and a commune outside the area at their places", () => {
    const r = reassignCommunes(
      register,
      [
        { id: "tv-2", supportsUnitIds: ["c-01-03", "c-09-09"] },
        { id: "khong-co", supportsUnitIds: [] },
      ],
      area,
    );
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ["steering.commune_outside_unit", [0, "supportsUnitIds", 1]],
      ["steering.member_unknown", [1, "id"]],
    ]);
  });
});
