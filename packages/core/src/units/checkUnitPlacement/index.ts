import type { Issue } from "../../errors/index.js";
import type { LocalizedText } from "../../schemas/common.js";
import type { UnitLevel } from "../../schemas/unit.js";
import { UNIT_LEVEL_LABELS } from "../../i18n/labels.js";

/**
 * A unit about to be written (created, moved or edited), as the placement rules see it.
 * @example
 * const move: UnitPlacementInput = {
 *   unit: { id: "c-04-01", level: "commune", communeGroup: null, flags: ["merged2025"] },
 *   change: "move",
 *   parentId: "p-demo",
 *   parent: { id: "p-demo", level: "province", lineage: ["p-demo"] },
 * };
 */
export interface UnitPlacementInput {
  /** The unit as it would be after the write. */
  unit: { id: string; level: UnitLevel; communeGroup: number | null; flags: readonly string[] };
  /**
   * What the write does: `create` a unit, `move` an existing unit under another parent, or `edit` it
   * where it is. Where the unit sits is checked on `create` and `move` only; a cycle on `move` only.
   */
  change: "create" | "move" | "edit";
  /** The parent the unit will have; null for a unit at the top. */
  parentId: string | null;
  /**
   * The unit `parentId` names, as stored (undefined when no unit has that id). `lineage` lists the ids
   * from the top down to the parent itself, e.g. `["p-demo", "d-01", "c-01-04"]`.
   */
  parent: { id: string; level: UnitLevel; lineage: readonly string[] } | undefined;
}

/**
 * A unit placement rule: a small named pure function returning the issues it finds (none when it holds).
 * @example
 * const named: UnitPlacementRule = (c) => (c.unit.id ? [] : [{ code: "unit.no_id", path: ["id"], message: "thiếu mã / no id" }]);
 */
export type UnitPlacementRule = (c: UnitPlacementInput) => Issue[];

/**
 * The names of the rules in {@link UNIT_PLACEMENT_RULES}.
 * @example
 * const name: UnitPlacementRuleName = "noCycle";
 */
export type UnitPlacementRuleName = "parentExists" | "levelFitsParent" | "noCycle" | "communeGroupOnCommunes" | "flagsOnce";

/**
 * Where each level may sit (null: at the top, with no parent). A commune directly under a province is
 * two-tier government (chính quyền hai cấp, from 1/7/2025).
 * @example
 * UNIT_PARENT_LEVELS.commune // ["district", "province"]
 * UNIT_PARENT_LEVELS.province // [null]
 */
export const UNIT_PARENT_LEVELS: Readonly<Record<UnitLevel, readonly (UnitLevel | null)[]>> = {
  province: [null],
  district: ["province"],
  commune: ["district", "province"],
  hamlet: ["commune"],
};

// A stored level this version does not know is shown as it is.
const label = (level: string): LocalizedText => UNIT_LEVEL_LABELS[level as UnitLevel] ?? { vi: level, en: level };

/** Where each level goes, in words (the text of a refused placement). */
const PLACEMENT_TEXT: Readonly<Record<UnitLevel, LocalizedText>> = {
  province: { vi: "tỉnh ở cấp cao nhất, không có cấp trên", en: "a province sits at the top, with no parent" },
  district: { vi: "huyện chỉ đặt dưới tỉnh", en: "a district goes under a province" },
  commune: {
    vi: "xã chỉ đặt dưới huyện hoặc trực tiếp dưới tỉnh (chính quyền hai cấp)",
    en: "a commune goes under a district or directly under a province (two-tier government)",
  },
  hamlet: { vi: "thôn chỉ đặt dưới xã", en: "a hamlet goes under a commune" },
};

/**
 * The issue for a parent id that names no unit (`unit.parent_not_found` on `parentId`).
 * @example
 * unitParentNotFound("d-99")
 * // { code: "unit.parent_not_found", path: ["parentId"], message: 'không có đơn vị cấp trên "d-99" / parent unit "d-99" not found', params: { parentId: "d-99" } }
 */
export function unitParentNotFound(parentId: string): Issue {
  return {
    code: "unit.parent_not_found",
    path: ["parentId"],
    message: `không có đơn vị cấp trên "${parentId}" / parent unit "${parentId}" not found`,
    params: { parentId },
  };
}

const placing = (c: UnitPlacementInput) => c.change !== "edit";

