import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, tasks } from "../db/schema.js";
import { type Harness, type Session, loginAll, openHarness } from "../testing/harness.js";
import { parseCsv, parseXlsx } from "../transfer/table.js";

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
const base = "/v1/plans/plan-63-d-01/progress";
const body = async (res: Response): Promise<any> => res.json();
const post = (data: ArrayBuffer | string, type: string): RequestInit => ({ method: "POST", headers: { "content-type": type }, body: data });
const auditTotal = async () => (await h.database.db.select({ n: count() }).from(auditLog))[0]!.n;
/** Every task's version and progress, to compare before and after. */
const state = async () =>
  (await h.database.db.select().from(tasks).where(eq(tasks.planId, "plan-63-d-01")))
    .map((t) => [t.id, t.version, (t.data as { progress: unknown }).progress])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

/** The template as a spreadsheet would show it: its rows as arrays of cell values. */
async function sheetOf(buf: ArrayBuffer): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const out: (string | number | null)[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: false }, (row) => {
    const v = row.values as unknown[];
    out.push(Array.from({ length: 9 }, (_, i) => (v[i + 1] ?? null) as string | number | null));
  });
  return out;
}

/** The template with some task rows' progress cells set, as an officer fills it in. */
async function fill(template: ArrayBuffer, edits: Record<string, (string | number | null)[]>): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template);
  const ws = wb.worksheets[0]!;
  ws.eachRow((row) => {
    const e = edits[String(row.getCell(1).value)];
    if (e) e.forEach((v, i) => (row.getCell(5 + i).value = v));
  });
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

