import { describe, expect, it } from "vitest";
import { hasPdftotext, pdfText } from "../_fixtures/read.js";
import { sampleCriteriaSheet } from "../_fixtures/sample.js";
import { ReportInputError } from "../_lib/validate.js";
import { renderCriteriaSheetPdf } from "./criteriaSheet.js";

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

/** Lines of extracted text, trimmed, without empty ones. */
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

describe("renderCriteriaSheetPdf", () => {
  it("writes a one-page A4 PDF with the Roboto fonts embedded", async () => {
    const pdf = latin1(await renderCriteriaSheetPdf(sampleCriteriaSheet()));
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf).toContain("/MediaBox [0 0 595.28 841.89]");
    expect([...new Set(pdf.match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g)?.map((f) => f.slice(18)))].sort()).toEqual([
      "Roboto-Italic",
      "Roboto-Medium",
      "Roboto-Regular",
    ]);
  });

  it.skipIf(!hasPdftotext())(
    "prints the unit, year, example notice, every indicator and the reasons in Vietnamese (read back with pdftotext)",
    async () => {
      const text = lines(pdfText(await renderCriteriaSheetPdf(sampleCriteriaSheet())));
      expect(text.slice(0, 5)).toEqual([
        "PHIẾU ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ",
        "XÃ ĐẠI HỒNG - NĂM 2025",
        "Huyện Đại Lộc, tỉnh Quảng Nam",
        "LƯU Ý: Giá trị minh họa, không phải quy định pháp luật.",
        "Có 1 chỉ tiêu có ngưỡng chưa được đối chiếu với văn bản pháp luật (đánh dấu *).",
      ]);
      const all = text.join("\n");
      for (const expected of [
        "Tiêu chí 10. Thu nhập (tiêu chí then chốt)",
        "Thu nhập bình quân đầu người",
        "Không đạt",
        "≤ 26,7% *",
        "Chưa đạt: đạt 3/4 tiêu chí",
        "Tiêu chí 17. Môi trường và an toàn thực phẩm (tiêu chí then chốt)",
        "Chỉ tiêu 17.2: đạt (Đạt = Đạt)",
        "* Ngưỡng chưa được đối chiếu với văn bản pháp luật.",
        "Lập ngày 15/07/2025",
        "Trang 1/1",
      ]) {
        expect(all).toContain(expected);
      }
      expect(all).toMatch(/Chỉ tiêu 10\.1: không đạt \(46,5 triệu\s+đồng, yêu cầu ≥ 48 triệu đồng; còn\s+thiếu 1,5 triệu đồng\)/);
    },
  );

  it.skipIf(!hasPdftotext())(
    "ends with the date line and the signature block: the default signers, or the ones given with their names",
    async () => {
      const byDefault = lines(pdfText(await renderCriteriaSheetPdf({ ...sampleCriteriaSheet(), place: "Đại Hồng" })));
      const tail = byDefault.slice(byDefault.indexOf("Đại Hồng, ngày 15 tháng 7 năm 2025"));
      expect(tail.join("\n")).toMatch(/NGƯỜI LẬP PHIẾU[\s\S]*TM\. ỦY BAN NHÂN DÂN[\s\S]*CHỦ TỊCH/);
      expect(
        tail
          .filter((l) => l.includes("(Ký, ghi rõ họ tên)"))
          .join(" ")
          .match(/\(Ký, ghi rõ họ tên\)/g),
      ).toHaveLength(2);
      const { issuedOn: _d, ...undated } = sampleCriteriaSheet();
      const named = pdfText(await renderCriteriaSheetPdf({ ...undated, signers: [{ title: "NGƯỜI LẬP PHIẾU", name: "Lê Văn Cường" }] }));
      expect(named).toContain("………………, ngày …… tháng …… năm ……");
      expect(named).toContain("Lê Văn Cường");
      expect(named).not.toContain("CHỦ TỊCH");
    },
  );

  it.skipIf(!hasPdftotext())("says nothing about examples for a verified pack that is not an example", async () => {
    const input = sampleCriteriaSheet();
    const pack = {
      ...input.pack,
      example: false,
      criteria: input.pack.criteria.map((c) => ({ ...c, indicators: c.indicators.map((i) => ({ ...i, verified: true })) })),
    };
    const result = {
      ...input.result,
      example: false,
      unverifiedCount: 0,
      reasons: [],
      criteria: input.result.criteria.map((c) => ({
        ...c,
        indicators: c.indicators.map((i) => ({ ...i, verified: true, reasons: i.reasons.filter((r) => r.code !== "threshold.example") })),
      })),
    };
    const all = pdfText(await renderCriteriaSheetPdf({ ...input, pack, result }));
    expect(all).not.toContain("LƯU Ý");
    expect(all).not.toContain("*");
    expect(all).toContain("≤ 26,7%");
  });

  it("names a result evaluated against another pack", async () => {
    const input = sampleCriteriaSheet();
    const error = await renderCriteriaSheetPdf({ ...input, result: { ...input.result, packId: "vn.commune-ntm.2021-2025" } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportInputError);
    expect((error as ReportInputError).issues.map((i) => i.path)).toEqual([["result", "packId"]]);
  });
});
