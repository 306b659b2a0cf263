/**
 * The repository's examples (examples/values) import into the demo as they are: the CSV files through
 * the bulk import, the JSON documents through the values PUT. On PGlite, or PostgreSQL with DATABASE_URL.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, type Session, login, openHarness } from "../testing/harness.js";
import { parseCsv, parseXlsx, toCsv } from "./table.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const EXAMPLES = fileURLToPath(new URL("../../../../examples/values/", import.meta.url));
let h: Harness;
let huyen: Session;

beforeAll(async () => {
  h = await openHarness();
  huyen = await login(h, "huyen");
});
afterAll(async () => {
  await h?.close();
});

const importCsv = (text: string, query = "") =>
  huyen.request(`/v1/values/import${query}`, { method: "POST", headers: { "content-type": "text/csv" }, body: text });
const valuesOf = async (unit: string, year: number) =>
  (await (await huyen.request(`/v1/units/${unit}/values/${year}`)).json()) as {
    values: Record<string, unknown>;
    notApplicable: string[];
    version: number;
  };

interface ValuesFile {
  unit: { id: string };
  year: number;
  values: Record<string, number | boolean | null>;
  notApplicable?: string[];
  inputs?: Record<string, number>;
}

describe("the examples in examples/values", () => {
  const files = readdirSync(EXAMPLES).sort();

  it("are all covered here (a new example file needs a line in this test)", () => {
    expect(files).toEqual([
      "an-phu-meets-all.json",
      "batch-communes.csv",
      "binh-minh-fails-income-environment.json",
      "binh-minh-long.csv",
      "district-an-hoa.json",
      "ta-xua-especially-difficult.json",
    ]);
  });

  it("imports the wide batch (region/flags columns as unit attributes, KAD as not applicable) into 2024, and says so", async () => {
    const res = await importCsv(readFileSync(join(EXAMPLES, "batch-communes.csv"), "utf8"), "?year=2024");
    const body = (await res.json()) as { unitYears: number; years: number[]; errors?: unknown };
    const catTien = await valuesOf("c-01-03", 2024);
    expect([res.status, body.unitYears, body.years, catTien.values["10"], catTien.notApplicable, "13.4" in catTien.values]).toEqual([
      200,
      5,
      [2024],
      59.8,
      ["13.4"],
      false,
    ]);
  });

  it("imports the long file into 2024", async () => {
    const res = await importCsv(readFileSync(join(EXAMPLES, "binh-minh-long.csv"), "utf8"));
    const body = (await res.json()) as { years: number[]; rows: number };
    expect([res.status, body.years, (await valuesOf("c-01-02", 2024)).values["10"]]).toEqual([200, [2024], 47.5]);
  });

  it.each(["an-phu-meets-all.json", "binh-minh-fails-income-environment.json", "ta-xua-especially-difficult.json", "district-an-hoa.json"])(
    "writes %s through the values PUT",
    async (file) => {
      const doc = JSON.parse(readFileSync(join(EXAMPLES, file), "utf8")) as ValuesFile;
      const cur = await valuesOf(doc.unit.id, doc.year);
      const res = await huyen.request(`/v1/units/${doc.unit.id}/values/${doc.year}`, {
        method: "PUT",
        headers: { "content-type": "application/json", ...(cur.version ? { "if-match": `"${cur.version}"` } : { "if-none-match": "*" }) },
        body: JSON.stringify({ values: doc.values, inputs: doc.inputs ?? {}, notApplicable: doc.notApplicable ?? [] }),
      });
      expect([res.status, (await valuesOf(doc.unit.id, doc.year)).values]).toEqual([200, doc.values]);
    },
  );
});

describe("the selected year", () => {
  it("refuses a row whose year column differs from the selected year, naming the row, and writes nothing", async () => {
    const before = await valuesOf("c-01-06", 2024);
    const res = await importCsv("unit_id,year,2.2\nc-01-06,2024,77\nc-01-07,2025,78\n", "?year=2024");
    const body = (await res.json()) as { errors: { row: number; column: string; message: string }[] };
    expect([res.status, body.errors.map((e) => [e.row, e.column]), (await valuesOf("c-01-06", 2024)).version]).toEqual([
      422,
      [[3, "B"]],
      before.version,
    ]);
    expect(body.errors[0]?.message).toContain("khác năm đã chọn 2024");
  });

  it("writes a file without a year column into the selected year, not the current one", async () => {
    const before2025 = await valuesOf("c-01-08", 2025);
    const res = await importCsv("unit_id,2.2\nc-01-08,61\n", "?year=2023");
    const body = (await res.json()) as { years: number[] };
    expect([res.status, body.years, (await valuesOf("c-01-08", 2023)).values["2.2"], (await valuesOf("c-01-08", 2025)).version]).toEqual([
      200,
      [2023],
      61,
      before2025.version,
    ]);
  });

  it("refuses a region or flag that differs from the stored unit, at its cell", async () => {
    const res = await importCsv("unit_id,region,flags,2.2\nc-01-09,TN,,70\nc-01-10,DHNTB,especiallyDifficult,70\n", "?year=2024");
    const body = (await res.json()) as { errors: { row: number; column: string }[] };
    expect([res.status, body.errors.map((e) => [e.row, e.column])]).toEqual([
      422,
      [
        [2, "B"],
        [3, "C"],
      ],
    ]);
  });
});

describe("the template", () => {
  it("lists the year's adopted indicators with their names, one row per commune, and imports back as is", async () => {
    const res = await huyen.request("/v1/units/d-01/values-template?year=2024");
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const header = lines[0]!.split(",");
    expect([res.status, header.slice(0, 4), lines[1]?.startsWith("# Tên chỉ tiêu"), lines.length]).toEqual([
      200,
      ["Mã đơn vị", "Tên đơn vị", "Năm", "1.1"],
      true,
      12,
    ]);
    const before = await valuesOf("c-01-02", 2024);
    const back = await importCsv(text, "?year=2024");
    expect([back.status, await valuesOf("c-01-02", 2024)]).toEqual([200, before]);
  });

  it("downloads the XLSX template with Vietnamese headers, which imports back unchanged", async () => {
    const res = await huyen.request("/v1/units/d-01/values-template?year=2024&format=xlsx");
    const bytes = await res.arrayBuffer();
    const t = await parseXlsx(bytes);
    const before = await valuesOf("c-01-02", 2024);
    const back = await huyen.request("/v1/values/import?year=2024", { method: "POST", headers: { "content-type": XLSX }, body: bytes });
    expect([res.status, t.header.slice(0, 4), back.status, await valuesOf("c-01-02", 2024)]).toEqual([
      200,
      ["Mã đơn vị", "Tên đơn vị", "Năm", "1.1"],
      200,
      before,
    ]);
  });

  it("imports a filled-in template: Vietnamese headers, an indicator named by its Vietnamese name or as 'id - name'", async () => {
    const template = parseCsv(await (await huyen.request("/v1/units/d-01/values-template?year=2024")).text());
    const header = template.header;
    const names = template.rows[0]!.cells.map(String);
    const at = header.indexOf("2.2");
    // The column of 2.2 renamed to its Vietnamese name, and 1.1 written "1.1 - …", as an officer might.
    const renamed = header.map((h, i) => (i === at ? names[i]! : h === "1.1" ? `1.1 - ${names[i]}` : h));
    const row = header.map((_, i) => (i === 0 ? "c-01-02" : i === 2 ? 2024 : i === at ? "66,5" : null));
    const res = await importCsv(toCsv(renamed, [row]), "?year=2024");
    const folded = await importCsv("ma don vi;nam;2.2\nc-01-03;2024;67\n");
    expect([
      res.status,
      (await valuesOf("c-01-02", 2024)).values["2.2"],
      folded.status,
      (await valuesOf("c-01-03", 2024)).values["2.2"],
    ]).toEqual([200, 66.5, 200, 67]);
  });

  it("refuses a column that is neither the template's nor an indicator, naming it and its letter; nothing is written", async () => {
    const before = await valuesOf("c-01-02", 2024);
    const res = await importCsv("Mã đơn vị,Năm,2.2,Diện tích\nc-01-02,2024,70,12\n");
    const body = (await res.json()) as { errors: { row: number; column: string; message: string }[] };
    expect([res.status, body.errors.map((e) => [e.row, e.column]), await valuesOf("c-01-02", 2024)]).toEqual([422, [[1, "D"]], before]);
    expect(body.errors[0]?.message).toMatch(/^Cột D "Diện tích" không phải cột của mẫu nhập số liệu/);
  });

  it("exports values in the Vietnamese Excel dialect (;, decimal comma) that imports back unchanged", async () => {
    const before = await valuesOf("c-01-02", 2024);
    const res = await huyen.request("/v1/units/d-01/export/values?year=2024&dialect=vi");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect([[...bytes.slice(0, 3)], text.split("\r\n")[0]?.startsWith("\uFEFFMã đơn vị;Tên đơn vị;Năm;"), text.includes(";47,5;")]).toEqual(
      [[0xef, 0xbb, 0xbf], true, true],
    );
    const back = await importCsv(text);
    expect([back.status, (await valuesOf("c-01-02", 2024)).values]).toEqual([200, before.values]);
  });
});
