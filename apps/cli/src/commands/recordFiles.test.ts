import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ntm, tempDir } from "../../test/cli.js";
import { type TestServer, startServer } from "../../test/server.js";

let server: TestServer;
let home: string;
const remote = (args: string[], input?: string) =>
  ntm(["--server", server.url, ...args], {
    cwd: home,
    env: { XDG_CONFIG_HOME: join(home, "cfg") },
    ...(input !== undefined ? { input } : {}),
  });
const path = (name: string) => join(home, name);

beforeAll(async () => {
  server = await startServer();
  home = tempDir();
  expect(remote(["login", "--username", "xa", "--password-stdin"], "xa123\n").code).toBe(0);
});
afterAll(async () => {
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

const ocop = (name: string, stars: number, commune = "c-01-01") =>
  [name, "HTX Thử", "Hợp tác xã", commune, "Thực phẩm", "72,5", stars, "", "", "", "Đã đánh giá, chưa công nhận"].join(";");

describe("ntm <kind> template|import against a running API", () => {
  it("writes the XLSX template with -o and the CSV one with --csv", () => {
    const xlsx = remote(["ocop", "template", "-o", path("mau.xlsx"), "--json"]);
    const csv = remote(["housing", "template", "--csv", "-o", path("nha.csv")]);
    expect([
      xlsx.code,
      (xlsx.json() as { format: string }).format,
      [...readFileSync(path("mau.xlsx")).subarray(0, 2)],
      csv.code,
      csv.stdout,
      readFileSync(path("nha.csv"), "utf8").split("\r\n")[0],
    ]).toEqual([
      0,
      "xlsx",
      [0x50, 0x4b],
      0,
      `Đã ghi mẫu nhập hồ sơ nhà ở vào ${path("nha.csv")}\n`,
      "\uFEFFMã xã *;Mã thôn;Chủ hộ;Tình trạng *;Kinh phí hỗ trợ (đồng);Ngày hoàn thành;Tên xã",
    ]);
  });

  it("checks with --dry-run, then imports the filled CSV template (--json)", () => {
    remote(["ocop", "template", "--csv", "-o", path("ocop.csv")]);
    writeFileSync(path("ocop.csv"), `${readFileSync(path("ocop.csv"), "utf8")}${ocop("Chè CLI 1", 4)}\r\n${ocop("Chè CLI 2", 4)}\r\n`);
    const dry = remote(["ocop", "import", path("ocop.csv"), "--dry-run"]);
    const run = remote(["ocop", "import", path("ocop.csv"), "--json"]);
    const out = run.json() as { imported: number; ids: string[]; dryRun: boolean };
    expect([dry.code, dry.stdout, run.code, out.dryRun, out.imported, out.ids.length]).toEqual([
      0,
      `${path("ocop.csv")}: 2 dòng hợp lệ; thử, chưa ghi gì\n`,
      0,
      false,
      2,
      2,
    ]);
  });

  it("exits 2 naming the file, row and column of a bad row; exits 4 for a row outside the scope", () => {
    const header =
      "Tên sản phẩm;Chủ thể;Loại chủ thể;Mã xã;Nhóm sản phẩm;Điểm đánh giá;Hạng sao;Số giấy chứng nhận;Ngày chứng nhận;Ngày hết hạn;Trạng thái";
    writeFileSync(path("bad.csv"), `${header}\r\n${ocop("A", 4)}\r\n${ocop("B", 5)}\r\n`);
    writeFileSync(path("scope.csv"), `${header}\r\n${ocop("C", 4, "c-02-01")}\r\n`);
    const bad = remote(["ocop", "import", path("bad.csv")]);
    const scope = remote(["ocop", "import", path("scope.csv")]);
    expect([bad.code, bad.stderr.split("\n")[1], scope.code, scope.stderr.split("\n")[1]]).toEqual([
      2,
      `${path("bad.csv")}: dòng 3, cột G: Hạng sao: 5 sao không khớp với điểm 72,5 (theo điểm là 4 sao) / Hạng sao: 5 stars do not match the score 72.5 (expected 4)`,
      4,
      `${path("scope.csv")}: dòng 2, cột D: Mã xã: đơn vị "c-02-01" ngoài phạm vi được ghi / Mã xã: unit "c-02-01" is outside the units you may write`,
    ]);
  });

  it("refuses a file that is not .csv or .xlsx before calling the server", () => {
    writeFileSync(path("x.txt"), "a");
    const r = remote(["housing", "import", path("x.txt")]);
    expect([r.code, r.stderr.includes("cần tệp .csv hoặc .xlsx")]).toEqual([2, true]);
  });
});

describe("ntm <kind> export against a running API", () => {
  it("writes the commune's records as CSV to stdout, in the template's columns, that import back clean", () => {
    const out = remote(["housing", "export"]);
    const lines = out.stdout.split("\r\n").filter(Boolean);
    writeFileSync(path("nha-xuat.csv"), out.stdout);
    const back = remote(["housing", "import", path("nha-xuat.csv"), "--dry-run", "--json"]);
    expect([out.code, lines[0], lines.length > 1, lines.slice(1).every((l) => l.startsWith("c-01-01;"))]).toEqual([
      0,
      "\uFEFFMã xã *;Mã thôn;Chủ hộ;Tình trạng *;Kinh phí hỗ trợ (đồng);Ngày hoàn thành;Tên xã",
      true,
      true,
    ]);
    expect([back.code, back.json()]).toMatchObject([0, { dryRun: true, rows: lines.length - 1, imported: 0 }]);
  });

  it("writes XLSX with -o (read back: header and rows), filtered by --year, and it imports back clean", async () => {
    const all = remote(["resources", "export", "-o", path("nguon-luc.xlsx"), "--json"]);
    const year = remote(["resources", "export", "--year", "2024", "-o", path("nguon-luc-2024.xlsx")]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path("nguon-luc-2024.xlsx"));
    const ws = wb.worksheets[0]!;
    const periods = Array.from({ length: ws.rowCount - 1 }, (_, i) => String(ws.getRow(i + 2).getCell(2).value));
    const back = remote(["resources", "import", path("nguon-luc.xlsx"), "--dry-run"]);
    expect([all.code, (all.json() as { format: string }).format, year.code, year.stdout, ws.getRow(1).getCell(1).value]).toEqual([
      0,
      "xlsx",
      0,
      `Đã xuất khoản huy động nguồn lực vào ${path("nguon-luc-2024.xlsx")}\n`,
      "Mã đơn vị *",
    ]);
    expect(periods.length).toBeGreaterThan(0);
    expect(periods.every((p) => p.startsWith("2024"))).toBe(true);
    expect([back.code, back.stdout]).toEqual([0, expect.stringMatching(/dòng hợp lệ; thử, chưa ghi gì\n$/)]);
  });

  it("exits 2 for a year on a kind without one, and for XLSX without -o", () => {
    const year = remote(["ocop", "export", "--year", "2024"]);
    const xlsx = remote(["ocop", "export", "--format", "xlsx"]);
    expect([year.code, year.stderr.includes("--year"), xlsx.code, xlsx.stderr.includes("-o")]).toEqual([2, true, 2, true]);
  });
});

describe("ntm steering template|import|export against a running API", () => {
  let district: string;
  const huyen = (args: string[], input?: string) =>
    ntm(["--server", server.url, ...args], {
      cwd: district,
      env: { XDG_CONFIG_HOME: join(district, "cfg") },
      ...(input !== undefined ? { input } : {}),
    });
  const at = (name: string) => join(district, name);
  const member = (name: string, communes: string) =>
    [
      "d-01",
      name,
      "Phó Trưởng phòng Nông nghiệp và PTNT",
      "Phòng Nông nghiệp và PTNT",
      "Thành viên",
      "",
      "01/01/2025",
      "",
      `"${communes}"`,
    ].join(";");

  beforeAll(() => {
    district = tempDir();
    expect(huyen(["login", "--username", "huyen", "--password-stdin"], "huyen123\n").code).toBe(0);
  });

  it("writes the XLSX template with -o, read back with exceljs", async () => {
    const r = huyen(["steering", "template", "-o", at("bcd.xlsx"), "--json"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at("bcd.xlsx"));
    const ws = wb.worksheets[0]!;
    expect([
      r.code,
      (r.json() as { kind: string; format: string }).format,
      ws.getRow(1).getCell(1).value,
      ws.getRow(1).getCell(9).value,
    ]).toEqual([0, "xlsx", "Mã đơn vị (Ban Chỉ đạo) *", "Xã phụ trách"]);
  });

  it("checks with --dry-run, imports the filled CSV template (communes separated by ;, quoted), and exports it back to stdout", () => {
    huyen(["steering", "template", "--csv", "-o", at("bcd.csv")]);
    writeFileSync(at("bcd.csv"), `${readFileSync(at("bcd.csv"), "utf8")}${member("Đỗ Văn CLI (ví dụ)", "c-01-08; c-01-09")}\r\n`);
    const dry = huyen(["steering", "import", at("bcd.csv"), "--dry-run"]);
    const run = huyen(["steering", "import", at("bcd.csv"), "--json"]);
    const out = huyen(["steering", "export", "--unit", "d-01"]);
    const line = out.stdout.split("\r\n").find((l) => l.includes("Đỗ Văn CLI"));
    writeFileSync(at("bcd-xuat.csv"), out.stdout);
    const back = huyen(["steering", "import", at("bcd-xuat.csv"), "--dry-run", "--json"]);
    expect([dry.code, dry.stdout, run.code, (run.json() as { imported: number }).imported, out.code, line]).toEqual([
      0,
      `${at("bcd.csv")}: 1 dòng hợp lệ; thử, chưa ghi gì\n`,
      0,
      1,
      0,
      'd-01;Đỗ Văn CLI (ví dụ);Phó Trưởng phòng Nông nghiệp và PTNT;Phòng Nông nghiệp và PTNT;Thành viên;;01/01/2025;;"c-01-08; c-01-09";;Huyện An Hòa',
    ]);
    expect([back.code, back.json()]).toMatchObject([0, { dryRun: true, imported: 0 }]);
  });

  it("exits 2 naming row and column of a commune outside the committee's unit; exits 4 for a commune officer", () => {
    const header =
      "Mã đơn vị (Ban Chỉ đạo);Họ và tên;Chức vụ;Cơ quan, đơn vị;Vai trò trong Ban Chỉ đạo;Điện thoại;Bắt đầu nhiệm kỳ;Kết thúc nhiệm kỳ;Xã phụ trách";
    writeFileSync(at("bcd-sai.csv"), `${header}\r\n${member("A (ví dụ)", "c-01-01")}\r\n${member("B (ví dụ)", "c-02-01")}\r\n`);
    writeFileSync(path("bcd-xa.csv"), `${header}\r\n${member("C (ví dụ)", "c-01-01")}\r\n`);
    const bad = huyen(["steering", "import", at("bcd-sai.csv")]);
    const denied = remote(["steering", "import", path("bcd-xa.csv")]);
    expect([bad.code, bad.stderr.split("\n")[1], denied.code]).toEqual([
      2,
      `${at("bcd-sai.csv")}: dòng 3, cột I: Xã phụ trách: không có xã "c-02-01" thuộc đơn vị d-01 (ghi mã hoặc tên xã) / Xã phụ trách: "c-02-01" is not a commune of unit d-01 (write a commune's code or name)`,
      4,
    ]);
  });
});
