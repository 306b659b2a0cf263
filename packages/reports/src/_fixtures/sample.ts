/**
 * Sample data for tests and the render script. Every value here is an EXAMPLE, not law: the pack is
 * marked `example: true` and one threshold is left unknown on purpose.
 */
import { compareYears, compilePack, evaluateUnit } from "@ntm/core";
import type { CriteriaPack, EvaluationResult, UnitValues } from "@ntm/core";
import { communeStandingFromEvaluation } from "../assemble.js";
import type { CriteriaSheetInput, CriteriaWorkbookInput, ProgressReportInput, RankingWorkbookInput } from "../types.js";

/** A small example pack: 4 criteria; 15.3 is unverified, and unknown for the TN region. */
export function samplePack(): CriteriaPack {
  return {
    id: "example.reports-demo.2021-2025",
    version: "0.1.0",
    title: { vi: "Bộ tiêu chí minh họa (không phải quy định pháp luật)", en: "Demo criteria (not law)" },
    level: "commune",
    tier: "standard",
    legalBasis: [{ ref: "Ví dụ minh họa", date: "2022-01-01" }],
    effective: { from: "2022-01-01" },
    variantBy: "region",
    example: true,
    notice: { vi: "Giá trị minh họa, không phải quy định pháp luật.", en: "Example values, not law." },
    criteria: [
      {
        id: "2",
        name: { vi: "Giao thông", en: "Transport" },
        indicators: [
          {
            id: "2.1",
            name: { vi: "Đường xã được nhựa hóa hoặc bê tông hóa", en: "Commune roads paved" },
            kind: "percent",
            unit: "%",
            comparator: ">=",
            threshold: { all: 100 },
            verified: true,
          },
          {
            id: "2.2",
            name: { vi: "Đường thôn, xóm được cứng hóa", en: "Hamlet roads hardened" },
            kind: "percent",
            unit: "%",
            comparator: ">=",
            threshold: { all: 70 },
            verified: true,
          },
        ],
      },
      {
        id: "10",
        name: { vi: "Thu nhập", en: "Income" },
        key: true,
        indicators: [
          {
            id: "10.1",
            name: { vi: "Thu nhập bình quân đầu người", en: "Income per capita" },
            kind: "number",
            unit: "triệu đồng",
            comparator: ">=",
            threshold: { all: 48 },
            verified: true,
          },
        ],
      },
      {
        id: "15",
        name: { vi: "Y tế", en: "Health" },
        indicators: [
          {
            id: "15.3",
            name: { vi: "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi", en: "Stunting under 5" },
            kind: "percent",
            unit: "%",
            comparator: "<=",
            threshold: { byVariant: { DHNTB: 26.7, TN: null } },
            verified: false,
          },
        ],
      },
      {
        id: "17",
        name: { vi: "Môi trường và an toàn thực phẩm", en: "Environment and food safety" },
        key: true,
        indicators: [
          {
            id: "17.1",
            name: { vi: "Tỷ lệ hộ sử dụng nước sạch", en: "Households with clean water" },
            kind: "percent",
            unit: "%",
            comparator: ">=",
            threshold: { all: 50 },
            verified: true,
          },
          {
            id: "17.2",
            name: { vi: "Có cơ sở xử lý chất thải rắn", en: "Solid waste facility" },
            kind: "boolean",
            comparator: "==",
            threshold: { all: true },
            verified: true,
          },
        ],
      },
    ],
  };
}

const commune = (id: string, name: string, region: "DHNTB" | "TN") => ({
  id,
  name,
  level: "commune" as const,
  parentId: "h-dailoc",
  region,
});

/** The sample communes' values by year. */
const VALUES: Record<number, Record<string, UnitValues["values"]>> = {
  2024: {
    "x-daihong": { "2.1": 100, "2.2": 80, "10.1": 50, "15.3": 12, "17.1": 60, "17.2": true },
    "x-daiquang": { "2.1": 90, "2.2": 75, "10.1": 45, "15.3": null, "17.1": 55, "17.2": true },
    "x-daiminh": { "2.1": 100, "2.2": 72, "10.1": 49, "15.3": 10, "17.1": 40, "17.2": false },
  },
  2025: {
    "x-daihong": { "2.1": 100, "2.2": 85, "10.1": 46.5, "15.3": 11, "17.1": 62, "17.2": true },
    "x-daiquang": { "2.1": 100, "2.2": 78, "10.1": 49.2, "15.3": 14, "17.1": 58, "17.2": true },
    "x-daiminh": { "2.1": 100, "2.2": 74, "10.1": 51, "15.3": 9, "17.1": 52, "17.2": true },
  },
};
export const SAMPLE_COMMUNES = [
  commune("x-daihong", "Xã Đại Hồng", "DHNTB"),
  // Filed under another region on purpose, so that the sample shows an unknown threshold.
  commune("x-daiquang", "Xã Đại Quang", "TN"),
  commune("x-daiminh", "Xã Đại Minh", "DHNTB"),
];

