/**
 * The access matrix of the write routes (issue #4): one row per state-changing operation of the
 * OpenAPI document, saying who may call it according to the policy (src/auth/policy.ts) and how to
 * build an otherwise valid request for a caller inside or outside its scope. Run by src/access.test.ts,
 * which fails when an operation of the live document has no row here: a new write route must add one.
 */
import { DEFAULT_SCORING_SCHEME } from "@ntm/core";
import { eq } from "drizzle-orm";
import { type Principal, type UnitTreeView, can, canChangeUnit } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { dossiers } from "../db/schema.js";
import { type Session, json } from "./harness.js";

/** Who calls: each demo role (by its demo username) and a caller without a session. */
export const CALLERS = ["anonymous", "admin", "tinh", "huyen", "xa", "thanhtra", "xem"] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedIn = Exclude<Caller, "anonymous">;

/** Where the target is: inside the caller's scope (or its own area) or outside it. */
export type Scope = "inside" | "outside";

/** The second province the test adds (through the API, as admin) so that province-wide roles have an outside. */
export const OTHER = { province: "p-acc", district: "d-acc", commune: "c-acc-01", commune2: "c-acc-02", plan: "plan-acc" } as const;

/**
 * Target units per caller: [inside, outside]. Province-wide roles (tinh, thanhtra, xem) are scoped to
 * p-demo, so their outside is the second province; so is admin's, whom the policy lets act everywhere.
 * A commune officer has no district of its own: its "inside" district is the one holding its commune.
 */
export const COMMUNES: Readonly<Record<Caller, readonly [string, string]>> = {
  anonymous: ["c-01-01", "c-02-01"],
  admin: ["c-01-02", OTHER.commune],
  tinh: ["c-01-03", OTHER.commune],
  huyen: ["c-01-04", "c-02-01"],
  xa: ["c-01-01", "c-02-02"],
  thanhtra: ["c-01-05", OTHER.commune],
  xem: ["c-01-06", OTHER.commune],
};
export const DISTRICTS: Readonly<Record<Caller, readonly [string, string]>> = {
  anonymous: ["d-01", "d-02"],
  admin: ["d-03", OTHER.district],
  tinh: ["d-04", OTHER.district],
  huyen: ["d-01", "d-02"],
  xa: ["d-01", "d-02"],
  thanhtra: ["d-02", OTHER.district],
  xem: ["d-03", OTHER.district],
};

/** The stored plan of a district (the demo seeds one per district; the test copies one into d-acc). */
export const planOf = (districtId: string): string => (districtId === OTHER.district ? OTHER.plan : `plan-63-${districtId}`);
/** The first commune of a district. */
const firstCommuneOf = (districtId: string): string => (districtId === OTHER.district ? OTHER.commune : `c-${districtId.slice(2)}-01`);

/** Another commune of the same district (where a move goes). */
const siblingOf = (communeId: string): string =>
  communeId === OTHER.commune ? OTHER.commune2 : communeId.startsWith("c-01-") ? "c-01-07" : `${communeId.slice(0, 4)}-08`;

/** What a row's request builder may use. */
export interface CaseContext {
  db: Db;
  caller: Caller;
  scope: Scope;
  /** The target unit of this case (from the row's `targets`). */
  unitId: string;
  /** The caller's principal (null when anonymous). */
  user: Principal | null;
  /** A number unique in the run (ids, years). */
  n: () => number;
  /** A request as admin (fixtures, current ETags). */
  admin: (path: string, init?: RequestInit) => Promise<Response>;
  /** The caller's main session (undefined when anonymous). */
  session: Session | undefined;
  /** A new session of a signed-in caller. */
  freshSession: (who: SignedIn) => Promise<Session>;
  /** The current password of a demo user (the password row changes it). */
  passwords: Record<string, string>;
  /** The user id of a demo user. */
  userIdOf: (who: SignedIn) => string;
  /** Tells the app's caches about writes made directly in the database. */
  bump: () => void;
}

/** The request of one case: sent with the caller's main session unless `via` says otherwise. */
export interface PreparedRequest {
  path: string;
  init: RequestInit;
  via?: Session | "anonymous";
  /** The unit the policy decides on when it is not the case's target (e.g. a fixture hamlet). */
  decideOn?: string;
}

/** A documented outcome other than the row's success for a caller the policy allows. */
export interface AllowedOutcome {
  status: number;
  /** The problem's error code that says why (checked). */
  code: string;
  why: string;
}

export interface AccessRow {
  /** "METHOD /v1/path/{param}" exactly as in the OpenAPI document. */
  op: string;
  /** Tells apart several rows of one operation (e.g. local and review steps of a dossier). */
  variant?: string;
  /**
   * "policy": decided by `decide` (the policy module); "signed-in": any signed-in user, 401 without a
   * session; "public": anyone, with or without a session (deliberately unauthenticated).
   */
  access: "policy" | "signed-in" | "public";
  /** The rule in words (printed with the matrix). */
  rule: string;
  /** Which unit table the target comes from; "own" = the caller's own scope (no unit in the request). */
  targets: "commune" | "district" | "own";
  /** The scopes exercised (default both); a row with one says why in `rule`. */
  scopes?: readonly Scope[];
  /** The policy's decision for a signed-in caller. */
  decide?: (user: Principal, unitId: string, tree: UnitTreeView, scope: Scope) => boolean;
  /** Builds a valid request (creating fixtures as admin first when the write needs a fresh target). */
  prepare: (ctx: CaseContext) => Promise<PreparedRequest>;
  /** The success status of an allowed request. */
  success: number;
  /** A documented other outcome for an allowed caller (prefer real successes). */
  allowedOutcome?: (caller: SignedIn, scope: Scope) => AllowedOutcome | undefined;
  /** The status of a denied signed-in caller (default 403). */
  deniedStatus?: (user: Principal, tree: UnitTreeView, scope: Scope) => number;
  /** False for routes whose success writes no audit entry (sign-in and sign-out). */
  audited?: boolean;
  /** Runs after the request (e.g. remembering a changed password). */
  after?: (ctx: CaseContext, res: Response) => void;
}

const byAction =
  (action: Parameters<typeof can>[1]) =>
  (user: Principal, unitId: string, tree: UnitTreeView): boolean =>
    can(user, action, unitId, tree);

