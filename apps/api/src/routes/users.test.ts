import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { type Harness, type Session, json, login, loginAll, openHarness } from "../testing/harness.js";
import { auditLog, users } from "../db/schema.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

type UserOut = { id: string; username: string; role: string; scopeUnitId: string; active: boolean };
const names = async (res: Response) => ((await res.json()) as { items: UserOut[] }).items.map((u) => u.username);
const idOf = async (username: string) => (await h.database.db.select().from(users).where(eq(users.username, username)))[0]!.id;
const audits = async (action: string, entityId: string) =>
  h.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id));

describe("GET /v1/roles", () => {
  it("lists every role with its Vietnamese and English name", async () => {
    const res = await s.xa!.request("/v1/roles");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; label: { vi: string; en: string } }[] };
    expect(items.map((r) => r.id)).toEqual(
      expect.arrayContaining(["admin", "province_officer", "district_officer", "commune_officer", "inspector", "viewer"]),
    );
    expect(items.find((r) => r.id === "commune_officer")!.label).toEqual({ vi: "Cán bộ xã", en: "Commune officer" });
  });
});

describe("GET /v1/users", () => {
  it("lists the users scoped within a unit, filtered by role and active flag", async () => {
    expect(await names(await s.admin!.request("/v1/users"))).toEqual(["admin", "huyen", "thanhtra", "tinh", "xa", "xem"]);
    expect(await names(await s.admin!.request("/v1/users?scope=d-01"))).toEqual(["huyen", "xa"]);
    expect(await names(await s.admin!.request("/v1/users?scope=p-demo&role=commune_officer"))).toEqual(["xa"]);
    expect(await names(await s.admin!.request("/v1/users?active=false"))).toEqual([]);
  });

  it("refuses those without users.manage (403) and an unknown scope (404)", async () => {
    expect((await s.xa!.request("/v1/users")).status).toBe(403);
    expect((await s.admin!.request("/v1/users?scope=nowhere")).status).toBe(404);
    expect((await s.admin!.request("/v1/users?role=chief")).status).toBe(422);
  });
});

describe("POST /v1/users/{id}/reset-password", () => {
  it("sets a temporary password, ends the user's sessions and revokes their API tokens, audited", async () => {
    const xa = await login(h, "xa");
    const tok = (await (await xa.request("/v1/tokens", json("POST", { name: "script" }))).json()) as { token: string };
    const bearer = { authorization: `Bearer ${tok.token}` };
    expect((await h.app.request("/v1/auth/me", { headers: bearer })).status).toBe(200);
    const id = await idOf("xa");
    const res = await s.admin!.request(`/v1/users/${id}/reset-password`, json("POST", {}));
    expect(res.status).toBe(200);
    const out = (await res.json()) as { temporaryPassword: string; sessionsEnded: number; tokensRevoked: number; user: UserOut };
    expect(out).toMatchObject({ tokensRevoked: 1, user: { username: "xa", active: true } });
    expect(out.sessionsEnded).toBeGreaterThanOrEqual(2);
    expect(out.temporaryPassword.length).toBeGreaterThanOrEqual(12);
    expect((await xa.request("/v1/auth/me")).status).toBe(401);
    expect((await h.app.request("/v1/auth/me", { headers: bearer })).status).toBe(401);
    const again = await login(h, "xa", out.temporaryPassword);
    expect((await again.request("/v1/auth/me")).status).toBe(200);
    const [entry] = await audits("user.reset_password", id);
    expect(entry).toMatchObject({ actorName: "admin", after: { passwordChanged: true, tokensRevoked: 1 } });
    expect(JSON.stringify(entry)).not.toContain(out.temporaryPassword);
    // Given password: too short is refused naming the field, and nothing changes.
    const bad = await s.admin!.request(`/v1/users/${id}/reset-password`, json("POST", { password: "short" }));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["$.password"]);
    expect((await again.request("/v1/auth/me")).status).toBe(200);
  });

  it("is refused to a commune officer (403) and for an unknown user (404)", async () => {
    expect((await s.xem!.request(`/v1/users/${await idOf("xa")}/reset-password`, json("POST", {}))).status).toBe(403);
    expect((await s.admin!.request("/v1/users/nobody/reset-password", json("POST", {}))).status).toBe(404);
  });
});

describe("POST /v1/users/{id}/deactivate", () => {
  it("deactivates a user, ends their sessions and keeps them out, audited; not oneself", async () => {
    const xem = await login(h, "xem");
    const id = await idOf("xem");
    const res = await s.admin!.request(`/v1/users/${id}/deactivate`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ username: "xem", active: false });
    expect((await xem.request("/v1/auth/me")).status).toBe(401);
    const signIn = await h.app.request("/v1/auth/login", json("POST", { username: "xem", password: "xem123" }));
    expect(signIn.status).toBe(401);
    expect(await audits("user.deactivate", id)).toHaveLength(1);
    expect(await names(await s.admin!.request("/v1/users?active=false"))).toEqual(["xem"]);
    const self = await s.admin!.request(`/v1/users/${await idOf("admin")}/deactivate`, { method: "POST" });
    expect(self.status).toBe(422);
  });
});
