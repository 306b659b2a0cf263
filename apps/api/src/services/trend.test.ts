import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, inArray } from "drizzle-orm";
import { units } from "../db/schema.js";
import { type Harness, type Session, login, openHarness } from "../testing/harness.js";

let h: Harness;
let admin: Session;

beforeAll(async () => {
  h = await openHarness();
  admin = await login(h, "admin");
});
afterAll(async () => {
  await h?.close();
});

type Standing = { criteriaMet: number | null; tierReached: string | null };
type Year = Standing & {
  year: number;
  source: string;
  reason?: { code: string; params: { effectiveFrom: string } };
  predecessors?: (Standing & { unitId: string; name: string })[];
};
const trend = async (id: string, from: number, to: number) =>
  ((await (await admin.request(`/v1/units/${id}/trend?from=${from}&to=${to}`)).json()) as { years: Year[] }).years;

describe("a merged commune's trend across the 2025 reform (GET /v1/units/{id}/trend)", () => {
  it("reads the years before it took effect from the communes it came from, each labelled, with no merged verdict", async () => {
    const csv = [
      "code,name,level,parent_code,region,commune_group,flags,effective_from,ended_on,merged_from",
      "c-hop-nhat,Xã Hợp Nhất,xã,p-demo,,,merged2025,01/07/2025,,c-01-01;c-01-02",
    ].join("\n");
    const imported = await admin.request("/v1/units/import", { method: "POST", headers: { "content-type": "text/csv" }, body: csv });
    expect(imported.status).toBe(200);
    const [merged, a, b] = await Promise.all([trend("c-hop-nhat", 2023, 2025), trend("c-01-01", 2023, 2024), trend("c-01-02", 2023, 2024)]);
    const stored = await h.database.db
      .select()
      .from(units)
      .where(inArray(units.id, ["c-01-01", "c-01-02"]))
      .orderBy(asc(units.id));
    const names = stored.map((u) => u.name);
    expect(merged.map((y) => [y.year, y.source, y.reason?.code ?? null, y.criteriaMet, y.tierReached])).toEqual([
      [2023, "predecessors", "trend.before_merger", null, null],
      [2024, "predecessors", "trend.before_merger", null, null],
      [2025, "own", null, merged[2]!.criteriaMet, merged[2]!.tierReached],
    ]);
    // Each former commune's standing is exactly its own trend's, by name; 2023 and 2024 have real values in the demo.
    expect(merged.slice(0, 2).map((y) => y.predecessors)).toEqual(
      [0, 1].map((i) => [
        { unitId: "c-01-01", name: names[0], criteriaMet: a[i]!.criteriaMet, tierReached: a[i]!.tierReached, revoke: expect.any(Boolean) },
        { unitId: "c-01-02", name: names[1], criteriaMet: b[i]!.criteriaMet, tierReached: b[i]!.tierReached, revoke: expect.any(Boolean) },
      ]),
    );
    expect(a.every((y) => typeof y.criteriaMet === "number" && y.source === "own")).toBe(true);
  });
});
