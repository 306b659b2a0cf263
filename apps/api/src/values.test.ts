import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { type Harness, openHarness } from "./testing/harness.js";
import { indicatorValues } from "./db/schema.js";
import { loadTree } from "./units.js";
import { docRowReloads, loadDocRows, loadDocRowsFresh } from "./values.js";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("loadDocRowsFresh", () => {
  it("reads the full rows once, then only those whose version or id changed, and always returns what the database holds", async () => {
    const db = h.database.db;
    const ids = (await loadTree(db)).subtree("d-01").map((u) => u.id);
    const reloads = () => docRowReloads(db).rows;
    const start = reloads();
    const first = await loadDocRowsFresh(db, ids, 2024);
    const afterFirst = reloads() - start;
    await loadDocRowsFresh(db, ids, 2024);
    const afterSecond = reloads() - start;
    // A write bumps the version (as the API does) of one commune's row.
    const where = and(eq(indicatorValues.unitId, "c-01-02"), eq(indicatorValues.year, 2024));
    await db
      .update(indicatorValues)
      .set({ values: sql`${indicatorValues.values} || '{"2.1": 12.5}'::jsonb`, version: sql`${indicatorValues.version} + 1` })
      .where(where);
    const third = await loadDocRowsFresh(db, ids, 2024);
    const afterWrite = reloads() - start;
    // Deleted and created again with the same version: a new id, so read again.
    const [old] = await db.select().from(indicatorValues).where(where);
    await db.delete(indicatorValues).where(where);
    await db.insert(indicatorValues).values({ ...old!, id: undefined as never, values: { ...old!.values, "2.1": 7 } });
    const fourth = await loadDocRowsFresh(db, ids, 2024);
    const afterRecreate = reloads() - start;
    const direct = await loadDocRows(db, ids, 2024);
    expect({
      rows: first.size,
      afterFirst,
      afterSecond,
      afterWrite,
      written: third.get("c-01-02")?.values["2.1"],
      untouchedKept: third.get("c-01-01") === first.get("c-01-01"),
      afterRecreate,
      recreated: fourth.get("c-01-02")?.values["2.1"],
      sameAsDirect: JSON.stringify([...fourth].sort()) === JSON.stringify([...direct].sort()),
    }).toEqual({
      rows: direct.size,
      afterFirst: direct.size,
      afterSecond: direct.size,
      afterWrite: direct.size + 1,
      written: 12.5,
      untouchedKept: true,
      afterRecreate: direct.size + 2,
      recreated: 7,
      sameAsDirect: true,
    });
    expect(direct.size).toBeGreaterThan(10);
  });
});
