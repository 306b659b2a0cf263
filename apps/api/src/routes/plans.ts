import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Plan, PlanAssignee, ReportStatusItem } from "@ntm/core";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { authorize, authorizePlanRead } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { IdParam } from "../http/schemas.js";
import { planFromRegister } from "../services/steering.js";
import { IsoDateField, ReasonOutSchema, metaOf, readableUnits, reasonsOut, requireVersion, setEtag, vnDate } from "../http/common.js";
import { type TaskRow, loadPlan, planOf, taskDataOf } from "../services/planStore.js";

import {
  dueAcrossPlans,
  listPlanSummaries,
  loadSubmissions,
  planReportStatus,
  recordTaskProgress,
  setSteeringMembers,
  submitReport,
  taskByCode,
} from "../services/plans.js";

/** A period string as core reads it (2025, 2025S1, 2025Q3, 2025-05); core parsePeriod decides. */
const PeriodStringSchema = z.string().regex(/^\d{4}(S[12]|Q[1-4]|-\d{2})?$/, "expected a period such as 2025, 2025S1, 2025Q3 or 2025-05");

const Loose = z.record(z.string(), z.unknown());
const Localized = z.object({ vi: z.string(), en: z.string() });
const AssigneeOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    name: Localized,
    unitId: z.string().optional(),
    supportsUnitIds: z.array(z.string()).optional(),
  })
  .openapi("PlanAssignee");

const ProgressSchema = z
  .object({
    status: z.enum(["done", "in_progress", "not_started", "overdue"]),
    result: z.string().min(1).max(4000),
    period: PeriodStringSchema,
    percentDone: z.number().int().min(0).max(100).optional().openapi({ description: "Share done, whole percent" }),
    evidence: z.string().min(1).max(2000).optional().openapi({ description: "Evidence: document numbers, minutes, links" }),
    deadline: IsoDateField.optional().openapi({ description: "Due date; a day off moves it to the next working day" }),
  })
  .openapi("TaskProgress");

