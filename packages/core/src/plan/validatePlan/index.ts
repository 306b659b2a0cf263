import { type Issue, type Result, fail, ok, zodIssues } from "../../errors/index.js";
import type { JsonPath } from "../../schemas/common.js";
import { type Plan, PlanSchema } from "../schemas.js";

/** Optional cross-checks against a criteria pack's ids. */
export interface ValidatePlanOptions {
  /** Criterion ids that exist (e.g. "1" … "19"); unknown links are reported when given. */
  knownCriteria?: Iterable<string>;
  /** Indicator ids that exist (e.g. "13.1"); "17.x" stands for any indicator of criterion 17. */
  knownIndicators?: Iterable<string>;
  /**
   * The parent plan of an implementing plan: every `tasks[].implements` code must be one of its task
   * codes and `parent.organisationId` one of its assignees.
   */
  parent?: Plan;
}

/**
 * Validates a plan document: its shape (zod), unique codes and ids, and that every assignee and
 * reporting duty it refers to exists. Fails with `invalid_input` and one issue per problem, each
 * with its JSON path; nothing is partially accepted.
 * @example
 * validatePlan(DISTRICT_PLAN_63).ok // true
 * validatePlan({ ...DISTRICT_PLAN_63, tasks: [{ ...DISTRICT_PLAN_63.tasks[0], lead: ["nobody"] }] })
 * // { ok: false, kind: "invalid_input", issues: [{ code: "plan.unknown_assignee", path: ["tasks", 0, "lead", 0], ... }] }
 */
export function validatePlan(input: unknown, options: ValidatePlanOptions = {}): Result<Plan> {
  const parsed = PlanSchema.safeParse(input);
  if (!parsed.success) return fail("invalid_input", zodIssues(parsed.error));
  const plan = parsed.data;
  const issues: Issue[] = [];
  const add = (code: string, path: JsonPath, message: string, params: Record<string, unknown>) =>
    issues.push({ code, path, message, params });

  const unique = (items: readonly { [k: string]: unknown }[], key: string, section: string) => {
    const seen = new Map<unknown, number>();
    items.forEach((item, i) => {
      const v = item[key];
      const first = seen.get(v);
      if (first !== undefined)
        add("plan.duplicate_id", [section, i, key], `${key} "${String(v)}" repeats ${section}[${first}]`, { id: v, first });
      else seen.set(v, i);
    });
  };
  unique(plan.assignees, "id", "assignees");
  unique(plan.purposes, "code", "purposes");
  unique(plan.tasks, "code", "tasks");
  unique(plan.assignments, "code", "assignments");
  unique(plan.reportingDuties, "id", "reportingDuties");

  const assignees = new Set(plan.assignees.map((a) => a.id));
  const duties = new Set(plan.reportingDuties.map((d) => d.id));
  const knownAssignee = (id: string, path: JsonPath) => {
    if (!assignees.has(id)) add("plan.unknown_assignee", path, `no assignee "${id}" in $.assignees`, { id });
  };
  knownAssignee(plan.issuer.assigneeId, ["issuer", "assigneeId"]);
  plan.tasks.forEach((t, i) => {
    t.lead.forEach((id, j) => knownAssignee(id, ["tasks", i, "lead", j]));
    t.coordinating.forEach((id, j) => knownAssignee(id, ["tasks", i, "coordinating", j]));
  });
  plan.assignments.forEach((a, i) => {
    a.assigneeIds.forEach((id, j) => knownAssignee(id, ["assignments", i, "assigneeIds", j]));
    a.dutyIds.forEach((id, j) => {
      if (!duties.has(id))
        add("plan.unknown_duty", ["assignments", i, "dutyIds", j], `no reporting duty "${id}" in $.reportingDuties`, { id });
    });
  });
  plan.reportingDuties.forEach((d, i) => {
    d.assigneeIds.forEach((id, j) => knownAssignee(id, ["reportingDuties", i, "assigneeIds", j]));
    knownAssignee(d.to, ["reportingDuties", i, "to"]);
    const max = d.cadence === "half-yearly" ? 2 : d.cadence === "quarterly" ? 4 : d.cadence === "monthly" ? 12 : 0;
    d.only?.forEach((n, j) => {
      if (n > max)
        add(
          "plan.only_out_of_range",
          ["reportingDuties", i, "only", j],
          `${n} is not a sub-period of a ${typeof d.cadence === "string" ? d.cadence : "fixed-date"} cadence (1–${max})`,
          { duty: d.id, value: n, max },
        );
    });
    if (!d.deadline && typeof d.cadence === "string") {
      add("plan.duty_deadline_missing", ["reportingDuties", i, "deadline"], `a ${d.cadence} duty needs a deadline rule`, { duty: d.id });
    }
  });
  plan.assignees.forEach((a, i) => {
    if (a.supportsUnitIds && a.kind !== "steering_member") {
      add(
        "plan.support_not_steering_member",
        ["assignees", i, "supportsUnitIds"],
        `only a steering member supports communes; "${a.id}" is a ${a.kind}`,
        { id: a.id, kind: a.kind },
      );
    }
  });
  if (plan.period.start && plan.period.start > plan.period.end) {
    add("plan.period_reversed", ["period"], `period starts ${plan.period.start} after it ends ${plan.period.end}`, {
      start: plan.period.start,
      end: plan.period.end,
    });
  }
  if (options.knownCriteria) {
    const known = new Set(options.knownCriteria);
    plan.tasks.forEach((t, i) =>
      t.links.criteria.forEach((c, j) => {
        if (!known.has(c))
          add("plan.unknown_criterion", ["tasks", i, "links", "criteria", j], `no criterion "${c}" in the criteria pack`, { id: c });
      }),
    );
  }
  if (options.knownIndicators) {
    const known = new Set(options.knownIndicators);
    const criteriaOf = new Set([...known].map((id) => id.split(".")[0]));
    plan.tasks.forEach((t, i) =>
      t.links.indicators.forEach((c, j) => {
        const ok = c.endsWith(".x") ? criteriaOf.has(c.slice(0, -2)) : known.has(c);
        if (!ok)
          add("plan.unknown_indicator", ["tasks", i, "links", "indicators", j], `no indicator "${c}" in the criteria pack`, { id: c });
      }),
    );
  }
  plan.tasks.forEach((t, i) => {
    if (t.implements?.length && !plan.parent)
      add(
        "plan.implements_without_parent",
        ["tasks", i, "implements"],
        `task ${t.code} implements parent tasks but the plan has no parent`,
        { code: t.code },
      );
  });
  if (options.parent) {
    const parent = options.parent;
    const parentTasks = new Set(parent.tasks.map((t) => t.code));
    plan.tasks.forEach((t, i) =>
      t.implements?.forEach((code, j) => {
        if (!parentTasks.has(code))
          add("plan.unknown_parent_task", ["tasks", i, "implements", j], `the parent plan has no task "${code}"`, {
            id: code,
            parent: parent.id,
          });
      }),
    );
    const org = plan.parent?.organisationId;
    if (org && !parent.assignees.some((a) => a.id === org))
      add("plan.unknown_parent_assignee", ["parent", "organisationId"], `the parent plan has no assignee "${org}"`, {
        id: org,
        parent: parent.id,
      });
  }
  return issues.length ? fail("invalid_input", issues) : ok(plan);
}
