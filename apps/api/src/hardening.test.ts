/**
 * Regression tests for the defects of issue 15 (hardening), each failing before its fix. Runs on PGlite
 * and, with DATABASE_URL, on PostgreSQL (where the concurrency cases are real races).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { createApp } from "./app.js";
import { auditLog, indicatorValues, rateLimits } from "./db/schema.js";
import { databaseProblem } from "./http/hardening.js";
import { LOGIN_FREE_ATTEMPTS, LOGIN_IP_LIMIT, loginDelayMs } from "./routes/auth.js";
import { type Harness, type Session, json, login, loginAll, openHarness } from "./testing/harness.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

const audits = async (): Promise<number> => (await h.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
type Problem = { kind: string; status: number; detail: string; errors?: { path: string; message: string }[] };
async function problem(res: Response): Promise<[number, string | null, string, string[]]> {
  const p = (await res.json()) as Problem;
  return [res.status, res.headers.get("content-type"), p.kind, (p.errors ?? []).map((e) => e.path)];
}
const PROBLEM = "application/problem+json; charset=utf-8";
const anonymous = (path: string, init?: RequestInit): Promise<Response> => Promise.resolve(h.app.request(path, init));
let userCounter = 0;
/** A fresh commune officer (so that password and lockout tests do not disturb the demo users). */
async function freshUser(password = "mat-khau-cu-1"): Promise<{ id: string; username: string; password: string }> {
  const username = `harden-${++userCounter}-${h.driver}`;
  const res = await s.admin!.request(
    "/v1/users",
    json("POST", { username, displayName: "Kiểm thử", password, role: "commune_officer", scopeUnitId: "c-01-01" }),
  );
  if (res.status !== 201) throw new Error(`freshUser: ${res.status} ${await res.text()}`);
  return { id: ((await res.json()) as { id: string }).id, username, password };
}

describe("#1 control characters never reach the database", () => {
  it("answers a NUL in the login username with a 422 naming the field, not a 500", async () => {
    const res = await anonymous("/v1/auth/login", json("POST", { username: "a\u0000b", password: "x" }));
    expect(await problem(res)).toEqual([422, PROBLEM, "invalid_input", ["$.username"]]);
  });

  it("answers %00 in path parameters and sub-routes with a 422 naming the path segment", async () => {
    const paths = [
      "/v1/plans/%00",
      "/v1/dossiers/%00",
      "/v1/plans/%00/due-reports",
      "/v1/units/%00/values/2024",
      "/v1/units/c-01-01%00/evaluation?year=2024",
    ];
    const out = await Promise.all(paths.map(async (p) => (await problem(await s.admin!.request(p))).slice(0, 3)));
    expect(out).toEqual(paths.map(() => [422, PROBLEM, "invalid_input"]));
  });

  it("answers %00 in audit filters with a 422 naming the query parameter", async () => {
    const [a, b] = await Promise.all([s.admin!.request("/v1/audit?entityId=%00"), s.admin!.request("/v1/audit?entityType=x%00y")]);
    expect([await problem(a), await problem(b)]).toEqual([
      [422, PROBLEM, "invalid_input", ["query.entityId"]],
      [422, PROBLEM, "invalid_input", ["query.entityType"]],
    ]);
  });

  it("refuses NUL in token routes and in nested JSON (keys too), and writes nothing", async () => {
    const before = await audits();
    const del = await s.admin!.request("/v1/tokens/%00", { method: "DELETE" });
    const create = await s.admin!.request("/v1/tokens", json("POST", { name: "x", userId: "u\u0000" }));
    const notes = await s.xa!.request(
      "/v1/units/c-01-01/values/2031",
      json("PUT", { values: {}, notes: { "2.1": "ok\u0000", "a\u0001": "x" } }),
    );
    expect([await problem(del), await problem(create), (await problem(notes)).slice(0, 3), await audits()]).toEqual([
      [422, PROBLEM, "invalid_input", ['path segment 3 ("%00")']],
      [422, PROBLEM, "invalid_input", ["$.userId"]],
      [422, PROBLEM, "invalid_input"],
      before,
    ]);
  });

  it("still accepts tab, line breaks and Vietnamese text", async () => {
    const res = await s.xa!.request(
      "/v1/units/c-01-01/values/2032",
      json("PUT", { values: {}, notes: { "2.1": "Báo cáo số 12\n\tdòng hai" } }),
    );
    expect(res.status).toBe(200);
  });

  it("maps database refusals to 4xx problems without SQL (a safety net behind the checks)", () => {
    const wrapped = (code: string) =>
      Object.assign(new Error("Failed query: insert into ..."), { cause: Object.assign(new Error("duplicate key"), { code }) });
    expect([
      databaseProblem(wrapped("23505"))?.kind,
      databaseProblem(wrapped("22P05"))?.kind,
      databaseProblem(wrapped("XX000")),
      databaseProblem(new Error("x")),
    ]).toEqual(["conflict", "invalid_input", undefined, undefined]);
  });
});

