import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { type Harness, type Session, json, loginAll, openHarness } from "../testing/harness.js";
import { auditLog } from "../db/schema.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

const body = async (res: Response): Promise<any> => res.json();
const audits = async (id: string) =>
  (await h.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, id)))[0]?.n ?? 0;

const product = {
  name: "Mật ong hoa cà phê",
  subject: { name: "HTX An Hòa", kind: "cooperative" },
  communeUnitId: "c-01-01",
  group: "food",
  score: 78.5,
  stars: 4,
  certificate: { number: "12/QĐ-UBND", date: "2024-05-10" },
  status: "recognised",
};
const contribution = { unitId: "c-01-01", period: "2025", source: "people_cash", amount: "1.250.000.000" };
const house = { communeUnitId: "c-01-01", status: "temporary", household: "Hộ bà Lê Thị Hoa" };
const record = {
  unitId: "c-01-01",
  subject: { kind: "unit", id: "c-01-01", name: "Xã An Lộc" },
  date: "2025-03-10",
  kind: "inspection",
  findings: ["Thiếu minh chứng tiêu chí 17"],
  recommendations: [{ id: "k1", text: "Bổ sung minh chứng", responsible: "UBND xã", dueDate: "2025-04-30", status: "open" }],
};

describe("demo seed", () => {
  it("holds recognised OCOP products of 3–5 stars, some due for renewal or expired on a given date", async () => {
    const p = await body(await s.tinh!.request("/v1/ocop-products?asOf=2025-06-30"));
    const validity = new Set(p.items.map((i: { status: { validity: string } }) => i.status.validity));
    expect([
      p.items.length > 20,
      p.items.every(
        (i: { data: { stars: number; status: string } }) => i.data.stars >= 3 && i.data.stars <= 5 && i.data.status === "recognised",
      ),
      validity.has("renewal_due"),
      validity.has("valid"),
    ]).toEqual([true, true, true, true]);
  });

  it("holds contributions by source for 2023–2025 with amounts as whole-number strings", async () => {
    const p = await body(await s.tinh!.request("/v1/contributions?unitId=c-02-05"));
    const sources = new Set(p.items.map((i: { data: { source: string } }) => i.data.source));
    const periods = new Set(p.items.map((i: { data: { period: string } }) => i.data.period));
    expect([p.items.every((i: { data: { amount: string } }) => /^\d+$/.test(i.data.amount)), sources.size, [...periods].sort()]).toEqual([
      true,
      8,
      ["2023", "2024", "2025"],
    ]);
  });

  it("holds houses in every status and inspection records with overdue recommendations", async () => {
    const [houses, insp] = await Promise.all([s.tinh!.request("/v1/housing"), s.thanhtra!.request("/v1/inspections?asOf=2026-01-01")]);
    const counts = (await body(houses)).summary.rollUp.counts;
    expect([Object.values(counts).every((n) => (n as number) > 0), (await body(insp)).summary.overdueRecommendations.length > 0]).toEqual([
      true,
      true,
    ]);
  });
});

describe.each([
  ["/v1/ocop-products", product, { xa: 201, huyen: 201, tinh: 201, thanhtra: 403, xem: 403 }],
  ["/v1/contributions", contribution, { xa: 201, huyen: 201, tinh: 201, thanhtra: 403, xem: 403 }],
  ["/v1/housing", house, { xa: 201, huyen: 201, tinh: 201, thanhtra: 403, xem: 403 }],
  ["/v1/inspections", record, { xa: 403, huyen: 403, tinh: 403, thanhtra: 201, xem: 403 }],
] as const)("writes to %s", (path, input, expected) => {
  it.each(Object.entries(expected))("POST as %s → %i (inside scope), audited when created", async (who, status) => {
    const res = await s[who]!.request(path, json("POST", input));
    const out = await body(res);
    expect([res.status, status === 201 ? await audits(out.id) : 0]).toEqual([status, status === 201 ? 1 : 0]);
  });

  it("refuses a write outside the writer's scope (commune officer) or role (district officer on inspections) with 403", async () => {
    const who = path === "/v1/inspections" ? "thanhtra" : "xa";
    const other =
      path === "/v1/inspections"
        ? { ...input, unitId: "c-02-01" }
        : "communeUnitId" in input
          ? { ...input, communeUnitId: "c-02-01" }
          : { ...input, unitId: "c-02-01" };
    const res = await (who === "xa" ? s.xa! : s.huyen!).request(path, json("POST", other));
    expect(res.status).toBe(403);
  });

  it("replaces a record with If-Match, refuses a stale If-Match with 412 and a missing one with 428", async () => {
    const writer = path === "/v1/inspections" ? s.thanhtra! : s.huyen!;
    const created = await body(await writer.request(path, json("POST", input)));
    const ok = await writer.request(`${path}/${created.id}`, json("PUT", input, { "if-match": '"1"' }));
    const stale = await writer.request(`${path}/${created.id}`, json("PUT", input, { "if-match": '"1"' }));
    const missing = await writer.request(`${path}/${created.id}`, json("PUT", input));
    expect([ok.status, ok.headers.get("etag"), stale.status, missing.status, await audits(created.id)]).toEqual([200, '"2"', 412, 428, 2]);
  });
});

