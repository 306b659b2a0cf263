/**
 * The evaluations export (CSV/XLSX) in Vietnamese: a commune that cannot be judged is "Chưa xác định"
 * with its reason, never a failure. Its own harness: the seeded demo, untouched by other files' writes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, type Session, login, openHarness } from "../testing/harness.js";
import { parseXlsx } from "./table.js";

let h: Harness;
let huyen: Session;

beforeAll(async () => {
  h = await openHarness();
  huyen = await login(h, "huyen");
});
afterAll(async () => {
  await h?.close();
});

describe("the evaluations export", () => {
  it("exports a commune that cannot be judged (a value missing, nothing failing) as 'Chưa xác định', never as a failure", async () => {
    // A commune that meets the standard pack loses one value: with nothing failing it cannot be judged.
    // (The year: the first of the seeded years where one of the district's communes meets it; earlier tests write values.)
    let year = 0;
    let unitId = "";
    for (const y of [2024, 2025, 2023]) {
      const r = (await (await huyen.request(`/v1/units/d-01/rollup?year=${y}`)).json()) as {
        communes: { unitId: string; status: string }[];
      };
      const met = r.communes.find((c) => c.status === "met");
      if (met) {
        [year, unitId] = [y, met.unitId];
        break;
      }
    }
    expect(unitId).not.toBe("");
    const cur = await huyen.request(`/v1/units/${unitId}/values/${year}`);
    const doc = (await cur.json()) as { values: Record<string, unknown>; inputs: unknown; notApplicable: unknown };
    const ev = (await (await huyen.request(`/v1/units/${unitId}/evaluation?year=${year}`)).json()) as {
      criteria: { indicators: { id: string; derived?: boolean }[] }[];
    };
    const dropped = ev.criteria[0]!.indicators.find((i) => !i.derived && i.id in doc.values)!.id;
    const values = { ...doc.values };
    delete values[dropped];
    const put = await huyen.request(`/v1/units/${unitId}/values/${year}`, {
      method: "PUT",
      headers: { "content-type": "application/json", "if-match": cur.headers.get("etag")! },
      body: JSON.stringify({ values, inputs: doc.inputs, notApplicable: doc.notApplicable }),
    });
    const rollup = (await (await huyen.request(`/v1/units/d-01/rollup?year=${year}`)).json()) as {
      communes: { unitId: string; undetermined: string | null }[];
    };
    const res = await huyen.request(`/v1/units/d-01/export/evaluations?year=${year}&format=xlsx`);
    const t = await parseXlsx(await res.arrayBuffer());
    const UNDETERMINED: Record<string, string> = { missing: "Chưa có số liệu", unknown_threshold: "Chưa rõ ngưỡng" };
    // Every undetermined commune of the roll-up: result and tier "Chưa xác định", its reason, never "Không đạt" / "Chưa đạt chuẩn".
    const lines = rollup.communes
      .filter((c) => c.undetermined !== null)
      .map((c) => {
        const cells = t.rows.find((r) => r.cells[0] === c.unitId)?.cells ?? [];
        return [c.unitId, cells[3], cells[6], cells[7]];
      });
    expect([put.status, lines.some((l) => l[0] === unitId)]).toEqual([200, true]);
    expect(lines).toEqual(
      rollup.communes
        .filter((c) => c.undetermined !== null)
        .map((c) => [c.unitId, "Chưa xác định", "Chưa xác định", UNDETERMINED[c.undetermined!]]),
    );
  });
});