const body = async (res: Response): Promise<any> => {
  if (!res.ok) throw new Error(`fixture request failed: ${res.status} ${await res.text()}`);
  return res.json();
};
const etagOf = async (res: Response): Promise<string> => {
  if (!res.ok) throw new Error(`ETag read failed: ${res.status} ${await res.text()}`);
  const e = res.headers.get("etag");
  if (!e) throw new Error("no ETag");
  return e;
};

// ---- Record bodies (shapes as in src/routes/records.test.ts) ----

const RECORDS = {
  "/v1/ocop-products": {
    action: "values.write" as const,
    body: (u: string) => ({
      name: "Mật ong (kiểm thử quyền)",
      subject: { name: "HTX An Hòa", kind: "cooperative" },
      communeUnitId: u,
      group: "food",
      score: 78.5,
      stars: 4,
      certificate: { number: "12/QĐ-UBND", date: "2024-05-10" },
      status: "recognised",
    }),
  },
  "/v1/contributions": {
    action: "values.write" as const,
    body: (u: string) => ({ unitId: u, period: "2025", source: "people_cash", amount: "1.250.000" }),
  },
  "/v1/housing": {
    action: "values.write" as const,
    body: (u: string) => ({ communeUnitId: u, status: "temporary", household: "Hộ kiểm thử quyền" }),
  },
  "/v1/inspections": {
    action: "inspection.write" as const,
    body: (u: string) => ({
      unitId: u,
      subject: { kind: "unit", id: u, name: "Xã kiểm thử" },
      date: "2025-03-10",
      kind: "inspection",
      findings: ["Thiếu minh chứng tiêu chí 17"],
      recommendations: [{ id: "k1", text: "Bổ sung minh chứng", responsible: "UBND xã", dueDate: "2025-04-30", status: "open" }],
    }),
  },
  "/v1/emulation-movements": {
    action: "values.write" as const,
    body: (u: string) => ({
      unitId: u,
      kind: "campaign",
      name: "Toàn dân đoàn kết xây dựng NTM, đô thị văn minh (kiểm thử quyền)",
      period: { from: "2025-01-01" },
      participants: [{ kind: "unit", id: u, name: "Xã kiểm thử" }],
      pledges: [],
    }),
  },
  "/v1/commendations": {
    action: "values.write" as const,
    body: (u: string) => ({
      unitId: u,
      form: "giay_khen",
      level: "district",
      issuer: "Chủ tịch UBND huyện",
      decision: { number: "1/QĐ-UBND", date: "2025-05-19" },
      subject: { kind: "unit", id: u, name: "Xã kiểm thử" },
      achievement: "Kiểm thử quyền",
    }),
  },
  "/v1/disciplines": {
    action: "values.write" as const,
    body: (u: string) => ({
      unitId: u,
      form: "criticism",
      level: "district",
      issuer: "Ban Thường vụ Huyện ủy",
      decision: { date: "2025-07-01" },
      subject: { kind: "unit", id: u, name: "Xã kiểm thử" },
      reason: "Kiểm thử quyền",
    }),
  },
  "/v1/consultations": {
    action: "values.write" as const,
    body: (u: string) => ({
      communeUnitId: u,
      year: 2025,
      date: "2025-03-02",
      matter: "Kiểm thử quyền",
      form: "meeting",
      participants: 10,
    }),
  },
};

function recordRows(): AccessRow[] {
  return Object.entries(RECORDS).flatMap(([path, spec]): AccessRow[] => [
    {
      op: `POST ${path}`,
      access: "policy",
      rule: `${spec.action} on the record's unit`,
      targets: "commune",
      decide: byAction(spec.action),
      success: 201,
      prepare: async ({ unitId }) => ({ path, init: json("POST", spec.body(unitId)) }),
    },
    {
      op: `PUT ${path}/{id}`,
      access: "policy",
      rule: `${spec.action} on the record's unit (current and new)`,
      targets: "commune",
      decide: byAction(spec.action),
      success: 200,
      prepare: async ({ unitId, admin }) => {
        const created = await admin(path, json("POST", spec.body(unitId)));
        const etag = created.headers.get("etag") ?? "";
        const { id } = await body(created);
        return { path: `${path}/${id}`, init: json("PUT", spec.body(unitId), { "if-match": etag }) };
      },
    },
  ]);
}

/** A steering member of a district's committee supporting the district's first commune. */
const steeringBody = (districtId: string) => ({
  unitId: districtId,
  fullName: "Thành viên kiểm thử quyền",
  position: "Phó Chủ tịch UBND huyện",
  organisation: "UBND huyện",
  role: "member",
  termStart: "2025-01-01",
  communeUnitIds: [firstCommuneOf(districtId)],
});

/** POST, PATCH and DELETE of steering members: plan.write on the committee's unit. */
function steeringRows(): AccessRow[] {
  const fixture = async ({ unitId, admin }: CaseContext) => {
    const created = await admin("/v1/steering-members", json("POST", steeringBody(unitId)));
    const etag = created.headers.get("etag") ?? "";
    const { id } = await body(created);
    return { path: `/v1/steering-members/${id}`, etag };
  };
  return [
    {
      op: "POST /v1/steering-members/import",
      access: "policy",
      rule: "plan.write on the caller's scope, then on the committee's unit of every row; a unit outside it → 403 naming the row, nothing written",
      targets: "district",
      decide: byAction("plan.write"),
      success: 200,
      prepare: async ({ unitId }) => ({
        path: "/v1/steering-members/import",
        init: {
          method: "POST",
          headers: { "content-type": "text/csv" },
          body: `unit_code,full_name,position,organisation,role,term_start,communes\n${unitId},Kiểm thử quyền,Phó Chủ tịch UBND huyện,UBND huyện,member,01/01/2025,${firstCommuneOf(unitId)}\n`,
        },
      }),
    },
    {
      op: "POST /v1/steering-members",
      access: "policy",
      rule: "plan.write on the committee's unit (a district)",
      targets: "district",
      decide: byAction("plan.write"),
      success: 201,
      prepare: async ({ unitId }) => ({ path: "/v1/steering-members", init: json("POST", steeringBody(unitId)) }),
    },
    {
      op: "PATCH /v1/steering-members/{id}",
      access: "policy",
      rule: "plan.write on the committee's unit (current and new)",
      targets: "district",
      decide: byAction("plan.write"),
      success: 200,
      prepare: async (ctx) => {
        const { path, etag } = await fixture(ctx);
        return { path, init: json("PATCH", { note: "Kiểm thử quyền" }, { "if-match": etag }) };
      },
    },
    {
      op: "DELETE /v1/steering-members/{id}",
      access: "policy",
      rule: "plan.write on the committee's unit",
      targets: "district",
      decide: byAction("plan.write"),
      success: 204,
      prepare: async (ctx) => {
        const { path, etag } = await fixture(ctx);
        return { path, init: { method: "DELETE", headers: { "if-match": etag } } };
      },
    },
  ];
}

