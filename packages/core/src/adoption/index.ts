// Pack adoption (áp dụng bộ tiêu chí): which pack applies to a unit, level, tier and year, as data a province controls.
export {
  PackAdoptionSchema,
  AdoptionBoundSchema,
  AdoptionLevelSchema,
  type PackAdoption,
  type AdoptionBound,
  type AdoptionLevel,
} from "./schema.js";
export { selectPack, adoptionPeriod, type PackQuery, type PackSelection, type PackEffectiveLookup } from "./selectPack/index.js";
export { selectLadder, LADDER_TIERS, type LadderRung } from "./selectLadder/index.js";
export { checkAdoption, type PackByIdLookup } from "./checkAdoption/index.js";
