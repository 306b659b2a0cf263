import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DEMO, EXAMPLES, REPO, ntm, tempDir } from "../../test/cli.js";

const batch = join(EXAMPLES, "batch-communes.csv");

describe("ntm report", () => {
  it("writes the criteria table: one sheet per year, one row per commune, readable back", async () => {
    const dir = tempDir();
    const r = ntm([
      "report",
      "criteria-table",
      "--pack",
      DEMO,
      "--values",
      batch,
      "--out",
      join(dir, "t.xlsx"),
      "--unit-name",
      "Huyện An Hòa",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ written: join(dir, "t.xlsx") });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "t.xlsx"));
    expect(wb.worksheets).toHaveLength(1);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void texts.push(c.text)));
    for (const name of ["Xã An Phú", "Xã Bình Minh", "Xã Tà Xùa", "Xã Cát Tiến", "Xã Mỹ Lợi"]) expect(texts).toContain(name);
    expect(texts.join(" ")).toContain("HUYỆN AN HÒA - NĂM 2024");
    expect(texts).toContain("17/19");
  });

  it("writes one commune's criteria sheet as a PDF whose text names the commune", () => {
    const dir = tempDir();
    const out = join(dir, "s.pdf");
    const r = ntm(["report", "criteria-sheet", "--pack", DEMO, "--values", batch, "--unit", "c-01-05", "--out", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
    let text: string;
    try {
      text = execFileSync("pdftotext", [out, "-"], { encoding: "utf8" });
    } catch {
      return; // pdftotext (poppler-utils) not installed: the header check above stands
    }
    expect(text).toContain("XÃ TÀ XÙA - NĂM 2024");
    expect(text).toContain("TDMNPB");
  });

  it("asks which commune when a batch file holds several", () => {
    const r = ntm(["report", "criteria-sheet", "--pack", DEMO, "--values", batch, "--out", join(tempDir(), "s.pdf")]);
    expect([r.code, r.stderr]).toEqual([
      2,
      "--unit: tệp có 5 đơn vị, hãy chọn một bằng --unit / the file holds 5 units; choose one with --unit\n",
    ]);
  });

  it("writes the ranking workbook, labelling the default scheme as not law", async () => {
    const dir = tempDir();
    const r = ntm(["report", "ranking", "--input", join(REPO, "examples", "ranking", "communes-2025.json"), "--out", join(dir, "r.xlsx")]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "r.xlsx"));
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void texts.push(c.text)));
    const all = texts.join(" | ");
    expect(all).toContain("Xã An Phú");
    expect(all).toMatch(/không phải quy định|not law/i);
  });

  it("writes a persons' classification workbook from a file whose kind is person, with the proposals sheet", async () => {
    const dir = tempDir();
    const r = ntm(["report", "ranking", "--input", join(REPO, "examples", "ranking", "persons-2025.json"), "--out", join(dir, "p.xlsx")]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "p.xlsx"));
    const [main, proposals] = wb.worksheets;
    expect([main!.getCell(4, 2).text, proposals!.getCell(4, 2).text, proposals!.getCell(4, 3).text, proposals!.getCell(5, 2).text]).toEqual(
      ["Cá nhân", "Biểu dương, khen thưởng", "Đ/c Nguyễn Văn An (ví dụ)", "Phê bình"],
    );
    expect(proposals!.getCell(5, 5).text).toContain("Kết luận kiểm tra KL-03");
  });

  it("writes the persons' classification report DOCX offline: title, every person, proposals with reasons, the not-law notice", async () => {
    const dir = tempDir();
    const file = join(REPO, "examples", "ranking", "persons-2025.json");
    const r = ntm([
      "report",
      "ranking",
      "--input",
      file,
      "--out",
      join(dir, "p.docx"),
      "--issuer",
      "Huyện ủy An Hòa",
      "--date",
      "20/12/2025",
    ]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, "p.docx")))).file("word/document.xml")!.async("string");
    const paras = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0].replace(/<[^>]+>/g, ""));
    expect(paras).toContain("Kết quả đánh giá, xếp loại cá nhân năm 2025");
    expect(paras).toContain("HUYỆN ỦY AN HÒA");
    expect(paras).toContain("Địa bàn, ngày 20 tháng 12 năm 2025");
    const people = (JSON.parse(readFileSync(file, "utf8")) as { units: { name: string }[] }).units.map((u) => u.name);
    expect(people.filter((n) => !paras.includes(n))).toEqual([]);
    const commend = paras[paras.indexOf("1. Đề nghị khen thưởng") + 1] ?? "";
    expect(commend).toMatch(/^- Đ\/c Nguyễn Văn An \(ví dụ\) \(xếp hạng \d+\): .+/);
    expect(paras[paras.indexOf("2. Đề nghị phê bình") + 1]).toContain("Kết luận kiểm tra KL-03");
    expect(paras.some((p) => p.startsWith("Lưu ý:") && p.includes("không phải quy định"))).toBe(true);
    const bad = ntm(["report", "ranking", "--input", file, "--out", join(dir, "x.docx"), "--layout", "team"]);
    expect([bad.code, bad.stderr]).toEqual([2, '--layout: cần party hoặc state / expected party or state, got "team"\n']);
  });

  it("writes the progress report DOCX in the Party format with the communes computed from values", async () => {
    const dir = tempDir();
    const out = join(dir, "p.docx");
    const r = ntm([
      "report",
      "progress",
      "--input",
      join(REPO, "examples", "reports", "progress-2025S1.json"),
      "--pack",
      DEMO,
      "--values",
      batch,
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain("HUYỆN ỦY AN HÒA");
    expect(text).toContain("T/M BAN THƯỜNG VỤ");
    expect(text).toContain("Xã Mỹ Lợi");
    expect(text).toContain("2/5 xã");
  });

  it("writes the state format (Nghị định 30/2020) when --format state overrides the file's party format", async () => {
    const dir = tempDir();
    const out = join(dir, "s.docx");
    const input = join(REPO, "examples", "reports", "progress-2025S1.json");
    const r = ntm(["report", "progress", "--input", input, "--format", "state", "--out", out]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "UBND HUYỆN AN HÒA",
      "125/BC-UBND",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
    ])
      expect(text).toContain(s);
    for (const s of [
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "T/M BAN THƯỜNG VỤ",
      "HUYỆN ỦY AN HÒA",
      "Các đồng chí Huyện ủy viên",
      "Lưu Văn phòng Huyện ủy",
    ])
      expect(text).not.toContain(s);
    // The state format's own "Nơi nhận", not the Party's.
    expect(text).toContain("Lưu: VT");
    // --format party on the same file keeps the Party document.
    const p = join(dir, "p.docx");
    expect(ntm(["report", "progress", "--input", input, "--format", "party", "--out", p]).code).toBe(0);
    const party = (await (await JSZip.loadAsync(readFileSync(p))).file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, " ");
    expect(party).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(party).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });

  it("refuses --format state for a file with only the Party issuer and signer, naming what to add, and writes nothing", () => {
    const good = JSON.parse(readFileSync(join(REPO, "examples", "reports", "progress-2025S1.json"), "utf8"));
    delete good.byFormat;
    const dir = tempDir({ "party.json": JSON.stringify(good) });
    const r = ntm(["report", "progress", "--input", "party.json", "--format", "state", "--out", "s.docx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'party.json: $.byFormat.state: tệp soạn cho thể thức "party"; để in thể thức "state" cần cơ quan ban hành, số, người ký và nơi nhận của thể thức đó: thêm "issuer", "number", "signer", "recipients" vào "byFormat": { "state": { … } } / the file is written for the "party" format; to print "state" add its issuer, number, signer, recipients under "byFormat"."state"\n',
    );
    // A state block without its recipients is refused too: the Party's "Nơi nhận" would be printed.
    const { recipients: _r, ...stateBlock } = JSON.parse(readFileSync(join(REPO, "examples", "reports", "progress-2025S1.json"), "utf8"))
      .byFormat.state;
    const noRecipients = tempDir({ "p.json": JSON.stringify({ ...good, byFormat: { state: stateBlock } }) });
    const r2 = ntm(["report", "progress", "--input", "p.json", "--format", "state", "--out", "s.docx"], { cwd: noRecipients });
    expect([r2.code, r2.stderr.includes('thêm "recipients" vào')]).toEqual([2, true]);
    expect(() => readFileSync(join(dir, "s.docx"))).toThrow();
    const bad = ntm(["report", "progress", "--input", "party.json", "--format", "pdf", "--out", "s.docx"], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, '--format: cần party hoặc state / expected party or state, got "pdf"\n']);
  });

  it("names the input file and JSON path of a bad report input and writes nothing", () => {
    const good = JSON.parse(readFileSync(join(REPO, "examples", "reports", "progress-2025S1.json"), "utf8"));
    const dir = tempDir({
      "bad.json": JSON.stringify({ ...good, date: "20/07/2025" }),
      "money.json": JSON.stringify({ ...good, resources: { lines: [{ label: "x", amount: 1.5 }] } }),
    });
    const r = ntm(["report", "progress", "--input", "bad.json", "--out", "p.docx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.json: \$\.date: /);
    const m = ntm(["report", "progress", "--input", "money.json", "--out", "p.docx"], { cwd: dir });
    expect([m.code, m.stderr]).toEqual([
      2,
      "money.json: $.resources.lines[0].amount: tiền phải là số nguyên đồng / expected whole đồng (an integer or a string of digits), got 1.5\n",
    ]);
    expect(ntm(["packs", "list"], { cwd: dir }).code).toBe(0);
    expect(() => readFileSync(join(dir, "p.docx"))).toThrow();
  });
});
