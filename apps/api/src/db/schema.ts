/**
 * The one pg-core schema of the ntm API. It serves both drivers (embedded PGlite and PostgreSQL);
 * `drizzle-kit generate` turns it into the committed SQL migrations under apps/api/drizzle/.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** Administrative units (province → district → commune → hamlet). `path` is `/root/.../id/` for subtree queries. */
export const units = pgTable(
  "units",
  {
    id: text("id").primaryKey(),
    parentId: text("parent_id"),
    name: text("name").notNull(),
    level: text("level").notNull(),
    region: text("region"),
    communeGroup: integer("commune_group"),
    flags: jsonb("flags").$type<string[]>().notNull().default([]),
    path: text("path").notNull(),
    sort: integer("sort").notNull().default(0),
    /** Bumped by every write to the row; the unit's ETag for optimistic concurrency. */
    version: integer("version").notNull().default(1),
    /** The day the unit stopped existing (ISO date), e.g. "2025-06-30" for districts abolished by the 2025 reform; null while it exists. */
    endedOn: text("ended_on"),
    /** The day the unit took effect in its current form (ISO date), e.g. "2025-07-01" for a commune formed by merger. */
    effectiveFrom: text("effective_from"),
    /** Ids of the units a merged commune was formed from (sáp nhập), so history reads across the reform. */
    mergedFrom: jsonb("merged_from").$type<string[]>().notNull().default([]),
  },
  (t) => [index("units_parent_idx").on(t.parentId), index("units_path_idx").on(t.path)],
);

