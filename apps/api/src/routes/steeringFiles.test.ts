import ExcelJS from "exceljs";
import { count, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, steeringMembers } from "../db/schema.js";
import { type Harness, type Session, loginAll, openHarness } from "../testing/harness.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const body = async (res: Response): Promise<any> => res.json();
const post = (data: ArrayBuffer | string, type: string): RequestInit => ({ method: "POST", headers: { "content-type": type }, body: data });
const counts = async () => [
  (await h.database.db.select({ n: count() }).from(steeringMembers))[0]!.n,
  (await h.database.db.select({ n: count() }).from(auditLog))[0]!.n,
];

/** The template's (or an export's) sheet as exceljs reads it: each row's cell values. */
async function sheetRows(file: ArrayBuffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file);
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}
/** The downloaded template with rows appended, as an officer fills it in a spreadsheet. */
async function fill(template: ArrayBuffer, rows: (string | number)[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template);
  for (const r of rows) wb.worksheets[0]!.addRow(r);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
const row = (name: string, communes: string, unit = "d-01") => [
  unit,
  name,
  "Phó Trưởng phòng Nông nghiệp và PTNT",
  "Phòng Nông nghiệp và PTNT",
  "Thành viên",
  "0912 345 678",
  "01/01/2025",
  "",
  communes,
];

describe("GET /v1/steering-members/template", () => {
  it("downloads an XLSX template with Vietnamese headers and a # note row, read back with exceljs", async () => {
    const res = await s.huyen!.request("/v1/steering-members/template");
    const rows = await sheetRows(await res.arrayBuffer());
    expect([res.status, res.headers.get("content-type"), res.headers.get("content-disposition"), rows[0], String(rows[1]?.[0])]).toEqual([
      200,
      XLSX,
      'attachment; filename="mau-thanh-vien-ban-chi-dao.xlsx"',
      [
        "Mã đơn vị (Ban Chỉ đạo) *",
        "Họ và tên *",
        "Chức vụ *",
        "Cơ quan, đơn vị *",
        "Vai trò trong Ban Chỉ đạo *",
        "Điện thoại",
        "Bắt đầu nhiệm kỳ *",
        "Kết thúc nhiệm kỳ",
        "Xã phụ trách",
        "Ghi chú",
        "Tên đơn vị",
      ],
      expect.stringMatching(/^# mã đơn vị có Ban Chỉ đạo/),
    ]);
    expect(rows[1]?.[4]).toBe("một trong: Trưởng ban; Phó Trưởng ban; Ủy viên thường trực; Thành viên");
  });

  it("gives the template as Vietnamese-Excel CSV too (BOM, ;)", async () => {
    const res = await s.huyen!.request("/v1/steering-members/template?format=csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([res.status, [...bytes.slice(0, 3)], new TextDecoder().decode(bytes).split("\r\n")[0]?.split(";")[1]]).toEqual([
      200,
      [0xef, 0xbb, 0xbf],
      "Họ và tên *",
    ]);
  });
});

describe("POST /v1/steering-members/import", () => {
  it("checks a good file on a dry run, writing nothing, then imports every member (codes and names of communes) audited", async () => {
    const coverage = await body(await s.huyen!.request("/v1/steering-members/coverage?districtId=d-01&asOf=2025-06-30"));
    const name10 = coverage.communes.find((c: { unitId: string }) => c.unitId === "c-01-10").name;
    const template = await (await s.huyen!.request("/v1/steering-members/template")).arrayBuffer();
    const file = await fill(template, [row("Trần Văn Tệp (ví dụ)", `c-01-08\n${name10}`), row("Lê Thị Nhập (ví dụ)", "c-01-09")]);
    const before = await counts();
    const dry = await s.huyen!.request("/v1/steering-members/import?dryRun=1", post(file, XLSX));
    expect([dry.status, await body(dry), await counts()]).toEqual([
      200,
      { kind: "steering", dryRun: true, rows: 2, imported: 0, ids: [] },
      before,
    ]);

    const res = await s.huyen!.request("/v1/steering-members/import", post(file, XLSX));
    const out = await body(res);
    expect([res.status, out.imported, out.ids.every((id: string) => /^steering-[0-9a-f-]+$/.test(id))]).toEqual([200, 2, true]);
    // one audit entry per member and one for the file
    expect(await counts()).toEqual([before[0]! + 2, before[1]! + 3]);
    const list = await body(await s.huyen!.request("/v1/steering-members?unitId=d-01&asOf=2025-06-30"));
    const mine = list.items.filter((i: { id: string }) => out.ids.includes(i.id));
    expect(
      mine.map((i: { data: { fullName: string; role: string; communeUnitIds: string[] } }) => [
        i.data.fullName,
        i.data.role,
        i.data.communeUnitIds,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["Trần Văn Tệp (ví dụ)", "member", ["c-01-08", "c-01-10"]],
        ["Lê Thị Nhập (ví dụ)", "member", ["c-01-09"]],
      ]),
    );
    const after = await body(await s.huyen!.request("/v1/steering-members/coverage?districtId=d-01&asOf=2025-06-30"));
    expect(after.unsupported).toEqual([]);
    const audited = await h.database.db.select({ n: count() }).from(auditLog).where(like(auditLog.action, "steering_member.import%"));
    expect(audited[0]!.n).toBe(3);
  });

  it("refuses the whole file for one bad row, naming row, column and header, and writes nothing", async () => {
    const template = await (await s.huyen!.request("/v1/steering-members/template")).arrayBuffer();
    const before = await counts();
    const bad = await fill(template, [row("Người tốt (ví dụ)", "c-01-01"), row("Người sai (ví dụ)", "c-01-02\nc-02-01")]);
    const res = await s.huyen!.request("/v1/steering-members/import", post(bad, XLSX));
    const p = await body(res);
    // header row 1, note row 2, data from row 3: the second member is row 4; the communes are column I
    expect([res.status, p.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])]).toEqual([
      422,
      [[4, "I", "steering.commune_outside_unit"]],
    ]);
    expect(p.errors[0].message).toMatch(/^Xã phụ trách: không có xã "c-02-01" thuộc đơn vị d-01/);
    expect(await counts()).toEqual(before);
  });

  it("names a bad role and a reversed term at their columns (CSV with ; and Vietnamese dates)", async () => {
    const csv = [
      "Mã đơn vị (Ban Chỉ đạo);Họ và tên;Chức vụ;Cơ quan, đơn vị;Vai trò trong Ban Chỉ đạo;Bắt đầu nhiệm kỳ;Kết thúc nhiệm kỳ",
      "d-01;Nguyễn A;Chủ tịch;UBND;Chủ nhiệm;01/01/2025;",
      "d-01;Nguyễn B;Chủ tịch;UBND;Thành viên;01/01/2025;31/12/2024",
      "",
    ].join("\r\n");
    const before = await counts();
    const res = await s.huyen!.request("/v1/steering-members/import", post(csv, "text/csv"));
    const p = await body(res);
    expect([res.status, p.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])]).toEqual([
      422,
      [
        [2, "E", "record_file.unknown_code"],
        [3, "G", "steering.term_reversed"],
      ],
    ]);
    expect(p.errors[1].message).toMatch(/^Kết thúc nhiệm kỳ: nhiệm kỳ kết thúc 31\/12\/2024 trước khi bắt đầu 01\/01\/2025/);
    expect(await counts()).toEqual(before);
  });

  it("refuses a committee outside the officer's scope (403 naming the row), and a viewer or commune officer outright", async () => {
    const template = await (await s.huyen!.request("/v1/steering-members/template")).arrayBuffer();
    const before = await counts();
    const file = await fill(template, [row("Trong huyện (ví dụ)", "c-01-01"), row("Huyện khác (ví dụ)", "c-02-01", "d-02")]);
    const res = await s.huyen!.request("/v1/steering-members/import", post(file, XLSX));
    const p = await body(res);
    expect([res.status, p.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])]).toEqual([
      403,
      [[4, "A", "record_file.outside_scope"]],
    ]);
    const viewer = await s.xem!.request("/v1/steering-members/import", post(file, XLSX));
    const commune = await s.xa!.request("/v1/steering-members/import", post(file, XLSX));
    expect([viewer.status, commune.status, await counts()]).toEqual([403, 403, before]);
  });
});