describe("GET /v1/plans/{id}/progress/template", () => {
  it("is pre-filled with the plan's tasks: code, title, lead and the read-only columns marked in the note row", async () => {
    const res = await s.huyen!.request(`${base}/template`);
    expect([res.status, res.headers.get("content-type")]).toEqual([200, XLSX]);
    const rows = await sheetOf(await res.arrayBuffer());
    expect(rows[0]).toEqual([
      "Mã nhiệm vụ *",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Hạn hoàn thành",
      "Tình trạng",
      "Tỷ lệ hoàn thành (%)",
      "Kết quả thực hiện",
      "Minh chứng",
      "Kỳ báo cáo",
    ]);
    expect(String(rows[1]![0])).toMatch(/^# /);
    expect(rows[1]!.slice(1, 4).every((n) => String(n).includes("chỉ để đọc"))).toBe(true);
    const stored = await state();
    expect(rows.length - 2).toBe(stored.length);
    const ii5 = rows.find((r) => r[0] === "II.5")!;
    expect(typeof ii5[1]).toBe("string");
    expect(String(ii5[2]).length).toBeGreaterThan(0);
  });

  it("gives a Vietnamese-Excel CSV on ?format=csv (BOM, `;`), and 404 for a plan that does not exist", async () => {
    const res = await s.huyen!.request(`${base}/template?format=csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    expect([res.status, [...bytes.slice(0, 3)], text.split("\r\n")[0]?.split(";")[0]]).toEqual([200, [0xef, 0xbb, 0xbf], "Mã nhiệm vụ *"]);
    expect((await s.huyen!.request("/v1/plans/nope/progress/template")).status).toBe(404);
  });
});

describe("POST /v1/plans/{id}/progress/import", () => {
  it("on a dry run answers what would change and writes nothing; applied, writes every row in one go with audit", async () => {
    const template = await (await s.huyen!.request(`${base}/template`)).arrayBuffer();
    const file = await fill(template, {
      "II.5": ["Đang thực hiện", "65", "Đã cứng hóa 3,2 km đường trục xã", "Biên bản số 15/BB-UBND", "2025S2"],
      "II.1": ["Đã hoàn thành", 100, "Đã phê duyệt quy hoạch", null, "2025"],
    });
    const before = await state();
    const audits = await auditTotal();
    const dry = await s.huyen!.request(`${base}/import?dryRun=1`, post(file, XLSX));
    const dryOut = await body(dry);
    expect([dry.status, dryOut.dryRun, dryOut.updated, [...dryOut.codes].sort()]).toEqual([200, true, 0, ["II.1", "II.5"]]);
    expect([await state(), await auditTotal()]).toEqual([before, audits]);

    const res = await s.huyen!.request(`${base}/import`, post(file, XLSX));
    const out = await body(res);
    expect([res.status, out.updated, out.unchanged + out.updated]).toEqual([200, 2, out.rows]);
    const after = await state();
    const ii5 = after.find((t) => t[0] === "plan-63-d-01/II.5")!;
    expect(ii5[2]).toMatchObject({
      status: "in_progress",
      percentDone: 65,
      result: "Đã cứng hóa 3,2 km đường trục xã",
      evidence: "Biên bản số 15/BB-UBND",
      period: "2025S2",
    });
    const actions = (await h.database.db.select().from(auditLog)).slice(audits).map((a) => a.action);
    expect(actions).toEqual(["task.progress", "task.progress", "task.progress_import"]);
    // only the two rows changed: the others keep their version
    const changed = after.filter((t, i) => t[1] !== before[i]![1]).map((t) => t[0]);
    expect(changed.sort()).toEqual(["plan-63-d-01/II.1", "plan-63-d-01/II.5"]);
  });

  it("refuses the whole file when one row is bad, naming row, column and header, and writes nothing", async () => {
    const template = await (await s.huyen!.request(`${base}/template`)).arrayBuffer();
    const file = await fill(template, {
      "II.5": ["Đang thực hiện", 150, "Tiếp tục", null, "2025S2"],
      "II.1": ["Đã hoàn thành", 100, "Ổn", null, "2025"],
    });
    const rows = await sheetOf(template);
    const rowOf = rows.findIndex((r) => r[0] === "II.5") + 1;
    const before = await state();
    const audits = await auditTotal();
    const res = await s.huyen!.request(`${base}/import`, post(file, XLSX));
    const out = await body(res);
    expect([res.status, out.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])]).toEqual([
      422,
      [[rowOf, "F", "task_progress.percent_out_of_range"]],
    ]);
    expect(out.errors[0].message).toContain("Tỷ lệ hoàn thành (%)");
    expect([await state(), await auditTotal()]).toEqual([before, audits]);
  });

  it("names an unknown task code and a status it does not know (CSV with Vietnamese status words)", async () => {
    const csv = "Mã nhiệm vụ;Tình trạng;Kết quả thực hiện;Kỳ báo cáo\r\nIX.99;Đang thực hiện;x;2025\r\nII.5;xong;x;2025\r\n";
    const res = await s.huyen!.request(`${base}/import?dryRun=1`, post(csv, "text/csv"));
    const out = await body(res);
    expect([res.status, out.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])]).toEqual([
      422,
      [
        [2, "A", "task_progress.unknown_task"],
        [3, "B", "record_file.unknown_code"],
      ],
    ]);
  });

  it("re-imports its own export as a dry run that changes nothing", async () => {
    for (const format of ["xlsx", "csv"] as const) {
      const exp = await s.huyen!.request(`${base}/export?format=${format}`);
      expect(exp.status).toBe(200);
      const data = format === "xlsx" ? await exp.arrayBuffer() : await exp.text();
      const res = await s.huyen!.request(`${base}/import?dryRun=1`, post(data, format === "xlsx" ? XLSX : "text/csv"));
      const out = await body(res);
      expect([res.status, out.updated, out.codes, out.unchanged]).toEqual([200, 0, [], (await state()).length]);
    }
    const table = await parseXlsx(await (await s.huyen!.request(`${base}/export`)).arrayBuffer());
    const ii5 = table.rows.find((r) => r.cells[0] === "II.5")!;
    expect(ii5.cells.slice(4)).toEqual(["Đang thực hiện", 65, "Đã cứng hóa 3,2 km đường trục xã", "Biên bản số 15/BB-UBND", "2025S2"]);
    const csv = parseCsv(await (await s.huyen!.request(`${base}/export?format=csv`)).text());
    expect(csv.header[0]).toBe("Mã nhiệm vụ *");
  });

  it("refuses a commune officer (the progress route's plan.write) and a viewer, writing nothing", async () => {
    const csv = "Mã nhiệm vụ;Tình trạng;Kết quả thực hiện;Kỳ báo cáo\r\nII.5;Quá hạn;Chậm;2025\r\n";
    const before = await state();
    const answers = await Promise.all(["xa", "xem"].map((u) => s[u]!.request(`${base}/import`, post(csv, "text/csv"))));
    expect(answers.map((r) => r.status)).toEqual([403, 403]);
    expect(await state()).toEqual(before);
  });
});
