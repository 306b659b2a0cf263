import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  DOSSIER_STATE_LABELS,
  DossierDocumentSchema,
  DossierStateSchema,
  DossierTierSchema,
  RecognitionActionSchema,
  stepDeadline,
} from "@ntm/core";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { authorize, requireUser } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { type LoadedPacks, loadPacks } from "../services/packs.js";
import { type DossierRow, configFor, listDossierRows, loadDossier, dossierDataOf, toCoreDossier } from "../services/dossiers.js";
import {
  applyTransition,
  assertMayEditDossier,
  createDossier,
  dossierActions,
  editDossierFacts,
  policyActionOf,
} from "../services/dossierWorkflow.js";
import type { UnitTree } from "../units.js";
import {
  ReasonOutSchema,
  checkVersion,
  readIfMatch,
  readableUnits,
  reasonsOut,
  requireVersion,
  setEtag,
  vnDate,
  vnDateTime,
} from "../http/common.js";

const Localized = z.object({ vi: z.string(), en: z.string() });
const HistorySchema = z.object({
  action: RecognitionActionSchema,
  actor: z.object({ id: z.string(), role: z.string(), unitId: z.string() }),
  at: z.string(),
  from: DossierStateSchema,
  to: DossierStateSchema,
  note: z.string().optional(),
  dueDate: z.string().nullable().optional(),
  decision: z
    .object({ number: z.string(), date: z.string() })
    .optional()
    .openapi({ description: "The decision the step was taken by (recognise, revoke): số và ngày quyết định" }),
});
const CheckSchema = z.object({ guard: z.string(), passed: z.boolean(), reasons: z.array(ReasonOutSchema) });
const ActionOutSchema = z
  .object({
    action: RecognitionActionSchema,
    to: DossierStateSchema.nullable(),
    allowed: z.boolean(),
    checks: z.array(CheckSchema),
    reasons: z.array(ReasonOutSchema),
  })
  .openapi("DossierAvailableAction");
const CouncilVoteSchema = z.object({ for: z.number().int().min(0), against: z.number().int().min(0), members: z.number().int().min(1) });

export const DossierOutSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    level: z.enum(["hamlet", "commune"]),
    tier: DossierTierSchema,
    packId: z.string(),
    year: z.number().int(),
    state: DossierStateSchema,
    stateLabel: Localized,
    createdAt: z.string(),
    documents: z.array(DossierDocumentSchema),
    satisfactionPercent: z.number().nullable(),
    capitalConstructionDebt: z.string().nullable().openapi({ description: "Whole đồng as a decimal string" }),
    councilVote: CouncilVoteSchema.nullable(),
    history: z.array(HistorySchema),
    deadline: z
      .object({ state: z.string(), enteredAt: z.string(), workingDays: z.number().int(), dueDate: z.string(), overdue: z.boolean() })
      .nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi("Dossier");

const DossierDetailSchema = DossierOutSchema.extend({ availableActions: z.array(ActionOutSchema) }).openapi("DossierDetail");

