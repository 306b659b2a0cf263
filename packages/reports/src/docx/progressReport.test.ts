import { describe, expect, it } from "vitest";
import { docxParagraphs, zipPart } from "../_fixtures/read.js";
import { sampleProgressReport } from "../_fixtures/sample.js";
import { ReportInputError } from "../_lib/validate.js";
import { renderProgressReportDocx } from "./progressReport.js";

describe("renderProgressReportDocx (Party format)", () => {
  it("writes the Party header, title, body sections, recipients and the Standing Board's signature in order", async () => {
    const paragraphs = (await docxParagraphs(await renderProgressReportDocx(sampleProgressReport("party")))).filter((p) => p !== "");
    expect(paragraphs.slice(0, 11)).toEqual([
      "ĐẢNG BỘ TỈNH QUẢNG NAM",
      "HUYỆN ỦY ĐẠI LỘC",
      "*",
      "Số 125-BC/HU",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Đại Lộc, ngày 15 tháng 7 năm 2025",
      "BÁO CÁO",
      "Kết quả thực hiện Kế hoạch số 120-KH/HU của Ban Thường vụ Huyện ủy về xây dựng nông thôn mới",
      "6 tháng đầu năm 2025",
      "-----",
      "(Số liệu minh họa, không phải số liệu thật và không phải quy định pháp luật)",
    ]);
    expect(paragraphs.slice(-9)).toEqual([
      "Nơi nhận:",
      "- Thường trực Tỉnh ủy (B/c),",
      "- Văn phòng Điều phối NTM tỉnh,",
      "- HĐND, UBND huyện,",
      "- Các Chi bộ, Đảng bộ trực thuộc,",
      "- Lưu Văn phòng Huyện ủy.",
      "T/M BAN THƯỜNG VỤ",
      "BÍ THƯ",
      "Nguyễn Văn An",
    ]);
    const headings = paragraphs.filter((p) => /^(I|II|III|IV)\. |^\d\. /.test(p));
    expect(headings).toEqual([
      "I. KẾT QUẢ THỰC HIỆN",
      "1. Việc thực hiện các nhiệm vụ của Kế hoạch",
      "2. Kết quả thực hiện Bộ tiêu chí xã nông thôn mới",
      "3. Công nhận và thu hồi quyết định công nhận",
      "4. Chương trình Mỗi xã một sản phẩm (OCOP)",
      "5. Huy động nguồn lực",
      "6. Việc thực hiện chế độ báo cáo",
      "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
      "1. Hạn chế, khuyết điểm",
      "2. Nguyên nhân",
      "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
      "IV. KIẾN NGHỊ, ĐỀ XUẤT",
      "1. Đề xuất khen thưởng",
      "2. Đề xuất phê bình",
      "3. Kiến nghị khác",
    ]);
    const at = (h: string) => paragraphs.indexOf(h);
    expect(paragraphs.slice(at("1. Hạn chế, khuyết điểm") + 1, at("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"))).toEqual([
      "Xã Đại Hồng chưa giữ vững tiêu chí Thu nhập.",
      "2. Nguyên nhân",
      "Giá nông sản giảm; sản xuất chưa gắn với liên kết tiêu thụ.",
    ]);
    expect(paragraphs.slice(at("3. Kiến nghị khác") + 1, at("3. Kiến nghị khác") + 2)).toEqual([
      "- Đề nghị tỉnh bố trí vốn hỗ trợ liên kết sản xuất cho xã Đại Hồng.",
    ]);
  });

  it("lists every commune with its criteria count, status and changes since the previous period", async () => {
    const paragraphs = await docxParagraphs(await renderProgressReportDocx(sampleProgressReport("party")));
    const at = paragraphs.indexOf("Thay đổi so với kỳ trước");
    expect(paragraphs.slice(at + 1, at + 19)).toEqual([
      "1",
      "Xã Đại Hồng",
      "Nông thôn mới",
      "3/4",
      "Chưa đạt",
      "Giảm: TC 10",
      "2",
      "Xã Đại Quang",
      "Nông thôn mới",
      "3/4",
      "Chưa xác định",
      "Tăng: TC 2 và 10",
      "3",
      "Xã Đại Minh",
      "Nông thôn mới",
      "4/4",
      "Đạt",
      "Tăng: TC 17",
    ]);
  });

  it("lists tasks in the plan's order with their lead body, money in whole đồng, land, labour, and late reports in working days", async () => {
    const paragraphs = await docxParagraphs(await renderProgressReportDocx(sampleProgressReport("party")));
    expect(paragraphs).toContain(
      "Kế hoạch có 8 nhiệm vụ; 4 nhiệm vụ có báo cáo trong 6 tháng đầu năm 2025: hoàn thành 2, đang thực hiện 1, chưa triển khai 0, quá hạn 1. Kết quả cụ thể từng nhiệm vụ:",
    );
    const first = paragraphs.indexOf("II.1");
    expect(paragraphs.slice(first, first + 10)).toEqual([
      "II.1",
      "Tuyên truyền, quán triệt Chỉ thị số 63-CT/TU",
      "Ban Tuyên giáo Huyện ủy",
      "Tổ chức 12 hội nghị quán triệt với 1.250 lượt người tham dự.",
      "Hoàn thành",
      "II.2",
      "Rà soát, đánh giá thực trạng các tiêu chí",
      "UBND huyện",
      "Đã rà soát 3/3 xã; xã Đại Hồng giảm tiêu chí Thu nhập.",
      "Hoàn thành",
    ]);
    expect(paragraphs).toContain("Tổng nguồn lực huy động trong kỳ: 22.484.567.000 đồng, gồm:");
    expect(paragraphs).toContain("- Nhân dân đóng góp: 1.234.567.000 đồng;");
    expect(paragraphs).toContain("Nhân dân hiến đất: 12.500 m².");
    expect(paragraphs).toContain("Ngày công lao động đóng góp: 3.400 ngày công.");
    expect(paragraphs).toContain(
      "Ghi chú: 2.000.000.000 đồng được ghi nhận cho cả năm 2025, không chia theo kỳ, chưa tính vào số liệu trên.",
    );
    // 20/06/2025 (Fri) → 27/06/2025 (Fri): 5 working days; → 15/07/2025 (Tue): 17 working days.
    expect(paragraphs).toContain(
      "- UBND xã Đại Quang: Báo cáo kết quả 6 tháng đầu năm 2025 (hạn 20/06/2025) nộp ngày 27/06/2025, chậm 5 ngày làm việc.",
    );
    expect(paragraphs).toContain(
      "- UBND xã Đại Hồng: Báo cáo kết quả 6 tháng đầu năm 2025 (hạn 20/06/2025) chưa nộp, quá hạn 17 ngày làm việc tính đến ngày báo cáo.",
    );
    expect(paragraphs).toContain("- Xã Đại Minh: Nông thôn mới (Quyết định số 1234/QĐ-UBND ngày 20/5/2025 của UBND tỉnh).");
  });

  it("sets Times New Roman 14 pt as the document font and A4 with the administrative margins", async () => {
    const bytes = await renderProgressReportDocx(sampleProgressReport("party"));
    const styles = await zipPart(bytes, "word/styles.xml");
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/,
    );
    const doc = await zipPart(bytes, "word/document.xml");
    expect(doc).toContain('w:ascii="Times New Roman"');
    expect(doc).not.toMatch(/w:ascii="(?!Times New Roman)/);
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toContain('<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"');
  });
});