// ---- Fixtures shared by several rows ----

const dossierYears = new Map<string, number>();
/** A year with no open dossier of the unit yet (one tier and year per dossier). */
const freshDossierYear = (unitId: string): number => {
  const y = (dossierYears.get(unitId) ?? 2040) + 1;
  dossierYears.set(unitId, y);
  return y;
};

/** Dossiers of the matrix are for years no pack is adopted for (2041 on), so they name their pack. */
const DOSSIER_PACK = "example.province-demo.2021-2025";

/** A one-day adoption period in 2027 (within the 2026–2030 pack), unique per run number: never overlapping. */
const adoptionDay = (k: number): string => {
  const d = new Date(Date.UTC(2027, 0, 1) + k * 86_400_000);
  return d.toISOString().slice(0, 10);
};
const adoptionBody = (scopeUnitId: string, k: number) => ({
  packId: "vn.commune-ntm.2026-2030",
  scopeUnitId,
  tier: "standard",
  level: "commune",
  from: adoptionDay(k),
  to: adoptionDay(k),
});

/** A fresh draft dossier at the target, created by admin; its ETag comes with the creating response. */
async function draftDossier(ctx: CaseContext): Promise<{ id: string; etag: string }> {
  const res = await ctx.admin(
    "/v1/dossiers",
    json("POST", { unitId: ctx.unitId, tier: "standard", year: freshDossierYear(ctx.unitId), packId: DOSSIER_PACK }),
  );
  const etag = await etagOf(res);
  return { id: (await body(res)).id, etag };
}

/** A submitted dossier at the target: a copy of the seeded submitted one (hs-demo-04) under a new id. */
async function submittedDossier(ctx: CaseContext): Promise<string> {
  const [src] = await ctx.db.select().from(dossiers).where(eq(dossiers.id, "hs-demo-04"));
  if (!src || src.step !== "submitted") throw new Error("seed: hs-demo-04 is not a submitted dossier");
  const id = `hs-acc-${ctx.n()}`;
  await ctx.db.insert(dossiers).values({ ...src, id, unitId: ctx.unitId, year: freshDossierYear(ctx.unitId), version: 1 });
  ctx.bump();
  return id;
}

/** Due reports already submitted by a case (a second submission is a 409); only successes use one up. */
const usedReports = new Set<string>();
let lastReport = "";

async function unsubmittedReport(ctx: CaseContext, planId: string): Promise<{ dutyId: string; assigneeId: string; period: string }> {
  for (const period of ["2024", "2025", "2026"]) {
    const due = await body(await ctx.admin(`/v1/plans/${planId}/due-reports?period=${period}`));
    const item = (due.items as { key: string; dutyId: string; assigneeId: string; period: string; status: string }[]).find(
      (i) => (i.status === "overdue" || i.status === "pending") && !usedReports.has(`${planId}/${i.key}`),
    );
    if (item) {
      lastReport = `${planId}/${item.key}`;
      return { dutyId: item.dutyId, assigneeId: item.assigneeId, period: item.period };
    }
  }
  throw new Error(`no unsubmitted due report left in ${planId}`);
}

/** Fixture viewers by scope unit (PATCH /v1/users/{id}). */
const viewers = new Map<string, string>();

/** Who may change a token that is not their own: user management on their own scope (admins). */
const manageOthers = (user: Principal, _unitId: string, tree: UnitTreeView, scope: Scope): boolean =>
  scope === "inside" || can(user, "users.manage", user.scopeUnitId, tree);
const otherUser = (ctx: CaseContext): string => ctx.userIdOf(ctx.caller === "xem" ? "xa" : "xem");

/**
 * The matrix: every state-changing operation of the API. Keep one row (or more) per operation; the test
 * fails for an operation without one.
 */
