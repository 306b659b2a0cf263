import { formatNumber } from "@ntm/core";
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, type Table, TextRun } from "docx";
import { ENTERED_HEADERS, ENTERED_TITLE, checkEntered, enteredLines } from "../_lib/entered.js";
import { noteText } from "../_lib/text.js";
import { Checker } from "../_lib/validate.js";
import type { ClassificationReportInput, RankingCandidateRow, RankingRow } from "../types.js";
import {
  FONT,
  PAGE,
  PT12,
  PT13,
  PT14,
  body,
  centered,
  closingTable,
  dash,
  dataTable,
  headerTable,
  heading,
  shortRule,
} from "./progressReport.js";

/** Who is classified, as the title names them. */
const SUBJECTS_VI: Readonly<Record<ClassificationReportInput["kind"], string>> = {
  unit: "các xã",
  organisation: "các tổ chức",
  person: "cá nhân",
};

/**
 * The report's title line: "Kết quả đánh giá, xếp loại các tổ chức năm 2025".
 * @example
 * classificationTitle("person", 2025) // "Kết quả đánh giá, xếp loại cá nhân năm 2025"
 */
export function classificationTitle(kind: ClassificationReportInput["kind"], year: number): string {
  return `Kết quả đánh giá, xếp loại ${SUBJECTS_VI[kind]} năm ${year}`;
}

/** Scores with comma decimals, two places at most: 80,83. */
const scoreText = (n: number) => formatNumber(Math.round(n * 100) / 100, "vi");

/** Why a row ended in its class: the final-class reason and ties, then caps and quota moves. */
function whyText(r: RankingRow): string {
  const all = [...(r.explanation ?? []), ...r.caps, ...r.quotaMoves].map(noteText).filter((t) => t.trim() !== "");
  return all.length ? all.join("; ") : "Theo điểm";
}

function validate(input: ClassificationReportInput): void {
  const c = new Checker();
  if (input.kind !== "unit" && input.kind !== "organisation" && input.kind !== "person")
    c.add(["kind"], "report.kind_invalid", `cần "unit", "organisation" hoặc "person" (got ${JSON.stringify(input.kind)})`);
  if (input.format !== "party" && input.format !== "state")
    c.add(["format"], "report.format_invalid", `cần "party" hoặc "state" (got ${JSON.stringify(input.format)})`);
  c.text(input.issuer?.name, ["issuer", "name"]);
  if (input.number !== undefined && typeof input.number !== "string") c.add(["number"], "report.text_required", "cần một chuỗi ký tự");
  c.text(input.place, ["place"]);
  c.isoDate(input.date, ["date"]);
  c.integer(input.year, ["year"], 2000);
  c.text(input.unitName, ["unitName"]);
  c.text(input.signer?.name, ["signer", "name"]);
  c.text(input.signer?.onBehalfOf, ["signer", "onBehalfOf"]);
  c.text(input.signer?.title, ["signer", "title"]);
  c.array(input.recipients, ["recipients"]);
  if (c.array(input.rows, ["rows"]))
    input.rows.forEach((r, i) => {
      c.integer(r.rank, ["rows", i, "rank"], 1);
      c.text(r.unitName, ["rows", i, "unitName"]);
      c.finite(r.score, ["rows", i, "score"]);
      c.text(r.level, ["rows", i, "level"]);
      c.array(r.caps, ["rows", i, "caps"]);
      c.array(r.quotaMoves, ["rows", i, "quotaMoves"]);
    });
  checkEntered(c, input.entered);
  c.throwIfAny("Báo cáo xếp loại (classification report)");
}

function proposals(list: readonly RankingCandidateRow[]): Paragraph[] {
  if (list.length === 0) return [body("Không có đề nghị.")];
  return list.map((x) => dash(`${x.name} (xếp hạng ${formatNumber(x.rank, "vi")}): ${x.reasons.map(noteText).join("; ")}.`));
}

