import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { type Harness, type Session, json, loginAll, openHarness } from "../testing/harness.js";
import { auditLog, publications } from "../db/schema.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

const published = async (unitId: string, year: number) =>
  (
    await h.database.db
      .select()
      .from(publications)
      .where(and(eq(publications.unitId, unitId), eq(publications.year, year)))
  ).length === 1;
const audits = (action: string, entityId: string) =>
  h.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe("DELETE /v1/publications/{id}/{year}", () => {
  it("is refused to a district officer and a viewer (403), leaving the publication", async () => {
    expect((await s.huyen!.request("/v1/publications/p-demo/2024", { method: "DELETE" })).status).toBe(403);
    expect((await s.xem!.request("/v1/publications/p-demo/2024", { method: "DELETE" })).status).toBe(403);
    expect(await published("p-demo", 2024)).toBe(true);
  });

  it("withdraws a published year (204, audited with what was public), after which the public read is 404", async () => {
    expect((await h.app.request("/v1/public/units/c-01-01/evaluation?year=2024")).status).toBe(200);
    expect((await s.tinh!.request("/v1/publications/p-demo/2024", { method: "DELETE" })).status).toBe(204);
    expect(await published("p-demo", 2024)).toBe(false);
    expect((await h.app.request("/v1/public/units/c-01-01/evaluation?year=2024")).status).toBe(404);
    const [entry] = await audits("results.withdraw", "p-demo/2024");
    expect(entry).toMatchObject({
      actorName: "tinh",
      unitId: "p-demo",
      before: { unitId: "p-demo", year: 2024, publishedBy: "seed" },
      after: null,
    });
  });

  it("answers 404 for a year that is not published and 422 for a year that is not a year", async () => {
    expect((await s.tinh!.request("/v1/publications/p-demo/2024", { method: "DELETE" })).status).toBe(404);
    expect((await s.tinh!.request("/v1/publications/p-demo/20x4", { method: "DELETE" })).status).toBe(422);
    expect(await audits("results.withdraw", "p-demo/2024")).toHaveLength(1);
  });

  it("publishes the year again (201), audited", async () => {
    expect((await s.tinh!.request("/v1/publications", json("POST", { unitId: "p-demo", year: 2024 }))).status).toBe(201);
    expect(await published("p-demo", 2024)).toBe(true);
    expect(await audits("results.publish", "p-demo/2024")).toHaveLength(1);
  });
});
