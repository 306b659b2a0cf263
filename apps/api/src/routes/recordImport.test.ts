import ExcelJS from "exceljs";
import { count, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, housing, ocopProducts } from "../db/schema.js";
import { type Harness, type Session, loginAll, openHarness } from "../testing/harness.js";
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
const body = async (res: Response): Promise<any> => res.json();
const auditTotal = async () => (await h.database.db.select({ n: count() }).from(auditLog))[0]!.n;
const rowsOf = async (table: typeof ocopProducts | typeof housing) => (await h.database.db.select({ n: count() }).from(table))[0]!.n;
const post = (data: ArrayBuffer | string, type: string): RequestInit => ({ method: "POST", headers: { "content-type": type }, body: data });

/** The downloaded template with rows appended, as an officer fills it in a spreadsheet. */
async function fill(template: ArrayBuffer, rows: (string | number)[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template);
  const ws = wb.worksheets[0]!;
  for (const r of rows) ws.addRow(r);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

const ocopRow = (name: string, stars: number | string = 4, commune = "c-01-01") => [
  name,
  "HTX Thử Nghiệm",
  "Hợp tác xã",
  commune,
  "Thực phẩm",
  "72,5",
  stars,
  "",
  "",
  "",
  "Đã đánh giá, chưa công nhận",
];

const FILLED: Record<string, { who: string; rows: (string | number)[][] }> = {
  ocop: { who: "xa", rows: [ocopRow("Mật ong nhập tệp 1"), ocopRow("Mật ong nhập tệp 2")] },
  resources: {
    who: "xa",
    rows: [
      ["c-01-01", "2025", "Nhân dân đóng góp (tiền)", "1.250.000"],
      ["c-01-01", "2025Q3", "Ngày công lao động", 120, "Làm đường thôn"],
    ],
  },
  housing: {
    who: "huyen",
    rows: [
      ["c-01-02", "", "Hộ ông Trần Văn Nhập", "Nhà tạm", "60.000.000", ""],
      ["c-01-02", "", "Hộ bà Lê Thị Tệp", "Đã hoàn thành", "40.000.000", "15/08/2025"],
    ],
  },
  inspections: {
    who: "thanhtra",
    rows: [
      ["c-01-01", "Kiểm tra", "12/05/2025", "", "", "UBND xã An Lộc", "Ủy ban Kiểm tra Huyện ủy", "Thiếu minh chứng; Chậm tiến độ"],
      ["c-01-02", "Giám sát", "13/05/2025", "", "", "UBND xã An Phú", "", "", "Bổ sung hồ sơ", "UBND xã", "30/06/2025"],
    ],
  },
};

describe.each(Object.entries(FILLED))("GET /v1/%s/template.xlsx and POST /v1/%s/import", (kind, { who, rows }) => {
  it("downloads the template, imports it back after filling two rows, and audits each record", async () => {
    const t = await s[who]!.request(`/v1/${kind}/template.xlsx`);
    const template = await t.arrayBuffer();
    const read = await parseXlsx(template);
    expect([t.status, t.headers.get("content-type"), read.header.length > 3, String(read.rows[0]?.cells[0]).startsWith("#")]).toEqual([
      200,
      XLSX,
      true,
      true,
    ]);
    const before = await auditTotal();
    const res = await s[who]!.request(`/v1/${kind}/import`, post(await fill(template, rows), XLSX));
    const out = await body(res);
    expect([res.status, out.dryRun, out.rows, out.imported, out.ids.length]).toEqual([200, false, 2, 2, 2]);
    // one entry per record and one for the file
    expect(await auditTotal()).toBe(before + 3);
  });
});

describe("record imports", () => {
  it("writes the template as Vietnamese-Excel CSV: UTF-8 BOM and ; between cells", async () => {
    const res = await s.xa!.request("/v1/ocop/template.xlsx?format=csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    expect([res.status, res.headers.get("content-type"), [...bytes.slice(0, 3)], text.split("\r\n")[0]?.split(";").slice(0, 3)]).toEqual([
      200,
      "text/csv; charset=utf-8",
      [0xef, 0xbb, 0xbf],
      ["Tên sản phẩm *", "Chủ thể *", "Loại chủ thể *"],
    ]);
  });

  it("imports the CSV template back with comma decimals and lists the products", async () => {
    const template = await (await s.xa!.request("/v1/ocop/template.xlsx?format=csv")).text();
    const file = `${template}${ocopRow("Chè nhập CSV", 4).join(";")}\r\n`;
    const res = await s.xa!.request("/v1/ocop/import", post(file, "text/csv"));
    const out = await body(res);
    const list = await body(await s.xa!.request("/v1/ocop-products?unitId=c-01-01"));
    const item = list.items.find((i: { id: string }) => i.id === out.ids[0]);
    expect([res.status, item?.data.name, item?.data.score]).toEqual([200, "Chè nhập CSV", 72.5]);
  });

  it("reads several recommendations from one row of an inspection XLSX, one per line of the cell (Alt+Enter)", async () => {
    const template = await (await s.thanhtra!.request("/v1/inspections/template.xlsx")).arrayBuffer();
    const row = [
      "c-01-01",
      "Kiểm tra",
      "14/05/2025",
      "",
      "",
      "UBND xã An Lộc",
      "Đoàn kiểm tra nhiều kiến nghị",
      "Thiếu minh chứng",
      "1. Bổ sung minh chứng\n2. Cập nhật sổ theo dõi",
      "UBND xã An Lộc",
      "30/06/2025\n31/07/2025",
    ];
    const res = await s.thanhtra!.request("/v1/inspections/import", post(await fill(template, [row]), XLSX));
    const out = await body(res);
    const list = await body(await s.thanhtra!.request("/v1/inspections"));
    const item = list.items.find((i: { id: string }) => i.id === out.ids[0]);
    expect([res.status, out.imported, item?.data.recommendations]).toEqual([
      200,
      1,
      [
        { id: "kn-1", text: "Bổ sung minh chứng", responsible: "UBND xã An Lộc", dueDate: "2025-06-30", status: "open" },
        { id: "kn-2", text: "Cập nhật sổ theo dõi", responsible: "UBND xã An Lộc", dueDate: "2025-07-31", status: "open" },
      ],
    ]);
  });

  it("refuses a 50-row file with one bad row, naming its row and column, and writes nothing", async () => {
    const template = await (await s.xa!.request("/v1/ocop/template.xlsx")).arrayBuffer();
    const rows = Array.from({ length: 50 }, (_, i) => ocopRow(`Sản phẩm ${i + 1}`, i === 29 ? 5 : 4));
    const [products, audits] = [await rowsOf(ocopProducts), await auditTotal()];
    const res = await s.xa!.request("/v1/ocop/import", post(await fill(template, rows), XLSX));
    const p = await body(res);
    // header row 1, note row 2, data from row 3: the 30th product is on row 32; stars are column G
    expect([
      res.status,
      p.errorCount,
      p.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ]).toEqual([422, 1, [[32, "G", "ocop.stars_mismatch"]]]);
    expect(p.errors[0].message).toMatch(/^Hạng sao: 5 sao không khớp với điểm 72,5/);
    expect([await rowsOf(ocopProducts), await auditTotal()]).toEqual([products, audits]);
  });

  it("refuses a row outside the officer's scope (403 naming the row) and writes nothing", async () => {
    const template = await (await s.xa!.request("/v1/housing/template.xlsx")).arrayBuffer();
    const [houses, audits] = [await rowsOf(housing), await auditTotal()];
    const file = await fill(template, [
      ["c-01-01", "", "Hộ trong xã", "Nhà tạm"],
      ["c-02-01", "", "Hộ xã khác", "Nhà tạm"],
    ]);
    const res = await s.xa!.request("/v1/housing/import", post(file, XLSX));
    const p = await body(res);
    expect([res.status, p.errors.map((e: { row: number; column: string }) => [e.row, e.column])]).toEqual([403, [[4, "A"]]]);
    expect([await rowsOf(housing), await auditTotal()]).toEqual([houses, audits]);
  });

  it("names a unit code that does not exist at its row and column", async () => {
    const file = "Mã xã;Tình trạng\r\nc-khong-co;Nhà tạm\r\n";
    const res = await s.huyen!.request("/v1/housing/import", post(file, "text/csv"));
    const p = await body(res);
    expect([res.status, p.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])]).toEqual([
      422,
      [[2, "A", "record_file.unknown_unit"]],
    ]);
  });

  it("checks the whole file on ?dryRun=1 and writes nothing", async () => {
    const template = await (await s.xa!.request("/v1/ocop/template.xlsx")).arrayBuffer();
    const [products, audits] = [await rowsOf(ocopProducts), await auditTotal()];
    const res = await s.xa!.request("/v1/ocop/import?dryRun=1", post(await fill(template, [ocopRow("Thử trước")]), XLSX));
    expect([res.status, await body(res), await rowsOf(ocopProducts), await auditTotal()]).toEqual([
      200,
      { kind: "ocop", dryRun: true, rows: 1, imported: 0, ids: [] },
      products,
      audits,
    ]);
    const named = await h.database.db.select({ n: count() }).from(auditLog).where(like(auditLog.action, "ocop_product.import%"));
    expect(named[0]!.n).toBeGreaterThan(0);
  });

  it("refuses a JSON body with 400 naming the file types, never a 500", async () => {
    const res = await s.admin!.request("/v1/ocop/import", post(`${"[".repeat(5000)}${"]".repeat(5000)}`, "application/json"));
    expect([res.status, (await body(res)).detail]).toEqual([
      400,
      "Gửi tệp CSV (text/csv) hoặc XLSX, không phải application/json / send a CSV (text/csv) or XLSX file, not application/json",
    ]);
  });

  it("refuses a viewer before reading the file", async () => {
    const res = await s.xem!.request("/v1/housing/import", post("Mã xã;Tình trạng\r\nc-01-01;Nhà tạm\r\n", "text/csv"));
    expect(res.status).toBe(403);
  });

  it("keeps a recognised product's rule: a certificate is asked for at its column", async () => {
    const row = ocopRow("Không giấy", 4);
    row[10] = "Đã công nhận";
    const file = `Tên sản phẩm;Chủ thể;Loại chủ thể;Mã xã;Nhóm sản phẩm;Điểm đánh giá;Hạng sao;Số giấy chứng nhận;Ngày chứng nhận;Ngày hết hạn;Trạng thái\r\n${row.join(";")}\r\n`;
    const res = await s.xa!.request("/v1/ocop/import", post(file, "text/csv"));
    const p = await body(res);
    expect([res.status, p.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])]).toEqual([
      422,
      [[2, "H", "ocop.certificate_missing"]],
    ]);
  });
});