describe("#2 PATCH /v1/users/{id} with nothing to change", () => {
  it("answers {} and unknown-only keys with a 422 naming the problem, and writes nothing", async () => {
    const u = await freshUser();
    const before = await audits();
    const empty = await s.admin!.request(`/v1/users/${u.id}`, json("PATCH", {}));
    const unknown = await s.admin!.request(`/v1/users/${u.id}`, json("PATCH", { colour: "red", "nick name": 1 }));
    expect([await problem(empty), await problem(unknown), await audits()]).toEqual([
      [422, PROBLEM, "invalid_input", ["$"]],
      [422, PROBLEM, "invalid_input", ['$["colour"]', '$["nick name"]']],
      before,
    ]);
  });
});

describe("#3 concurrent writers of one unit-year", () => {
  const N = 20;
  /** N writers at once, each marking its body with its number in a note; the tally and who won. */
  async function race(year: number, headers: Record<string, string>): Promise<{ tally: Record<number, number>; winners: string[] }> {
    const res = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        s.admin!.request(`/v1/units/c-01-03/values/${year}`, json("PUT", { values: {}, notes: { "2.2": `writer ${i}` } }, headers)),
      ),
    );
    const tally: Record<number, number> = {};
    for (const r of res) tally[r.status] = (tally[r.status] ?? 0) + 1;
    const winners = res.flatMap((r, i) => (r.status === 200 ? [`writer ${i}`] : []));
    return { tally, winners };
  }
  /** The note the stored row carries: the body that was written last. */
  const storedNote = async (year: number) => ((await rowsOf(year))[0]?.notes as Record<string, string> | null)?.["2.2"];
  const auditsOf = async (year: number) =>
    (
      await h.database.db
        .select({ n: count() })
        .from(auditLog)
        .where(eq(auditLog.entityId, `c-01-03/${year}`))
    )[0]?.n ?? 0;
  const rowsOf = async (year: number) =>
    (await h.database.db.select().from(indicatorValues).where(eq(indicatorValues.unitId, "c-01-03"))).filter((r) => r.year === year);

  it("creates once with If-None-Match: * and answers 412 to the other 19", async () => {
    const { tally, winners } = await race(2026, { "if-none-match": "*" });
    console.log(`[resilience ${h.driver}] ${N} parallel creates, If-None-Match: *  →`, JSON.stringify(tally));
    expect([tally, await auditsOf(2026), (await rowsOf(2026)).map((r) => r.version), [await storedNote(2026)]]).toEqual([
      { 200: 1, 412: N - 1 },
      1,
      [1],
      winners,
    ]);
  });

  it('creates once with If-Match "0" (the absent version), the rest 412', async () => {
    const { tally, winners } = await race(2027, { "if-match": '"0"' });
    console.log(`[resilience ${h.driver}] ${N} parallel creates, If-Match: "0" →`, JSON.stringify(tally));
    expect([tally, await auditsOf(2027), [await storedNote(2027)]]).toEqual([{ 200: 1, 412: N - 1 }, 1, winners]);
  });

  it("creates once without a precondition header: no lost update, the rest 412 or 428, never 500", async () => {
    const { tally, winners } = await race(2028, {});
    console.log(`[resilience ${h.driver}] ${N} parallel creates, no header →`, JSON.stringify(tally));
    expect([
      tally[200],
      (tally[412] ?? 0) + (tally[428] ?? 0),
      Object.keys(tally).filter((k) => !["200", "412", "428"].includes(k)),
      await auditsOf(2028),
      [await storedNote(2028)],
    ]).toEqual([1, N - 1, [], 1, winners]);
  });

  it("updates once with If-Match of the current version, the rest 412", async () => {
    const { tally, winners } = await race(2026, { "if-match": '"1"' });
    console.log(`[resilience ${h.driver}] ${N} parallel updates, If-Match: "1" →`, JSON.stringify(tally));
    expect([tally, await auditsOf(2026), (await rowsOf(2026)).map((r) => r.version), [await storedNote(2026)]]).toEqual([
      { 200: 1, 412: N - 1 },
      2,
      [2],
      winners,
    ]);
  });

  it("answers 412 to If-None-Match: * once values exist, and 422 to a malformed If-None-Match", async () => {
    const again = await s.admin!.request("/v1/units/c-01-03/values/2026", json("PUT", { values: {} }, { "if-none-match": "*" }));
    const bad = await s.admin!.request("/v1/units/c-01-03/values/2029", json("PUT", { values: {} }, { "if-none-match": '"3"' }));
    expect([(await problem(again)).slice(0, 3), await problem(bad)]).toEqual([
      [412, PROBLEM, "precondition_failed"],
      [422, PROBLEM, "invalid_input", ["headers.if-none-match"]],
    ]);
  });
});

