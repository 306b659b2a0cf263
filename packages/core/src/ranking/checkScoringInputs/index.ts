import { type Issue, type Result, fail, ok } from "../../errors/index.js";
import { domainZodIssues } from "../../ocop/_lib/zodIssues.js";
import { SCORING_EVIDENCE_MAX, SCORING_INPUT_FIELDS, type ScoringInputs, ScoringInputsSchema } from "../scoringInputs/index.js";

/** One consistency rule over parsed scoring inputs: the issues it finds (none when it holds). */
type ScoringInputsRule = (inputs: ScoringInputs) => Issue[];

type CountPath = readonly ["tasks", "assigned" | "done" | "onTime" | "exceeding"] | readonly [Exclude<keyof ScoringInputs, "tasks">];
const read = (inputs: ScoringInputs, path: CountPath): number | undefined =>
  path[0] === "tasks" ? inputs.tasks?.[path[1] as "assigned"] : (inputs[path[0]] as number | undefined);

/** A count that cannot exceed another one (done ≤ assigned, met ≤ total…), checked when both are entered. */
const notAbove =
  (field: CountPath, limit: CountPath): ScoringInputsRule =>
  (inputs) => {
    const [value, max] = [read(inputs, field), read(inputs, limit)];
    return value !== undefined && max !== undefined && value > max
      ? [
          {
            code: "scoring_inputs.exceeds",
            path: [...field],
            message: `${field.join(".")} (${value}) exceeds ${limit.join(".")} (${max})`,
            params: { field: field.join("."), limitField: limit.join("."), value, limit: max },
          },
        ]
      : [];
  };

/** Evidence names the source of a value, so it needs the value. */
const evidenceHasValue: ScoringInputsRule = (inputs) =>
  SCORING_INPUT_FIELDS.filter((f) => inputs.evidence?.[f] !== undefined && inputs[f] === undefined).map((f) => ({
    code: "scoring_inputs.evidence_without_value",
    path: ["evidence", f],
    message: `evidence for ${f} but no value entered`,
    params: { field: f },
  }));

/** The consistency rules, run in order by {@link checkScoringInputs}. */
const RULES: readonly ScoringInputsRule[] = [
  notAbove(["tasks", "done"], ["tasks", "assigned"]),
  notAbove(["tasks", "onTime"], ["tasks", "done"]),
  notAbove(["tasks", "exceeding"], ["tasks", "done"]),
  notAbove(["programmeTargetsMet"], ["programmeTargetsTotal"]),
  notAbove(["reportsOnTime"], ["reportsTotal"]),
  notAbove(["reportsOverdue"], ["reportsTotal"]),
  evidenceHasValue,
];

/** Evidence notes trimmed; a blank note is no note. */
function trimEvidence(inputs: ScoringInputs): ScoringInputs {
  if (!inputs.evidence) return inputs;
  const kept = Object.entries(inputs.evidence).flatMap(([k, v]) => (v?.trim() ? [[k, v.trim()] as const] : []));
  const { evidence: _drop, ...rest } = inputs;
  return kept.length > 0 ? { ...rest, evidence: Object.fromEntries(kept) } : rest;
}

/**
 * Checks scoring inputs a unit enters for a year (số liệu chấm điểm): the shape (whole counts, money
 * in whole đồng as digits, evidence notes of at most {@link SCORING_EVIDENCE_MAX} characters), then
 * the counts against each other (done ≤ assigned, on time ≤ done, exceeding ≤ done, met ≤ total,
 * reports on time or overdue ≤ reports due) and that each evidence note goes with a value. Evidence
 * is trimmed and blank notes dropped. Every problem is an issue with the field's path.
 * @example
 * checkScoringInputs({ tasks: { assigned: 5, done: 6, onTime: 5, exceeding: 0 } })
 * // { ok: false, kind: "invalid_input", issues: [{ code: "scoring_inputs.exceeds", path: ["tasks", "done"], params: { field: "tasks.done", limitField: "tasks.assigned", value: 6, limit: 5 }, ... }] }
 * checkScoringInputs({ reportsOnTime: 3, reportsTotal: 4, evidence: { reportsOnTime: " Báo cáo số 12/BC-UBND " } })
 * // { ok: true, value: { reportsOnTime: 3, reportsTotal: 4, evidence: { reportsOnTime: "Báo cáo số 12/BC-UBND" } } }
 */
export function checkScoringInputs(input: unknown): Result<ScoringInputs> {
  const parsed = ScoringInputsSchema.safeParse(input);
  if (!parsed.success)
    return fail(
      "invalid_input",
      domainZodIssues(parsed.error).map((i) =>
        i.path[0] === "evidence" && i.code === "too_big"
          ? {
              code: "scoring_inputs.evidence_too_long",
              path: i.path,
              message: `evidence longer than ${SCORING_EVIDENCE_MAX} characters`,
              params: { field: String(i.path[1]), max: SCORING_EVIDENCE_MAX },
            }
          : i,
      ),
    );
  const inputs = trimEvidence(parsed.data);
  const issues = RULES.flatMap((rule) => rule(inputs));
  return issues.length > 0 ? fail("invalid_input", issues) : ok(inputs);
}