describe("GET /v1/steering-members/export", () => {
  it("exports the members the list shows, which import back as a dry run with no problem and no change", async () => {
    const list = await body(await s.huyen!.request("/v1/steering-members?unitId=d-01"));
    const res = await s.huyen!.request("/v1/steering-members/export?unitId=d-01");
    const file = await res.arrayBuffer();
    const rows = await sheetRows(file);
    const first = list.items.find((i: { id: string }) => i.id === "tv-bcd-d-01-1");
    expect([res.status, res.headers.get("content-type"), rows.length - 1]).toEqual([200, XLSX, list.items.length]);
    expect(rows.find((r) => r[1] === first.data.fullName)).toEqual([
      "d-01",
      first.data.fullName,
      first.data.position,
      first.data.organisation,
      "Phó Trưởng ban",
      first.data.phone,
      "01/01/2021",
      undefined,
      first.data.communeUnitIds.join("; "),
      undefined,
      "Huyện An Hòa",
    ]);
    const before = await counts();
    const again = await s.huyen!.request("/v1/steering-members/import?dryRun=1", post(file, XLSX));
    expect([again.status, await body(again), await counts()]).toEqual([
      200,
      { kind: "steering", dryRun: true, rows: list.items.length, imported: 0, ids: [] },
      before,
    ]);
    const csv = await s.huyen!.request("/v1/steering-members/export?unitId=d-01&format=csv");
    const back = await s.huyen!.request("/v1/steering-members/import?dryRun=1", post(await csv.text(), "text/csv"));
    expect([csv.status, back.status, (await body(back)).rows]).toEqual([200, 200, list.items.length]);
  });

  it("refuses a unit the reader may not read, and is not taken for a member id", async () => {
    const res = await s.xa!.request("/v1/steering-members/export?unitId=d-02");
    // Registered before /steering-members/{id}: "export" is a file, not a member to look up.
    const own = await s.xa!.request("/v1/steering-members/export?format=csv");
    expect([res.status, own.status, own.headers.get("content-type")]).toEqual([403, 200, "text/csv; charset=utf-8"]);
  });
});
