import type { Reason } from "../../schemas/common.js";
import type { Plan, PlanAssignee } from "../../plan/schemas.js";
import type { CandidateRecords, RankingUnit } from "../input.js";

/** A task's status on the plan board at the review (the last progress the assignee reported). */
export type BoardTaskStatus = "done" | "in_progress" | "not_started" | "overdue";

/** One commune's facts of the year, as the communes' ranking reads them. */
export interface SubjectCommuneFacts {
  unitId: string;
  name: string;
  criteriaMet: number;
  criteriaTotal: number;
  /** Criteria lost since the previous year; absent when that year is unknown. */
  criteriaLost?: number;
  /** Whole đồng mobilised in the year; absent when unknown. */
  resourcesMobilised?: number;
  /** Whole đồng planned for the year (entered by the evaluating level); absent when unknown. */
  resourcesPlanned?: number;
}

/** The facts of one plan from which its organisations and persons are evaluated. */
export interface PlanSubjectFacts {
  plan: Plan;
  /** The unit that owns the plan (its name qualifies the plan's bodies: "UBND huyện - Huyện A"). */
  planUnit: { id: string; name: string };
  /** Status per task code; a task missing here has no progress reported. */
  taskStatus: Readonly<Record<string, BoardTaskStatus | undefined>>;
  /** The plan's due reports of the year with their state (core reportStatus). */
  reports: readonly { assigneeId: string; status: "submitted" | "late" | "overdue" | "pending" }[];
  /** The communes in the plan's area. */
  communes: readonly SubjectCommuneFacts[];
  /** Inspection recommendations, filed under a subject id (an organisation's or a commune's). */
  findings?: readonly { subjectId: string; id: string; title?: string; deadline: string; resolvedOn?: string | null }[];
  /** Records (achievements, findings) keyed by subject id, from the commendation and discipline records. */
  records?: Readonly<Record<string, CandidateRecords>>;
}

/** A derived subject: its ranking input, role, the communes it answers for, and how its facts were read. */
export interface DerivedSubject {
  kind: "organisation" | "person";
  unit: RankingUnit & { name: string };
  /** The plan assignee it comes from. */
  assigneeId: string;
  assigneeKind: PlanAssignee["kind"];
  responsibleFor: string[];
  reasons: Reason[];
}

const sum = (xs: readonly (number | undefined)[]) => (xs.some((x) => x === undefined) ? undefined : xs.reduce<number>((a, x) => a + x!, 0));

/** The values a subject is scored on: its tasks, reports, its communes' criteria and resources, findings. */
function factsOf(
  f: PlanSubjectFacts,
  taskCodes: readonly string[],
  reportIds: readonly string[],
  communes: readonly SubjectCommuneFacts[],
  findingIds: readonly string[],
): { values: Record<string, number>; reasons: Reason[]; findings: CandidateRecords["findings"] } {
  const reasons: Reason[] = [];
  let done = 0;
  let onTime = 0;
  for (const code of taskCodes) {
    const st = f.taskStatus[code];
    if (st === "done") done++;
    if (st === "done" || st === "in_progress" || st === "not_started") onTime++;
    reasons.push({ code: "subject.task", path: ["tasks", code], params: { task: code, status: st ?? "unreported" } });
  }
  const reports = f.reports.filter((r) => reportIds.includes(r.assigneeId) && r.status !== "pending");
  const values: Record<string, number> = {
    tasks_total: taskCodes.length,
    tasks_done: done,
    tasks_on_time: onTime,
    reports_total: reports.length,
    reports_on_time: reports.filter((r) => r.status === "submitted").length,
    reports_overdue: reports.filter((r) => r.status === "overdue").length,
  };
  if (communes.length) {
    values.criteria_met = communes.reduce((a, c) => a + c.criteriaMet, 0);
    values.criteria_total = communes.reduce((a, c) => a + c.criteriaTotal, 0);
    const lost = sum(communes.map((c) => c.criteriaLost));
    if (lost !== undefined) values.criteria_lost = lost;
    const mob = sum(communes.map((c) => c.resourcesMobilised));
    const plan = sum(communes.map((c) => c.resourcesPlanned));
    if (mob !== undefined) values.resources_mobilised = mob;
    if (plan !== undefined) values.resources_planned = plan;
    reasons.push({
      code: "subject.communes",
      path: ["responsibleFor"],
      params: {
        count: communes.length,
        names: communes.map((c) => c.name),
        criteriaMet: values.criteria_met,
        criteriaTotal: values.criteria_total,
      },
    });
  }
  const findings = (f.findings ?? []).filter((x) => findingIds.includes(x.subjectId));
  return {
    values,
    reasons,
    findings: findings.map((x) => ({
      id: x.id,
      deadline: x.deadline,
      ...(x.title !== undefined ? { title: x.title } : {}),
      ...(x.resolvedOn !== undefined ? { resolvedOn: x.resolvedOn } : {}),
    })),
  };
}

