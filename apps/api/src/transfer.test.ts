import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import { type Harness, type Session, login, openHarness } from "./testing/harness.js";
import { auditLog } from "./db/schema.js";
import { parseCsv, parseXlsx } from "./transfer/table.js";

let h: Harness;
let huyen: Session;
let xa: Session;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(async () => {
  h = await openHarness();
  huyen = await login(h, "huyen");
  xa = await login(h, "xa");
});
afterAll(async () => {
  await h?.close();
});

const csv = (text: string, query = "") =>
  huyen.request(`/v1/values/import${query}`, { method: "POST", headers: { "content-type": "text/csv" }, body: text });
const valuesOf = async (unit: string, year: number) =>
  (await (await huyen.request(`/v1/units/${unit}/values/${year}`)).json()) as {
    values: Record<string, unknown>;
    inputs: Record<string, number>;
    version: number;
  };
const importAudits = async () =>
  (await h.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "values.import")))[0]?.n ?? 0;

describe("POST /v1/values/import", () => {
  it("imports the long layout (one row per unit × indicator) and merges into stored values", async () => {
    const before = await valuesOf("c-01-02", 2025);
    const res = await csv(
      'unit_id,year,indicator,value\nc-01-02,2025,2.2,"88,5"\nc-01-02,2025,1.1,Đạt\nc-01-03,2025,input:households,1200\n',
    );
    const after = await valuesOf("c-01-02", 2025);
    expect([
      res.status,
      await res.json(),
      after.values["2.2"],
      after.values["1.1"],
      after.values["2.1"] === before.values["2.1"],
      after.version,
      (await valuesOf("c-01-03", 2025)).inputs.households,
    ]).toEqual([
      200,
      { layout: "long", rows: 3, unitYears: 2, created: 0, updated: 2, years: [2025] },
      88.5,
      true,
      true,
      before.version + 1,
      1200,
    ]);
  });

  it("imports the wide layout (one row per unit, indicator columns) with ?year=", async () => {
    const res = await csv("unit_id;name;2.2;11;13.1\nc-01-04;Xã A;77;3,5;Không\nc-01-05;Xã B;;2;x\n", "?year=2025");
    const [a, b] = [await valuesOf("c-01-04", 2025), await valuesOf("c-01-05", 2025)];
    expect([
      res.status,
      a.values["2.2"],
      a.values["11"],
      a.values["13.1"],
      b.values["11"],
      b.values["13.1"],
      typeof b.values["2.2"],
    ]).toEqual([200, 77, 3.5, false, 2, true, "number"]);
  });

  it("writes nothing when one row is bad, and reports row, column and message for each problem", async () => {
    const before = [await valuesOf("c-01-06", 2025), await valuesOf("c-01-07", 2025)];
    const audits = await importAudits();
    const res = await csv("unit_id,year,2.2,11\nc-01-06,2025,50,1\nc-01-07,2025,150,abc\nc-99-99,2025,1,1\nc-02-01,2025,1,1\n");
    const p = (await res.json()) as { kind: string; errors: { row: number; column: string; path: string }[] };
    const after = [await valuesOf("c-01-06", 2025), await valuesOf("c-01-07", 2025)];
    expect([res.status, p.kind, p.errors.map((e) => [e.row, e.column]), after, await importAudits()]).toEqual([
      422,
      "invalid_input",
      [
        [3, "C"],
        [3, "D"],
        [4, "A"],
        [5, "A"],
      ],
      before,
      audits,
    ]);
  });

  it("imports an .xlsx workbook", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Số liệu");
    ws.addRow(["unit_id", "year", "indicator", "value"]);
    ws.addRow(["c-01-08", 2025, "2.3", 66.5]);
    ws.addRow(["c-01-08", 2025, "3.2", "Đạt"]);
    const buf = await wb.xlsx.writeBuffer();
    const res = await huyen.request("/v1/values/import", { method: "POST", headers: { "content-type": XLSX }, body: buf as ArrayBuffer });
    const v = await valuesOf("c-01-08", 2025);
    expect([res.status, v.values["2.3"], v.values["3.2"]]).toEqual([200, 66.5, true]);
  });

  it("refuses a commune officer's rows for another commune (row-level), and an empty or unreadable file (400)", async () => {
    const res = await xa.request("/v1/values/import?year=2025", {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: "unit_id,2.2\nc-01-01,80\nc-01-02,80\n",
    });
    const empty = await csv("");
    const broken = await huyen.request("/v1/values/import", { method: "POST", headers: { "content-type": XLSX }, body: "not a zip" });
    expect([
      res.status,
      ((await res.json()) as { errors: { row: number }[] }).errors.map((e) => e.row),
      empty.status,
      broken.status,
    ]).toEqual([422, [3], 400, 400]);
  });
});