describe("renderProgressReportDocx (page numbers)", () => {
  it("numbers pages in the top margin from page 2, not on the first page", async () => {
    const bytes = await renderProgressReportDocx(sampleProgressReport("party"));
    const doc = await zipPart(bytes, "word/document.xml");
    expect(doc).toContain("<w:titlePg/>");
    const rels = await zipPart(bytes, "word/_rels/document.xml.rels");
    const target = (type: string) => {
      const id = doc.match(new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`))?.[1];
      return (
        rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))?.[1]
      );
    };
    const [defaultHeader, firstHeader] = await Promise.all([
      zipPart(bytes, `word/${target("default")}`),
      zipPart(bytes, `word/${target("first")}`),
    ]);
    expect(defaultHeader).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(defaultHeader).toContain('<w:jc w:val="center"/>');
    expect(firstHeader).not.toContain("PAGE");
  });
});

describe("renderProgressReportDocx (state format, Nghị định 30/2020)", () => {
  it("writes the national motto, the People's Committee number and its signature instead of the Party's", async () => {
    const paragraphs = (await docxParagraphs(await renderProgressReportDocx(sampleProgressReport("state")))).filter((p) => p !== "");
    expect(paragraphs.slice(0, 6)).toEqual([
      "ỦY BAN NHÂN DÂN HUYỆN ĐẠI LỘC",
      "Số: 215/BC-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Đại Lộc, ngày 15 tháng 7 năm 2025",
      "BÁO CÁO",
    ]);
    expect(paragraphs.slice(-3)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Thị Bình"]);
    expect(paragraphs.join("\n")).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
  });

  it("underlines the motto", async () => {
    const doc = await zipPart(await renderProgressReportDocx(sampleProgressReport("state")), "word/document.xml");
    const run = doc.match(/<w:r>(?:(?!<w:r>)[\s\S])*?Độc lập - Tự do - Hạnh phúc/)?.[0] ?? "";
    expect(run).toContain('<w:u w:val="single"/>');
    expect(run).toContain("<w:b/>");
  });
});

describe("renderProgressReportDocx (a quiet period)", () => {
  it("says plainly that nothing was reported, recognised, revoked, late or proposed, and shows what the office has still to write", async () => {
    const {
      planTaskCount: _n,
      previousPeriod: _p,
      shortcomings: _s,
      causes: _c,
      directions: _d,
      recommendations: _r,
      ...rest
    } = sampleProgressReport("state");
    const input = {
      ...rest,
      tasks: [],
      communes: [],
      recognised: [],
      revoked: [],
      lateReports: [],
      commendations: [],
      criticisms: [],
      resources: { lines: [] },
    };
    const paragraphs = await docxParagraphs(await renderProgressReportDocx(input));
    for (const line of [
      "Trong 6 tháng đầu năm 2025 chưa có báo cáo kết quả thực hiện nhiệm vụ nào.",
      "Trong 6 tháng đầu năm 2025 chưa có số liệu đánh giá tiêu chí của xã nào.",
      "Trong kỳ không có xã được công nhận.",
      "Trong kỳ không có xã bị thu hồi quyết định công nhận.",
      "Tổng nguồn lực huy động trong kỳ: 0 đồng.",
      "Các cơ quan, đơn vị thực hiện báo cáo đúng thời hạn.",
      "(Chưa có nội dung: cơ quan tham mưu soạn phần hạn chế, khuyết điểm trước khi trình ký.)",
      "(Chưa có nội dung: cơ quan tham mưu soạn phần nguyên nhân trước khi trình ký.)",
      "(Chưa có nội dung: cơ quan tham mưu soạn phần phương hướng, nhiệm vụ trước khi trình ký.)",
      "Không có kiến nghị khác.",
    ]) {
      expect(paragraphs).toContain(line);
    }
    expect(paragraphs.filter((p) => p === "Không có đề xuất.")).toHaveLength(2);
    expect(paragraphs.some((p) => p.includes("0/0"))).toBe(false);
    expect(paragraphs).not.toContain("Mục");
    expect(paragraphs).not.toContain("STT");
  });

  it("has no change column and no 'Không thay đổi' when there is no earlier period to compare with", async () => {
    const { previousPeriod: _p, ...input } = sampleProgressReport("party");
    const paragraphs = await docxParagraphs(await renderProgressReportDocx(input));
    expect(paragraphs).toContain(
      "Đến cuối kỳ, 1/3 xã đạt đủ các tiêu chí theo mức được đánh giá. Tình hình từng xã (chưa có số liệu kỳ trước để so sánh):",
    );
    expect(paragraphs).not.toContain("Thay đổi so với kỳ trước");
    expect(paragraphs).not.toContain("Không thay đổi");
    const at = paragraphs.indexOf("Kết quả");
    expect(paragraphs.slice(at + 1, at + 6)).toEqual(["1", "Xã Đại Hồng", "Nông thôn mới", "3/4", "Chưa đạt"]);
  });

  it("speaks only of the tasks reported on when the plan's task count is not given", async () => {
    const { planTaskCount: _n, ...input } = sampleProgressReport("party");
    const paragraphs = await docxParagraphs(await renderProgressReportDocx(input));
    expect(paragraphs).toContain(
      "Có 4 nhiệm vụ được báo cáo trong 6 tháng đầu năm 2025: hoàn thành 2, đang thực hiện 1, chưa triển khai 0, quá hạn 1. Kết quả cụ thể từng nhiệm vụ:",
    );
    expect(paragraphs.some((p) => p.startsWith("Kế hoạch có"))).toBe(false);
  });

  it("prints a visible blank where the document's number is missing", async () => {
    const party = await docxParagraphs(await renderProgressReportDocx({ ...sampleProgressReport("party"), number: "-BC/HU" }));
    const state = await docxParagraphs(await renderProgressReportDocx({ ...sampleProgressReport("state"), number: "" }));
    expect(party).toContain("Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/HU");
    expect(state).toContain("Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND");
    expect(party).not.toContain("Số -BC/HU");
  });
});

describe("renderProgressReportDocx (bad input)", () => {
  it("names every bad field and builds nothing", async () => {
    const input = sampleProgressReport("party");
    const bad = {
      ...input,
      period: "2025S3",
      date: "15/07/2025",
      lateReports: [{ ...input.lateReports[0]!, dueDate: "2025-13-01" }],
      signer: { ...input.signer, name: "" },
    };
    const error = await renderProgressReportDocx(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportInputError);
    expect((error as ReportInputError).issues.map((i) => i.path)).toEqual([
      ["date"],
      ["period"],
      ["signer", "name"],
      ["lateReports", 0, "dueDate"],
    ]);
    expect((error as Error).message).toContain("$.lateReports[0].dueDate: ngày không hợp lệ");
  });

  it("names a commune row with an unknown tier or status", async () => {
    const input = sampleProgressReport("party");
    const communes = input.communes.map((c, i) => (i === 1 ? { ...c, tier: "gold" as never, status: "ok" as never } : c));
    const error = await renderProgressReportDocx({ ...input, communes }).catch((e: unknown) => e);
    expect((error as ReportInputError).issues.map((i) => i.path)).toEqual([
      ["communes", 1, "tier"],
      ["communes", 1, "status"],
    ]);
  });
});
