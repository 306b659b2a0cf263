/**
 * Authoring plans: create from a template or blank (for a unit, or as an implementing plan of a
 * parent plan, III.1 "cụ thể hóa"), edit with If-Match, the version history, adjustment proposals
 * decided by the plan's owner, and JSON/XLSX export and import. Routes parse, authorise and shape
 * the answer; services/planAuthoring.ts loads, checks with core (planFromTemplate, applyPlanPatch,
 * diffPlans, checkProposal, resolveProposal) and writes; core's planToSheets/planFromSheets convert files.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { type Issue, type Plan, type PlanProposal, planFromSheets, planWriteAction, planToSheets, validatePlan } from "@ntm/core";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { authorize, authorizePlanRead } from "../http/guard.js";
import { ApiError, type ProblemField, issuesToFields, problemResponses } from "../http/problem.js";
import { IdParam } from "../http/schemas.js";
import { sheetsToXlsx, xlsxToSheets } from "../transfer/planWorkbook.js";
import type { UnitTree } from "../units.js";
import { IsoDateField, requireVersion, setEtag } from "../http/common.js";
import { type PlanRow, loadPlan, loadProposal, loadProposals, planOf } from "../services/planStore.js";
import {
  checkAgainstParent,
  createPlan,
  createProposal,
  decideProposal,
  editPlan,
  importPlan,
  newPlanId,
  parentPlanFor,
  planAtVersion,
  planHistory,
  proposalWriter,
} from "../services/planAuthoring.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const Localized = z.object({ vi: z.string().min(1), en: z.string().min(1) });
const PlanJson = z
  .record(z.string(), z.unknown())
  .openapi("PlanDocumentBody", { description: "A plan as @ntm/core's PlanSchema models it" });

const PlanDocumentOut = z
  .object({ id: z.string(), unitId: z.string(), parentPlanId: z.string().nullable(), version: z.number().int(), plan: PlanJson })
  .openapi("PlanDocument");

const CreateBody = z
  .object({
    unitId: z.string().min(1),
    template: z
      .string()
      .min(1)
      .openapi({ description: 'A template: "directive-63" (the Directive 63-CT/TU district plan) or "blank"', example: "directive-63" }),
    number: z.string().min(1).max(100).nullable().optional(),
    date: IsoDateField.nullable().optional(),
    title: Localized.optional(),
    periodEnd: IsoDateField.optional(),
    parentPlanId: z.string().min(1).optional().openapi({ description: "Makes it an implementing plan of this plan (III.1 cụ thể hóa)" }),
    organisationId: z.string().min(1).optional().openapi({
      description: "The parent plan's assignee that writes this plan (a commune's government, a department, a mass organisation)",
    }),
  })
  .strict()
  .openapi("PlanCreateInput");

const ChangeOut = z
  .object({
    kind: z.enum(["added", "removed", "changed"]),
    path: z.array(z.union([z.string(), z.number()])),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .openapi("PlanChange");
const VersionOut = z
  .object({
    version: z.number().int(),
    action: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    changes: z.array(ChangeOut),
  })
  .openapi("PlanVersion");

const ProposalOut = z
  .object({
    id: z.string(),
    planId: z.string(),
    fromPlanId: z.string().nullable(),
    taskCodes: z.array(z.string()),
    summary: z.string(),
    changes: PlanJson.optional(),
    basePlanVersion: z.number().int(),
    status: z.enum(["proposed", "accepted", "refused"]),
    proposedBy: z.string(),
    proposedAt: z.string(),
    decision: z.object({ outcome: z.enum(["accept", "refuse"]), reason: z.string(), by: z.string(), at: z.string() }).nullable(),
    version: z.number().int(),
  })
  .openapi("PlanProposal");
const ProposalBody = z
  .object({
    taskCodes: z.array(z.string()).optional(),
    summary: z.string(),
    changes: PlanJson.optional(),
    fromPlanId: z.string().optional(),
  })
  .openapi("PlanProposalInput");
const DecisionBody = z
  .object({ decision: z.enum(["accept", "refuse"]), reason: z.string().max(4000) })
  .strict()
  .openapi("PlanProposalDecision");

const docResponse = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: "string" as const } } },
  content: { "application/json": { schema: PlanDocumentOut } },
});
const ProposalParams = z.object({
  id: IdParam.shape.id,
  pid: z
    .string()
    .min(1)
    .openapi({ param: { name: "pid", in: "path" } }),
});

const createPlanRoute = createRoute({
  method: "post",
  path: "/plans",
  tags: ["plans"],
  summary: "Tạo kế hoạch từ mẫu hoặc trống / Create a plan for a unit from a template or blank",
  description:
    "Policy `plan.write` on the unit; with `parentPlanId` the plan implements that plan (III.1 cụ thể hóa) and the policy is `plan.implement` (commune officers, the Front and mass organisations hold it): the unit must be the parent's unit or below it, and `organisationId` one of the parent's assignees.",
  request: { body: { required: true, content: { "application/json": { schema: CreateBody } } } },
  responses: { 201: docResponse("Created"), ...problemResponses(400, 401, 403, 404, 422) },
});
const patchPlanRoute = createRoute({
  method: "patch",
  path: "/plans/{id}",
  tags: ["plans"],
  summary: "Sửa kế hoạch / Edit a plan's number, date, purposes, tasks, duties, recipients… (If-Match required; stale → 412)",
  description:
    "Body: any editable fields of core's Plan (number, date, title, issuer, basis, period, purposes, tasks, assignments, assignees, reportingDuties, recipients, signer), each replacing the field. The edited plan is validated as a whole; a new version is recorded and audited. Task progress is kept for tasks whose code stays.",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: PlanJson } } } },
  responses: { 200: docResponse("Saved"), ...problemResponses(400, 401, 403, 404, 412, 422, 428) },
});
const documentRoute = createRoute({
  method: "get",
  path: "/plans/{id}/document",
  tags: ["plans"],
  summary: "Kế hoạch dạng tài liệu để sửa / A plan as core's Plan document with its version (ETag), for editing",
  request: { params: IdParam },
  responses: { 200: docResponse("The plan"), ...problemResponses(401, 403, 404) },
});
const versionsRoute = createRoute({
  method: "get",
  path: "/plans/{id}/versions",
  tags: ["plans"],
  summary: "Lịch sử phiên bản / A plan's version history, each version with its changes from the one before",
  request: { params: IdParam },
  responses: {
    200: {
      description: "Versions, oldest first",
      content: { "application/json": { schema: z.object({ planId: z.string(), items: z.array(VersionOut) }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});
const versionRoute = createRoute({
  method: "get",
  path: "/plans/{id}/versions/{version}",
  tags: ["plans"],
  summary: "Một phiên bản của kế hoạch / One saved version of a plan",
  request: {
    params: z.object({
      id: IdParam.shape.id,
      version: z.coerce
        .number()
        .int()
        .min(1)
        .openapi({ param: { name: "version", in: "path" } }),
    }),
  },
  responses: { 200: docResponse("The version"), ...problemResponses(401, 403, 404, 422) },
});
const listProposalsRoute = createRoute({
  method: "get",
  path: "/plans/{id}/proposals",
  tags: ["plans"],
  summary: "Đề xuất điều chỉnh kế hoạch / Adjustment proposals to a plan",
  request: { params: IdParam },
  responses: {
    200: { description: "Proposals, oldest first", content: { "application/json": { schema: z.object({ items: z.array(ProposalOut) }) } } },
    ...problemResponses(401, 403, 404),
  },
});
const proposeRoute = createRoute({
  method: "post",
  path: "/plans/{id}/proposals",
  tags: ["plans"],
  summary: "Đề xuất điều chỉnh kế hoạch / Propose an adjustment to a plan (If-Match: the plan version it is based on)",
  description:
    "From an implementing plan (`fromPlanId`, whose parent must be this plan): policy `plan.implement` on that plan's unit; otherwise `plan.write` on this plan's unit. `changes` (optional) is an edit applied when the owner accepts.",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: ProposalBody } } } },
  responses: {
    201: {
      description: "Proposed",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: ProposalOut } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 422, 428),
  },
});
const decideRoute = createRoute({
  method: "post",
  path: "/plans/{id}/proposals/{pid}/decision",
  tags: ["plans"],
  summary:
    "Chấp nhận hoặc từ chối đề xuất / Accept or refuse a proposal, with a reason (the plan's owner; If-Match: the proposal's version)",
  description:
    "Policy `plan.write` on the plan's unit. Accepting a proposal with changes applies them as a new plan version, unless the plan has since changed in the same fields (409: propose again).",
  request: { params: ProposalParams, body: { required: true, content: { "application/json": { schema: DecisionBody } } } },
  responses: {
    200: {
      description: "Decided",
      content: { "application/json": { schema: z.object({ proposal: ProposalOut, planVersion: z.number().int() }) } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});
const exportRoute = createRoute({
  method: "get",
  path: "/plans/{id}/export",
  tags: ["plans"],
  summary: "Xuất kế hoạch JSON/XLSX / Export a plan as JSON (core's Plan) or XLSX (one sheet per part); re-importable",
  request: { params: IdParam, query: z.object({ format: z.enum(["json", "xlsx"]).default("json") }) },
  responses: {
    200: {
      description: "The file",
      content: { "application/json": { schema: PlanJson }, [XLSX]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});
const importRoute = createRoute({
  method: "post",
  path: "/plans/import",
  tags: ["plans"],
  summary: "Nhập kế hoạch từ JSON/XLSX / Import a plan (as exported) for a unit, as a new plan",
  description:
    "The file is the request body (application/json or the .xlsx type). The plan gets a new id; everything else is kept. Any problem → 422 naming the JSON path or the sheet, row and column; nothing is written.",
  request: {
    query: z.object({
      unitId: z.string().min(1),
      format: z.enum(["json", "xlsx"]).optional().openapi({ description: "Overrides the Content-Type" }),
    }),
    body: {
      required: true,
      content: { "application/json": { schema: PlanJson }, [XLSX]: { schema: z.string().openapi({ format: "binary" }) } },
    },
  },
  responses: { 201: docResponse("Imported"), ...problemResponses(400, 401, 403, 413, 422) },
});

const documentOf = (row: PlanRow, plan: Plan) => ({
  id: row.id,
  unitId: row.unitId,
  parentPlanId: row.parentPlanId,
  version: row.version,
  plan: plan as unknown as Record<string, unknown>,
});
const proposalOut = (p: PlanProposal, version: number) => {
  const { changes, ...rest } = p;
  return { ...rest, ...(changes ? { changes: changes as Record<string, unknown> } : {}), version };
};

/** The parent plan of a new or imported plan, checked: it exists, the user may read it, and the unit lies within it. */
function parentFor(c: Context<AppEnv>, tree: UnitTree, parentPlanId: string, unitId: string, field: string): Promise<Plan> {
  return parentPlanFor(c.get("deps").db, tree, parentPlanId, unitId, field, (u) => authorizePlanRead(c, u));
}

