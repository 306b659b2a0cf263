// Administrative units (đơn vị hành chính): the rules a unit must meet where it is written.
export {
  checkUnitPlacement,
  unitParentNotFound,
  UNIT_PLACEMENT_RULES,
  UNIT_PARENT_LEVELS,
  type UnitPlacementInput,
  type UnitPlacementRule,
  type UnitPlacementRuleName,
} from "./checkUnitPlacement/index.js";
