export { averageIncome, INCOME_INDICATOR } from "./averageIncome/index.js";
export { incomeVs2020, type IncomeVs2020Check } from "./incomeVs2020/index.js";
export { rollupStanding, type RollupStanding } from "./rollupStanding/index.js";
export { summariseRollup, type RollupSummary } from "./summariseRollup/index.js";
export {
  reportingCompleteness,
  type ReportingCompleteness,
  type CommuneCompleteness,
  type CompletenessState,
} from "./reportingCompleteness/index.js";
export { undeterminedOf } from "./undeterminedOf/index.js";
