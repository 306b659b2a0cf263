import type { Reason } from "../../schemas/common.js";
import { DEFAULT_RECOGNITION_CONFIG, type ActionRule, type RecognitionConfig } from "../config/index.js";
import { dueDateFor } from "../deadlines/index.js";
import { type DecisionInput, checkDecision } from "../decision/index.js";
import { runGuards } from "../guards/index.js";
import type { GuardCheck, WorkflowFacts } from "../guards/types.js";
import { type Actor, type DossierState, type RecognitionAction, type RecognitionDossier, IsoDateTimeSchema } from "../schema.js";

/** The context of one transition: who, when, and what the caller knows. */
export interface TransitionContext extends WorkflowFacts {
  actor: Actor;
  /** ISO date-time of the transition (the caller's clock, never core's). */
  at: string;
  /** The decision's number and date, for the actions taken by a decision (recognise, revoke). */
  decision?: DecisionInput;
}

/** A transition's outcome: the new dossier, or the reasons it is forbidden. Never a throw. */
export type TransitionResult =
  | { ok: true; dossier: RecognitionDossier; checks: GuardCheck[] }
  | { ok: false; reasons: Reason[]; checks: GuardCheck[] };

/**
 * Where an action leads from this dossier, or a reason it cannot be resolved (a `resume` goes to the
 * state configured for the step the dossier was returned from).
 * @example
 * resolveTarget(config.actions.resume, returnedDossier, config) // { to: "self_assessed" }
 */
export function resolveTarget(
  rule: ActionRule,
  dossier: RecognitionDossier,
  config: RecognitionConfig,
): { to: DossierState } | { reason: Reason } {
  if (rule.to !== "return_target") return { to: rule.to };
  const lastReturn = [...dossier.history].reverse().find((h) => h.to === "returned");
  const target = lastReturn ? config.returnTo[lastReturn.from] : undefined;
  if (!target)
    return { reason: { code: "workflow.return_target_unknown", path: ["history"], params: { returnedFrom: lastReturn?.from ?? null } } };
  return { to: target };
}

/**
 * Checks an action without applying it: state, target and guards.
 * @example
 * checkAction(dossier, "submit", actor, { evaluation }) // { to: "submitted", checks: [...], reasons: [] }
 */
export function checkAction(
  dossier: RecognitionDossier,
  action: RecognitionAction,
  actor: Actor,
  facts: WorkflowFacts,
): { to: DossierState | null; checks: GuardCheck[]; reasons: Reason[] } {
  const config = facts.config ?? DEFAULT_RECOGNITION_CONFIG;
  const rule = config.actions[action];
  if (!rule.from.includes(dossier.state)) {
    return {
      to: null,
      checks: [],
      reasons: [
        {
          code: "workflow.action_not_allowed_from",
          path: ["state"],
          params: { action, state: dossier.state, allowedFrom: [...rule.from] },
        },
      ],
    };
  }
  const target = resolveTarget(rule, dossier, config);
  const checks = runGuards(rule.guards, { dossier, action, from: dossier.state, actor, facts, config });
  const reasons = checks.filter((c) => !c.passed).flatMap((c) => c.reasons);
  if ("reason" in target) return { to: null, checks, reasons: [target.reason, ...reasons] };
  return { to: target.to, checks, reasons };
}

/**
 * Applies an action to a recognition dossier (QĐ 18/2022/QĐ-TTg workflow). A forbidden transition is a
 * result with reasons, never a throw. The new history entry records the actor, time, note, the decision
 * (number and date, required for the config's `decisionActions`) and the due date of the step entered
 * (from the config's working-day function).
 * @example
 * const r = transition(dossier, "submit", { actor: { id: "u1", role: "commune_officer", unitId: "xa-an-phu" }, at: "2025-03-07T10:00:00+07:00", evaluation });
 * if (r.ok) r.dossier.state // "submitted"
 * else r.reasons // [{ code: "workflow.satisfaction_below", path: ["satisfactionPercent"], params: { actual: 86, required: 90, ... } }]
 */
export function transition(dossier: RecognitionDossier, action: RecognitionAction, context: TransitionContext): TransitionResult {
  const { actor, at, decision: decisionInput, ...facts } = context;
  const config = facts.config ?? DEFAULT_RECOGNITION_CONFIG;
  if (!IsoDateTimeSchema.safeParse(at).success) {
    return { ok: false, checks: [], reasons: [{ code: "workflow.invalid_time", path: ["at"], params: { at } }] };
  }
  const last = dossier.history[dossier.history.length - 1];
  if (last && Date.parse(at) < Date.parse(last.at)) {
    return { ok: false, checks: [], reasons: [{ code: "workflow.time_before_last", path: ["at"], params: { at, last: last.at } }] };
  }
  const { to, checks, reasons } = checkAction(dossier, action, actor, facts);
  if (to === null) return { ok: false, checks, reasons };
  // The decision is the step's input, not a guard: available actions stay available before it is typed.
  const decision = checkDecision(action, decisionInput ?? {}, at, config.decisionActions);
  if (!decision.ok) reasons.push(...decision.issues.map(({ code, path, params }) => ({ code, path: [...path], params: params ?? {} })));
  if (!decision.ok || reasons.length > 0) return { ok: false, checks, reasons };
  const entry = {
    action,
    actor,
    at,
    from: dossier.state,
    to,
    ...(facts.note !== undefined ? { note: facts.note } : {}),
    dueDate: dueDateFor(to, at, config),
    ...(decision.value ? { decision: decision.value } : {}),
  };
  return { ok: true, checks, dossier: { ...dossier, state: to, history: [...dossier.history, entry] } };
}
