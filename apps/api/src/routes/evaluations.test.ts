import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, type Session, json, login, openHarness } from "../testing/harness.js";
// The shared table of tier buckets, written by hand in core (not part of core's public API).
import { BUCKET_OF } from "../../../../packages/core/src/tiers/tierBuckets/bucketTable.js";

let h: Harness;
let huyen: Session;

beforeAll(async () => {
  h = await openHarness();
  huyen = await login(h, "huyen");
});
afterAll(async () => {
  await h?.close();
});

const body = async (res: Response): Promise<any> => res.json();

describe("roll-up: income versus 2020 (QĐ 263)", () => {
  it("says the target is unavailable while no commune has a 2020 income, then checks the averages once 2020 values are entered", async () => {
    const before = (await body(await huyen.request("/v1/units/d-01/rollup?year=2025"))).incomeVs2020;
    expect([
      before.available,
      before.met,
      before.baseline2020,
      before.required,
      before.communes.baseline2020,
      before.reasons.map((r: { code: string }) => r.code),
      typeof before.current,
    ]).toEqual([false, null, null, null, 0, ["target.income_unavailable"], "number"]);
    expect(before.reasons[0].params).toEqual({ year: 2020, source: "QĐ 263/QĐ-TTg ngày 22/02/2022" });

    // 2020 incomes of two communes: the baseline is their average, (40 + 42) / 2 = 41
    for (const [id, v] of [
      ["c-01-01", 40],
      ["c-01-02", 42],
    ] as const) {
      const res = await huyen.request(`/v1/units/${id}/values/2020`, json("PUT", { values: { "10": v } }));
      expect(res.status).toBe(200);
    }
    const after = (await body(await huyen.request("/v1/units/d-01/rollup?year=2025"))).incomeVs2020;
    const current = before.current as number;
    expect([after.available, after.baseline2020, after.required, after.communes, after.current, after.met, after.reasons[0].code]).toEqual([
      true,
      41,
      61.5,
      { current: before.communes.current, baseline2020: 2 },
      current,
      current * 2 >= 41 * 3,
      current * 2 >= 41 * 3 ? "target.income_met" : "target.income_not_met",
    ]);
  });
});

describe("roll-up: tier buckets agree with the shared table (core, web and API)", () => {
  it("counts every commune of the district in the bucket the table gives its tier, the no-pack ones apart", async () => {
    for (const year of [2021, 2024, 2025, 2026]) {
      const r = await body(await huyen.request(`/v1/units/d-01/rollup?year=${year}`));
      const expected = { none: 0, standard: 0, advanced: 0, model: 0, modern: 0 };
      for (const c of r.communes as {
        tierReached: keyof typeof BUCKET_OF | null;
        undetermined: "missing" | "unknown_threshold" | null;
      }[]) {
        const bucket = BUCKET_OF[c.undetermined ?? c.tierReached ?? "none"];
        if (bucket) expected[bucket] += 1;
      }
      expect({ year, counts: r.countsByTier }).toEqual({ year, counts: expected });
    }
  });
});

describe("roll-up: a year with no pack adopted", () => {
  it("counts every commune apart and measures no programme target (never 0% against the target)", async () => {
    const r = await body(await huyen.request("/v1/units/d-01/rollup?year=2026"));
    expect([r.communes.length, r.noPack.count > 0, r.targets]).toEqual([0, true, []]);
  });
});