export const ACCESS_ROWS: readonly AccessRow[] = [
  // ---- Auth: sign-in is public, sign-out works without a session, the own password needs one ----
  {
    op: "POST /v1/auth/login",
    access: "public",
    rule: "public: anyone with valid credentials (anonymous signs in as xem)",
    targets: "own",
    scopes: ["inside"],
    success: 200,
    audited: false,
    prepare: async ({ caller, passwords }) => {
      const username = caller === "anonymous" ? "xem" : caller;
      return { path: "/v1/auth/login", init: json("POST", { username, password: passwords[username] }) };
    },
  },
  {
    op: "POST /v1/auth/logout",
    access: "public",
    rule: "public: ends the caller's own session; without one it is a no-op (204)",
    targets: "own",
    scopes: ["inside"],
    success: 204,
    audited: false,
    prepare: async ({ caller, freshSession }) => ({
      path: "/v1/auth/logout",
      init: { method: "POST" },
      via: caller === "anonymous" ? "anonymous" : await freshSession(caller),
    }),
  },
  {
    op: "POST /v1/auth/password",
    access: "signed-in",
    rule: "any signed-in user, own password only (no other user's password can be named)",
    targets: "own",
    scopes: ["inside"],
    success: 204,
    prepare: async ({ caller, passwords }) => {
      const username = caller === "anonymous" ? "xem" : caller;
      const current = passwords[username]!;
      return { path: "/v1/auth/password", init: json("POST", { currentPassword: current, newPassword: `${current}-doi-mat-khau` }) };
    },
    after: ({ caller, passwords }, res) => {
      if (caller !== "anonymous" && res.status === 204) passwords[caller] = `${passwords[caller]}-doi-mat-khau`;
    },
  },
  // ---- Units ----
  {
    op: "POST /v1/units",
    access: "policy",
    rule: "canChangeUnit create: units.manage on the parent (province officers in scope; admin)",
    targets: "commune",
    decide: (user, unitId, tree) => canChangeUnit(user, { kind: "create", parentId: unitId }, tree),
    success: 201,
    prepare: async ({ unitId, n }) => ({
      path: "/v1/units",
      init: json("POST", { id: `acc-t${n()}`, level: "hamlet", name: "Thôn kiểm thử quyền", parentId: unitId }),
    }),
  },
  {
    op: "PATCH /v1/units/{id}",
    access: "policy",
    rule: "canChangeUnit update: units.manage on the unit",
    targets: "commune",
    decide: (user, unitId, tree) => canChangeUnit(user, { kind: "update", unitId }, tree),
    success: 200,
    prepare: async ({ unitId, admin }) => {
      const res = await admin(`/v1/units/${unitId}`);
      const etag = await etagOf(res);
      const { unit } = (await res.json()) as { unit: { name: string } };
      return { path: `/v1/units/${unitId}`, init: json("PATCH", { name: unit.name }, { "if-match": etag }) };
    },
  },
  {
    op: "PATCH /v1/units/{id}",
    variant: "move",
    access: "policy",
    rule: "canChangeUnit move: units.manage on the unit and on the new parent (a fresh hamlet of the target moved to a sibling commune)",
    targets: "commune",
    decide: (user, unitId, tree) => canChangeUnit(user, { kind: "move", unitId, parentId: siblingOf(tree.parentOf(unitId) ?? "") }, tree),
    success: 200,
    prepare: async ({ unitId, admin, n }) => {
      const id = `acc-t${n()}`;
      await body(await admin("/v1/units", json("POST", { id, level: "hamlet", name: "Thôn sẽ chuyển", parentId: unitId })));
      const etag = await etagOf(await admin(`/v1/units/${id}`));
      return { path: `/v1/units/${id}`, init: json("PATCH", { parentId: siblingOf(unitId) }, { "if-match": etag }), decideOn: id };
    },
  },
  {
    op: "DELETE /v1/units/{id}",
    access: "policy",
    rule: "canChangeUnit delete: units.manage on the unit (a fresh empty hamlet of the target commune)",
    targets: "commune",
    decide: (user, unitId, tree) => canChangeUnit(user, { kind: "delete", unitId }, tree),
    success: 204,
    prepare: async ({ unitId, admin, n }) => {
      const id = `acc-t${n()}`;
      await body(await admin("/v1/units", json("POST", { id, level: "hamlet", name: "Thôn sẽ xoá", parentId: unitId })));
      const etag = await etagOf(await admin(`/v1/units/${id}`));
      return { path: `/v1/units/${id}`, init: { method: "DELETE", headers: { "if-match": etag } }, decideOn: id };
    },
  },
  // ---- Packs, values, imports, publication ----
  {
    op: "POST /v1/packs",
    access: "policy",
    rule: "packs.upload on the caller's own scope (the request names no unit, so there is no outside)",
    targets: "own",
    scopes: ["inside"],
    decide: byAction("packs.upload"),
    success: 201,
    prepare: async ({ n }) => ({
      path: "/v1/packs",
      init: json("POST", {
        id: `tinh-acc${n()}.commune.2021-2025`,
        version: "1",
        title: { vi: "Bộ tiêu chí tỉnh (kiểm thử)", en: "Provincial pack (test)" },
        legalBasis: [{ ref: "Ví dụ", date: "2022-07-01" }],
        effective: { from: "2022-07-01" },
        extends: "example.province-demo.2021-2025",
        example: true,
        criteria: [{ id: "2", indicators: [{ id: "2.3", threshold: { all: 60 } }] }],
      }),
    }),
  },
  {
    op: "DELETE /v1/packs/{id}",
    access: "policy",
    rule: "packs.upload on the caller's own scope (a fresh uploaded pack, adopted nowhere)",
    targets: "own",
    scopes: ["inside"],
    decide: byAction("packs.upload"),
    success: 204,
    prepare: async ({ n, admin }) => {
      const id = `acc-del${n()}.commune.2021-2025`;
      await body(
        await admin(
          "/v1/packs",
          json("POST", {
            id,
            version: "1",
            title: { vi: "Bộ sẽ xoá (kiểm thử)", en: "Pack to delete (test)" },
            legalBasis: [{ ref: "Ví dụ", date: "2022-07-01" }],
            effective: { from: "2022-07-01" },
            extends: "example.province-demo.2021-2025",
            criteria: [],
          }),
        ),
      );
      return { path: `/v1/packs/${id}`, init: { method: "DELETE" } };
    },
  },
  {
    op: "POST /v1/pack-adoptions",
    access: "policy",
    rule: "packs.upload on the adoption's scope, here the caller's own (installation-wide adoptions: admin only, tested in packAdoptions.test.ts)",
    targets: "own",
    scopes: ["inside"],
    decide: byAction("packs.upload"),
    success: 201,
    prepare: async ({ unitId, n }) => ({ path: "/v1/pack-adoptions", init: json("POST", adoptionBody(unitId, n())) }),
  },
  {
    op: "PATCH /v1/pack-adoptions/{id}",
    access: "policy",
    rule: "packs.upload on the adoption's scope (the caller's own; a fresh one-day adoption made by admin, If-Match 1)",
    targets: "own",
    scopes: ["inside"],
    decide: byAction("packs.upload"),
    success: 200,
    prepare: async ({ unitId, n, admin }) => {
      const k = n();
      const a = await body(await admin("/v1/pack-adoptions", json("POST", adoptionBody(unitId, k))));
      return { path: `/v1/pack-adoptions/${a.id}`, init: json("PATCH", { to: adoptionDay(k) }, { "if-match": '"1"' }) };
    },
  },
  {
    op: "DELETE /v1/pack-adoptions/{id}",
    access: "policy",
    rule: "packs.upload on the adoption's scope (the caller's own; a fresh one-day adoption made by admin, If-Match 1)",
    targets: "own",
    scopes: ["inside"],
    decide: byAction("packs.upload"),
    success: 204,
    prepare: async ({ unitId, n, admin }) => {
      const a = await body(await admin("/v1/pack-adoptions", json("POST", adoptionBody(unitId, n()))));
      return { path: `/v1/pack-adoptions/${a.id}`, init: { method: "DELETE", headers: { "if-match": '"1"' } } };
    },
  },
  {
    op: "PUT /v1/units/{id}/values/{year}",
    access: "policy",
    rule: "values.write on the unit (the stored 2025 values sent back with their ETag)",
    targets: "commune",
    decide: byAction("values.write"),
    success: 200,
    prepare: async ({ unitId, admin }) => {
      const res = await admin(`/v1/units/${unitId}/values/2025`);
      const etag = await etagOf(res);
      const cur = (await res.json()) as { values: unknown; inputs: unknown; notApplicable: unknown; notes: unknown };
      return {
        path: `/v1/units/${unitId}/values/2025`,
        init: json(
          "PUT",
          { values: cur.values, inputs: cur.inputs, notApplicable: cur.notApplicable, notes: cur.notes },
          { "if-match": etag },
        ),
      };
    },
  },
  {
    op: "PUT /v1/units/{id}/values/{year}/lock",
    access: "policy",
    rule: "values.approve on the unit (the level above; a year of its own so no other case is locked out)",
    targets: "commune",
    decide: byAction("values.approve"),
    success: 200,
    // A year without values: version 0 is the lock's ETag.
    prepare: async ({ unitId, n }) => ({
      path: `/v1/units/${unitId}/values/${2040 + (n() % 60)}/lock`,
      init: { method: "PUT", headers: { "if-match": '"0"' } },
    }),
  },
  {
    op: "DELETE /v1/units/{id}/values/{year}/lock",
    access: "policy",
    rule: "values.approve on the unit (a lock made by admin first, on a year of its own)",
    targets: "commune",
    decide: byAction("values.approve"),
    success: 200,
    prepare: async ({ unitId, n, admin }) => {
      const year = 2040 + (n() % 60);
      await body(await admin(`/v1/units/${unitId}/values/${year}/lock`, { method: "PUT", headers: { "if-match": '"0"' } }));
      return { path: `/v1/units/${unitId}/values/${year}/lock`, init: { method: "DELETE", headers: { "if-match": '"0"' } } };
    },
  },
  {
    op: "POST /v1/values/import",
    access: "policy",
    rule: "values.write on the caller's scope, then on every unit of the file; an outside unit is a row problem (422, nothing written), not a 403",
    targets: "commune",
    decide: byAction("values.write"),
    deniedStatus: (user, tree) => (can(user, "values.write", user.scopeUnitId, tree) ? 422 : 403),
    success: 200,
    prepare: async ({ unitId }) => ({
      path: "/v1/values/import",
      init: { method: "POST", headers: { "content-type": "text/csv" }, body: `unit_id,year,indicator,value\n${unitId},2025,2.2,80\n` },
    }),
  },
  {
    op: "POST /v1/publications",
    access: "policy",
    rule: "results.publish on the unit",
    targets: "commune",
    decide: byAction("results.publish"),
    success: 201,
    prepare: async ({ unitId, n }) => ({ path: "/v1/publications", init: json("POST", { unitId, year: 2030 + (n() % 70) }) }),
  },
  {
    op: "DELETE /v1/publications/{id}/{year}",
    access: "policy",
    rule: "results.publish on the unit (a year published by admin just before)",
    targets: "commune",
    decide: byAction("results.publish"),
    success: 204,
    prepare: async ({ unitId, n, admin }) => {
      const year = 2030 + (n() % 70);
      await body(await admin("/v1/publications", json("POST", { unitId, year })));
      return { path: `/v1/publications/${unitId}/${year}`, init: { method: "DELETE" } };
    },
  },
  {
    op: "POST /v1/units/import",
    access: "policy",
    rule: "canChangeUnit for every unit the file creates or changes (here a hamlet under the target); any refused unit → 403, nothing written",
    targets: "commune",
    decide: (user, unitId, tree) => canChangeUnit(user, { kind: "create", parentId: unitId }, tree),
    success: 200,
    prepare: async ({ unitId, n }) => ({
      path: "/v1/units/import",
      init: {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: `code,name,level,parent_code\nacc-i${n()},Thôn nhập kiểm thử,thôn,${unitId}\n`,
      },
    }),
  },
  {
    op: "POST /v1/setup",
    access: "public",
    rule: "public (the one-time token is the credential), but never once an administrator exists: 409 for everyone on the demo database",
    targets: "own",
    scopes: ["inside"],
    success: 409,
    audited: false,
    prepare: async ({ n }) => ({
      path: "/v1/setup",
      init: json("POST", {
        token: `doan-${n()}`,
        username: `setup-${n()}`,
        password: "matkhau123",
        displayName: "Thử khởi tạo",
        province: { id: "p-demo", name: "Tỉnh" },
      }),
    }),
  },
  // ---- Users and tokens ----
  {
    op: "POST /v1/users",
    access: "policy",
    rule: "users.manage on the new user's scope (admins; province officers inside their scope)",
    targets: "commune",
    decide: byAction("users.manage"),
    success: 201,
    prepare: async ({ unitId, n }) => ({
      path: "/v1/users",
      init: json("POST", {
        username: `acc-u${n()}`,
        displayName: "Người dùng kiểm thử",
        password: "matkhau123",
        role: "viewer",
        scopeUnitId: unitId,
      }),
    }),
  },
  {
    op: "PATCH /v1/users/{id}",
    access: "policy",
    rule: "users.manage on the user's scope (admins; province officers inside their scope; a fresh viewer scoped to the target)",
    targets: "commune",
    decide: byAction("users.manage"),
    success: 200,
    prepare: async ({ unitId, n, admin }) => {
      // One viewer per target unit, kept for later cases (creating a user hashes a password: slow).
      let id = viewers.get(unitId);
      if (!id) {
        id = (
          await body(
            await admin(
              "/v1/users",
              json("POST", {
                username: `acc-u${n()}`,
                displayName: "Người dùng kiểm thử",
                password: "matkhau123",
                role: "viewer",
                scopeUnitId: unitId,
              }),
            ),
          )
        ).id as string;
        viewers.set(unitId, id);
      }
      return { path: `/v1/users/${id}`, init: json("PATCH", { displayName: `Đổi tên (kiểm thử quyền) ${n()}` }) };
    },
  },
  {
    op: "POST /v1/users/{id}/reset-password",
    access: "policy",
    rule: "users.manage on the user's scope (admin only; a fresh viewer scoped to the target); ends their sessions and tokens",
    targets: "commune",
    decide: byAction("users.manage"),
    success: 200,
    prepare: async ({ unitId, n, admin }) => {
      const id = (
        await body(
          await admin(
            "/v1/users",
            json("POST", {
              username: `acc-r${n()}`,
              displayName: "Người dùng kiểm thử",
              password: "matkhau123",
              role: "viewer",
              scopeUnitId: unitId,
            }),
          ),
        )
      ).id as string;
      return { path: `/v1/users/${id}/reset-password`, init: json("POST", {}) };
    },
  },
  {
    op: "POST /v1/users/{id}/deactivate",
    access: "policy",
    rule: "users.manage on the user's scope (admin only; a fresh viewer scoped to the target)",
    targets: "commune",
    decide: byAction("users.manage"),
    success: 200,
    prepare: async ({ unitId, n, admin }) => {
      const id = (
        await body(
          await admin(
            "/v1/users",
            json("POST", {
              username: `acc-k${n()}`,
              displayName: "Người dùng kiểm thử",
              password: "matkhau123",
              role: "viewer",
              scopeUnitId: unitId,
            }),
          ),
        )
      ).id as string;
      return { path: `/v1/users/${id}/deactivate`, init: { method: "POST" } };
    },
  },
  {
    op: "POST /v1/tokens",
    access: "policy",
    rule: "inside: any signed-in user, for themselves; outside: for another user, users.manage over that account (admins; province officers for accounts in their scope)",
    targets: "own",
    decide: manageOthers,
    success: 201,
    prepare: async (ctx) => ({
      path: "/v1/tokens",
      init: json("POST", ctx.scope === "inside" ? { name: "kiem-thu" } : { name: "kiem-thu", userId: otherUser(ctx) }),
    }),
  },
  {
    op: "DELETE /v1/tokens/{id}",
    access: "policy",
    rule: "inside: the caller's own token, any signed-in user; outside: another user's token, users.manage over that account (admins; province officers for accounts in their scope)",
    targets: "own",
    decide: manageOthers,
    success: 204,
    prepare: async (ctx) => {
      const own = ctx.scope === "inside" && ctx.session;
      const created = own
        ? await ctx.session!.request("/v1/tokens", json("POST", { name: "kiem-thu" }))
        : await ctx.admin("/v1/tokens", json("POST", { name: "kiem-thu", userId: otherUser(ctx) }));
      const { id } = await body(created);
      return { path: `/v1/tokens/${id}`, init: { method: "DELETE" } };
    },
  },
  // ---- Plans ----
  {
    op: "POST /v1/plans/{id}/reports",
    access: "policy",
    rule: "plan.write on the plan's unit (a district; an unsubmitted due report)",
    targets: "district",
    decide: byAction("plan.write"),
    success: 201,
    prepare: async (ctx) => {
      const planId = planOf(ctx.unitId);
      return { path: `/v1/plans/${planId}/reports`, init: json("POST", await unsubmittedReport(ctx, planId)) };
    },
    after: (_ctx, res) => {
      if (res.status === 201) usedReports.add(lastReport);
    },
  },
  {
    op: "POST /v1/plans/{id}/progress/import",
    access: "policy",
    rule: "plan.write on the plan's unit (a district), as the single task's progress route",
    targets: "district",
    decide: byAction("plan.write"),
    success: 200,
    prepare: async ({ unitId, admin, n }) => {
      const planId = planOf(unitId);
      const plan = await body(await admin(`/v1/plans/${planId}`));
      const task = plan.tasks[0] as { code: string };
      // A share done unique in the run, so the row always changes the task.
      return {
        path: `/v1/plans/${planId}/progress/import`,
        init: {
          method: "POST",
          headers: { "content-type": "text/csv" },
          body: `code,status,percent_done,result,period\n${task.code},in_progress,${1 + (n() % 98)},Kiểm thử phân quyền,2025\n`,
        },
      };
    },
  },
  {
    op: "PUT /v1/plans/{id}/tasks/{code}/progress",
    access: "policy",
    rule: "plan.write on the plan's unit (a district)",
    targets: "district",
    decide: byAction("plan.write"),
    success: 200,
    prepare: async ({ unitId, admin }) => {
      const planId = planOf(unitId);
      const plan = await body(await admin(`/v1/plans/${planId}`));
      const task = plan.tasks[0] as { code: string; version: number };
      return {
        path: `/v1/plans/${planId}/tasks/${encodeURIComponent(task.code)}/progress`,
        init: json("PUT", { status: "in_progress", result: "Kiểm thử phân quyền", period: "2025" }, { "if-match": `"${task.version}"` }),
      };
    },
  },
  {
    op: "PUT /v1/plans/{id}/steering-members",
    access: "policy",
    rule: "plan.write on the plan's unit (a district), and on the committee of every member it changes in the register",
    targets: "district",
    decide: byAction("plan.write"),
    success: 200,
    prepare: async ({ unitId, admin, n }) => {
      const planId = planOf(unitId);
      const etag = await etagOf(await admin(`/v1/plans/${planId}`));
      // The plan's assignment names members of the register (the one record): one of the district's committee.
      void n;
      const created = await admin("/v1/steering-members", json("POST", { ...steeringBody(unitId), communeUnitIds: [] }));
      const { id } = await body(created);
      const members = [{ id, supportsUnitIds: [firstCommuneOf(unitId)] }];
      return { path: `/v1/plans/${planId}/steering-members`, init: json("PUT", { members }, { "if-match": etag }) };
    },
  },
  {
    op: "POST /v1/plans",
    access: "policy",
    rule: "plan.write on the new plan's unit (a district)",
    targets: "district",
    decide: byAction("plan.write"),
    success: 201,
    prepare: async ({ unitId }) => ({ path: "/v1/plans", init: json("POST", { unitId, template: "blank", periodEnd: "2025-12-31" }) }),
  },
  {
    op: "POST /v1/plans",
    variant: "implementing",
    access: "policy",
    rule: "plan.implement on the new plan's unit (a commune's implementing plan of its district's plan, III.1)",
    targets: "commune",
    decide: byAction("plan.implement"),
    success: 201,
    prepare: async ({ unitId }) => {
      const district = unitId.startsWith("c-acc-") ? OTHER.district : `d-${unitId.split("-")[1]}`;
      return { path: "/v1/plans", init: json("POST", { unitId, template: "blank", parentPlanId: planOf(district) }) };
    },
  },
  {
    op: "PATCH /v1/plans/{id}",
    access: "policy",
    rule: "plan.write on the plan's unit (a district; If-Match current)",
    targets: "district",
    decide: byAction("plan.write"),
    success: 200,
    prepare: async ({ unitId, admin, n }) => {
      const planId = planOf(unitId);
      const etag = await etagOf(await admin(`/v1/plans/${planId}`));
      return { path: `/v1/plans/${planId}`, init: json("PATCH", { number: `${n()}-KH/KT` }, { "if-match": etag }) };
    },
  },
  {
    op: "POST /v1/plans/{id}/proposals",
    access: "policy",
    rule: "plan.write on the plan's unit when not made from an implementing plan (a district; If-Match current)",
    targets: "district",
    decide: byAction("plan.write"),
    success: 201,
    prepare: async ({ unitId, admin }) => {
      const planId = planOf(unitId);
      const etag = await etagOf(await admin(`/v1/plans/${planId}`));
      return {
        path: `/v1/plans/${planId}/proposals`,
        init: json("POST", { summary: "Đề xuất kiểm thử phân quyền" }, { "if-match": etag }),
      };
    },
  },
  {
    op: "POST /v1/plans/{id}/proposals/{pid}/decision",
    access: "policy",
    rule: "plan.write on the plan's unit: its owner decides (a district; a fresh proposal)",
    targets: "district",
    decide: byAction("plan.write"),
    success: 200,
    prepare: async ({ unitId, admin }) => {
      const planId = planOf(unitId);
      const etag = await etagOf(await admin(`/v1/plans/${planId}`));
      const { id } = await body(
        await admin(`/v1/plans/${planId}/proposals`, json("POST", { summary: "Đề xuất kiểm thử phân quyền" }, { "if-match": etag })),
      );
      return {
        path: `/v1/plans/${planId}/proposals/${id}/decision`,
        init: json("POST", { decision: "refuse", reason: "Kiểm thử phân quyền" }, { "if-match": '"1"' }),
      };
    },
  },
  {
    op: "POST /v1/plans/import",
    access: "policy",
    rule: "plan.write on the unit the plan is imported for (a district)",
    targets: "district",
    decide: byAction("plan.write"),
    success: 201,
    prepare: async ({ unitId, admin }) => {
      const file = await (await admin("/v1/plans/plan-63-d-01/export?format=json")).text();
      return {
        path: `/v1/plans/import?unitId=${encodeURIComponent(unitId)}`,
        init: { method: "POST", headers: { "content-type": "application/json" }, body: file },
      };
    },
  },
  // ---- Recognition dossiers ----
  {
    op: "POST /v1/dossiers",
    access: "policy",
    rule: "dossier.self_assess on the commune (commune officers in scope; admin)",
    targets: "commune",
    decide: byAction("dossier.self_assess"),
    success: 201,
    prepare: async ({ unitId }) => ({
      path: "/v1/dossiers",
      init: json("POST", { unitId, tier: "standard", year: freshDossierYear(unitId), packId: DOSSIER_PACK }),
    }),
  },
  {
    op: "PATCH /v1/dossiers/{id}",
    access: "policy",
    rule: "dossier.self_assess or dossier.review on the dossier's unit (a fresh draft; satisfaction only)",
    targets: "commune",
    decide: (user, unitId, tree) => can(user, "dossier.self_assess", unitId, tree) || can(user, "dossier.review", unitId, tree),
    success: 200,
    prepare: async (ctx) => {
      const { id, etag } = await draftDossier(ctx);
      return { path: `/v1/dossiers/${id}`, init: json("PATCH", { satisfactionPercent: 90 }, { "if-match": etag }) };
    },
  },
  {
    op: "POST /v1/dossiers/{id}/attachments",
    access: "policy",
    rule: "dossier.self_assess or dossier.review on the dossier's unit (a fresh draft; a small PDF)",
    targets: "commune",
    decide: (user, unitId, tree) => can(user, "dossier.self_assess", unitId, tree) || can(user, "dossier.review", unitId, tree),
    success: 201,
    prepare: async (ctx) => {
      const { id } = await draftDossier(ctx);
      return {
        path: `/v1/dossiers/${id}/attachments?name=bien-ban.pdf`,
        init: {
          method: "POST",
          headers: { "content-type": "application/octet-stream" },
          body: new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"),
        },
      };
    },
  },
  {
    op: "POST /v1/dossiers/{id}/transitions",
    variant: "local step (self_assess)",
    access: "policy",
    rule: "dossier.self_assess on the dossier's unit (a fresh draft with its self-assessment report)",
    targets: "commune",
    decide: byAction("dossier.self_assess"),
    success: 200,
    allowedOutcome: (caller) =>
      caller === "admin"
        ? {
            status: 422,
            code: "workflow.role_not_allowed",
            why: "admin acts as a province officer in the workflow, and core gives the commune's own step to commune officers only",
          }
        : undefined,
    prepare: async (ctx) => {
      const draft = await draftDossier(ctx);
      const id = draft.id;
      const etag = await etagOf(
        await ctx.admin(`/v1/dossiers/${id}`, json("PATCH", { documents: ["self_assessment_report"] }, { "if-match": draft.etag })),
      );
      return {
        path: `/v1/dossiers/${id}/transitions`,
        init: json("POST", { action: "self_assess", note: "Đã họp thôn (kiểm thử quyền)" }, { "if-match": etag }),
      };
    },
  },
  {
    op: "POST /v1/dossiers/{id}/transitions",
    variant: "review step (return)",
    access: "policy",
    rule: "dossier.review strictly below the reviewer's scope (a fresh submitted dossier)",
    targets: "commune",
    decide: byAction("dossier.review"),
    success: 200,
    allowedOutcome: (caller, scope) =>
      caller === "huyen"
        ? {
            status: 422,
            code: "workflow.role_not_allowed",
            why: "after 1/7/2025 (two-tier government) core lets only the province return a submitted dossier",
          }
        : caller === "admin" && scope === "outside"
          ? {
              status: 422,
              code: "workflow.out_of_scope",
              why: "admin acts with its scope unit (p-demo) in the workflow, and p-demo does not govern the other province",
            }
          : undefined,
    prepare: async (ctx) => {
      const id = await submittedDossier(ctx);
      const etag = '"1"'; // the copy is written with version 1
      return {
        path: `/v1/dossiers/${id}/transitions`,
        init: json("POST", { action: "return", note: "Bổ sung biên bản họp (kiểm thử quyền)" }, { "if-match": etag }),
      };
    },
  },
  // ---- OCOP, contributions, housing, inspections, emulation and discipline, consultations ----
  ...recordRows(),
  ...(["commendations", "disciplines"] as const).map(
    (kind): AccessRow => ({
      op: `POST /v1/${kind}/import`,
      access: "policy",
      rule: "values.write on the caller's scope, then on every unit of the file; an outside unit is a row problem (422, nothing written), not a 403",
      targets: "commune",
      decide: byAction("values.write"),
      deniedStatus: (user, tree) => (can(user, "values.write", user.scopeUnitId, tree) ? 422 : 403),
      success: 200,
      prepare: async ({ unitId }) => ({
        path: `/v1/${kind}/import`,
        init: {
          method: "POST",
          headers: { "content-type": "text/csv" },
          body:
            kind === "commendations"
              ? `unit_id,form,level,issuer,decision_number,decision_date,subject_name,achievement\n${unitId},giay_khen,district,UBND huyện,1/QĐ,01/09/2025,Xã kiểm thử,Kiểm thử quyền\n`
              : `unit_id,form,level,issuer,decision_date,subject_name,reason\n${unitId},criticism,district,Ban Thường vụ,01/09/2025,Xã kiểm thử,Kiểm thử quyền\n`,
        },
      }),
    }),
  ),
  ...(
    [
      [
        "ocop",
        "values.write",
        "name,subject_name,subject_kind,commune_code,group,score,stars,status",
        (u: string) => `Kiểm thử quyền,HTX,cooperative,${u},food,72.5,4,rated`,
      ],
      ["resources", "values.write", "unit_code,period,source,amount", (u: string) => `${u},2025,credit,1000`],
      ["housing", "values.write", "commune_code,status", (u: string) => `${u},temporary`],
      ["inspections", "inspection.write", "unit_code,kind,date,subject_name", (u: string) => `${u},inspection,12/05/2025,Kiểm thử quyền`],
    ] as const
  ).map(
    ([kind, action, header, row]): AccessRow => ({
      op: `POST /v1/${kind}/import`,
      access: "policy",
      rule: `${action} on the caller's scope, then on every unit of the file; a unit outside it → 403 naming the row, nothing written`,
      targets: "commune",
      decide: byAction(action),
      success: 200,
      prepare: async ({ unitId }) => ({
        path: `/v1/${kind}/import`,
        init: { method: "POST", headers: { "content-type": "text/csv" }, body: `${header}\n${row(unitId)}\n` },
      }),
    }),
  ),
  {
    op: "PUT /v1/report-narratives",
    access: "policy",
    rule: "plan.write on the unit (a district; a new period each case, so no If-Match)",
    targets: "district",
    decide: byAction("plan.write"),
    success: 200,
    prepare: async ({ unitId, n }) => ({
      path: `/v1/report-narratives?unitId=${unitId}&period=${2030 + n()}`,
      init: json("PUT", { shortcomings: ["Kiểm thử quyền"], causes: [], directions: [], recommendations: [] }),
    }),
  },
  // ---- Steering committee members (II.3) ----
  ...steeringRows(),
  // ---- Scoring ----
  {
    op: "PUT /v1/units/{id}/scoring-scheme",
    access: "policy",
    rule: "plan.write on the unit (a district's own scheme)",
    targets: "district",
    decide: byAction("plan.write"),
    success: 200,
    prepare: async ({ unitId, admin }) => {
      const etag = await etagOf(await admin(`/v1/units/${unitId}/scoring-scheme`));
      return {
        path: `/v1/units/${unitId}/scoring-scheme`,
        init: json(
          "PUT",
          {
            ...DEFAULT_SCORING_SCHEME,
            id: `${unitId}.scheme`,
            version: "2025.1",
            isDefault: false,
            basis: "Quyết định (ví dụ, kiểm thử quyền)",
          },
          { "if-match": etag },
        ),
      };
    },
  },
  {
    op: "POST /v1/units/{id}/scoring-inputs/{year}/import",
    access: "policy",
    rule: "read on the unit, then plan.write on every commune of the file (as the PUT); one refused → 403 naming the rows, nothing written",
    targets: "commune",
    decide: byAction("plan.write"),
    success: 200,
    prepare: async ({ unitId, n }) => ({
      path: `/v1/units/${unitId}/scoring-inputs/2025/import`,
      init: {
        method: "POST",
        headers: { "content-type": "text/csv" },
        // A total unique in the run, so the row always changes the commune's inputs.
        body: `unit_code,year,programme_targets_met,programme_targets_total\n${unitId},2025,1,${1000 + n()}\n`,
      },
    }),
  },
  {
    op: "PUT /v1/units/{id}/scoring-inputs/{year}",
    access: "policy",
    rule: "plan.write on the unit",
    targets: "commune",
    decide: byAction("plan.write"),
    success: 200,
    prepare: async ({ unitId, admin }) => {
      const etag = await etagOf(await admin(`/v1/units/${unitId}/scoring-inputs/2025`));
      return {
        path: `/v1/units/${unitId}/scoring-inputs/2025`,
        init: json("PUT", { programmeTargetsMet: 3, programmeTargetsTotal: 5 }, { "if-match": etag }),
      };
    },
  },
];

/** A case known to disagree with the policy, kept visible until it is fixed (printed by the test). */
export interface KnownGap {
  op: string;
  variant?: string;
  caller: Caller;
  scope: Scope;
  /** The status the route returns today. */
  actual: number;
  why: string;
}

/** Cases where the route and the policy disagree today. Empty: every case matches the policy. */
export const KNOWN_GAPS: readonly KnownGap[] = [];
