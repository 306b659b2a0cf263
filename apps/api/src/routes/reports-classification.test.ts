/**
 * The classification report (DOCX) per subject kind (issue 13): read back from the file, against the
 * API's own ranking of the same unit and year.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, type Session, login, openHarness } from "../testing/harness.js";

let h: Harness;
let tinh: Session;

beforeAll(async () => {
  h = await openHarness();
  tinh = await login(h, "tinh");
});
afterAll(async () => {
  await h?.close();
});

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
/** The text of every paragraph of the DOCX, in order. */
async function paragraphs(res: Response): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()))).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
  );
}

type Api = { rows: { name: string }[]; commendations: { name: string; reasons: { vi: string }[] }[] };
const TITLES = { unit: "các xã", organisation: "các tổ chức", person: "cá nhân" } as const;

describe("GET /v1/reports/ranking.docx", () => {
  for (const kind of ["unit", "organisation", "person"] as const) {
    it(`renders the ${kind} classification with every subject, the proposals with their reasons and the not-law notice`, async () => {
      const [res, api] = await Promise.all([
        tinh.request(`/v1/reports/ranking.docx?year=2025&unitId=d-01&kind=${kind}&format=party`),
        tinh.request(`/v1/units/d-01/ranking?year=2025&kind=${kind}`).then((r) => r.json() as Promise<Api>),
      ]);
      expect([res.status, res.headers.get("content-type")]).toEqual([
        200,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ]);
      const text = await paragraphs(res);
      expect(api.rows.length).toBeGreaterThan(0);
      expect(text).toContain(`Kết quả đánh giá, xếp loại ${TITLES[kind]} năm 2025`);
      expect(text).toContain("HUYỆN ỦY AN HÒA");
      expect(text).toContain("Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/HU");
      expect(api.rows.filter((r) => !text.includes(r.name)).map((r) => r.name)).toEqual([]);
      // The first commendation line carries the API's reasons, in Vietnamese.
      expect(api.commendations.length).toBeGreaterThan(0);
      const first = api.commendations[0]!;
      const line = text[text.indexOf("1. Đề nghị khen thưởng") + 1] ?? "";
      expect([line.startsWith(`- ${first.name}`), line.includes(first.reasons[0]!.vi)]).toEqual([true, true]);
      expect(text.some((t) => t.startsWith("Lưu ý:") && t.includes("không phải quy định đã ban hành"))).toBe(true);
    });
  }

  it("uses the state format's issuer, motto and signer", async () => {
    const res = await tinh.request("/v1/reports/ranking.docx?year=2025&unitId=d-01&kind=organisation&format=state");
    const text = await paragraphs(res);
    expect([
      res.status,
      ...["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN HUYỆN AN HÒA", "TM. ỦY BAN NHÂN DÂN"].map((t) => text.includes(t)),
    ]).toEqual([200, true, true, true]);
    expect((res.headers.get("content-disposition") ?? "").startsWith('attachment; filename="Bao cao xep loai to chuc')).toBe(true);
  });

  it("answers 422 naming the query field for a bad kind, and 401 without a session", async () => {
    const bad = await tinh.request("/v1/reports/ranking.docx?year=2025&unitId=d-01&kind=team");
    const anon = await h.app.request("/v1/reports/ranking.docx?year=2025&unitId=d-01");
    expect([bad.status, JSON.stringify(await bad.json()).includes("kind"), anon.status]).toEqual([422, true, 401]);
  });
});
