import ExcelJS from "exceljs";
import { count, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, scoring } from "../db/schema.js";
import { type Harness, type Session, json, login, loginAll, openHarness } from "../testing/harness.js";
import { issueSetupToken } from "../setup.js";
import { parseXlsx } from "../transfer/table.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const base = "/v1/units/d-01/scoring-inputs/2025";
const body = async (res: Response): Promise<any> => res.json();
const post = (data: ArrayBuffer | string, type: string): RequestInit => ({ method: "POST", headers: { "content-type": type }, body: data });
const auditTotal = async () => (await h.database.db.select({ n: count() }).from(auditLog))[0]!.n;
/** Every stored inputs row of 2025 with its version and data. */
const state = async () =>
  (await h.database.db.select().from(scoring).where(like(scoring.id, "inputs:%:2025")))
    .map((r) => [r.id, r.version, r.data])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

/** The template with cells of some communes' rows set by header, as an officer fills it in. */
async function fill(template: ArrayBuffer, edits: Record<string, Record<string, string | number | null>>): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? "").replace(/ \*$/, ""));
  ws.eachRow((row) => {
    const e = edits[String(row.getCell(1).value)];
    if (e) for (const [h, v] of Object.entries(e)) row.getCell(headers.indexOf(h)).value = v;
  });
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

