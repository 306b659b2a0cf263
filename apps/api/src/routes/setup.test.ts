import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { type Harness, json, login, openHarness } from "../testing/harness.js";
import { auditLog, setupTokens, units, users } from "../db/schema.js";
import { SETUP_TOKEN_TTL_MS, issueSetupToken, needsSetup } from "../setup.js";
import { existingDemoCredentialLines } from "../seed/index.js";

let h: Harness;

beforeAll(async () => {
  h = await openHarness({ seed: false });
});
afterAll(async () => {
  await h?.close();
});

type Problem = { status: number; kind: string; errors?: { path: string }[] };
let ip = 0;
/** Each call from its own address unless told, so the per-address limit only bites where tested. */
const post = (body: unknown, from = `10.1.0.${++ip}`) => h.app.request("/v1/setup", json("POST", body, { "x-forwarded-for": from }));
const paths = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.path) ?? [];
const first = {
  username: "quantri",
  password: "mat-khau-dai",
  displayName: "Quản trị tỉnh",
  province: { id: "p-26", name: "Tỉnh Vĩnh Phúc" },
};

describe("first run on an empty database", () => {
  it("needs setup and advertises no demo account", async () => {
    expect(await needsSetup(h.database.db)).toBe(true);
    expect(await existingDemoCredentialLines(h.database.db)).toEqual([]);
    expect(await (await h.app.request("/v1/setup")).json()).toEqual({ needed: true });
    const signIn = await h.app.request("/v1/auth/login", json("POST", { username: "admin", password: "admin123" }));
    expect(signIn.status).toBe(401);
  });

  it("refuses a wrong token (403 on $.token) and bad fields (422 naming each), writing nothing", async () => {
    await issueSetupToken(h.database.db, new Date());
    const wrong = await post({ ...first, token: "not-the-token" });
    expect(wrong.status).toBe(403);
    expect(await paths(wrong)).toEqual(["$.token"]);
    const bad = await post({ token: "x", username: "Quản Trị", password: "short", displayName: "", province: { id: "P 26", name: "" } });
    expect(bad.status).toBe(422);
    expect((await paths(bad)).sort()).toEqual(["$.displayName", "$.password", "$.province.id", "$.province.name", "$.username"]);
    expect(await h.database.db.select().from(users)).toEqual([]);
    expect(await h.database.db.select().from(units)).toEqual([]);
  });

  it("refuses an expired token and asks for a province while the tree is empty", async () => {
    const old = await issueSetupToken(h.database.db, new Date(Date.now() - SETUP_TOKEN_TTL_MS - 1000));
    const expired = await post({ ...first, token: old });
    expect(expired.status).toBe(403);
    const token = await issueSetupToken(h.database.db, new Date());
    const noProvince = await post({ token, username: "quantri", password: "mat-khau-dai", displayName: "Quản trị" });
    expect(noProvince.status).toBe(422);
    expect(await paths(noProvince)).toEqual(["$.province"]);
    expect(await h.database.db.select().from(users)).toEqual([]);
  });

  it("rate-limits attempts per client address (429 after 10 in 15 minutes)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post({ ...first, token: `guess-${i}` }, "10.9.9.9")).status);
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("creates the first administrator and the province with a valid token (201), audited, who can then sign in", async () => {
    const token = await issueSetupToken(h.database.db, new Date());
    const res = await post({ ...first, token });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      username: "quantri",
      displayName: "Quản trị tỉnh",
      role: "admin",
      scopeUnitId: "p-26",
      active: true,
    });
    const [province] = await h.database.db.select().from(units).where(eq(units.id, "p-26"));
    expect(province).toMatchObject({ level: "province", name: "Tỉnh Vĩnh Phúc", parentId: null, path: "/p-26/" });
    const audit = await h.database.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, a.entityId, a.actorName])).toEqual([
      ["unit.create", "p-26", "quantri"],
      ["setup.first_admin", (await h.database.db.select().from(users))[0]!.id, "quantri"],
    ]);
    const admin = await login(h, "quantri", "mat-khau-dai");
    expect(((await (await admin.request("/v1/units/tree")).json()) as { id: string }).id).toBe("p-26");
    // Every outstanding token is spent.
    expect((await h.database.db.select().from(setupTokens)).every((t) => t.usedAt !== null)).toBe(true);
  });

  it("answers 409 to any later call, even with a fresh token, and reports setup as done", async () => {
    const token = await issueSetupToken(h.database.db, new Date());
    const again = await post({ ...first, username: "khac", token });
    expect(again.status).toBe(409);
    expect(await (await h.app.request("/v1/setup")).json()).toEqual({ needed: false });
    expect((await h.database.db.select().from(users)).map((u) => u.username)).toEqual(["quantri"]);
  });
});