function contentSections(input: ClassificationReportInput): (Paragraph | Table)[] {
  const subject = input.subjectLabel ?? "Đơn vị";
  const rows = [...input.rows].sort((a, b) => a.rank - b.rank);
  const moved = rows.filter((r) => r.quotaMoves.length > 0);
  const c = input.candidates ?? { commendations: [], criticisms: [] };
  const levels = new Map<string, number>();
  for (const r of rows) levels.set(r.level, (levels.get(r.level) ?? 0) + 1);
  const tally = [...levels].map(([l, n]) => `${l}: ${formatNumber(n, "vi")}`).join("; ");
  return [
    heading("I. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI"),
    body(
      rows.length === 0
        ? `Năm ${input.year}, ${input.unitName} chưa có đối tượng nào được đánh giá, xếp loại.`
        : `Năm ${input.year}, ${input.unitName} đánh giá, xếp loại ${formatNumber(rows.length, "vi")} ${subject.toLowerCase()}: ${tally}. Kết quả cụ thể:`,
    ),
    ...(rows.length
      ? [
          dataTable(
            ["Hạng", subject, "Điểm", "Xếp loại", "Căn cứ xếp loại (giới hạn, tỷ lệ khống chế)"],
            [13, 38, 17, 30, 67],
            ["center", "left", "center", "left", "left"],
            rows.map((r) => [formatNumber(r.rank, "vi"), r.unitName, scoreText(r.score), r.level, whyText(r)]),
          ),
        ]
      : []),
    heading("II. QUY TẮC XẾP HẠNG ĐÃ ÁP DỤNG"),
    body("Xếp theo mức xếp loại trước, rồi theo tổng điểm; khi bằng điểm, áp dụng quy tắc phân định nêu dưới đây."),
    ...(input.notes ?? []).map((n) => dash(noteText(n))),
    heading("III. TỶ LỆ KHỐNG CHẾ"),
    ...(moved.length === 0
      ? [body("Không có trường hợp nào phải chuyển mức do vượt tỷ lệ khống chế.")]
      : [
          body(`Có ${formatNumber(moved.length, "vi")} trường hợp chuyển mức do vượt tỷ lệ khống chế:`),
          ...moved.map((r) => dash(`${r.unitName}: ${r.quotaMoves.map(noteText).join("; ")}.`)),
        ]),
    heading("IV. ĐỀ NGHỊ KHEN THƯỞNG, PHÊ BÌNH"),
    heading("1. Đề nghị khen thưởng"),
    ...proposals(c.commendations),
    heading("2. Đề nghị phê bình"),
    ...proposals(c.criticisms),
  ];
}

/** The annex after the signatures: the scoring inputs entered by hand and the evidence behind each. */
function enteredAnnex(input: ClassificationReportInput): (Paragraph | Table)[] {
  if (!input.entered) return [];
  const lines = enteredLines(input.entered);
  const title = classificationTitle(input.kind, input.year);
  return [
    new Paragraph({ pageBreakBefore: true, children: [] }),
    centered("PHỤ LỤC", { bold: true }),
    centered(`${ENTERED_TITLE} năm ${input.year}`, { bold: true }, 120),
    centered(`(Kèm theo báo cáo ${title.charAt(0).toLowerCase()}${title.slice(1)})`, { italics: true, size: PT13 }, 240),
    lines.length === 0
      ? body("Chưa nhập tay số liệu chấm điểm nào cho năm này.")
      : dataTable([...ENTERED_HEADERS], [10, 30, 32, 26, 40, 22, 20], ["center", "left", "left", "left", "left", "left", "center"], lines),
  ];
}

/**
 * Renders the annual classification report of one subject kind (báo cáo kết quả đánh giá, xếp loại
 * xã, tổ chức hoặc cá nhân) as a DOCX file in the Party (HD 36) or state (NĐ 30/2020) format: the
 * table of ranks, scores, classes and the reasons for each class (caps and quota moves included), the
 * ranking rules applied, the quota cut and the proposals for commendation and criticism with their
 * reasons. A default or unverified scheme carries the "not law" notice under the title. Given the
 * scoring inputs entered by hand, an annex after the signatures lists each with its value, evidence
 * note, who entered it and when.
 * Throws {@link ReportInputError} naming every bad field before anything is built.
 * @example
 * const bytes = await renderClassificationReportDocx({
 *   ...rankingWorkbookFromRanking(ranking, scheme, { unitName: "Huyện An Hòa", kind: "organisation" }),
 *   kind: "organisation", format: "party", place: "An Hòa", date: "2025-12-20",
 *   issuer: { parent: "ĐẢNG BỘ TỈNH MINH HOẠ", name: "HUYỆN ỦY AN HÒA" },
 *   signer: { onBehalfOf: "T/M BAN THƯỜNG VỤ", title: "BÍ THƯ", name: "(ký, ghi rõ họ tên)" },
 *   recipients: ["Lưu Văn phòng Huyện ủy"],
 * });
 */
export async function renderClassificationReportDocx(input: ClassificationReportInput): Promise<Uint8Array> {
  validate(input);
  const title = classificationTitle(input.kind, input.year);
  const notice = input.example ? (input.notice ?? "Cách tính điểm minh họa, không phải quy định đã ban hành.") : (input.notice ?? "");
  const doc = new Document({
    creator: input.issuer.name,
    title: `Báo cáo ${title.charAt(0).toLowerCase()}${title.slice(1)}`,
    styles: { default: { document: { run: { font: FONT, size: PT14 } } } },
    sections: [
      {
        properties: { titlePage: true, page: PAGE },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT13 })],
              }),
            ],
          }),
          first: new Header({ children: [] }),
        },
        children: [
          headerTable(input),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centered("BÁO CÁO", { bold: true }),
          centered(title, { bold: true }),
          input.format === "party" ? centered("-----", { size: PT14 }, 120) : shortRule(30, 165),
          ...(notice ? [centered(`Lưu ý: ${notice}`, { italics: true, size: PT12 }, 60)] : []),
          ...contentSections(input),
          closingTable(input),
          ...enteredAnnex(input),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
