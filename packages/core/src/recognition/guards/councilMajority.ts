import type { Guard } from "./types.js";

/**
 * The provincial evaluation council voted for: by default more than half of its members (not of those
 * present). QĐ 18/2022's rule was not retrieved, so the rule is configurable and labelled a default.
 */
export const councilMajority: Guard = ({ dossier, config }) => {
  const rule = config.councilMajority;
  const provenance = rule.provenance;
  const vote = dossier.councilVote;
  if (vote === null)
    return { passed: false, reasons: [{ code: "workflow.council_vote_missing", path: ["councilVote"], params: { ...provenance } }] };
  // for/members > n/d  <=>  for*d > n*members (integers: exact)
  const lhs = vote.for * rule.denominator;
  const rhs = rule.numerator * vote.members;
  const passed = rule.strict ? lhs > rhs : lhs >= rhs;
  return {
    passed,
    reasons: [
      {
        code: passed ? "workflow.council_passed" : "workflow.council_failed",
        path: ["councilVote"],
        params: {
          for: vote.for,
          against: vote.against,
          members: vote.members,
          numerator: rule.numerator,
          denominator: rule.denominator,
          strict: rule.strict,
          ...provenance,
        },
      },
    ],
  };
};
