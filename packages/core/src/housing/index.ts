// Temporary and dilapidated housing programme (xóa nhà tạm, nhà dột nát) and indicator 9.1.
export {
  HouseStatusSchema,
  HOUSE_STATUSES,
  HouseSchema,
  HouseInputSchema,
  type HouseStatus,
  type House,
  type HouseInput,
} from "./schema.js";
export type { HousingSummary } from "./_lib/summarise.js";
export { validateHouse, validateHouses } from "./validateHouse/index.js";
export { summariseHousing } from "./summariseHousing/index.js";
export { rollUpHousing } from "./rollUpHousing/index.js";
export { indicator91FromHousing, type Indicator91 } from "./indicator91FromHousing/index.js";
