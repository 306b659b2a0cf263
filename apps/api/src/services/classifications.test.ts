/**
 * The stored classification of a year (what 18.2 of the next year reads): a new process reads it
 * instead of ranking the year again, never a stale one, and the roll-up built on it is the same.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/index.js";
import { storedClassifications } from "../db/schema.js";
import { type Harness, type Session, json, login, openHarness } from "../testing/harness.js";
import { loadTree } from "../units.js";
import { computeRollup } from "./evaluations.js";
import { loadPacks } from "./packs.js";
import { classificationsOf } from "./rankings.js";

let h: Harness;
let tinh: Session;

beforeAll(async () => {
  h = await openHarness();
  tinh = await login(h, "tinh");
});
afterAll(async () => {
  await h?.close();
});

/** The same database as a new process sees it: every per-process cache is kept per Db object, so this one starts empty. */
const newProcess = (db: Db): Db => Object.create(db) as Db;
const stored = (db: Db, year: number) =>
  db
    .select()
    .from(storedClassifications)
    .where(and(eq(storedClassifications.scopeId, "p-demo"), eq(storedClassifications.year, year)));

describe("stored classifications", () => {
  it("serves a new process the stored classification, and computes it again once a value of the year is written", async () => {
    const db = h.database.db;
    const [tree, packs] = [await loadTree(db), await loadPacks(db)];
    const computed = await classificationsOf(db, tree, packs, "p-demo", 2024);
    const [row] = await stored(db, 2024);
    // A stored row that says something else proves where a new process's answer comes from.
    const first = [...computed.keys()][0]!;
    await db
      .update(storedClassifications)
      .set({ data: [[first, "not_completed"]] })
      .where(and(eq(storedClassifications.scopeId, "p-demo"), eq(storedClassifications.year, 2024)));
    const served = await classificationsOf(newProcess(db), tree, packs, "p-demo", 2024);
    // A write to a 2024 value (the same values, a new version) changes the content: the row is stale.
    const cur = await tinh.request(`/v1/units/${first}/values/2024`);
    const doc = (await cur.json()) as { values: unknown; inputs: unknown; notApplicable: unknown };
    const put = await tinh.request(`/v1/units/${first}/values/2024`, json("PUT", doc, { "if-match": cur.headers.get("etag")! }));
    const after = await classificationsOf(newProcess(db), tree, packs, "p-demo", 2024);
    const [rowAfter] = await stored(db, 2024);
    expect([
      computed.size > 0,
      (row?.data as unknown[] | undefined)?.length,
      served,
      put.status,
      after,
      rowAfter?.key !== row?.key,
      (rowAfter?.data as unknown[] | undefined)?.length,
    ]).toEqual([true, computed.size, new Map([[first, { year: 2024, level: "not_completed" }]]), 200, computed, true, computed.size]);
  });

  it("gives a new process the same roll-up from the stored classification as from ranking the previous year again", async () => {
    const db = h.database.db;
    const [tree, packs] = [await loadTree(db), await loadPacks(db)];
    const fromStored = await computeRollup(newProcess(db), tree, packs, "p-demo", 2025);
    const [row] = await stored(db, 2024);
    await db.delete(storedClassifications);
    const recomputed = await computeRollup(newProcess(db), tree, packs, "p-demo", 2025);
    expect([((row?.data as unknown[] | undefined)?.length ?? 0) > 0, fromStored]).toEqual([true, recomputed]);
  });
});
