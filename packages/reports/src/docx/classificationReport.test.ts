import { describe, expect, it } from "vitest";
import { docxParagraphs } from "../_fixtures/read.js";
import { sampleRanking } from "../_fixtures/sample.js";
import { ReportInputError } from "../_lib/validate.js";
import type { ClassificationReportInput } from "../types.js";
import { renderClassificationReportDocx } from "./classificationReport.js";

/** The sample ranking as a Party-format report of organisations, with proposals and the order rule. */
function sample(over: Partial<ClassificationReportInput> = {}): ClassificationReportInput {
  return {
    ...sampleRanking(),
    subjectLabel: "Tổ chức",
    kind: "organisation",
    format: "party",
    issuer: { parent: "ĐẢNG BỘ TỈNH QUẢNG NAM", name: "HUYỆN ỦY ĐẠI LỘC" },
    place: "Đại Lộc",
    date: "2025-12-20",
    signer: { onBehalfOf: "T/M BAN THƯỜNG VỤ", title: "BÍ THƯ", name: "Nguyễn Văn A" },
    recipients: ["Thường trực Tỉnh ủy (B/c)", "Lưu Văn phòng Huyện ủy"],
    notes: [{ code: "ranking.order", path: ["rows"], params: { keys: ["level", "score", "name_vi"] } }],
    candidates: {
      commendations: [{ name: "Xã Đại Minh", rank: 1, reasons: [{ code: "commend.excellent", path: ["level"], params: { score: 92.5 } }] }],
      criticisms: [{ name: "Xã Đại Hồng", rank: 3, reasons: ["Để xảy ra sai phạm chưa khắc phục"] }],
    },
    ...over,
  };
}

describe("renderClassificationReportDocx", () => {
  it("writes the title, the table with reasons, the rules, the quota cut and the proposals with reasons", async () => {
    const text = await docxParagraphs(await renderClassificationReportDocx(sample()));
    const all = text.join("\n");
    expect(text).toContain("Kết quả đánh giá, xếp loại các tổ chức năm 2025");
    expect(text).toContain("Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/HU");
    expect(text).toContain("Đại Lộc, ngày 20 tháng 12 năm 2025");
    expect(text).toContain("Lưu ý: Cách tính điểm minh họa, không phải quy định đã ban hành.");
    // Table rows: rank, name, score with a comma decimal, class, reasons (caps and quota moves).
    const row = (name: string) => text.slice(text.indexOf(name) - 1, text.indexOf(name) + 4);
    expect(row("Xã Đại Hồng")).toEqual(["3", "Xã Đại Hồng", "71,25", "Khá", "Giảm tiêu chí Thu nhập: không xếp loại Tốt"]);
    expect(row("Xã Đại Quang")).toEqual(["2", "Xã Đại Quang", "88", "Tốt", "Hạ từ Xuất sắc xuống Tốt do vượt tỷ lệ khống chế 20%"]);
    expect(all).toContain("Thứ tự xếp hạng: ");
    expect(text).toContain("Có 1 trường hợp chuyển mức do vượt tỷ lệ khống chế:");
    expect(text).toContain("- Xã Đại Quang: Hạ từ Xuất sắc xuống Tốt do vượt tỷ lệ khống chế 20%.");
    const commend = text.indexOf("1. Đề nghị khen thưởng");
    expect(text[commend + 1]).toMatch(/^- Xã Đại Minh \(xếp hạng 1\): Hoàn thành xuất sắc nhiệm vụ \(92,5 điểm\)/);
    expect(text[text.indexOf("2. Đề nghị phê bình") + 1]).toBe("- Xã Đại Hồng (xếp hạng 3): Để xảy ra sai phạm chưa khắc phục.");
    expect(text).toContain("T/M BAN THƯỜNG VỤ");
  });

  it("uses the state format's motto, symbol and title per subject kind, and prints no notice for an adopted scheme", async () => {
    const text = await docxParagraphs(
      await renderClassificationReportDocx(
        sample({
          kind: "person",
          format: "state",
          number: "15/BC-UBND",
          example: false,
          issuer: { parent: "UBND TỈNH QUẢNG NAM", name: "ỦY BAN NHÂN DÂN HUYỆN ĐẠI LỘC" },
          signer: { onBehalfOf: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Trần Thị B" },
          candidates: { commendations: [], criticisms: [] },
        }),
      ),
    );
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Số: 15/BC-UBND");
    expect(text).toContain("Kết quả đánh giá, xếp loại cá nhân năm 2025");
    expect(text.some((t) => t.startsWith("Lưu ý:"))).toBe(false);
    expect(text[text.indexOf("1. Đề nghị khen thưởng") + 1]).toBe("Không có đề nghị.");
  });

  it("names every bad field and builds nothing", async () => {
    const bad = { ...sample(), kind: "team", date: "20/12/2025", rows: [{ ...sampleRanking().rows[0]!, score: Number.NaN }] };
    const e = await renderClassificationReportDocx(bad as unknown as ClassificationReportInput).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ReportInputError);
    expect((e as ReportInputError).issues.map((i) => i.path.join("."))).toEqual(["kind", "date", "rows.0.score"]);
  });
});

describe("renderClassificationReportDocx: the entered inputs annex", () => {
  it("prints an annex after the signatures: each input with its value, evidence note, who entered it and the day dd/mm/yyyy", async () => {
    const text = await docxParagraphs(
      await renderClassificationReportDocx(
        sample({
          kind: "unit",
          entered: [
            {
              unitName: "Xã Đại Minh",
              field: "Số báo cáo đúng hạn",
              value: "3",
              evidence: "Sổ công văn đi, số 12/BC-UBND",
              by: "Trần Văn C",
              date: "2025-12-06",
            },
            { unitName: "Xã Đại Hồng", field: "Nguồn lực theo kế hoạch (đồng)", value: "5.000.000.000 đ" },
          ],
        }),
      ),
    );
    const annex = text.indexOf("PHỤ LỤC");
    expect(annex).toBeGreaterThan(text.indexOf("T/M BAN THƯỜNG VỤ"));
    expect(text.slice(annex, annex + 3)).toEqual([
      "PHỤ LỤC",
      "Số liệu nhập tay và nguồn minh chứng năm 2025",
      "(Kèm theo báo cáo kết quả đánh giá, xếp loại các xã năm 2025)",
    ]);
    const head = text.indexOf("STT", annex);
    expect(text.slice(head, head + 21)).toEqual([
      "STT",
      "Đơn vị",
      "Số liệu",
      "Giá trị",
      "Nguồn minh chứng",
      "Người nhập",
      "Ngày nhập",
      "1",
      "Xã Đại Minh",
      "Số báo cáo đúng hạn",
      "3",
      "Sổ công văn đi, số 12/BC-UBND",
      "Trần Văn C",
      "06/12/2025",
      "2",
      "Xã Đại Hồng",
      "Nguồn lực theo kế hoạch (đồng)",
      "5.000.000.000 đ",
      "Chưa ghi nguồn",
      "—",
      "—",
    ]);
  });

  it("prints no annex without entered inputs, and names a bad entered day before building anything", async () => {
    const text = await docxParagraphs(await renderClassificationReportDocx(sample()));
    expect(text).not.toContain("PHỤ LỤC");
    await expect(
      renderClassificationReportDocx(sample({ entered: [{ unitName: "Xã A", field: "Số báo cáo", value: "3", date: "06/12/2025" }] })),
    ).rejects.toThrow(/entered\[0\]\.date|\$\.entered\[0\]\.date/);
  });
});