describe("#5 a password change revokes API tokens", () => {
  async function tokenFor(session: Session): Promise<string> {
    return ((await (await session.request("/v1/tokens", json("POST", { name: "tích hợp" }))).json()) as { token: string }).token;
  }
  const me = async (token: string) => (await anonymous("/v1/auth/me", { headers: { authorization: `Bearer ${token}` } })).status;

  it("revokes the user's tokens on a self-service change, keeping the session that changed it", async () => {
    const u = await freshUser();
    const session = await login(h, u.username, u.password);
    const token = await tokenFor(session);
    const before = await me(token);
    const changed = await session.request(
      "/v1/auth/password",
      json("POST", { currentPassword: u.password, newPassword: "mat-khau-moi-2" }),
    );
    expect([before, changed.status, await me(token), (await session.request("/v1/auth/me")).status]).toEqual([200, 204, 401, 200]);
  });

  it("revokes them on an admin reset too", async () => {
    const u = await freshUser();
    const token = await tokenFor(await login(h, u.username, u.password));
    const before = await me(token);
    const reset = await s.admin!.request(`/v1/users/${u.id}`, json("PATCH", { password: "dat-lai-mat-khau" }));
    expect([before, reset.status, await me(token)]).toEqual([200, 200, 401]);
  });
});

describe("#6 sign-in throttling per account and address", () => {
  let t = Date.parse("2026-03-01T08:00:00Z");
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp({ db: h.database.db, trustProxy: 1, now: () => new Date(t) });
  });
  const attempt = async (username: string, password: string, ip: string) => {
    const res = await app.request("/v1/auth/login", json("POST", { username, password }, { "x-forwarded-for": ip }));
    return {
      status: res.status,
      retryAfter: res.headers.get("retry-after"),
      detail: res.status === 200 ? "" : ((await res.json()) as Problem).detail,
    };
  };

  it("grows the delay after the free attempts, for that account from that address only", async () => {
    const u = await freshUser();
    const wrong: number[] = [];
    for (let i = 0; i < LOGIN_FREE_ATTEMPTS; i++) wrong.push((await attempt(u.username, "sai", "10.15.0.1")).status);
    const blocked = await attempt(u.username, u.password, "10.15.0.1");
    const victimElsewhere = await attempt(u.username, u.password, "10.15.0.2");
    t += 1100;
    const afterOne = await attempt(u.username, "sai", "10.15.0.1");
    const blockedTwo = await attempt(u.username, "sai", "10.15.0.1");
    t += 2100;
    const afterTwo = await attempt(u.username, u.password, "10.15.0.1");
    expect([
      wrong,
      blocked.status,
      blocked.retryAfter,
      victimElsewhere.status,
      afterOne.status,
      blockedTwo.status,
      blockedTwo.retryAfter,
      afterTwo.status,
    ]).toEqual([Array(LOGIN_FREE_ATTEMPTS).fill(401), 429, "1", 200, 401, 429, "2", 200]);
    expect([loginDelayMs(LOGIN_FREE_ATTEMPTS - 1), loginDelayMs(LOGIN_FREE_ATTEMPTS + 3), loginDelayMs(500)]).toEqual([
      0,
      8000,
      15 * 60 * 1000,
    ]);
  });

  it("lets a stranger who keeps failing (15 wrong passwords, waiting out every delay) lock nobody out but themselves", async () => {
    const u = await freshUser();
    const stranger: number[] = [];
    for (let i = 0; i < 15; i++) {
      const a = await attempt(u.username, "sai", "10.15.3.1");
      stranger.push(a.status);
      t += Number(a.retryAfter ?? 0) * 1000 + 1000;
      if (a.status === 429) i--; // waited out; try again
    }
    const victim = await attempt(u.username, u.password, "10.15.3.2");
    const strangerRight = await attempt(u.username, u.password, "10.15.3.1");
    expect([stranger.filter((x) => x === 401).length, victim.status, strangerRight.status]).toEqual([15, 200, 429]);
  });

  it("answers an unknown username exactly like a wrong password, throttling included", async () => {
    const u = await freshUser();
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i <= LOGIN_FREE_ATTEMPTS; i++) {
      const a = await attempt(u.username, "sai", "10.15.1.1");
      const b = await attempt(`${u.username}-khong-co`, "sai", "10.15.1.1");
      known.push(`${a.status} ${a.detail}`);
      unknown.push(`${b.status} ${b.detail}`);
    }
    expect(unknown).toEqual(known);
  });

  it("stops one address guessing across many accounts, gives a success's attempt back, and leaves other addresses alone", async () => {
    const u = await freshUser();
    const key = "login-ip:10.15.2.2";
    // As after LOGIN_IP_LIMIT - 1 failures from this address over many usernames.
    await h.database.db.insert(rateLimits).values({ key, count: LOGIN_IP_LIMIT - 1, windowStart: new Date(t) });
    const success = await attempt(u.username, u.password, "10.15.2.2");
    const afterSuccess = (await h.database.db.select().from(rateLimits).where(eq(rateLimits.key, key)))[0]?.count;
    const failure = await attempt("khach-1", "sai", "10.15.2.2");
    const then = await attempt(u.username, u.password, "10.15.2.2");
    const otherAddress = await attempt(u.username, u.password, "10.15.2.3");
    expect([success.status, afterSuccess, failure.status, then.status, otherAddress.status]).toEqual([
      200,
      LOGIN_IP_LIMIT - 1,
      401,
      429,
      200,
    ]);
  });
});

