import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SCORING_INPUT_LABELS, type ScoringInputField, formatDate, formatScoringInput } from "@ntm/core";
import { type Harness, type Session, json, login, openHarness } from "../testing/harness.js";

let h: Harness;
const s: Record<string, Session> = {};

beforeAll(async () => {
  h = await openHarness();
  for (const u of ["tinh", "huyen", "xa"]) s[u] = await login(h, u);
});
afterAll(async () => {
  await h?.close();
});

const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());
const docxText = async (b: Uint8Array) =>
  (await (await JSZip.loadAsync(b)).file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
async function xlsxText(b: Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b.buffer as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text)))));
  return out.join("\n");
}

describe("progress report (DOCX)", () => {
  it("renders the district's report in the Party format with its communes, tasks and a Vietnamese file name", async () => {
    const res = await s.huyen!.request("/v1/reports/progress.docx?period=2025S1&format=party");
    const text = await docxText(await bytes(res));
    const cd = res.headers.get("content-disposition") ?? "";
    expect([
      res.status,
      res.headers.get("content-type"),
      text.includes("HUYỆN ỦY AN HÒA"),
      text.includes("ĐẢNG CỘNG SẢN VIỆT NAM"),
      text.includes("Xã An Lộc") || text.includes("Xã An"),
      text.includes("II.5"),
      cd.includes("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20ti%E1%BA%BFn%20%C4%91%E1%BB%99"),
      cd.startsWith('attachment; filename="Bao cao tien do'),
    ]).toEqual([200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true, true, true, true, true, true]);
  });

  it("files the Standing Board's sections, counts the plan's tasks, compares with 2024 and states the yearly amounts a half-year leaves out", async () => {
    const res = await s.huyen!.request("/v1/reports/progress.docx?period=2025S1&format=party");
    const text = await docxText(await bytes(res));
    const contributions = (
      (await (await s.huyen!.request("/v1/contributions?period=2025")).json()) as {
        items: { data: { period: string; source: string; amount: string } }[];
      }
    ).items.map((i) => i.data);
    const yearly = contributions.filter((c) => c.period === "2025" && !["land_donated_m2", "labour_days"].includes(c.source));
    const yearlyMoney = yearly.reduce((a, c) => a + BigInt(c.amount), 0n);
    expect(yearlyMoney > 0n).toBe(true);
    for (const heading of [
      "I. KẾT QUẢ THỰC HIỆN",
      "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
      "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
      "IV. KIẾN NGHỊ, ĐỀ XUẤT",
    ])
      expect(text).toContain(heading);
    expect(text).toContain("Kế hoạch có 8 nhiệm vụ");
    expect(text).toContain("thay đổi so với năm 2024");
    expect(text).toContain(`(${Number(yearlyMoney).toLocaleString("de-DE")} đồng`);
    expect(text).toContain("phần mềm không chia các khoản này theo kỳ nên chưa tính vào số liệu trên.");
    expect(text).not.toContain("Số -BC/HU");
  });

  it("cites the decision each recognition in the period was taken by", async () => {
    const res = await s.tinh!.request("/v1/reports/progress.docx?period=2024&format=state&unitId=d-02");
    const text = await docxText(await bytes(res));
    expect([res.status, /Xã [^:]+: [^(]+\(Quyết định số \d+\/QĐ-UBND \(ví dụ\) ngày 15\/07\/2024\)/.test(text)]).toEqual([200, true]);
  });

  it("renders the state format with the national motto", async () => {
    const res = await s.huyen!.request("/v1/reports/progress.docx?period=2025&format=state");
    const text = await docxText(await bytes(res));
    expect([res.status, text.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text.includes("ỦY BAN NHÂN DÂN HUYỆN AN HÒA")]).toEqual([
      200,
      true,
      true,
    ]);
  });

  it("answers a bad period with 422 and another district with 403", async () => {
    const [bad, out] = await Promise.all([
      s.huyen!.request("/v1/reports/progress.docx?period=2025X"),
      s.huyen!.request("/v1/reports/progress.docx?period=2025&unitId=d-02"),
    ]);
    expect([bad.status, bad.headers.get("content-type")?.startsWith("application/problem+json"), out.status]).toEqual([422, true, 403]);
  });
});

describe("workbooks (XLSX)", () => {
  it("renders the criteria table of the district's communes", async () => {
    const res = await s.huyen!.request("/v1/reports/criteria.xlsx?year=2025");
    const text = await xlsxText(await bytes(res));
    const names = ((await (await s.huyen!.request("/v1/units?level=commune")).json()) as { items: { name: string }[] }).items.map(
      (u: { name: string }) => u.name,
    );
    expect([
      res.status,
      res.headers.get("content-type"),
      names.every((n: string) => text.includes(n)),
      (res.headers.get("content-disposition") ?? "").includes("filename*=UTF-8''B%E1%BA%A3ng"),
    ]).toEqual([200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true, true]);
  });

  it("renders the ranking in the API's order", async () => {
    const [res, json] = await Promise.all([
      s.tinh!.request("/v1/reports/ranking.xlsx?year=2025&unitId=d-01"),
      s.tinh!.request("/v1/units/d-01/ranking?year=2025"),
    ]);
    const text = await xlsxText(await bytes(res));
    const order = ((await json.json()) as { rows: { name: string }[] }).rows.map((r: { name: string }) => r.name) as string[];
    const positions = order.map((n) => text.indexOf(n));
    expect([res.status, positions.every((p) => p >= 0), [...positions].sort((a, b) => a - b)]).toEqual([200, true, positions]);
    // The demo uses the software's default scheme: the workbook says it is not law, as the CLI's does.
    expect(text).toContain("thang điểm mặc định của phần mềm, không phải quy định đã ban hành.");
  });
});

describe("classification workbook per subject kind (issue 13)", () => {
  it("writes the persons' classification and a proposals sheet whose lines carry the API's reasons", async () => {
    const [res, api] = await Promise.all([
      s.tinh!.request("/v1/reports/ranking.xlsx?year=2025&unitId=d-01&kind=person"),
      s.tinh!.request("/v1/units/d-01/ranking?year=2025&kind=person").then((r) => r.json() as Promise<any>),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await bytes(res)) as unknown as ArrayBuffer);
    const [main, proposals] = wb.worksheets;
    const lines = [...api.commendations, ...api.criticisms] as { name: string; reasons: { vi: string }[] }[];
    expect([res.status, main!.getCell(4, 2).text, proposals!.name, lines.length > 1]).toEqual([
      200,
      "Cá nhân",
      "Đề nghị khen thưởng, phê bình",
      true,
    ]);
    expect(lines.map((_, i) => [proposals!.getCell(4 + i, 3).text, proposals!.getCell(4 + i, 5).text])).toEqual(
      lines.map((l) => [l.name, l.reasons.map((r) => r.vi).join("; ")]),
    );
  });

  it("puts the count of criteria met, not points, under 'Số tiêu chí đạt' for communes", async () => {
    const [res, api] = await Promise.all([
      s.tinh!.request("/v1/reports/ranking.xlsx?year=2025&unitId=d-01"),
      s.tinh!.request("/v1/units/d-01/ranking?year=2025").then((r) => r.json() as Promise<any>),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await bytes(res)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = api.rows as { criteriaMet: number }[];
    expect([ws.getCell(4, 4).text, rows.map((_, i) => ws.getCell(5 + i, 4).value)]).toEqual([
      "Số tiêu chí đạt",
      rows.map((r) => r.criteriaMet),
    ]);
  });
});

describe("the scores' evidence in the ranking documents", () => {
  type Entered = { code: string; params: { field: string; value: unknown; evidence?: string; by: string | null; at: string | null } };
  const NOTE = "Sổ công văn đi 2025; số 12/BC-UBND, ngày 05/12";

  it("lists every input entered by hand with its evidence, who and when: a sheet of the XLSX and an annex of the DOCX", async () => {
    const cur = (await (await s.huyen!.request("/v1/units/c-01-03/scoring-inputs/2025")).json()) as {
      version: number;
      inputs: Record<string, unknown>;
    };
    const put = await s.huyen!.request(
      "/v1/units/c-01-03/scoring-inputs/2025",
      json("PUT", { ...cur.inputs, evidence: { reportsOnTime: NOTE } }, { "if-match": `"${cur.version}"` }),
    );
    const [xlsx, docx, api] = await Promise.all([
      s.tinh!.request("/v1/reports/ranking.xlsx?year=2025&unitId=d-01"),
      s.tinh!.request("/v1/reports/ranking.docx?year=2025&unitId=d-01&kind=unit&format=state"),
      s
        .tinh!.request("/v1/units/d-01/ranking?year=2025")
        .then((r) => r.json() as Promise<{ rows: { name: string; entered: Entered[] }[] }>),
    ]);
    // What the ranking's answer says, line by line, in rank order.
    const expected = api.rows.flatMap((r) =>
      r.entered
        .filter((e) => e.code === "ranking.entered_input")
        .map((e) => [
          r.name,
          SCORING_INPUT_LABELS[e.params.field as ScoringInputField].vi,
          formatScoringInput(e.params.field, e.params.value, "vi"),
          e.params.evidence ?? "Chưa ghi nguồn",
          e.params.by ?? "—",
          e.params.at ? formatDate(e.params.at, "vi") : "—",
        ]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await bytes(xlsx)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Số liệu nhập tay")!;
    const lines = Array.from({ length: ws.rowCount - 3 }, (_, i) => Array.from({ length: 6 }, (_, j) => ws.getCell(4 + i, j + 2).text));
    const mine = lines.find((l) => l[3] === NOTE);
    expect([put.status, xlsx.status, ws.getCell(3, 5).text, lines, mine?.[1], mine?.[5]]).toEqual([
      200,
      200,
      "Nguồn minh chứng",
      expected,
      "Số báo cáo đúng hạn",
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/),
    ]);
    const text = await docxText(await bytes(docx));
    expect([
      docx.status,
      text.includes("PHỤ LỤC"),
      text.includes("Số liệu nhập tay và nguồn minh chứng năm 2025"),
      text.includes(NOTE),
    ]).toEqual([200, true, true, true]);
  });
});

describe("criteria sheet (PDF)", () => {
  it("renders one commune's sheet as a PDF naming the commune", async () => {
    const res = await s.xa!.request("/v1/units/c-01-01/criteria-sheet.pdf?year=2025");
    const b = await bytes(res);
    const dir = mkdtempSync(join(tmpdir(), "ntm-pdf-"));
    writeFileSync(join(dir, "s.pdf"), b);
    let text: string | null = null;
    try {
      text = execFileSync("pdftotext", ["-layout", join(dir, "s.pdf"), "-"], { encoding: "utf8" });
    } catch {
      text = null; // pdftotext not installed: the header check below still holds
    }
    rmSync(dir, { recursive: true, force: true });
    expect([
      res.status,
      res.headers.get("content-type"),
      Buffer.from(b.slice(0, 5)).toString(),
      text === null || text.normalize("NFC").includes("XÃ AN LỘC - NĂM 2025"),
    ]).toEqual([200, "application/pdf", "%PDF-", true]);
  });

  it("refuses a unit outside scope (403) and a district (422)", async () => {
    const [out, district] = await Promise.all([
      s.xa!.request("/v1/units/c-01-02/criteria-sheet.pdf?year=2025"),
      s.huyen!.request("/v1/units/d-01/criteria-sheet.pdf?year=2025"),
    ]);
    expect([out.status, district.status]).toEqual([403, 422]);
  });
});