describe("GET /v1/units/{id}/scoring-inputs/{year}/template", () => {
  it("lists the district's communes with their current inputs, each field followed by its evidence", async () => {
    const res = await s.huyen!.request(`${base}/template`);
    expect([res.status, res.headers.get("content-type")]).toEqual([200, XLSX]);
    const table = await parseXlsx(await res.arrayBuffer());
    expect(table.header.slice(0, 9)).toEqual([
      "Mã xã *",
      "Tên xã",
      "Năm",
      "Số nhiệm vụ được giao",
      "Số nhiệm vụ hoàn thành",
      "Số nhiệm vụ hoàn thành đúng hạn",
      "Số nhiệm vụ vượt yêu cầu",
      "Minh chứng: Nhiệm vụ trong năm",
      "Số chỉ tiêu Chương trình đạt",
    ]);
    expect(String(table.rows[0]!.cells[0])).toMatch(/^# /);
    const c3 = table.rows.find((r) => r.cells[0] === "c-01-03")!;
    const at = (h: string) => c3.cells[table.header.indexOf(h)];
    expect([typeof c3.cells[1], at("Năm"), at("Tổng số chỉ tiêu Chương trình")]).toEqual(["string", 2025, 5]);
    expect(table.rows.slice(1).every((r) => String(r.cells[0]).startsWith("c-01-"))).toBe(true);
  });

  it("refuses a commune officer the district's file", async () => {
    expect((await s.xa!.request(`${base}/template`)).status).toBe(403);
  });
});

describe("POST /v1/units/{id}/scoring-inputs/{year}/import", () => {
  it("on a dry run writes nothing; applied, saves every changed commune in one go, audited as the PUT", async () => {
    const template = await (await s.huyen!.request(`${base}/template`)).arrayBuffer();
    const file = await fill(template, {
      "c-01-01": {
        "Số báo cáo đúng hạn": 4,
        "Tổng số báo cáo phải nộp": 5,
        "Minh chứng: Số báo cáo đúng hạn": "Báo cáo số 12/BC-UBND ngày 05/12/2025",
        "Kỷ luật trong năm": "Không",
      },
      "c-01-02": { "Nguồn lực theo kế hoạch (đồng)": "1.250.000.000" },
    });
    const before = await state();
    const audits = await auditTotal();
    const dry = await s.huyen!.request(`${base}/import?dryRun=1`, post(file, XLSX));
    const dryOut = await body(dry);
    expect([dry.status, dryOut.updated, dryOut.unitIds]).toEqual([200, 0, ["c-01-01", "c-01-02"]]);
    expect([await state(), await auditTotal()]).toEqual([before, audits]);

    const res = await s.huyen!.request(`${base}/import`, post(file, XLSX));
    const out = await body(res);
    expect([res.status, out.updated, out.unitIds]).toEqual([200, 2, ["c-01-01", "c-01-02"]]);
    const one = await body(await s.huyen!.request("/v1/units/c-01-01/scoring-inputs/2025"));
    expect(one.inputs).toMatchObject({
      reportsOnTime: 4,
      reportsTotal: 5,
      discipline: { disciplined: false, selfCorrected: false },
      evidence: { reportsOnTime: "Báo cáo số 12/BC-UBND ngày 05/12/2025" },
    });
    const two = await body(await s.huyen!.request("/v1/units/c-01-02/scoring-inputs/2025"));
    expect(two.inputs.resourcesPlanned).toBe("1250000000");
    const actions = (await h.database.db.select().from(auditLog)).slice(audits).map((a) => a.action);
    expect(actions).toEqual(["scoring_inputs.put", "scoring_inputs.put", "scoring_inputs.import"]);
  });

  it("refuses the whole file when one row breaks core's checks, naming row, column and header; writes nothing", async () => {
    const template = await (await s.huyen!.request(`${base}/template`)).arrayBuffer();
    const file = await fill(template, {
      "c-01-01": { "Số báo cáo đúng hạn": 7, "Tổng số báo cáo phải nộp": 5 },
      "c-01-02": { "Số chỉ tiêu Chương trình đạt": 2, "Tổng số chỉ tiêu Chương trình": 3 },
    });
    const row = (await parseXlsx(template)).rows.find((r) => r.cells[0] === "c-01-01")!.row;
    const before = await state();
    const audits = await auditTotal();
    const res = await s.huyen!.request(`${base}/import`, post(file, XLSX));
    const out = await body(res);
    expect([res.status, out.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])]).toEqual([
      422,
      [[row, "M", "scoring_inputs.exceeds"]],
    ]);
    expect(out.errors[0].message).toContain("Số báo cáo đúng hạn (7) lớn hơn tổng số báo cáo phải nộp (5)");
    expect([await state(), await auditTotal()]).toEqual([before, audits]);
  });

  it("names a commune outside the district and a year other than the one imported (CSV)", async () => {
    const csv = "Mã xã;Năm;Số báo cáo đúng hạn;Tổng số báo cáo phải nộp\r\nc-02-01;2025;1;1\r\nc-01-04;2024;1;1\r\n";
    const out = await body(await s.huyen!.request(`${base}/import?dryRun=1`, post(csv, "text/csv")));
    expect(out.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [2, "A", "scoring_file.unknown_commune"],
      [3, "B", "scoring_file.year_mismatch"],
    ]);
  });

  it("re-imports its own export as a dry run that changes nothing", async () => {
    for (const format of ["xlsx", "csv"] as const) {
      const exp = await s.huyen!.request(`${base}/export?format=${format}`);
      const data = format === "xlsx" ? await exp.arrayBuffer() : await exp.text();
      const out = await body(await s.huyen!.request(`${base}/import?dryRun=1`, post(data, format === "xlsx" ? XLSX : "text/csv")));
      expect([exp.status, out.updated, out.unitIds, out.unchanged]).toEqual([200, 0, [], out.rows]);
    }
  });

  it("refuses a commune officer (as the PUT does), writing nothing", async () => {
    const csv = "Mã xã;Số báo cáo đúng hạn;Tổng số báo cáo phải nộp\r\nc-01-01;3;3\r\n";
    const before = await state();
    const answers = await Promise.all([
      s.xa!.request(`${base}/import`, post(csv, "text/csv")),
      s.xa!.request("/v1/units/c-01-01/scoring-inputs/2025/import", post(csv, "text/csv")),
    ]);
    expect(answers.map((r) => r.status)).toEqual([403, 403]);
    expect(await state()).toEqual(before);
  });
});

describe("an empty system (no demo data)", () => {
  it("gives a province without communes a template of the header and note row, and names an unknown commune", async () => {
    const empty = await openHarness({ seed: false });
    try {
      const token = await issueSetupToken(empty.database.db, new Date());
      const setup = await empty.app.request(
        "/v1/setup",
        json("POST", {
          token,
          username: "quantri",
          password: "mat-khau-dai",
          displayName: "Quản trị",
          province: { id: "p-26", name: "Tỉnh Vĩnh Phúc" },
        }),
      );
      const admin = await login(empty, "quantri", "mat-khau-dai");
      const table = await parseXlsx(await (await admin.request("/v1/units/p-26/scoring-inputs/2025/template")).arrayBuffer());
      const csv = "Mã xã;Số báo cáo đúng hạn;Tổng số báo cáo phải nộp\r\nc-01-01;1;1\r\n";
      const out = await body(await admin.request("/v1/units/p-26/scoring-inputs/2025/import", post(csv, "text/csv")));
      expect([setup.status, table.header[0], table.rows.length, out.errors.map((e: { code: string }) => e.code)]).toEqual([
        201,
        "Mã xã *",
        1,
        ["scoring_file.unknown_commune"],
      ]);
    } finally {
      await empty.close();
    }
  });
});
