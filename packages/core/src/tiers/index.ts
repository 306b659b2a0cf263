export { tierLadder } from "./tierLadder/index.js";
export { INDICATOR_182, withClassification182, type Classification182 } from "./withClassification182/index.js";
export { evaluateWithClassification } from "./evaluateWithClassification/index.js";
export { evaluateLadder, type LadderResult, type EvaluateLadderOptions } from "./evaluateLadder/index.js";
export { childTierStatuses, type ChildTierStatuses } from "./childTierStatuses/index.js";
export { withChildStatuses, type WithChildStatusesOptions } from "./withChildStatuses/index.js";
export {
  TIER_BUCKETS,
  tierBucketOf,
  countByTier,
  countAtLeast,
  countUndetermined,
  type TierBucket,
  type TierCounts,
  type Undetermined,
} from "./tierBuckets/index.js";
export { previewValuesChange, type ValuesChangePreview } from "./previewValuesChange/index.js";