describe("#7 security headers", () => {
  it("has a CSP without 'unsafe-inline' scripts, with frame-ancestors 'none', and /docs' script allowed by its hash", async () => {
    const res = await anonymous("/docs");
    const csp = res.headers.get("content-security-policy") ?? "";
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    const html = await res.text();
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const { createHash } = await import("node:crypto");
    expect([
      scriptSrc.includes("unsafe-inline"),
      /frame-ancestors 'none'/.test(csp),
      scriptSrc.includes(`'sha256-${createHash("sha256").update(inline).digest("base64")}'`),
    ]).toEqual([false, true, true]);
  });

  it("sends Cache-Control: no-store on signed-in /v1 answers (errors included)", async () => {
    const [units, missing] = await Promise.all([s.xem!.request("/v1/units"), s.xem!.request("/v1/units/khong-co")]);
    expect([units.status, units.headers.get("cache-control"), missing.status, missing.headers.get("cache-control")]).toEqual([
      200,
      "no-store",
      404,
      "no-store",
    ]);
  });
});

describe("#8 authenticate first", () => {
  it("answers 401 to strangers whether or not the id exists, before 404, 422 or 428", async () => {
    const dossierId = ((await (await s.admin!.request("/v1/dossiers")).json()) as { items: { id: string }[] }).items[0]!.id;
    const requests: [string, RequestInit?][] = [
      ["/v1/plans/plan-63-d-01"],
      ["/v1/plans/khong-co"],
      [`/v1/dossiers/${dossierId}`],
      ["/v1/dossiers/khong-co"],
      ["/v1/units/c-01-01", json("PATCH", { name: "x" })],
      ["/v1/units/c-01-01", { method: "DELETE" }],
      ["/v1/units/khong-co", { method: "DELETE" }],
      ["/v1/units/c-01-01/values/2024", json("PUT", { values: "sai" })],
      ["/v1/khong-co-duong-dan"],
    ];
    const statuses = await Promise.all(requests.map(async ([p, init]) => (await anonymous(p, init)).status));
    expect(statuses).toEqual(requests.map(() => 401));
  });

  it("keeps the public operations open: packs, published results, sign-in", async () => {
    const [packs, pubs] = await Promise.all([anonymous("/v1/packs"), anonymous("/v1/public/publications")]);
    expect([packs.status, pubs.status]).toEqual([200, 200]);
  });
});

describe("#9 spreadsheet formulas in exports", () => {
  it("exports a unit named like a formula as text in the API's CSV and XLSX", async () => {
    const name = '=HYPERLINK("http://evil.example","x")';
    const made = await s.admin!.request("/v1/units", json("POST", { id: "c-01-99", level: "commune", name, parentId: "d-01" }));
    const csv = await (await s.admin!.request("/v1/units/d-01/export/evaluations?year=2024&format=csv")).text();
    const { parseCsv, parseXlsx } = await import("./transfer/table.js");
    const csvRow = parseCsv(csv).rows.find((r) => r.cells[0] === "c-01-99")?.cells;
    const xlsx = await (await s.admin!.request("/v1/units/d-01/export/values?year=2024&format=xlsx")).arrayBuffer();
    const xlsxRow = (await parseXlsx(xlsx)).rows.find((r) => r.cells[0] === "c-01-99")?.cells;
    expect([made.status, csvRow?.[1], xlsxRow?.[1]]).toEqual([201, `'${name}`, `'${name}`]);
  });
});