/** Sheet issues name their sheet, row and column; plan issues their JSON path. */
function importFields(issues: readonly Issue[]): ProblemField[] {
  return issues.map((i) => {
    const at = i.params as { sheet?: string; row?: number; column?: string } | undefined;
    if (!at?.sheet) return { path: issuesToFields([i])[0]!.path, message: i.message, code: i.code };
    return {
      path: `${at.sheet}!${at.column ?? ""}${at.row ?? ""}`,
      message: i.message,
      code: i.code,
      ...(at.row ? { row: at.row } : {}),
      ...(at.column ? { column: at.column } : {}),
    };
  });
}

async function readImport(
  c: Context<AppEnv>,
  format: "json" | "xlsx" | undefined,
): Promise<{ result: ReturnType<typeof validatePlan>; unreadable?: string }> {
  const type = c.req.header("content-type") ?? "";
  const fmt = format ?? (type.includes("spreadsheetml") ? "xlsx" : "json");
  const body = await c.req.arrayBuffer();
  if (body.byteLength === 0) throw new ApiError("bad_request", "Tệp rỗng / the file is empty");
  if (fmt === "json") {
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder("utf-8").decode(body));
    } catch (e) {
      throw new ApiError("bad_request", `Không đọc được JSON / unreadable JSON: ${(e as Error).message}`);
    }
    return { result: validatePlan(data) };
  }
  let sheets: Awaited<ReturnType<typeof xlsxToSheets>>;
  try {
    sheets = await xlsxToSheets(body);
  } catch (e) {
    throw new ApiError("bad_request", `Không đọc được tệp XLSX / cannot read the .xlsx file: ${(e as Error).message}`);
  }
  return { result: planFromSheets(sheets) };
}