const TaskOut = z
  .object({
    id: z.string(),
    code: z.string(),
    title: Localized,
    body: z.string(),
    assigneeBasis: z.string(),
    lead: z.array(AssigneeOut),
    coordinating: z.array(AssigneeOut),
    deliverables: z.array(Localized),
    links: Loose,
    reportingCadence: z.unknown(),
    progress: ProgressSchema.nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi("PlanTaskRecord");

const SteeringOut = z
  .object({ id: z.string(), name: Localized, communes: z.array(z.object({ id: z.string(), name: z.string() })) })
  .openapi("SteeringMember");

const PlanOut = z
  .object({
    id: z.string(),
    unitId: z.string(),
    version: z.number().int(),
    plan: Loose.openapi({
      description:
        "The plan as @ntm/core models it (number, issuer, basis, period, purposes, assignments, assignees, reporting duties, recipients, signer)",
    }),
    tasks: z.array(TaskOut),
    assignees: z.array(AssigneeOut),
    steeringMembers: z.array(SteeringOut),
  })
  .openapi("PlanRecord");

const DueItemOut = z
  .object({
    key: z.string(),
    dutyId: z.string(),
    title: Localized,
    assigneeId: z.string(),
    assigneeName: Localized.nullable(),
    to: z.string(),
    period: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    deadline: z.string(),
    status: z.enum(["submitted", "late", "overdue", "pending"]),
    submittedOn: z.string().nullable(),
    workingDaysLate: z.number().int(),
    calendarDaysLate: z.number().int(),
    defaults: z.array(z.string()),
    reasons: z.array(ReasonOutSchema),
  })
  .openapi("DueReport");

const DueOut = z
  .object({
    planId: z.string(),
    period: z.string(),
    asOf: z.string(),
    counts: z.object({ submitted: z.number().int(), late: z.number().int(), overdue: z.number().int(), pending: z.number().int() }),
    items: z.array(DueItemOut),
  })
  .openapi("DueReports");

const SubmissionOut = z
  .object({
    id: z.string(),
    planId: z.string(),
    dutyId: z.string(),
    assigneeId: z.string(),
    period: z.string(),
    submittedOn: z.string(),
    submittedBy: z.string(),
    submittedAt: z.string(),
    note: z.string().optional(),
  })
  .openapi("ReportSubmissionRecord");

const SubmitBody = z
  .object({
    dutyId: z.string().min(1),
    assigneeId: z.string().min(1),
    period: PeriodStringSchema.openapi({ example: "2025S1" }),
    submittedOn: IsoDateField.optional().openapi({ description: "Defaults to today (Vietnam time); not in the future" }),
    note: z.string().max(2000).optional(),
  })
  .openapi("ReportSubmissionInput");

function assigneesById(plan: Plan): Map<string, PlanAssignee> {
  return new Map(plan.assignees.map((a) => [a.id, a]));
}

function assigneeOut(a: PlanAssignee | undefined, id: string): z.infer<typeof AssigneeOut> {
  if (!a) return { id, kind: "other", name: { vi: id, en: id } };
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    ...(a.unitId ? { unitId: a.unitId } : {}),
    ...(a.supportsUnitIds ? { supportsUnitIds: a.supportsUnitIds } : {}),
  };
}

function taskOut(row: TaskRow, byId: Map<string, PlanAssignee>): z.infer<typeof TaskOut> {
  const { task, progress } = taskDataOf(row);
  return {
    id: row.id,
    code: task.code,
    title: task.title,
    body: task.body,
    assigneeBasis: task.assigneeBasis,
    lead: task.lead.map((id) => assigneeOut(byId.get(id), id)),
    coordinating: task.coordinating.map((id) => assigneeOut(byId.get(id), id)),
    deliverables: task.deliverables,
    links: task.links as unknown as Record<string, unknown>,
    reportingCadence: task.reportingCadence,
    progress,
    ...metaOf(row),
  };
}

async function readPlan(c: Context<AppEnv>, id: string) {
  const { db } = c.get("deps");
  const loaded = await loadPlan(db, id);
  const { tree } = await authorizePlanRead(c, loaded.row.unitId);
  return { ...loaded, tree };
}

const listPlans = createRoute({
  method: "get",
  path: "/plans",
  tags: ["plans"],
  summary: "Danh sách kế hoạch / Plans in your scope",
  request: {
    query: z.object({
      unitId: z.string().optional(),
      parentPlanId: z.string().optional().openapi({ description: "Only the implementing plans of this plan" }),
    }),
  },
  responses: {
    200: {
      description: "Plans",
      content: {
        "application/json": {
          schema: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                unitId: z.string(),
                parentPlanId: z.string().nullable(),
                title: Localized,
                period: z.string().nullable(),
                tasks: z.number().int(),
                version: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

const getPlan = createRoute({
  method: "get",
  path: "/plans/{id}",
  tags: ["plans"],
  summary:
    "Kế hoạch với nhiệm vụ, đơn vị được giao và thành viên BCĐ phụ trách xã / A plan with tasks, assignees and steering members assigned to communes",
  request: { params: IdParam },
  responses: {
    200: {
      description: "The plan",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: PlanOut } },
    },
    ...problemResponses(401, 403, 404),
  },
});

const dueRoute = createRoute({
  method: "get",
  path: "/plans/{id}/due-reports",
  tags: ["plans"],
  summary:
    "Báo cáo phải nộp trong kỳ và tình trạng / Reports due in a period and their state on a date (submitted, late, overdue, pending)",
  description:
    "Deadlines from the plan's reporting duties on the Vietnamese working-day calendar (@ntm/core planDueReports, reportStatus). The district plan's cadence and deadline are software defaults, flagged in `defaults` and the reasons.",
  request: {
    params: IdParam,
    query: z.object({
      period: PeriodStringSchema.openapi({ example: "2025S1" }),
      asOf: IsoDateField.optional(),
      status: z.enum(["submitted", "late", "overdue", "pending"]).optional(),
    }),
  },
  responses: {
    200: { description: "Due reports", content: { "application/json": { schema: DueOut } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

const listSubs = createRoute({
  method: "get",
  path: "/plans/{id}/reports",
  tags: ["plans"],
  summary: "Báo cáo đã nộp / Report submissions of a plan",
  request: { params: IdParam, query: z.object({ period: PeriodStringSchema.optional(), assigneeId: z.string().optional() }) },
  responses: {
    200: { description: "Submissions", content: { "application/json": { schema: z.object({ items: z.array(SubmissionOut) }) } } },
    ...problemResponses(401, 403, 404),
  },
});

const submit = createRoute({
  method: "post",
  path: "/plans/{id}/reports",
  tags: ["plans"],
  summary: "Nộp báo cáo / Submit a report for a duty, assignee and period (records who and when)",
  description:
    "Allowed to officers who may write the plan's unit (policy `plan.write`). The duty, assignee and period must be a report due under the plan; a second submission of the same report is a 409.",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: SubmitBody } } } },
  responses: {
    201: { description: "Recorded", content: { "application/json": { schema: SubmissionOut } } },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const putProgress = createRoute({
  method: "put",
  path: "/plans/{id}/tasks/{code}/progress",
  tags: ["plans"],
  summary: "Cập nhật tiến độ nhiệm vụ / Record a task's progress (If-Match required; stale → 412)",
  request: {
    params: z.object({
      id: IdParam.shape.id,
      code: z
        .string()
        .min(1)
        .openapi({ param: { name: "code", in: "path" }, example: "II.5" }),
    }),
    body: { required: true, content: { "application/json": { schema: ProgressSchema } } },
  },
  responses: {
    200: { description: "Saved", headers: { ETag: { schema: { type: "string" } } }, content: { "application/json": { schema: TaskOut } } },
    ...problemResponses(400, 401, 403, 404, 412, 422, 428),
  },
});

const allDue = createRoute({
  method: "get",
  path: "/due-reports",
  tags: ["plans"],
  summary: "Báo cáo phải nộp của mọi kế hoạch trong phạm vi / Reports due under every plan in your scope, with their state on a date",
  request: {
    query: z.object({
      period: PeriodStringSchema.openapi({ example: "2025S1" }),
      asOf: IsoDateField.optional(),
      status: z.enum(["submitted", "late", "overdue", "pending"]).optional(),
      unitId: z.string().optional(),
    }),
  },
  responses: {
    200: {
      description: "Due reports by plan",
      content: {
        "application/json": {
          schema: z.object({
            period: z.string(),
            asOf: z.string(),
            counts: DueOut.shape.counts,
            plans: z.array(DueOut.extend({ unitId: z.string() })),
          }),
        },
      },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});

const SteeringBody = z
  .object({
    members: z.array(
      z.object({
        id: z
          .string()
          .min(1)
          .regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes")
          .openapi({ description: "A member of the steering committee register (GET /v1/steering-members)" }),
        name: Localized.optional().openapi({ description: "Ignored: the name is the register's" }),
        supportsUnitIds: z.array(z.string().min(1)),
      }),
    ),
  })
  .openapi("SteeringMembersInput");

const putSteering = createRoute({
  method: "put",
  path: "/plans/{id}/steering-members",
  tags: ["plans"],
  summary:
    "Phân công thành viên BCĐ phụ trách xã / Assign steering-committee members to communes (replaces the list; If-Match on the plan)",
  description:
    "Written into the steering committee register (/v1/steering-members), the one record of who supports which commune: each listed member then supports exactly the listed communes of the plan's unit, an unlisted member none of them (its communes elsewhere kept). The plan page, the coverage view and the ranking's persons read the register.",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: SteeringBody } } } },
  responses: {
    200: {
      description: "Saved",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: z.object({ version: z.number().int(), steeringMembers: z.array(SteeringOut) }) } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 422, 428),
  },
});

const dueItemOut = (i: ReportStatusItem) => ({
  key: i.key,
  dutyId: i.dutyId,
  title: i.title,
  assigneeId: i.assigneeId,
  assigneeName: i.assigneeName ?? null,
  to: i.to,
  period: i.period,
  periodStart: i.periodStart,
  periodEnd: i.periodEnd,
  deadline: i.deadline,
  status: i.status,
  submittedOn: i.submittedOn,
  workingDaysLate: i.workingDaysLate,
  calendarDaysLate: i.calendarDaysLate,
  defaults: [...i.defaults],
  reasons: reasonsOut(i.reasons),
});

/**
 * Plans, tasks, steering members, due reports and submissions.
 * @example
 * app.route("/", planRoutes());
 */
export function planRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(listPlans, async (c) => {
    const q = c.req.valid("query");
    const reader = await readableUnits(c, q.unitId);
    const items = await listPlanSummaries(c.get("deps").db, reader, q);
    return c.json({ items }, 200);
  });

  app.openapi(getPlan, async (c) => {
    const { id } = c.req.valid("param");
    const { row, taskRows, tree } = await readPlan(c, id);
    // Steering members from the register (the one record), in term today.
    const plan = await planFromRegister(c.get("deps").db, tree, planOf(row, taskRows), row.unitId, vnDate(c.get("deps").now()));
    const byId = assigneesById(plan);
    const steeringMembers = plan.assignees
      .filter((a) => a.kind === "steering_member" && a.supportsUnitIds)
      .map((a) => ({
        id: a.id,
        name: a.name,
        communes: (a.supportsUnitIds ?? []).map((u) => ({ id: u, name: tree.byId.get(u)?.name ?? u })),
      }));
    const { tasks: _t, ...planData } = plan;
    setEtag(c, row.version);
    return c.json(
      {
        id: row.id,
        unitId: row.unitId,
        version: row.version,
        plan: planData as unknown as Record<string, unknown>,
        tasks: taskRows.map((t) => taskOut(t, byId)),
        assignees: plan.assignees.map((a) => assigneeOut(a, a.id)),
        steeringMembers,
      },
      200,
    );
  });

  app.openapi(dueRoute, async (c) => {
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    const { db, now } = c.get("deps");
    const { row } = await loadPlan(db, id);
    await authorize(c, "read", row.unitId);
    const asOf = q.asOf ?? vnDate(now());
    const r = await planReportStatus(db, id, q.period, asOf);
    const items = r.items.filter((i) => !q.status || i.status === q.status).map(dueItemOut);
    return c.json({ planId: id, period: q.period, asOf, counts: r.counts, items }, 200);
  });

  app.openapi(listSubs, async (c) => {
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    const { db } = c.get("deps");
    const { row } = await loadPlan(db, id);
    await authorize(c, "read", row.unitId);
    const items = (await loadSubmissions(db, id))
      .filter(({ data }) => (!q.period || data.period === q.period) && (!q.assigneeId || data.assigneeId === q.assigneeId))
      .map(({ id: sid, data }) => ({ id: sid, planId: id, ...data }));
    return c.json({ items }, 200);
  });

  app.openapi(submit, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const { row, taskRows } = await loadPlan(db, id);
    const { user } = await authorize(c, "plan.write", row.unitId);
    const saved = await submitReport(db, user, { row, taskRows }, body, now());
    return c.json(saved, 201);
  });

  app.openapi(putProgress, async (c) => {
    const { id, code } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const { row, taskRows } = await loadPlan(db, id);
    const { user } = await authorize(c, "plan.write", row.unitId);
    const taskRow = taskByCode(taskRows, code);
    requireVersion(c, taskRow.version);
    const plan = planOf(row, taskRows);
    const updated = await recordTaskProgress(db, user, row, taskRow, body, now());
    setEtag(c, updated.version);
    return c.json(taskOut(updated, assigneesById(plan)), 200);
  });

  app.openapi(allDue, async (c) => {
    const q = c.req.valid("query");
    const { db, now } = c.get("deps");
    const reader = await readableUnits(c, q.unitId);
    const asOf = q.asOf ?? vnDate(now());
    const due = await dueAcrossPlans(db, reader, q.period, asOf);
    const out = due.plans.map(({ row, counts, items }) => ({
      planId: row.id,
      unitId: row.unitId,
      period: q.period,
      asOf,
      counts,
      items: items.filter((i) => !q.status || i.status === q.status).map(dueItemOut),
    }));
    const counts = due.counts;
    return c.json({ period: q.period, asOf, counts, plans: out }, 200);
  });

  app.openapi(putSteering, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const { row, taskRows } = await loadPlan(db, id);
    const { user, tree } = await authorize(c, "plan.write", row.unitId);
    requireVersion(c, row.version);
    const { saved, members } = await setSteeringMembers(db, user, tree, { row, taskRows }, body.members, now());
    setEtag(c, saved.version);
    return c.json(
      {
        version: saved.version,
        steeringMembers: members.map((m) => ({
          id: m.id,
          name: m.name,
          communes: (m.supportsUnitIds ?? []).map((u) => ({ id: u, name: tree.byId.get(u)?.name ?? u })),
        })),
      },
      200,
    );
  });

  return app;
}