/** Evaluates every sample commune against the sample pack for a year. */
export function sampleEvaluations(year: 2024 | 2025): { unitName: string; result: EvaluationResult }[] {
  const compiled = compilePack(samplePack());
  return SAMPLE_COMMUNES.map((u) => ({
    unitName: u.name,
    result: evaluateUnit(compiled, { unit: u, year, values: VALUES[year]![u.id]! }),
  }));
}

/** A complete progress report in the given format. */
export function sampleProgressReport(format: "party" | "state"): ProgressReportInput {
  const before = sampleEvaluations(2024);
  const now = sampleEvaluations(2025);
  const party = format === "party";
  return {
    format,
    issuer: party ? { parent: "ĐẢNG BỘ TỈNH QUẢNG NAM", name: "HUYỆN ỦY ĐẠI LỘC" } : { parent: "", name: "ỦY BAN NHÂN DÂN HUYỆN ĐẠI LỘC" },
    number: party ? "125-BC/HU" : "215/BC-UBND",
    place: "Đại Lộc",
    date: "2025-07-15",
    period: "2025S1",
    title: "Kết quả thực hiện Kế hoạch số 120-KH/HU của Ban Thường vụ Huyện ủy về xây dựng nông thôn mới",
    notices: ["(Số liệu minh họa, không phải số liệu thật và không phải quy định pháp luật)"],
    introduction: [
      "Thực hiện Kế hoạch số 120-KH/HU, ngày 15/02/2025 của Ban Thường vụ Huyện ủy về thực hiện Chỉ thị số 63-CT/TU của Ban Thường vụ Tỉnh ủy, " +
        (party ? "Ban Thường vụ Huyện ủy" : "Ủy ban nhân dân huyện") +
        " báo cáo kết quả thực hiện như sau:",
    ],
    tasks: [
      {
        code: "II.1",
        title: "Tuyên truyền, quán triệt Chỉ thị số 63-CT/TU",
        assignee: "Ban Tuyên giáo Huyện ủy",
        result: "Tổ chức 12 hội nghị quán triệt với 1.250 lượt người tham dự.",
        status: "done",
      },
      {
        code: "II.2",
        title: "Rà soát, đánh giá thực trạng các tiêu chí",
        assignee: "UBND huyện",
        result: "Đã rà soát 3/3 xã; xã Đại Hồng giảm tiêu chí Thu nhập.",
        status: "done",
      },
      {
        code: "II.5",
        title: "Hỗ trợ xã Đại Minh hoàn thành tiêu chí Môi trường",
        assignee: "UBND huyện",
        result: "Đưa vào vận hành điểm tập kết rác thải.",
        status: "in_progress",
      },
      {
        code: "II.7",
        title: "Phát triển sản phẩm OCOP",
        assignee: "Phòng Nông nghiệp và PTNT",
        result: "Chưa tổ chức đánh giá đợt 1.",
        status: "overdue",
      },
    ],
    planTaskCount: 8,
    communes: now.map((n, i) => communeStandingFromEvaluation(n.unitName, n.result, compareYears(before[i]!.result, n.result))),
    previousPeriod: "2024",
    recognised: [{ unitName: "Xã Đại Minh", tier: "standard", decision: "Quyết định số 1234/QĐ-UBND ngày 20/5/2025 của UBND tỉnh" }],
    revoked: [],
    ocop: { total: 27, byStar: { 3: 22, 4: 5 }, newInPeriod: 3 },
    resources: {
      lines: [
        { label: "Ngân sách trung ương", amount: 12_500_000_000n },
        { label: "Ngân sách tỉnh, huyện, xã", amount: 8_750_000_000n },
        { label: "Nhân dân đóng góp", amount: 1_234_567_000n },
      ],
      landM2: 12_500n,
      labourDays: 3_400n,
      notes: ["Ghi chú: 2.000.000.000 đồng được ghi nhận cho cả năm 2025, không chia theo kỳ, chưa tính vào số liệu trên."],
    },
    lateReports: [
      { reporter: "UBND xã Đại Quang", report: "Báo cáo kết quả 6 tháng đầu năm 2025", dueDate: "2025-06-20", submittedDate: "2025-06-27" },
      { reporter: "UBND xã Đại Hồng", report: "Báo cáo kết quả 6 tháng đầu năm 2025", dueDate: "2025-06-20", submittedDate: null },
    ],
    commendations: [
      { subject: "Đảng ủy xã Đại Minh", reason: "lãnh đạo hoàn thành 19/19 tiêu chí, được công nhận xã đạt chuẩn nông thôn mới" },
    ],
    criticisms: [{ subject: "UBND xã Đại Hồng", reason: "để giảm tiêu chí Thu nhập và chưa nộp báo cáo đúng hạn" }],
    shortcomings: ["Xã Đại Hồng chưa giữ vững tiêu chí Thu nhập."],
    causes: ["Giá nông sản giảm; sản xuất chưa gắn với liên kết tiêu thụ."],
    directions: ["Tập trung khôi phục tiêu chí Thu nhập của xã Đại Hồng.", "Hoàn thành đánh giá, phân hạng sản phẩm OCOP đợt 1."],
    recommendations: ["Đề nghị tỉnh bố trí vốn hỗ trợ liên kết sản xuất cho xã Đại Hồng."],
    recipients: party
      ? [
          "Thường trực Tỉnh ủy (B/c)",
          "Văn phòng Điều phối NTM tỉnh",
          "HĐND, UBND huyện",
          "Các Chi bộ, Đảng bộ trực thuộc",
          "Lưu Văn phòng Huyện ủy",
        ]
      : ["Văn phòng Điều phối NTM tỉnh", "TT Huyện ủy, TT HĐND huyện (B/c)", "UBND các xã", "Lưu: VT"],
    signer: party
      ? { onBehalfOf: "T/M BAN THƯỜNG VỤ", title: "BÍ THƯ", name: "Nguyễn Văn An" }
      : { onBehalfOf: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Trần Thị Bình" },
  };
}

/** The criteria table for 2024 and 2025. */
export function sampleCriteriaWorkbook(): CriteriaWorkbookInput {
  return {
    unitName: "Huyện Đại Lộc",
    years: [2024, 2025].map((year) => ({ year, pack: samplePack(), rows: sampleEvaluations(year as 2024 | 2025) })),
  };
}

/** An example ranking (the scoring is an example, not an adopted rule). */
export function sampleRanking(): RankingWorkbookInput {
  return {
    unitName: "Huyện Đại Lộc",
    year: 2025,
    example: true,
    components: [
      { key: "criteria", label: "Tiêu chí" },
      { key: "progress", label: "Tiến độ" },
      { key: "reporting", label: "Báo cáo" },
    ],
    rows: [
      {
        rank: 1,
        unitName: "Xã Đại Minh",
        score: 92.5,
        components: { criteria: 60, progress: 22.5, reporting: 10 },
        level: "Xuất sắc",
        caps: [],
        quotaMoves: [],
      },
      {
        rank: 2,
        unitName: "Xã Đại Quang",
        score: 88,
        components: { criteria: 58, progress: 25, reporting: 5 },
        level: "Tốt",
        caps: [],
        quotaMoves: ["Hạ từ Xuất sắc xuống Tốt do vượt tỷ lệ khống chế 20%"],
      },
      {
        rank: 3,
        unitName: "Xã Đại Hồng",
        score: 71.25,
        components: { criteria: 45, progress: 21.25, reporting: 5 },
        level: "Khá",
        caps: ["Giảm tiêu chí Thu nhập: không xếp loại Tốt"],
        quotaMoves: [],
      },
    ],
  };
}

/** One commune's criteria sheet. */
export function sampleCriteriaSheet(): CriteriaSheetInput {
  const r = sampleEvaluations(2025)[0]!;
  return {
    unitName: r.unitName,
    parentName: "Huyện Đại Lộc, tỉnh Quảng Nam",
    pack: samplePack(),
    result: r.result,
    issuedOn: "2025-07-15",
  };
}