/**
 * Plan authoring routes (create, edit, history, proposals, export/import).
 * @example
 * app.route("/", planAuthoringRoutes());
 */
export function planAuthoringRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(createPlanRoute, async (c) => {
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const { user, tree } = await authorize(c, planWriteAction(body), body.unitId);
    const parent = body.parentPlanId ? await parentFor(c, tree, body.parentPlanId, body.unitId, "$.parentPlanId") : undefined;
    const { row, plan } = await createPlan(db, user, tree, body, parent, now());
    setEtag(c, row.version);
    return c.json(documentOf(row, plan), 201);
  });

  app.openapi(patchPlanRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { db, now } = c.get("deps");
    const loaded = await loadPlan(db, id);
    const { user } = await authorize(c, planWriteAction(loaded.row), loaded.row.unitId);
    requireVersion(c, loaded.row.version);
    const { row, plan } = await editPlan(db, user, loaded, c.req.valid("json"), now());
    setEtag(c, row.version);
    return c.json(documentOf(row, plan), 200);
  });

  app.openapi(documentRoute, async (c) => {
    const { row, taskRows } = await loadPlan(c.get("deps").db, c.req.valid("param").id);
    await authorizePlanRead(c, row.unitId);
    setEtag(c, row.version);
    return c.json(documentOf(row, planOf(row, taskRows)), 200);
  });

  app.openapi(versionsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("deps");
    const loaded = await loadPlan(db, id);
    await authorizePlanRead(c, loaded.row.unitId);
    const items = await planHistory(db, loaded);
    return c.json({ planId: id, items }, 200);
  });

  app.openapi(versionRoute, async (c) => {
    const { id, version } = c.req.valid("param");
    const { db } = c.get("deps");
    const { row } = await loadPlan(db, id);
    await authorizePlanRead(c, row.unitId);
    const v = await planAtVersion(db, id, version);
    setEtag(c, v.version);
    return c.json(
      {
        id: row.id,
        unitId: row.unitId,
        parentPlanId: row.parentPlanId,
        version: v.version,
        plan: v.plan as unknown as Record<string, unknown>,
      },
      200,
    );
  });

  app.openapi(listProposalsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("deps");
    const { row } = await loadPlan(db, id);
    await authorizePlanRead(c, row.unitId);
    return c.json({ items: (await loadProposals(db, id)).map((p) => proposalOut(p.proposal, p.row.version)) }, 200);
  });

  app.openapi(proposeRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const loaded = await loadPlan(db, id);
    const writer = await proposalWriter(db, loaded, body.fromPlanId);
    // From an implementing plan its own organisation proposes (plan.implement); otherwise the plan's writers.
    const { user } = await authorize(c, body.fromPlanId ? planWriteAction(writer) : "plan.write", writer.unitId);
    requireVersion(c, loaded.row.version);
    const proposal = await createProposal(db, user, loaded, body, now());
    setEtag(c, 1);
    return c.json(proposalOut(proposal, 1), 201);
  });

  app.openapi(decideRoute, async (c) => {
    const { id, pid } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const loaded = await loadPlan(db, id);
    const { user } = await authorize(c, "plan.write", loaded.row.unitId);
    const stored = await loadProposal(db, id, pid);
    requireVersion(c, stored.row.version);
    const r = await decideProposal(db, user, loaded, stored, body, now());
    return c.json({ proposal: proposalOut(r.proposal, r.version), planVersion: r.planVersion }, 200);
  });

  app.openapi(exportRoute, (async (c: Context<AppEnv>) => {
    const id = c.req.param("id")!;
    const format =
      c.req.query("format") === "xlsx" ? "xlsx" : c.req.query("format") === undefined || c.req.query("format") === "json" ? "json" : null;
    if (!format)
      throw new ApiError("invalid_input", "format phải là json hoặc xlsx / format must be json or xlsx", [
        { path: "$.query.format", message: "expected json or xlsx" },
      ]);
    const { row, taskRows } = await loadPlan(c.get("deps").db, id);
    await authorizePlanRead(c, row.unitId);
    const plan = planOf(row, taskRows);
    setEtag(c, row.version);
    const name = `ke-hoach-${id}`;
    if (format === "json")
      return c.body(JSON.stringify(plan, null, 2), 200, {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.json"`,
      });
    return c.body(await sheetsToXlsx(planToSheets(plan)), 200, {
      "content-type": XLSX,
      "content-disposition": `attachment; filename="${name}.xlsx"`,
    });
  }) as never);

  app.openapi(importRoute, (async (c: Context<AppEnv>) => {
    const unitId = c.req.query("unitId");
    if (!unitId) throw new ApiError("invalid_input", "Cần unitId / unitId is required", [{ path: "$.query.unitId", message: "required" }]);
    const fmt = c.req.query("format");
    if (fmt !== undefined && fmt !== "json" && fmt !== "xlsx")
      throw new ApiError("invalid_input", "format phải là json hoặc xlsx / format must be json or xlsx", [
        { path: "$.query.format", message: "expected json or xlsx" },
      ]);
    const { db, now } = c.get("deps");
    await authorize(c, "read", unitId);
    const { result } = await readImport(c, fmt);
    if (!result.ok)
      throw new ApiError(
        result.kind,
        `Tệp kế hoạch có ${result.issues.length} lỗi; chưa ghi gì / the plan file has ${result.issues.length} problem(s); nothing was written`,
        importFields(result.issues),
      );
    const plan: Plan = { ...result.value, id: newPlanId() };
    const { user, tree } = await authorize(c, planWriteAction({ parentPlanId: plan.parent?.planId ?? null }), unitId);
    if (plan.parent) {
      const parent = await parentFor(c, tree, plan.parent.planId, unitId, "$.parent.planId");
      checkAgainstParent(plan, parent);
    }
    const row = await importPlan(db, user, unitId, plan, now());
    setEtag(c, row.version);
    return c.json(documentOf(row, plan), 201);
  }) as never);

  return app;
}