/** Uploaded provincial criteria packs (documents as written; shipped packs come from @ntm/core). */
export const packs = pgTable("packs", {
  id: text("id").primaryKey(),
  version: text("version").notNull(),
  doc: jsonb("doc").notNull(),
  uploadedBy: text("uploaded_by"),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Pack adoptions (áp dụng bộ tiêu chí): which pack applies to a scope (a unit's subtree, or the whole
 * installation when `scope_unit_id` is null), a level and a tier, over a period. `period_from` and
 * `period_to` hold a year ("2024") or an ISO date ("2026-02-15"), as core's `PackAdoption` has them.
 * `version` is the ETag for optimistic concurrency.
 */
export const packAdoptions = pgTable(
  "pack_adoptions",
  {
    id: text("id").primaryKey(),
    packId: text("pack_id").notNull(),
    scopeUnitId: text("scope_unit_id"),
    tier: text("tier").notNull(),
    level: text("level").notNull(),
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: text("updated_by"),
  },
  (t) => [index("pack_adoptions_pack_idx").on(t.packId)],
);

/** Indicator values of one unit for one year; `version` is the ETag for optimistic concurrency. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    unitId: text("unit_id").notNull(),
    year: integer("year").notNull(),
    values: jsonb("values").$type<Record<string, number | boolean | null>>().notNull().default({}),
    inputs: jsonb("inputs").$type<Record<string, number>>().notNull().default({}),
    notApplicable: jsonb("not_applicable").$type<string[]>().notNull().default([]),
    /** Evidence notes per indicator id (where the figure comes from); never evaluated. */
    notes: jsonb("notes").$type<Record<string, string>>(),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by"),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("indicator_values_unit_year_idx").on(t.unitId, t.year)],
);

/** Years of results published for the public (unauthenticated) view, per subtree. */
export const publications = pgTable(
  "publications",
  {
    unitId: text("unit_id").notNull(),
    year: integer("year").notNull(),
    publishedBy: text("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/**
 * The classification of a scope's communes for a year (what indicator 18.2 of the next year reads),
 * stored so a new process need not rank the previous year again. A derived fact, never edited: `key`
 * names the content it was computed from (the unit tree, packs, values of the year and the one
 * before, the ranking inputs, the core build); a row whose key differs from the current one is stale
 * and computed again (services/rankings.ts classificationsOf).
 */
export const storedClassifications = pgTable(
  "stored_classifications",
  {
    scopeId: text("scope_id").notNull(),
    year: integer("year").notNull(),
    key: text("key").notNull(),
    /** `[unitId, level][]`. */
    data: jsonb("data").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scopeId, t.year] })],
);

/**
 * Approved (locked) unit-years of indicator values: the level above approves what a commune submitted,
 * and a locked unit-year refuses writes (values PUT and imports) until it is unlocked (as DHIS2 does).
 */
export const valuesLocks = pgTable(
  "values_locks",
  {
    unitId: text("unit_id").notNull(),
    year: integer("year").notNull(),
    lockedBy: text("locked_by").notNull(),
    lockedByName: text("locked_by_name"),
    lockedAt: timestamp("locked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role").notNull(),
  scopeUnitId: text("scope_unit_id").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
});

/** Browser sessions: `id` is the SHA-256 of the cookie value, never the value itself. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** API tokens for the CLI and integrators: only the SHA-256 of the secret is stored. */
export const apiTokens = pgTable("api_tokens", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  prefix: text("prefix").notNull(),
  createdAt: createdAt(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/** Append-only audit trail: who, when, what, before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    unitId: text("unit_id"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId), index("audit_at_idx").on(t.at)],
);

/**
 * One-time setup tokens for the first administrator: only the SHA-256 of the secret is stored, so every
 * instance agrees on which links are valid. A token is spent by use, by its expiry, or once an admin exists.
 */
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: createdAt(),
});

/** Fixed-window counters (login attempts) kept in the database so the server stays stateless. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
});

// ---- Plan domain (routes to be added by the plan-domain engineer). Simple jsonb-heavy tables. ----

const domainColumns = () => ({
  id: text("id").primaryKey(),
  unitId: text("unit_id").notNull(),
  data: jsonb("data").notNull().default(sql`'{}'::jsonb`),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  updatedBy: text("updated_by"),
});

/** Plans (kế hoạch), e.g. the district plan for Directive 63-CT/TU; `period` as core's period string. */
export const plans = pgTable(
  "plans",
  {
    ...domainColumns(),
    period: text("period"),
    /** An implementing plan's parent plan (III.1 "cụ thể hóa"); null for a top plan. */
    parentPlanId: text("parent_plan_id"),
  },
  (t) => [index("plans_unit_idx").on(t.unitId), index("plans_parent_idx").on(t.parentPlanId)],
);
/** Every saved version of a plan (the whole core Plan, tasks included), for its history and diffs. */
export const planVersions = pgTable(
  "plan_versions",
  {
    planId: text("plan_id").notNull(),
    version: integer("version").notNull(),
    unitId: text("unit_id").notNull(),
    data: jsonb("data").notNull(),
    action: text("action").notNull(),
    createdAt: createdAt(),
    createdBy: text("created_by"),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] })],
);
/** Adjustment proposals to a plan (đề xuất điều chỉnh) and their decisions; `data` is core's PlanProposal. */
export const planProposals = pgTable("plan_proposals", { ...domainColumns(), planId: text("plan_id").notNull() }, (t) => [
  index("plan_proposals_plan_idx").on(t.planId),
]);
/** Tasks of a plan with assignees and reporting duties. */
export const tasks = pgTable("tasks", { ...domainColumns(), planId: text("plan_id").notNull() }, (t) => [
  index("tasks_plan_idx").on(t.planId),
]);
/** Periodic reports submitted against a task. */
export const reportSubmissions = pgTable(
  "report_submissions",
  { ...domainColumns(), taskId: text("task_id").notNull(), period: text("period").notNull() },
  (t) => [index("reports_task_idx").on(t.taskId)],
);
/** Recognition dossiers (hồ sơ công nhận) with their transition history. */
export const dossiers = pgTable(
  "dossiers",
  {
    ...domainColumns(),
    year: integer("year").notNull(),
    tier: text("tier").notNull(),
    step: text("step").notNull(),
    transitions: jsonb("transitions").notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [index("dossiers_unit_idx").on(t.unitId)],
);
/** Annual scoring (đánh giá, xếp loại) results per unit and year. */
export const scoring = pgTable("scoring", { ...domainColumns(), year: integer("year").notNull() }, (t) => [
  index("scoring_unit_year_idx").on(t.unitId, t.year),
]);
/** OCOP products (Mỗi xã một sản phẩm). */
export const ocopProducts = pgTable("ocop_products", { ...domainColumns(), year: integer("year").notNull() }, (t) => [
  index("ocop_unit_idx").on(t.unitId),
]);
/** Resource contributions; `amount` in whole đồng. */
export const contributions = pgTable(
  "contributions",
  { ...domainColumns(), year: integer("year").notNull(), amount: bigint("amount", { mode: "number" }).notNull().default(0) },
  (t) => [index("contributions_unit_idx").on(t.unitId)],
);
/** Housing records (xóa nhà tạm, nhà dột nát). */
export const housing = pgTable("housing", { ...domainColumns(), year: integer("year").notNull() }, (t) => [
  index("housing_unit_idx").on(t.unitId),
]);
/** Inspection records of the Inspection Committee. */
export const inspections = pgTable("inspections", { ...domainColumns(), period: text("period").notNull() }, (t) => [
  index("inspections_unit_idx").on(t.unitId),
]);

// ---- Emulation and discipline (plan II.4), public consultations (II.5), report narratives ----

/** Emulation movements and campaigns (phong trào thi đua, cuộc vận động); `year` of the start. */
export const emulationMovements = pgTable("emulation_movements", { ...domainColumns(), year: integer("year").notNull() }, (t) => [
  index("emulation_movements_unit_idx").on(t.unitId),
]);
/** Commendations given (khen thưởng); `year` of the decision. */
export const commendations = pgTable("commendations", { ...domainColumns(), year: integer("year").notNull() }, (t) => [
  index("commendations_unit_idx").on(t.unitId),
]);
/** Criticism and discipline (phê bình, kỷ luật); `year` of the decision. */
export const disciplines = pgTable("disciplines", { ...domainColumns(), year: integer("year").notNull() }, (t) => [
  index("disciplines_unit_idx").on(t.unitId),
]);
/** Public consultations on NTM matters in a commune (quy chế dân chủ, II.5). */
export const consultations = pgTable("consultations", { ...domainColumns(), year: integer("year").notNull() }, (t) => [
  index("consultations_unit_idx").on(t.unitId),
]);
/**
 * Steering-committee members (thành viên Ban Chỉ đạo, plan II.3) and the communes each supports;
 * `unit_id` is the committee's unit (a district), the member's fields and commune ids in `data`.
 */
export const steeringMembers = pgTable("steering_members", { ...domainColumns() }, (t) => [
  index("steering_members_unit_idx").on(t.unitId),
]);
/** The office's narrative parts of a progress report (II, III, IV), one per unit and report period. */
export const reportNarratives = pgTable("report_narratives", { ...domainColumns(), period: text("period").notNull() }, (t) => [
  uniqueIndex("report_narratives_unit_period_idx").on(t.unitId, t.period),
]);
/** Raw bytes (PostgreSQL `bytea`): node-postgres reads a Buffer, PGlite a Uint8Array; both are Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
  fromDriver: (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength),
});
/**
 * Documents attached to a recognition dossier (tờ trình, biên bản, báo cáo…): the file's bytes in the
 * database (bytea, the same on PGlite and PostgreSQL), its detected media type, size and SHA-256.
 */
export const dossierAttachments = pgTable(
  "dossier_attachments",
  {
    id: text("id").primaryKey(),
    dossierId: text("dossier_id").notNull(),
    unitId: text("unit_id").notNull(),
    name: text("name").notNull(),
    /** The checklist item the file stands for (core's DossierDocument), or null. */
    kind: text("kind"),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    /** Lower-case hex SHA-256 of `content`. */
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: createdAt(),
    createdBy: text("created_by"),
  },
  (t) => [index("dossier_attachments_dossier_idx").on(t.dossierId)],
);
