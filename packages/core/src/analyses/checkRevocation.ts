import type { Reason } from "../schemas/common.js";
import type { EvaluationResult, RevocationCheck } from "../schemas/result.js";

/** Inputs of the revocation rule, when not taken from an evaluation. */
export interface RevocationInput {
  criteriaTotal: number;
  failed: readonly string[];
  keyFailed: readonly string[];
  /** District rule: the share (0–1) of its communes whose NTM recognition was revoked. */
  childrenRevokedShare?: number;
}

/**
 * The revocation rule of QĐ 18/2022/QĐ-TTg: revoke when ≥ 50% of criteria fail, or when 30% to < 50%
 * fail including at least one key criterion (income; environment and food safety; defence and
 * security — the pack marks them `key`). For a district, also when ≥ 30% of its communes were revoked.
 * Criteria whose status is indeterminate are not counted as failing; a reason says so.
 * Shares are compared in integers, so the legal boundaries are exact.
 * @example
 * checkRevocation({ criteriaTotal: 10, failed: ["1", "2", "10"], keyFailed: ["10"] }).revoke // true (30% with a key criterion)
 * checkRevocation(evaluateUnit(compiled, values)).failedShare // e.g. 0.105
 */
export function checkRevocation(input: EvaluationResult | RevocationInput): RevocationCheck {
  let total: number;
  let failed: string[];
  let keyFailed: string[];
  let indeterminate = 0;
  let childrenRevokedShare: number | undefined;
  if ("criteria" in input) {
    total = input.criteriaTotal;
    const counted = input.criteria.filter((c) => !c.condition);
    failed = counted.filter((c) => c.status === "not_met").map((c) => c.id);
    keyFailed = counted.filter((c) => c.status === "not_met" && c.key).map((c) => c.id);
    indeterminate = counted.filter((c) => c.status === "indeterminate").length;
  } else {
    total = input.criteriaTotal;
    failed = [...input.failed];
    keyFailed = [...input.keyFailed];
    childrenRevokedShare = input.childrenRevokedShare;
  }
  return decideRevocation(total, failed, keyFailed, indeterminate, childrenRevokedShare);
}

/**
 * The rule itself, on counts already taken (shared by {@link checkRevocation} and the evaluation
 * engine, which counts from its own criterion statuses). Takes ownership of the arrays.
 * @example
 * decideRevocation(10, ["1", "2", "10"], ["10"], 0, undefined).revoke // true
 */
export function decideRevocation(
  total: number,
  failed: string[],
  keyFailed: string[],
  indeterminate: number,
  childrenRevokedShare: number | undefined,
): RevocationCheck {
  const n = failed.length;
  const reasons: Reason[] = [];
  const share = total > 0 ? n / total : 0;
  const band = revocationBand(total, n);
  const half = band === "half";
  const thirty = band === "thirty";
  let revoke = false;
  if (half) {
    revoke = true;
    reasons.push({ code: "revocation.half_failed", path: ["criteria"], params: { failed: n, total, share } });
  } else if (thirty && keyFailed.length > 0) {
    revoke = true;
    reasons.push({ code: "revocation.key_failed", path: ["criteria"], params: { failed: n, total, share, keyFailed } });
  } else if (thirty) {
    reasons.push({ code: "revocation.thirty_no_key", path: ["criteria"], params: { failed: n, total, share } });
  } else {
    reasons.push({ code: "revocation.below_threshold", path: ["criteria"], params: { failed: n, total, share } });
  }
  if (childrenRevokedShare !== undefined && childrenRevokedShare >= 0.3) {
    revoke = true;
    reasons.push({ code: "revocation.children_revoked", path: ["children"], params: { share: childrenRevokedShare } });
  }
  if (indeterminate > 0)
    reasons.push({ code: "revocation.indeterminate_not_counted", path: ["criteria"], params: { count: indeterminate } });
  return { revoke, failedShare: share, failed, keyFailed, reasons };
}

/**
 * Which band of QĐ 18/2022 a count of failed criteria falls in: at least half, 30% to under half, or
 * below 30%. Compared in integers, so the legal boundaries are exact.
 * @example
 * revocationBand(19, 6) // "thirty" (6/19 ≈ 31.6%)
 */
export function revocationBand(total: number, failed: number): "half" | "thirty" | "below" {
  // n/total >= 1/2  <=>  2n >= total ;  n/total >= 3/10  <=>  10n >= 3 total
  if (total > 0 && 2 * failed >= total) return "half";
  if (total > 0 && 10 * failed >= 3 * total) return "thirty";
  return "below";
}

/**
 * Whether the rule revokes, from counts alone (the status-only path): at least half failed, or 30% to
 * under half with a key criterion among them; for a district also ≥ 30% of its communes revoked.
 * @example
 * revokes(19, 6, 1) // true
 */
export function revokes(total: number, failed: number, keyFailed: number, childrenRevokedShare?: number): boolean {
  const band = revocationBand(total, failed);
  return band === "half" || (band === "thirty" && keyFailed > 0) || (childrenRevokedShare !== undefined && childrenRevokedShare >= 0.3);
}
