import { describe, expect, it } from "vitest";
import type { UnitLevel } from "../../schemas/unit.js";
import { type UnitPlacementInput, UNIT_PLACEMENT_RULES, checkUnitPlacement, unitParentNotFound } from "./index.js";

const LEVELS = ["province", "district", "commune", "hamlet"] as const;

/** A unit with no commune group and no flags, placed under `parent` (given by level and lineage). */
function input(over: {
  id?: string;
  level: UnitLevel;
  change?: UnitPlacementInput["change"];
  communeGroup?: number | null;
  flags?: string[];
  parent?: { id: string; level: UnitLevel; lineage: string[] } | null;
  parentId?: string | null;
}): UnitPlacementInput {
  const parent = over.parent ?? undefined;
  return {
    unit: { id: over.id ?? "x", level: over.level, communeGroup: over.communeGroup ?? null, flags: over.flags ?? [] },
    change: over.change ?? "create",
    parentId: over.parentId !== undefined ? over.parentId : (parent?.id ?? null),
    parent,
  };
}

const codes = (c: UnitPlacementInput) => checkUnitPlacement(c).map((i) => i.code);

describe("checkUnitPlacement", () => {
  const place = (level: UnitLevel, parentLevel: UnitLevel | null): string[] =>
    codes(input({ level, parent: parentLevel ? { id: "p", level: parentLevel, lineage: ["p"] } : null }));

  it("places a province at the top, a district under a province, a commune under a district or a province, a hamlet under a commune", () => {
    const table = LEVELS.map((l) => [null, ...LEVELS].map((p) => place(l, p).length === 0));
    expect(table).toEqual([
      // parent: none, province, district, commune, hamlet
      [true, false, false, false, false],
      [false, true, false, false, false],
      [false, true, true, false, false],
      [false, false, false, true, false],
    ]);
  });

  it("refuses each misplaced level with one unit.level_not_allowed_here on parentId and nothing else", () => {
    const refused = LEVELS.flatMap((l) => [null, ...LEVELS].filter((p) => place(l, p).length > 0).map((p) => [l, p, place(l, p)]));
    expect(refused).toEqual([
      ["province", "province", ["unit.level_not_allowed_here"]],
      ["province", "district", ["unit.level_not_allowed_here"]],
      ["province", "commune", ["unit.level_not_allowed_here"]],
      ["province", "hamlet", ["unit.level_not_allowed_here"]],
      ["district", null, ["unit.level_not_allowed_here"]],
      ["district", "district", ["unit.level_not_allowed_here"]],
      ["district", "commune", ["unit.level_not_allowed_here"]],
      ["district", "hamlet", ["unit.level_not_allowed_here"]],
      ["commune", null, ["unit.level_not_allowed_here"]],
      ["commune", "commune", ["unit.level_not_allowed_here"]],
      ["commune", "hamlet", ["unit.level_not_allowed_here"]],
      ["hamlet", null, ["unit.level_not_allowed_here"]],
      ["hamlet", "province", ["unit.level_not_allowed_here"]],
      ["hamlet", "district", ["unit.level_not_allowed_here"]],
      ["hamlet", "hamlet", ["unit.level_not_allowed_here"]],
    ]);
  });

  it("names the parentId field, both levels and the rule in words when a level does not fit its parent", () => {
    expect(
      checkUnitPlacement(input({ id: "t9", level: "hamlet", parent: { id: "d-01", level: "district", lineage: ["p", "d-01"] } })),
    ).toEqual([
      {
        code: "unit.level_not_allowed_here",
        path: ["parentId"],
        message: "thôn chỉ đặt dưới xã; d-01 là huyện / a hamlet goes under a commune; d-01 is a district",
        params: { level: "hamlet", parentLevel: "district" },
      },
    ]);
    expect(checkUnitPlacement(input({ level: "commune", parent: null }))).toEqual([
      {
        code: "unit.level_not_allowed_here",
        path: ["parentId"],
        message:
          "xã chỉ đặt dưới huyện hoặc trực tiếp dưới tỉnh (chính quyền hai cấp); không có cấp trên / a commune goes under a district or directly under a province (two-tier government); no parent given",
        params: { level: "commune", parentLevel: null },
      },
    ]);
  });

  it("answers a parent id that names no unit with unit.parent_not_found alone (no level issue on top)", () => {
    expect(checkUnitPlacement(input({ level: "commune", parentId: "d-99", parent: null }))).toEqual([unitParentNotFound("d-99")]);
    expect(unitParentNotFound("d-99")).toEqual({
      code: "unit.parent_not_found",
      path: ["parentId"],
      message: 'không có đơn vị cấp trên "d-99" / parent unit "d-99" not found',
      params: { parentId: "d-99" },
    });
  });

  it("refuses a move under the unit itself or one of its descendants, and not under a unit whose id only starts the same", () => {
    const move = (parent: { id: string; level: "commune" | "hamlet"; lineage: string[] }) =>
      codes(input({ id: "c1", level: "commune", change: "move", parent }));
    expect([
      move({ id: "c1", level: "commune", lineage: ["p", "d1", "c1"] }),
      move({ id: "h1", level: "hamlet", lineage: ["p", "d1", "c1", "h1"] }),
      move({ id: "c10", level: "commune", lineage: ["p", "d1", "c10"] }),
    ]).toEqual([
      ["unit.level_not_allowed_here", "unit.cycle"],
      ["unit.level_not_allowed_here", "unit.cycle"],
      ["unit.level_not_allowed_here"],
    ]);
  });

  it("words a cycle with both units: a district moved under one of its own communes", () => {
    const issues = checkUnitPlacement(
      input({
        id: "d-01",
        level: "district",
        change: "move",
        parent: { id: "c-01-04", level: "commune", lineage: ["p-demo", "d-01", "c-01-04"] },
      }),
    );
    expect(issues.find((i) => i.code === "unit.cycle")).toEqual({
      code: "unit.cycle",
      path: ["parentId"],
      message:
        "không thể chuyển d-01 vào chính nó hoặc đơn vị cấp dưới của nó (c-01-04) / cannot move d-01 under itself or its own descendant c-01-04",
      params: { parentId: "c-01-04" },
    });
  });

  it("looks for a cycle only on a move: a create whose id is already in the parent's lineage is left to the id check", () => {
    const parent = { id: "c-01-01", level: "commune" as const, lineage: ["p-demo", "d-01", "c-01-01"] };
    expect([
      codes(input({ id: "d-01", level: "hamlet", change: "create", parent })),
      codes(input({ id: "d-01", level: "hamlet", change: "move", parent })),
    ]).toEqual([[], ["unit.cycle"]]);
  });

  it("leaves the placement alone on an edit (the parent does not change), whatever the parent", () => {
    expect([
      codes(input({ level: "hamlet", change: "edit", parentId: "nowhere", parent: null })),
      codes(input({ id: "c1", level: "commune", change: "edit", parent: { id: "c1", level: "hamlet", lineage: ["c1"] } })),
    ]).toEqual([[], []]);
  });

  it("keeps commune groups on communes: refused on a province, district or hamlet, even on an edit", () => {
    const group = (level: UnitLevel) =>
      checkUnitPlacement(input({ level, change: "edit", communeGroup: 2, parentId: null })).map((i) => [i.code, i.path, i.params]);
    expect(LEVELS.map(group)).toEqual([
      [["unit.commune_group_not_commune", ["communeGroup"], { level: "province" }]],
      [["unit.commune_group_not_commune", ["communeGroup"], { level: "district" }]],
      [],
      [["unit.commune_group_not_commune", ["communeGroup"], { level: "hamlet" }]],
    ]);
    expect(checkUnitPlacement(input({ level: "district", change: "edit", communeGroup: 1 }))[0]?.message).toBe(
      "nhóm xã chỉ dành cho xã, không cho huyện / a commune group applies to communes only, not to a district",
    );
  });

  it("refuses a flag listed twice, once for each repeat, at the repeat's index", () => {
    expect(
      checkUnitPlacement(input({ level: "commune", change: "edit", flags: ["safeZone", "merged2025", "safeZone", "safeZone"] })),
    ).toEqual([
      {
        code: "unit.duplicate_flag",
        path: ["flags", 2],
        message: 'đặc điểm "safeZone" bị lặp / flag "safeZone" is listed twice',
        params: { flag: "safeZone" },
      },
      {
        code: "unit.duplicate_flag",
        path: ["flags", 3],
        message: 'đặc điểm "safeZone" bị lặp / flag "safeZone" is listed twice',
        params: { flag: "safeZone" },
      },
    ]);
    expect(codes(input({ level: "commune", change: "edit", flags: ["safeZone", "merged2025", "especiallyDifficult"] }))).toEqual([]);
  });

  it("keeps commune groups on communes, refuses a flag listed twice, and leaves the placement alone when the parent does not change", () => {
    const issues = checkUnitPlacement({
      unit: { id: "d1", level: "district", communeGroup: 2, flags: ["safeZone", "safeZone"] },
      change: "edit",
      parentId: "nowhere",
      parent: undefined,
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unit.commune_group_not_commune", ["communeGroup"]],
      ["unit.duplicate_flag", ["flags", 1]],
    ]);
  });

  it("runs every rule of the registry in its order and reports all their issues together", () => {
    const bad = input({
      id: "d-01",
      level: "hamlet",
      change: "move",
      communeGroup: 3,
      flags: ["poor", "poor"],
      parent: { id: "c-01-02", level: "commune", lineage: ["p", "d-01", "c-01-02"] },
    });
    expect([Object.keys(UNIT_PLACEMENT_RULES), codes(bad), checkUnitPlacement(bad)]).toEqual([
      ["parentExists", "levelFitsParent", "noCycle", "communeGroupOnCommunes", "flagsOnce"],
      ["unit.cycle", "unit.commune_group_not_commune", "unit.duplicate_flag"],
      Object.values(UNIT_PLACEMENT_RULES).flatMap((rule) => rule(bad)),
    ]);
  });
});
