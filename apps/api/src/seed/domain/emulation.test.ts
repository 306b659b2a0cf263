/** The demo's emulation records (issue 13), read back through the API as an official sees them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, type Session, login, openHarness } from "../../testing/harness.js";

let h: Harness;
let tinh: Session;
beforeAll(async () => {
  h = await openHarness();
  tinh = await login(h, "tinh");
});
afterAll(async () => {
  await h?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies read back in a test
const get = async (path: string): Promise<any> => {
  const res = await tinh.request(path);
  expect(res.status).toBe(200);
  return res.json();
};
type Item<T> = { items: { data: T }[] };

describe("demo emulation records", () => {
  it("has one movement 'Chung sức xây dựng nông thôn mới' per district", async () => {
    const m = (await get("/v1/emulation-movements")) as Item<{ unitId: string; name: string }>;
    const units = (await get("/v1/units")) as { items?: { id: string; level: string }[] } | { id: string; level: string }[];
    const list = Array.isArray(units) ? units : (units.items ?? []);
    const districts = list
      .filter((u) => u.level === "district")
      .map((u) => u.id)
      .sort();
    const named = m.items.map((i) => i.data).filter((x) => x.name === "Chung sức xây dựng nông thôn mới");
    expect(named.map((x) => x.unitId).sort()).toEqual(districts);
    expect(districts.length).toBeGreaterThan(0);
  });

  it("commends a commune, an organisation and a steering member the ranking lists, and they are proposed with the record", async () => {
    const c = (await get("/v1/commendations?year=2025")) as Item<{ subject: { kind: string; id: string }; achievement: string }>;
    const seeded = c.items.map((i) => i.data).filter((x) => x.achievement.endsWith("(ví dụ)"));
    expect(seeded.map((x) => x.subject.kind).sort()).toEqual(["organisation", "person", "unit"]);
    for (const x of seeded) {
      const r = await get(`/v1/units/d-01/ranking?year=2025&kind=${x.subject.kind}`);
      expect(r.rows.some((row: { unitId: string }) => row.unitId === x.subject.id)).toBe(true);
      const proposal = r.commendations.find((k: { unitId: string }) => k.unitId === x.subject.id);
      expect(proposal?.reasons.some((k: { vi: string }) => k.vi.includes(x.achievement.replace(" (ví dụ)", "")))).toBe(true);
    }
  });

  it("records one criticism that follows from a seeded inspection finding", async () => {
    const d = (await get("/v1/disciplines")) as Item<{ form: string; finding?: { inspectionId: string; findingIndex?: number } }>;
    const linked = d.items.map((i) => i.data).filter((x) => x.form === "criticism" && x.finding);
    expect(linked).toHaveLength(1);
    const insp = (await get("/v1/inspections")) as Item<{ id: string; findings: string[] }>;
    const source = insp.items.map((i) => i.data).find((r) => r.id === linked[0]!.finding!.inspectionId);
    expect(source?.findings.length).toBeGreaterThan(0);
  });

  it("holds 2025 consultations in two communes, with a satisfaction survey", async () => {
    const k = (await get("/v1/consultations?year=2025")) as Item<{ communeUnitId: string; satisfaction?: { satisfied: number } }>;
    const rows = k.items.map((i) => i.data);
    expect(new Set(rows.map((x) => x.communeUnitId)).size).toBe(2);
    expect(rows.filter((x) => x.satisfaction).length).toBe(2);
  });
});
