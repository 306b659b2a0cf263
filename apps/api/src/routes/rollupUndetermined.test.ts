/** The overview's categories "chưa có số liệu" and "chưa rõ ngưỡng": counted apart, never as not met (issue 12). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, type Session, login, openHarness } from "../testing/harness.js";

let h: Harness;
let tinh: Session;

beforeAll(async () => {
  h = await openHarness();
  tinh = await login(h, "tinh");
});
afterAll(async () => {
  await h?.close();
});

interface RollupLite {
  communes: { unitId: string; tierReached: string | null; status: string; undetermined: string | null }[];
  countsByTier: Record<string, number>;
  undetermined: { missing: number; unknown_threshold: number };
  targets: { id: string }[];
}

describe("undetermined communes in the roll-up", () => {
  it("counts every commune once: in a tier bucket or in its undetermined category, and only indeterminate ones there", async () => {
    for (const year of [2021, 2025]) {
      const r = (await (await tinh.request(`/v1/units/p-demo/rollup?year=${year}`)).json()) as RollupLite;
      const inTiers = Object.values(r.countsByTier).reduce((a, b) => a + b, 0);
      const undetermined = r.undetermined.missing + r.undetermined.unknown_threshold;
      expect([
        inTiers + undetermined,
        r.communes.filter((c) => c.undetermined !== null).every((c) => c.status === "indeterminate"),
      ]).toEqual([r.communes.length, true]);
    }
  });

  it("puts a commune whose only open value is missing in 'chưa có số liệu', not in 'Chưa đạt chuẩn'", async () => {
    // A commune that meets the standard pack loses one value: with nothing failing it cannot be judged.
    const before = (await (await tinh.request("/v1/units/p-demo/rollup?year=2025")).json()) as RollupLite;
    const unitId = before.communes.find((c) => c.status === "met")!.unitId;
    const cur = await tinh.request(`/v1/units/${unitId}/values/2025`);
    const doc = (await cur.json()) as { values: Record<string, unknown>; inputs: unknown; notApplicable: unknown };
    const ev = (await (await tinh.request(`/v1/units/${unitId}/evaluation?year=2025`)).json()) as {
      criteria: { indicators: { id: string; derived?: boolean }[] }[];
    };
    const id = ev.criteria[0]!.indicators.find((i) => !i.derived && i.id in doc.values)!.id;
    const values = { ...doc.values };
    delete values[id];
    const put = await tinh.request(`/v1/units/${unitId}/values/2025`, {
      method: "PUT",
      headers: { "content-type": "application/json", "if-match": cur.headers.get("etag")! },
      body: JSON.stringify({ values, inputs: doc.inputs, notApplicable: doc.notApplicable }),
    });
    const after = (await (await tinh.request("/v1/units/p-demo/rollup?year=2025")).json()) as RollupLite;
    const now = after.communes.find((c) => c.unitId === unitId)!;
    expect([put.status, now.status, now.tierReached, now.undetermined, after.undetermined.missing, after.countsByTier.none]).toEqual([
      200,
      "indeterminate",
      null,
      "missing",
      before.undetermined.missing + 1,
      before.countsByTier.none,
    ]);
  });
});