function dossierOut(row: DossierRow, tree: UnitTree, today: string): z.infer<typeof DossierOutSchema> {
  const d = toCoreDossier(row);
  const dl = stepDeadline(d, configFor(d, `${today}T00:00:00+07:00`), today);
  return {
    id: d.id,
    unitId: d.unitId,
    unitName: tree.byId.get(d.unitId)?.name ?? d.unitId,
    level: d.level,
    tier: d.tier,
    packId: d.packId,
    year: d.year,
    state: d.state,
    stateLabel: DOSSIER_STATE_LABELS[d.state] as { vi: string; en: string },
    createdAt: d.createdAt,
    documents: d.documents,
    satisfactionPercent: d.satisfactionPercent,
    capitalConstructionDebt: dossierDataOf(row).capitalConstructionDebt,
    councilVote: d.councilVote,
    history: d.history,
    deadline: dl
      ? { state: dl.state, enteredAt: dl.enteredAt, workingDays: dl.workingDays, dueDate: dl.dueDate, overdue: dl.overdue ?? false }
      : null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

const loadRow = loadDossier;

const ListQuery = z.object({
  state: DossierStateSchema.optional(),
  unitId: z.string().optional(),
  year: YearParam.optional(),
  tier: DossierTierSchema.optional(),
});

const list = createRoute({
  method: "get",
  path: "/dossiers",
  tags: ["dossiers"],
  summary: "Hồ sơ xét công nhận / Recognition dossiers in scope (filter by state, unit subtree, year, tier)",
  request: { query: ListQuery },
  responses: {
    200: {
      description: "Dossiers",
      content: {
        "application/json": { schema: z.object({ items: z.array(DossierOutSchema), counts: z.record(z.string(), z.number().int()) }) },
      },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});

const getOne = createRoute({
  method: "get",
  path: "/dossiers/{id}",
  tags: ["dossiers"],
  summary: "Một hồ sơ với lịch sử và các thao tác được phép / A dossier with its history and the actions you may take (with guard results)",
  request: { params: IdParam },
  responses: {
    200: {
      description: "The dossier",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: DossierDetailSchema } },
    },
    ...problemResponses(401, 403, 404),
  },
});

const CreateBody = z
  .object({
    unitId: z.string().min(1),
    tier: DossierTierSchema,
    year: z.number().int().min(2000).max(2100),
    packId: z.string().min(1).optional().openapi({ description: "Default: the demo ladder's pack of the tier" }),
  })
  .openapi("DossierCreate");

const create = createRoute({
  method: "post",
  path: "/dossiers",
  tags: ["dossiers"],
  summary: "Lập hồ sơ / Create a draft dossier (commune officer, own commune or hamlet)",
  request: { body: { required: true, content: { "application/json": { schema: CreateBody } } } },
  responses: {
    201: {
      description: "Created",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: DossierOutSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const PatchBody = z
  .object({
    documents: z.array(DossierDocumentSchema).optional(),
    satisfactionPercent: z.number().min(0).max(100).nullable().optional(),
    capitalConstructionDebt: z.string().regex(/^\d+$/, 'whole đồng as digits, e.g. "0" or "1250000000"').nullable().optional(),
    councilVote: CouncilVoteSchema.nullable().optional(),
  })
  .strict()
  .openapi("DossierPatch");

const patch = createRoute({
  method: "patch",
  path: "/dossiers/{id}",
  tags: ["dossiers"],
  summary: "Cập nhật thông tin hồ sơ / Update a dossier's documents, satisfaction, debt or council vote (If-Match required)",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: PatchBody } } } },
  responses: {
    200: {
      description: "Saved",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: DossierOutSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 422, 428),
  },
});

const TransitionBody = z
  .object({
    action: RecognitionActionSchema,
    note: z.string().min(1).max(4000).optional(),
    decisionNumber: z
      .string()
      .max(200)
      .optional()
      .openapi({ example: "125/QĐ-UBND", description: "Số quyết định; required to recognise or revoke (400 naming the field otherwise)" }),
    decisionDate: z.string().max(20).optional().openapi({
      example: "2025-04-15",
      description: "Ngày quyết định (yyyy-mm-dd), not after the step's day; required to recognise or revoke",
    }),
  })
  .openapi("DossierTransitionInput");

const post = createRoute({
  method: "post",
  path: "/dossiers/{id}/transitions",
  tags: ["dossiers"],
  summary: "Chuyển bước hồ sơ / Apply a workflow action (core `transition`); a forbidden one returns its reasons and writes nothing",
  description:
    "Guards are built from the database: the unit's evaluation for the dossier's pack (core evaluateUnit on stored values), satisfaction, debt, documents, the actor's role and scope. Deadlines use the Vietnamese working-day calendar. Recognise and revoke need the decision's number and date (decisionNumber, decisionDate; 400 naming the field when missing or invalid). A wrong state is 409; a failing guard is 422 with each reason (Vietnamese text, code, path). If-Match is optional; a stale one is 412.",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: TransitionBody } } } },
  responses: {
    200: {
      description: "Applied",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: DossierDetailSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 412, 422),
  },
});

async function detail(
  c: Context<AppEnv>,
  row: DossierRow,
  tree: UnitTree,
  packs: LoadedPacks,
): Promise<z.infer<typeof DossierDetailSchema>> {
  const { db, now } = c.get("deps");
  const user = requireUser(c);
  const actions = (await dossierActions(db, tree, packs, user, row, vnDateTime(now()))).map((a) => ({
    action: a.action,
    to: a.to,
    allowed: a.allowed,
    checks: a.checks.map((k) => ({ guard: k.guard, passed: k.passed, reasons: reasonsOut(k.reasons) })),
    reasons: reasonsOut(a.reasons),
  }));
  return { ...dossierOut(row, tree, vnDate(now())), availableActions: actions };
}

/**
 * Recognition dossiers and their workflow.
 * @example
 * app.route("/", dossierRoutes());
 */
export function dossierRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { ids, tree } = await readableUnits(c, q.unitId);
    const { db, now } = c.get("deps");
    const items = (await listDossierRows(db, ids, q)).map((r) => dossierOut(r, tree, vnDate(now())));
    const counts: Record<string, number> = {};
    for (const i of items) counts[i.state] = (counts[i.state] ?? 0) + 1;
    return c.json({ items, counts }, 200);
  });

  app.openapi(getOne, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("deps");
    const row = await loadRow(db, id);
    const { tree } = await authorize(c, "read", row.unitId);
    setEtag(c, row.version);
    return c.json(await detail(c, row, tree, await loadPacks(db)), 200);
  });

  app.openapi(create, async (c) => {
    const body = c.req.valid("json");
    const { user, tree } = await authorize(c, "dossier.self_assess", body.unitId);
    const { db, now } = c.get("deps");
    const row = await createDossier(db, tree, await loadPacks(db), user, body, vnDateTime(now()));
    setEtag(c, row.version);
    return c.json(dossierOut(row, tree, vnDate(now())), 201);
  });

  app.openapi(patch, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const row = await loadRow(db, id);
    const { user, tree } = await authorize(c, "read", row.unitId);
    assertMayEditDossier(user, tree, row, body);
    requireVersion(c, row.version);
    const saved = await editDossierFacts(db, user, row, body, now());
    setEtag(c, saved.version);
    return c.json(dossierOut(saved, tree, vnDate(now())), 200);
  });

  app.openapi(post, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const row = await loadRow(db, id);
    const { user, tree } = await authorize(c, policyActionOf(body.action), row.unitId);
    checkVersion(readIfMatch(c), row.version);
    const packs = await loadPacks(db);
    const saved = await applyTransition(db, tree, packs, user, row, body, vnDateTime(now()), now());
    setEtag(c, saved.version);
    return c.json(await detail(c, saved, tree, packs), 200);
  });

  return app;
}
