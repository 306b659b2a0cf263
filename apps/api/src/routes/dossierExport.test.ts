import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, type Session, loginAll, openHarness } from "../testing/harness.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

const body = async (res: Response): Promise<any> => res.json();

/** The sheet's rows as arrays of cell values, read back with exceljs. */
async function sheet(res: Response): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe("GET /v1/dossiers/export", () => {
  it("writes every dossier the list shows, in Vietnamese: unit name, tier, state, decision, documents, last step by whom and when", async () => {
    const list = await body(await s.tinh!.request("/v1/dossiers"));
    const res = await s.tinh!.request("/v1/dossiers/export");
    const rows = await sheet(res);
    expect([res.status, rows[0]]).toEqual([
      200,
      [
        "Mã hồ sơ",
        "Đơn vị",
        "Năm",
        "Hạng đề nghị",
        "Trạng thái",
        "Số quyết định",
        "Ngày quyết định",
        "Số tài liệu",
        "Bước gần nhất",
        "Người thực hiện",
        "Ngày thực hiện",
      ],
    ]);
    expect(list.items.length).toBeGreaterThan(0);
    expect(rows.length - 1).toBe(list.items.length);
    for (const item of list.items as { id: string; unitName: string; year: number; stateLabel: { vi: string }; history: unknown[] }[]) {
      const row = rows.find((r) => r[0] === item.id)!;
      expect([row[1], row[2], row[4]]).toEqual([item.unitName, item.year, item.stateLabel.vi]);
      if (item.history.length) expect(String(row[10])).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    }
    // no internal code in the file: states, tiers and steps in words
    expect(
      rows
        .slice(1)
        .flatMap((r) => [r[3], r[4], r[8]])
        .filter((v) => typeof v === "string" && /\b[a-z]+_[a-z_]+\b/.test(v)),
    ).toEqual([]);
  });

  it("keeps the list's filters and scope, and gives a CSV for Vietnamese Excel", async () => {
    const all = await body(await s.tinh!.request("/v1/dossiers?year=2025"));
    const csv = await s.tinh!.request("/v1/dossiers/export?format=csv&year=2025");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect([csv.status, [...bytes.slice(0, 3)], lines[0]?.split(";")[0], lines.length - 1]).toEqual([
      200,
      [0xef, 0xbb, 0xbf],
      "Mã hồ sơ",
      all.items.length,
    ]);
    const mine = await body(await s.xa!.request("/v1/dossiers"));
    const xa = await sheet(await s.xa!.request("/v1/dossiers/export"));
    expect(xa.length - 1).toBe(mine.items.length);
    expect((await h.app.request("/v1/dossiers/export")).status).toBe(401);
  });
});
