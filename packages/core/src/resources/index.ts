// Resource mobilisation (huy động nguồn lực): contributions by source, unit and period, in whole đồng.
export {
  RESOURCE_SOURCES,
  ResourceSourceSchema,
  MONEY_SOURCES,
  ContributionSchema,
  ContributionInputSchema,
  type ResourceSource,
  type MoneySource,
  type Contribution,
  type ContributionInput,
} from "./schema.js";
export type { ContributionTotals } from "./_lib/totals.js";
export type { UnitLink as RollUpUnit } from "./_lib/subtree.js";
export { parseDong } from "./parseDong/index.js";
export { validateContribution, validateContributions } from "./validateContribution/index.js";
export { exactShare, type ExactShare } from "./exactShare/index.js";
export { groupContributions, type ContributionGroup } from "./groupContributions/index.js";
export { summariseContributions, type ContributionFilter, type SourceShare, type ResourceSummary } from "./summariseContributions/index.js";
export { rollUpContributions, type ResourceRollUp } from "./rollUpContributions/index.js";