describe("validation by core", () => {
  it.each([
    ["/v1/ocop-products", { ...product, stars: 5 }, "$.stars", "xa"],
    ["/v1/ocop-products", { ...product, score: 120 }, "$.score", "xa"],
    ["/v1/contributions", { ...contribution, amount: "12,5" }, "$.amount", "xa"],
    ["/v1/contributions", { ...contribution, period: "2025H3" }, "$.period", "xa"],
    ["/v1/housing", { ...house, completedOn: "2025-01-01" }, "$.completedOn", "xa"],
    [
      "/v1/inspections",
      { ...record, recommendations: [{ ...record.recommendations[0], dueDate: "30/04/2025" }] },
      "$.recommendations[0].dueDate",
      "thanhtra",
    ],
    [
      "/v1/inspections",
      { ...record, recommendations: [{ ...record.recommendations[0], finding: 1, remedy: "Đã bổ sung" }] },
      "$.recommendations[0].finding",
      "thanhtra",
    ],
  ])("POST %s with a bad field → 422 naming %s, nothing written", async (path, input, field, who) => {
    const before = (await h.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    const res = await s[who]!.request(path, json("POST", input));
    const p = await body(res);
    const after = (await h.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    expect([
      res.status,
      res.headers.get("content-type")?.startsWith("application/problem+json"),
      p.errors.map((e: { path: string }) => e.path).includes(field),
      after,
    ]).toEqual([422, true, true, before]);
  });
});

describe("lists and totals", () => {
  it("lists OCOP products with their certificate status and per-commune counts against the default target", async () => {
    const p = await body(await s.huyen!.request("/v1/ocop-products?asOf=2025-06-30"));
    const stars = new Set(p.items.map((i: { data: { stars: number } }) => i.data.stars));
    expect([
      p.summary.communes.length,
      p.summary.communes[0].target,
      p.summary.communes[0].targetIsDefault,
      [...stars].every((x) => (x as number) >= 3),
      p.items.every((i: { status: { validity: string } }) => typeof i.status.validity === "string"),
    ]).toEqual([10, 2, true, true, true]);
    expect(p.summary.recognised).toBe(p.summary.byStars[3] + p.summary.byStars[4] + p.summary.byStars[5]);
  });

  it("sums contributions exactly in whole đồng, as strings, by source", async () => {
    const p = await body(await s.tinh!.request("/v1/contributions?unitId=c-03-03&period=2024"));
    const money = p.items
      .filter((i: { data: { measure: string } }) => i.data.measure === "dong")
      .reduce((a: bigint, i: { data: { amount: string } }) => a + BigInt(i.data.amount), 0n);
    const bySource = p.summary.bySource.reduce((a: bigint, x: { amount: string }) => a + BigInt(x.amount), 0n);
    expect([
      typeof p.summary.totals.money,
      p.summary.totals.money,
      bySource.toString(),
      p.items.every((i: { data: { period: string } }) => i.data.period === "2024"),
    ]).toEqual(["string", money.toString(), money.toString(), true]);
  });

  it("rolls housing up with indicator 9.1 per commune", async () => {
    const p = await body(await s.huyen!.request("/v1/housing"));
    const remaining = p.summary.communes.reduce((a: number, c: { remaining: number }) => a + c.remaining, 0);
    expect([
      p.summary.communes.length,
      p.summary.rollUp.remaining,
      p.summary.communes.every((c: { remaining: number; indicator91: { value: boolean } }) => c.indicator91.value === c.remaining > 0),
    ]).toEqual([10, remaining, true]);
  });

  it("keeps each recommendation's finding and remedy, and its follow-up once done", async () => {
    const rec = { ...record.recommendations[0], finding: 0, remedy: "Đang bổ sung minh chứng" };
    const created = await body(await s.thanhtra!.request("/v1/inspections", json("POST", { ...record, recommendations: [rec] })));
    const done = { ...rec, status: "done", doneOn: "2025-04-20", remedy: "Đã bổ sung minh chứng" };
    const res = await s.thanhtra!.request(
      `/v1/inspections/${created.id}`,
      json("PUT", { ...record, recommendations: [done] }, { "if-match": '"1"' }),
    );
    const list = await body(await s.thanhtra!.request("/v1/inspections?asOf=2026-01-01"));
    const item = list.items.find((i: { id: string }) => i.id === created.id);
    expect([created.data.recommendations[0], res.status, item.data.recommendations[0], item.status.overdueRecommendations]).toEqual([
      rec,
      200,
      done,
      [],
    ]);
  });

  it("lists inspections with overdue recommendations on a date", async () => {
    const p = await body(await s.thanhtra!.request("/v1/inspections?asOf=2026-01-01"));
    const perItem = p.items.reduce(
      (a: number, i: { status: { overdueRecommendations: unknown[] } }) => a + i.status.overdueRecommendations.length,
      0,
    );
    expect([
      p.summary.overdueRecommendations.length > 0,
      p.summary.overdueRecommendations.every((o: { daysOverdue: number }) => o.daysOverdue > 0),
      p.summary.records,
      perItem,
    ]).toEqual([true, true, p.items.length, p.summary.overdueRecommendations.length]);
  });

  it("answers an impossible date with 422 naming the query field, never 500", async () => {
    const res = await s.huyen!.request("/v1/ocop-products?asOf=2025-02-30");
    expect([res.status, (await body(res)).errors[0].path]).toEqual([422, "$.query.asOf"]);
  });

  it("refuses to list another district's records (403)", async () => {
    expect((await s.huyen!.request("/v1/housing?unitId=d-02")).status).toBe(403);
  });
});