describe("a large import", () => {
  // 40 communes × 5 years × 25 indicators = 5,000 values.
  const indicators = [
    "2.1",
    "2.2",
    "2.3",
    "2.4",
    "3.1",
    "5",
    "11",
    "12.1",
    "12.2",
    "14.2",
    "15.3",
    "15.4",
    "17.2",
    "17.6",
    "17.10",
    "18.3",
    "1.1",
    "1.2",
    "3.2",
    "4.1",
    "6.1",
    "6.2",
    "7",
    "8.1",
    "8.2",
  ];
  const bigCsv = (bad: boolean) => {
    const lines = ["unit_id,year,indicator,value"];
    for (let d = 1; d <= 4; d++)
      for (let c = 1; c <= 10; c++)
        for (let y = 2021; y <= 2025; y++)
          for (const ind of indicators)
            lines.push(
              `c-0${d}-${String(c).padStart(2, "0")},${y},${ind},${["1.1", "1.2", "3.2", "4.1", "6.1", "6.2", "7", "8.1", "8.2"].includes(ind) ? "Đạt" : "42"}`,
            );
    if (bad) lines[lines.length - 1] = "c-04-10,2025,8.2,maybe";
    return `${lines.join("\n")}\n`;
  };

  it("writes nothing from 5,000 values when the last row is bad, and all of them otherwise", async () => {
    const admin = await login(h, "admin");
    const send = (text: string) =>
      admin.request("/v1/values/import", { method: "POST", headers: { "content-type": "text/csv" }, body: text });
    const read = async () =>
      (await (await admin.request("/v1/units/c-04-10/values/2021")).json()) as { values: Record<string, unknown>; version: number };
    const before = await read();
    const rejected = await send(bigCsv(true));
    const p = (await rejected.json()) as { errors: { row: number; column: string }[] };
    const unchanged = await read();
    const accepted = await send(bigCsv(false));
    const report = await accepted.json();
    const after = await read();
    expect([
      rejected.status,
      p.errors.map((e) => [e.row, e.column]),
      unchanged.version === before.version,
      accepted.status,
      report,
      after.values["2.2"],
      after.values["8.2"],
    ]).toEqual([
      422,
      [[5001, "D"]],
      true,
      200,
      { layout: "long", rows: 5000, unitYears: 200, created: 0, updated: 200, years: [2021, 2022, 2023, 2024, 2025] },
      42,
      true,
    ]);
  });
});

describe("who may import", () => {
  it.each([
    ["admin", 200],
    ["tinh", 200],
    ["huyen", 200],
    ["xa", 200],
    ["thanhtra", 403],
    ["xem", 403],
  ])("POST /v1/values/import of the commune c-01-01 as %s → %i", async (who, status) => {
    const session = who === "huyen" ? huyen : who === "xa" ? xa : await login(h, who);
    const res = await session.request("/v1/values/import?year=2023", {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: "unit_id,2.2\nc-01-01,81\n",
    });
    expect(res.status).toBe(status);
  });
});

describe("exports", () => {
  it("exports a district's values as CSV that imports back unchanged", async () => {
    const res = await huyen.request("/v1/units/d-01/export/values?year=2024");
    const text = await res.text();
    const table = parseCsv(text);
    const before = await valuesOf("c-01-09", 2024);
    const back = await csv(text);
    const after = await valuesOf("c-01-09", 2024);
    expect([
      res.status,
      res.headers.get("content-type"),
      table.header.slice(0, 3),
      table.rows.length,
      back.status,
      after.values,
      after.inputs,
    ]).toEqual([200, "text/csv; charset=utf-8", ["unit_id", "name", "year"], 10, 200, before.values, before.inputs]);
  });

  it("exports evaluations as XLSX with one row per commune, headers and values in Vietnamese", async () => {
    const res = await huyen.request("/v1/units/d-01/export/evaluations?year=2024&format=xlsx");
    const t = await parseXlsx(await res.arrayBuffer());
    const communes = t.rows.filter((r) => String(r.cells[0]).startsWith("c-"));
    const rollup = (await (await huyen.request("/v1/units/d-01/rollup?year=2024")).json()) as {
      communes: { unitId: string; tierReached: string | null }[];
    };
    const tierOf = (id: string) => communes.find((r) => r.cells[0] === id)?.cells[6];
    const TIER_VI: Record<string, string> = { standard: "NTM", advanced: "NTM nâng cao", model: "NTM kiểu mẫu", modern: "NTM hiện đại" };
    expect([
      res.status,
      res.headers.get("content-type"),
      t.header.slice(0, 9),
      communes.length,
      rollup.communes.map((c) => tierOf(c.unitId)),
    ]).toEqual([
      200,
      XLSX,
      [
        "Mã đơn vị",
        "Tên đơn vị",
        "Năm",
        "Kết quả",
        "Số tiêu chí đạt",
        "Tổng số tiêu chí",
        "Hạng đạt được",
        "Lý do chưa xác định",
        "Đề nghị thu hồi",
      ],
      10,
      rollup.communes.map((c) => (c.tierReached ? TIER_VI[c.tierReached] : "Chưa đạt chuẩn")),
    ]);
    // No machine word anywhere in the file (no tier_reached = model).
    const words = [...t.header, ...t.rows.flatMap((r) => r.cells)]
      .map(String)
      .filter((x) => /\b[a-z]+_[a-z_]+\b|^(model|met|not_met|advanced|standard)$/.test(x));
    expect(words).toEqual([]);
  });
});