/**
 * The organisations and persons a plan evaluates, with their facts of the year (pure; the API loads
 * the facts). Who: every assignee that LEADS a task, except the plan's issuer (it evaluates) and the
 * steering members; an assignee of kind "other" with no unit (the plan's collective "cấp ủy, tổ chức
 * đảng", "chính quyền các cấp") stands for the bodies of each commune and becomes one subject per
 * commune. Persons: the steering members that support named communes (each also carries the tasks of
 * the plan's collective steering-member assignee). Facts: lead tasks (a person: lead or coordinating)
 * by board status: "done" counts done and on time, "in_progress"/"not_started" on time but not done,
 * "overdue" neither, a task with no progress reported neither (said in a `subject.task` reason); the
 * reports due to the year with their state; the criteria and resources of the communes it answers for
 * (a commune body: its commune; a district body: all the plan's communes; a member: the communes
 * supported); inspection findings filed under it (or its commune) unresolved past deadline at `asOf`.
 * @example
 * const { organisations, persons } = subjectsFromPlan(facts, "2025-12-31");
 * organisations[0].unit.values.tasks_total // 5
 */
export function subjectsFromPlan(f: PlanSubjectFacts, asOf: string): { organisations: DerivedSubject[]; persons: DerivedSubject[] } {
  const { plan } = f;
  const leads = (id: string) => plan.tasks.filter((t) => t.lead.includes(id)).map((t) => t.code);
  const organisations: DerivedSubject[] = [];
  const communeById = new Map(f.communes.map((c) => [c.unitId, c]));
  const records = f.records ?? {};
  const make = (
    kind: DerivedSubject["kind"],
    a: PlanAssignee,
    id: string,
    name: string,
    tasks: readonly string[],
    reportIds: readonly string[],
    communes: readonly SubjectCommuneFacts[],
    findingIds: readonly string[],
  ): DerivedSubject => {
    const x = factsOf(f, tasks, reportIds, communes, findingIds);
    const own = records[id];
    // Findings from inspections and from the subject's own records both count, and both can propose criticism.
    const findings = [...(x.findings ?? []), ...(own?.findings ?? [])];
    const overdue = findings.filter((g) => g.deadline < asOf && (g.resolvedOn == null || g.resolvedOn > asOf)).length;
    return {
      kind,
      unit: {
        unitId: id,
        name,
        values: { ...x.values, findings_overdue: overdue, findings_total: findings.length },
        records: { ...(own?.achievements ? { achievements: own.achievements } : {}), findings },
      },
      assigneeId: a.id,
      assigneeKind: a.kind,
      responsibleFor: communes.map((c) => c.unitId),
      reasons: x.reasons,
    };
  };
  for (const a of plan.assignees) {
    if (a.id === plan.issuer.assigneeId || a.kind === "steering_member") continue;
    const tasks = leads(a.id);
    if (!tasks.length) continue;
    if (a.kind === "other" && !a.unitId) {
      for (const c of f.communes)
        organisations.push(
          make("organisation", a, `${plan.id}/${a.id}@${c.unitId}`, `${a.name.vi} - ${c.name}`, tasks, [a.id], [c], [a.id, c.unitId]),
        );
      continue;
    }
    const own = a.unitId ? communeById.get(a.unitId) : undefined;
    const communes = own ? [own] : f.communes;
    organisations.push(
      make("organisation", a, `${plan.id}/${a.id}`, `${a.name.vi} - ${f.planUnit.name}`, tasks, [a.id], communes, [
        a.id,
        `${plan.id}/${a.id}`,
      ]),
    );
  }
  const collective = plan.assignees.filter((a) => a.kind === "steering_member" && !a.supportsUnitIds?.length).map((a) => a.id);
  const persons = plan.assignees
    .filter((a) => a.kind === "steering_member" && a.supportsUnitIds?.length)
    .map((a) => {
      const ids = [a.id, ...collective];
      const tasks = plan.tasks.filter((t) => ids.some((id) => t.lead.includes(id) || t.coordinating.includes(id))).map((t) => t.code);
      const communes = (a.supportsUnitIds ?? []).flatMap((u) => communeById.get(u) ?? []);
      return make("person", a, a.id, a.name.vi, tasks, [a.id], communes, [a.id]);
    });
  return { organisations, persons };
}