const parentExists: UnitPlacementRule = (c) => (placing(c) && c.parentId !== null && !c.parent ? [unitParentNotFound(c.parentId)] : []);

const levelFitsParent: UnitPlacementRule = (c) => {
  // An unknown parent is parentExists's issue alone.
  if (!placing(c) || (c.parentId !== null && !c.parent)) return [];
  const parentLevel = c.parent?.level ?? null;
  if (UNIT_PARENT_LEVELS[c.unit.level].includes(parentLevel)) return [];
  const rule = PLACEMENT_TEXT[c.unit.level];
  const got =
    parentLevel === null
      ? { vi: "không có cấp trên", en: "no parent given" }
      : { vi: `${c.parentId} là ${label(parentLevel).vi}`, en: `${c.parentId} is a ${label(parentLevel).en}` };
  return [
    {
      code: "unit.level_not_allowed_here",
      path: ["parentId"],
      message: `${rule.vi}; ${got.vi} / ${rule.en}; ${got.en}`,
      params: { level: c.unit.level, parentLevel },
    },
  ];
};

const noCycle: UnitPlacementRule = (c) =>
  c.change === "move" && c.parent && (c.parent.id === c.unit.id || c.parent.lineage.includes(c.unit.id))
    ? [
        {
          code: "unit.cycle",
          path: ["parentId"],
          message: `không thể chuyển ${c.unit.id} vào chính nó hoặc đơn vị cấp dưới của nó (${c.parent.id}) / cannot move ${c.unit.id} under itself or its own descendant ${c.parent.id}`,
          params: { parentId: c.parent.id },
        },
      ]
    : [];

const communeGroupOnCommunes: UnitPlacementRule = (c) =>
  c.unit.communeGroup !== null && c.unit.level !== "commune"
    ? [
        {
          code: "unit.commune_group_not_commune",
          path: ["communeGroup"],
          message: `nhóm xã chỉ dành cho xã, không cho ${label(c.unit.level).vi} / a commune group applies to communes only, not to a ${label(c.unit.level).en}`,
          params: { level: c.unit.level },
        },
      ]
    : [];

const flagsOnce: UnitPlacementRule = (c) =>
  c.unit.flags.flatMap((f, i) =>
    c.unit.flags.indexOf(f) < i
      ? [
          {
            code: "unit.duplicate_flag",
            path: ["flags", i],
            message: `đặc điểm "${f}" bị lặp / flag "${f}" is listed twice`,
            params: { flag: f },
          },
        ]
      : [],
  );

/**
 * The registry of unit placement rules, run in this order by {@link checkUnitPlacement}. Adding a rule
 * is one function and one entry.
 * @example
 * UNIT_PLACEMENT_RULES.flagsOnce({ unit: { id: "x", level: "commune", communeGroup: null, flags: ["safeZone", "safeZone"] }, change: "edit", parentId: "d-01", parent: undefined })
 * // [{ code: "unit.duplicate_flag", path: ["flags", 1], message: 'đặc điểm "safeZone" bị lặp / flag "safeZone" is listed twice', params: { flag: "safeZone" } }]
 */
export const UNIT_PLACEMENT_RULES: Readonly<Record<UnitPlacementRuleName, UnitPlacementRule>> = {
  parentExists,
  levelFitsParent,
  noCycle,
  communeGroupOnCommunes,
  flagsOnce,
};

/**
 * Checks a unit about to be written: its parent exists, its level may sit under that parent, a move
 * puts it under neither itself nor one of its descendants, a commune group only on a commune, no flag
 * listed twice. Runs every rule of {@link UNIT_PLACEMENT_RULES} in order; never branches on a rule's
 * name. Each issue carries the path of the field to fix; none means the write may go ahead.
 * @example
 * checkUnitPlacement({ unit: { id: "t9", level: "hamlet", communeGroup: null, flags: [] }, change: "create", parentId: "d-01", parent: { id: "d-01", level: "district", lineage: ["p", "d-01"] } })
 * // [{ code: "unit.level_not_allowed_here", path: ["parentId"], message: "thôn chỉ đặt dưới xã; d-01 là huyện / a hamlet goes under a commune; d-01 is a district", params: { level: "hamlet", parentLevel: "district" } }]
 */
export function checkUnitPlacement(c: UnitPlacementInput): Issue[] {
  return Object.values(UNIT_PLACEMENT_RULES).flatMap((rule) => rule(c));
}
