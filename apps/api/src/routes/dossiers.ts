/**
 * Recognition dossiers (hồ sơ xét, công nhận; QĐ 18/2022/QĐ-TTg): list, read with history and the
 * actions the signed-in user may take, create (commune officer, own unit), edit the dossier's facts,
 * and transitions. The workflow, its guards and deadlines are @ntm/core's (`transition`,
 * `availableActions`, `stepDeadline`); this file only assembles the guard context from the database
 * (the unit's evaluation for the dossier's pack, the unit's ancestors, the actor) and stores results.
 */
import { randomUUID } from "node:crypto";
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  type Actor,
  type ActorRole,
  type DossierState,
  type DossierTier,
  type EvaluationResult,
  type RecognitionAction,
  type RecognitionConfig,
  type RecognitionDossier,
  type Reason,
  DOSSIER_STATE_LABELS,
  DossierDocumentSchema,
  DossierStateSchema,
  DossierTierSchema,
  RecognitionActionSchema,
  TWO_TIER_FROM,
  addWorkingDays,
  availableActions,
  createRecognitionConfig,
  defaultWorkCalendar,
  formatPath,
  formatReason,
  parseDong,
  parseDossier,
  stepDeadline,
  transition,
} from "@ntm/core";
import { and, asc, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import type { Db } from "../db/index.js";
import { dossiers } from "../db/schema.js";
import { type Tx, writeAudit } from "../audit.js";
import { type Action, type Principal, can } from "../auth/policy.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, issuesToFields, problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { type LoadedPacks, loadPacks } from "../services/packs.js";
import { evaluateOne } from "../services/evaluations.js";
import { type DossierRow, configFor, dossierDataOf, fromCoreDossier, toCoreDossier } from "../services/dossiers.js";
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

const ACTOR_ROLES: Partial<Record<Principal["role"], ActorRole>> = {
  commune_officer: "commune_officer",
  district_officer: "district_officer",
  province_officer: "province_officer",
  // Admin acts with the province's role (it is scoped to the province).
  admin: "province_officer",
};

/**
 * The workflow actor of a signed-in user, or null for roles that never act on dossiers (inspector, viewer).
 * @example
 * actorOf({ id: "u1", role: "commune_officer", scopeUnitId: "c-01-01", ... }) // { id: "u1", role: "commune_officer", unitId: "c-01-01" }
 */
export function actorOf(user: Principal): Actor | null {
  const role = ACTOR_ROLES[user.role];
  return role ? { id: user.id, role, unitId: user.scopeUnitId } : null;
}

/** The policy action guarding a workflow action: the unit's own steps, or the review by the level above. */
const LOCAL_ACTIONS: ReadonlySet<RecognitionAction> = new Set(["self_assess", "open_consultation", "submit", "resume"]);
const policyActionOf = (a: RecognitionAction): Action => (LOCAL_ACTIONS.has(a) ? "dossier.self_assess" : "dossier.review");

function ancestorsOf(tree: UnitTree, unitId: string): string[] {
  const out: string[] = [];
  for (let u = tree.parentOf(unitId); u; u = tree.parentOf(u)) out.push(u);
  return out;
}

/**
 * The default pack a dossier of a tier is judged against: the pack adopted for the unit (commune or
 * hamlet), the tier and the dossier's year; undefined when none is adopted.
 * @example
 * packForTier(tree, packs, "c-01-01", "advanced", 2024) // the advanced pack adopted for c-01-01 in 2024
 */
export function packForTier(tree: UnitTree, packs: LoadedPacks, unitId: string, tier: DossierTier, year: number): string | undefined {
  const chosen = packs.packFor(tree, unitId, year, tier);
  return chosen.ok ? chosen.compiled.pack.id : undefined;
}

/** The unit's evaluation for the dossier's pack and year (core evaluateUnit on the stored values). */
async function evaluationFor(db: Db, tree: UnitTree, packs: LoadedPacks, d: RecognitionDossier): Promise<EvaluationResult | undefined> {
  if (!packs.compiled(d.packId)) return undefined;
  const r = await evaluateOne(db, tree, packs, d.unitId, d.year, d.packId);
  return r.status === "no_pack" ? undefined : r;
}

const Localized = z.object({ vi: z.string(), en: z.string() });
const HistorySchema = z.object({
  action: RecognitionActionSchema,
  actor: z.object({ id: z.string(), role: z.string(), unitId: z.string() }),
  at: z.string(),
  from: DossierStateSchema,
  to: DossierStateSchema,
  note: z.string().optional(),
  dueDate: z.string().nullable().optional(),
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

async function loadRow(db: Db | Tx, id: string): Promise<DossierRow> {
  const row = (await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1))[0];
  if (!row) throw new ApiError("not_found", `Không tìm thấy hồ sơ / dossier "${id}" not found`);
  return row;
}

/**
 * The problem fields of workflow reasons: path under `$.dossier`, Vietnamese text, reason code.
 * @example
 * reasonFields([{ code: "workflow.satisfaction_below", path: ["satisfactionPercent"], params }])[0].path // "$.dossier.satisfactionPercent"
 */
export function reasonFields(reasons: readonly Reason[]) {
  return reasons.map((r) => ({
    path: formatPath(["dossier", ...r.path]),
    message: `${formatReason(r, "vi")} / ${formatReason(r, "en")}`,
    code: r.code,
  }));
}

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
  .object({ action: RecognitionActionSchema, note: z.string().min(1).max(4000).optional() })
  .openapi("DossierTransitionInput");

const post = createRoute({
  method: "post",
  path: "/dossiers/{id}/transitions",
  tags: ["dossiers"],
  summary: "Chuyển bước hồ sơ / Apply a workflow action (core `transition`); a forbidden one returns its reasons and writes nothing",
  description:
    "Guards are built from the database: the unit's evaluation for the dossier's pack (core evaluateUnit on stored values), satisfaction, debt, documents, the actor's role and scope. Deadlines use the Vietnamese working-day calendar. A wrong state is 409; a failing guard is 422 with each reason (Vietnamese text, code, path). If-Match is optional; a stale one is 412.",
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
  const d = toCoreDossier(row);
  const at = vnDateTime(now());
  const actor = actorOf(user);
  let actions: z.infer<typeof ActionOutSchema>[] = [];
  if (actor) {
    const evaluation = await evaluationFor(db, tree, packs, d);
    actions = availableActions(d, actor, {
      ...(evaluation ? { evaluation } : {}),
      ancestorIds: ancestorsOf(tree, d.unitId),
      config: configFor(d, at),
    })
      // The policy decides who may act at all; core decides the rest.
      .filter((a) => can(user, policyActionOf(a.action), d.unitId, tree))
      .map((a) => ({
        action: a.action,
        to: a.to,
        allowed: a.allowed,
        checks: a.checks.map((k) => ({ guard: k.guard, passed: k.passed, reasons: reasonsOut(k.reasons) })),
        reasons: reasonsOut(a.reasons),
      }));
  }
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
    const rows = await db.select().from(dossiers).orderBy(asc(dossiers.year), asc(dossiers.unitId), asc(dossiers.id));
    const items = rows
      .filter(
        (r) => ids.has(r.unitId) && (!q.state || r.step === q.state) && (!q.year || r.year === q.year) && (!q.tier || r.tier === q.tier),
      )
      .map((r) => dossierOut(r, tree, vnDate(now())));
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
    const unit = tree.byId.get(body.unitId)!;
    if (unit.level !== "commune" && unit.level !== "hamlet")
      throw new ApiError("invalid_input", `Chỉ lập hồ sơ cho xã hoặc thôn / dossiers are for communes and hamlets, not a ${unit.level}`, [
        { path: "$.unitId", message: `unit level is ${unit.level}` },
      ]);
    const packs = await loadPacks(db);
    const packId = body.packId ?? packForTier(tree, packs, unit.id, body.tier, body.year);
    if (!packId || !packs.registry.get(packId))
      throw new ApiError(
        "invalid_input",
        `Không có bộ tiêu chí hạng ${body.tier} được áp dụng cho năm ${body.year} / no pack adopted for this tier and year`,
        [{ path: "$.packId", message: `unknown or unadopted pack ${packId ?? "(none)"}` }],
      );
    const pack = packs.registry.get(packId)!;
    if (pack.level !== unit.level)
      throw new ApiError(
        "invalid_input",
        `Bộ tiêu chí ${packId} dành cho cấp ${pack.level}, không phải ${unit.level} / pack level mismatch`,
        [{ path: "$.packId", message: `pack level is ${pack.level}` }],
      );
    if (pack.tier !== body.tier)
      throw new ApiError("invalid_input", `Bộ tiêu chí ${packId} là hạng ${pack.tier}, không phải ${body.tier} / pack tier mismatch`, [
        { path: "$.packId", message: `pack tier is ${pack.tier}` },
      ]);
    const dossier = {
      id: `hs-${randomUUID()}`,
      unitId: body.unitId,
      level: unit.level as "commune" | "hamlet",
      tier: body.tier,
      packId,
      year: body.year,
      state: "draft" as const,
      createdAt: vnDateTime(now()),
      documents: [],
      satisfactionPercent: null,
      capitalConstructionDebt: null,
      councilVote: null,
      history: [],
    };
    const checked = parseDossier(dossier);
    if (!checked.ok) throw new ApiError("invalid_input", "Hồ sơ không hợp lệ / invalid dossier", issuesToFields(checked.issues));
    const row = await db.transaction(async (tx) => {
      const open = (
        await tx
          .select()
          .from(dossiers)
          .where(and(eq(dossiers.unitId, body.unitId), eq(dossiers.year, body.year), eq(dossiers.tier, body.tier)))
      ).find((r) => !["rejected", "revoked"].includes(r.step));
      if (open)
        throw new ApiError("conflict", `Đơn vị đã có hồ sơ ${open.id} cho hạng ${body.tier} năm ${body.year} / a dossier already exists`);
      const cols = fromCoreDossier(checked.value);
      const out = (
        await tx
          .insert(dossiers)
          .values({ ...cols, updatedBy: user.username })
          .returning()
      )[0]!;
      await writeAudit(tx, user, {
        action: "dossier.create",
        entityType: "dossier",
        entityId: out.id,
        unitId: out.unitId,
        before: null,
        after: { ...cols, version: 1 },
      });
      return out;
    });
    setEtag(c, row.version);
    return c.json(dossierOut(row, tree, vnDate(now())), 201);
  });

  app.openapi(patch, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const row = await loadRow(db, id);
    const { user, tree } = await authorize(c, "read", row.unitId);
    const local = can(user, "dossier.self_assess", row.unitId, tree);
    const review = can(user, "dossier.review", row.unitId, tree);
    if (!(local || review) || (body.councilVote !== undefined && !review))
      throw new ApiError(
        "forbidden",
        `Vai trò ${user.role} không được sửa hồ sơ này / role ${user.role} may not edit this dossier${body.councilVote !== undefined ? " (the council vote is recorded by the reviewing level)" : ""}`,
      );
    requireVersion(c, row.version);
    const cur = toCoreDossier(row);
    const next: RecognitionDossier = { ...cur };
    if (body.documents !== undefined) next.documents = [...new Set(body.documents)];
    if (body.satisfactionPercent !== undefined) next.satisfactionPercent = body.satisfactionPercent;
    if (body.capitalConstructionDebt !== undefined) {
      if (body.capitalConstructionDebt === null) next.capitalConstructionDebt = null;
      else {
        const debt = parseDong(body.capitalConstructionDebt, ["capitalConstructionDebt"]);
        if (!debt.ok) throw new ApiError("invalid_input", "Số nợ không hợp lệ / invalid debt", issuesToFields(debt.issues));
        next.capitalConstructionDebt = debt.value;
      }
    }
    if (body.councilVote !== undefined) next.councilVote = body.councilVote;
    const checked = parseDossier(next);
    if (!checked.ok) throw new ApiError("invalid_input", "Hồ sơ không hợp lệ / invalid dossier", issuesToFields(checked.issues));
    const cols = fromCoreDossier(checked.value);
    const saved = await db.transaction(async (tx) => {
      const out = (
        await tx
          .update(dossiers)
          .set({ data: cols.data, version: row.version + 1, updatedAt: now(), updatedBy: user.username })
          .where(and(eq(dossiers.id, id), eq(dossiers.version, row.version)))
          .returning()
      )[0];
      if (!out) throw new ApiError("precondition_failed", "Hồ sơ vừa bị thay đổi / dossier changed concurrently");
      await writeAudit(tx, user, {
        action: "dossier.update",
        entityType: "dossier",
        entityId: id,
        unitId: row.unitId,
        before: { data: row.data, version: row.version },
        after: { data: cols.data, version: out.version },
      });
      return out;
    });
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
    const actor = actorOf(user);
    if (!actor) throw new ApiError("forbidden", `Vai trò ${user.role} không xử lý hồ sơ / role ${user.role} does not act on dossiers`);
    const packs = await loadPacks(db);
    const d = toCoreDossier(row);
    const at = vnDateTime(now());
    const evaluation = await evaluationFor(db, tree, packs, d);
    const result = transition(d, body.action, {
      actor,
      at,
      ancestorIds: ancestorsOf(tree, d.unitId),
      config: configFor(d, at),
      ...(evaluation ? { evaluation } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
    });
    if (!result.ok) {
      const wrongState = result.reasons.every((r) => r.code === "workflow.action_not_allowed_from");
      throw new ApiError(
        wrongState ? "conflict" : "rule_failed",
        `Không thể thực hiện "${body.action}": ${result.reasons.map((r) => formatReason(r, "vi")).join("; ")} / the transition is not allowed`,
        reasonFields(result.reasons),
      );
    }
    const cols = fromCoreDossier(result.dossier);
    const saved = await db.transaction(async (tx) => {
      const out = (
        await tx
          .update(dossiers)
          .set({
            step: cols.step,
            transitions: cols.transitions,
            data: cols.data,
            version: row.version + 1,
            updatedAt: now(),
            updatedBy: user.username,
          })
          .where(and(eq(dossiers.id, id), eq(dossiers.version, row.version)))
          .returning()
      )[0];
      if (!out) throw new ApiError("precondition_failed", "Hồ sơ vừa bị thay đổi / dossier changed concurrently");
      await writeAudit(tx, user, {
        action: `dossier.${body.action}`,
        entityType: "dossier",
        entityId: id,
        unitId: row.unitId,
        before: { state: row.step, version: row.version },
        after: { state: out.step, version: out.version, transition: cols.transitions.at(-1) },
      });
      return out;
    });
    setEtag(c, saved.version);
    return c.json(await detail(c, saved, tree, packs), 200);
  });

  return app;
}
