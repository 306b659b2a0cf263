import { formatDate, formatNumber, formatReason } from "@ntm/core";
import type { Indicator, IndicatorResult } from "@ntm/core";
import pdfmake from "pdfmake";
import robotoFonts from "pdfmake/fonts/Roboto.js";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { CRITERION_STATUS_VI, INDICATOR_STATUS_VI, TIER_VI, requiredText, valueText, vietnameseDateLine } from "../_lib/text.js";
import { Checker } from "../_lib/validate.js";
import type { CriteriaSheetInput, SheetSigner } from "../types.js";

/** The default signatures of a commune's sheet: who filled it in, and the commune People's Committee. */
export const DEFAULT_SHEET_SIGNERS: readonly SheetSigner[] = [
  { title: "NGƯỜI LẬP PHIẾU" },
  { onBehalfOf: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH" },
];

/** The date line and one column per signer, kept together on one page. */
function signatureBlock(input: CriteriaSheetInput): Content {
  const signers = input.signers?.length ? input.signers : DEFAULT_SHEET_SIGNERS;
  const dateLine = `${input.place ?? "………………"}, ${input.issuedOn ? vietnameseDateLine(input.issuedOn) : "ngày …… tháng …… năm ……"}`;
  const column = (s: SheetSigner): Content => ({
    stack: [
      ...(s.onBehalfOf ? [{ text: s.onBehalfOf, bold: true }] : []),
      { text: s.title, bold: true },
      { text: "(Ký, ghi rõ họ tên)", italics: true, fontSize: 8, margin: [0, 0, 0, 42] as [number, number, number, number] },
      { text: s.name ?? "", bold: true },
    ],
    alignment: "center",
  });
  return {
    unbreakable: true,
    margin: [0, 14, 0, 0],
    stack: [
      { columns: [{ text: "" }, { text: dateLine, italics: true, alignment: "center" }] },
      { columns: signers.map(column), margin: [0, 4, 0, 0] },
    ],
  };
}

const STATUS_COLOR: Readonly<Record<IndicatorResult["status"], string>> = {
  met: "#C6EFCE",
  not_met: "#FFC7CE",
  missing: "#FFEB9C",
  unknown_threshold: "#D9D9D9",
  not_applicable: "#FFFFFF",
};

/** The Roboto files shipped with pdfmake: the only files the renderer may read. */
const FONT_FILES = new Set(Object.values(robotoFonts.Roboto));

function validate(input: CriteriaSheetInput): void {
  const c = new Checker();
  c.text(input.unitName, ["unitName"]);
  if (input.issuedOn !== undefined) c.isoDate(input.issuedOn, ["issuedOn"]);
  input.signers?.forEach?.((s, i) => c.text(s?.title, ["signers", i, "title"]));
  if (!input.pack || !Array.isArray(input.pack.criteria))
    c.add(["pack"], "report.pack_required", "cần bộ tiêu chí (expected a criteria pack)");
  if (!input.result || !Array.isArray(input.result.criteria))
    c.add(["result"], "report.result_required", "cần kết quả đánh giá (expected an EvaluationResult)");
  else if (input.pack && input.result.packId !== input.pack.id) {
    c.add(["result", "packId"], "report.pack_mismatch", `kết quả theo bộ ${input.result.packId}, phiếu theo bộ ${input.pack.id}`);
  }
  c.throwIfAny("Phiếu đánh giá tiêu chí (criteria sheet)");
}

function gapText(r: IndicatorResult, unit: string | undefined): string {
  if (r.status !== "not_met" || r.gap === undefined || r.gap === 0) return "—";
  return valueText(r.gap, unit);
}

function indicatorRow(ind: Indicator | undefined, r: IndicatorResult): TableCell[] {
  const unit = ind?.unit;
  const unverified = !r.verified;
  return [
    { text: r.id, alignment: "center" },
    { text: ind?.name.vi ?? r.id },
    { text: valueText(r.actual, unit), alignment: "center" },
    { text: requiredText(r, unit) + (unverified ? " *" : ""), alignment: "center" },
    { text: INDICATOR_STATUS_VI[r.status], alignment: "center", fillColor: STATUS_COLOR[r.status] },
    { text: gapText(r, unit), alignment: "center" },
    { text: r.reasons.map((x) => formatReason(x, "vi")).join("\n"), fontSize: 8 },
  ];
}

function buildDefinition(input: CriteriaSheetInput): TDocumentDefinitions {
  const { pack, result } = input;
  const indicatorsById = new Map(pack.criteria.flatMap((c) => c.indicators.map((i) => [i.id, i] as const)));
  const criterionNames = new Map(pack.criteria.map((c) => [c.id, c]));
  const body: TableCell[][] = [
    ["Mã", "Chỉ tiêu", "Thực tế", "Yêu cầu", "Kết quả", "Còn thiếu", "Ghi chú"].map((t) => ({
      text: t,
      bold: true,
      alignment: "center",
      fillColor: "#EDEDED",
    })),
  ];
  for (const c of result.criteria) {
    const def = criterionNames.get(c.id);
    const tags = [c.key ? "tiêu chí then chốt" : "", c.condition ? "điều kiện" : ""].filter(Boolean).join(", ");
    body.push([
      { text: `Tiêu chí ${c.id}. ${def?.name.vi ?? ""}${tags ? ` (${tags})` : ""}`, colSpan: 4, bold: true, fillColor: "#F5F5F5" },
      {},
      {},
      {},
      {
        text: CRITERION_STATUS_VI[c.status],
        bold: true,
        alignment: "center",
        fillColor: c.status === "met" ? STATUS_COLOR.met : c.status === "not_met" ? STATUS_COLOR.not_met : STATUS_COLOR.unknown_threshold,
      },
      { text: "", colSpan: 2, fillColor: "#F5F5F5" },
      {},
    ]);
    for (const r of c.indicators) body.push(indicatorRow(indicatorsById.get(r.id), r));
  }

  const example = pack.example === true || result.example;
  const notices: Content[] = [];
  if (example) {
    notices.push({
      table: {
        widths: ["*"],
        body: [
          [
            {
              text: `LƯU Ý: ${pack.notice?.vi ?? "Giá trị minh họa, không phải quy định pháp luật."}`,
              bold: true,
              color: "#C00000",
              margin: [4, 3, 4, 3],
            },
          ],
        ],
      },
      layout: { hLineColor: () => "#C00000", vLineColor: () => "#C00000" },
      margin: [0, 0, 0, 6],
    });
  }
  if (result.unverifiedCount > 0) {
    notices.push({
      text: `Có ${formatNumber(result.unverifiedCount, "vi")} chỉ tiêu có ngưỡng chưa được đối chiếu với văn bản pháp luật (đánh dấu *).`,
      italics: true,
      color: "#C00000",
      margin: [0, 0, 0, 6],
    });
  }

  const legal = pack.legalBasis.map((l) => `${l.ref} (${formatDate(l.date, "vi")})`).join("; ");
  return {
    pageSize: "A4",
    pageMargins: [40, 40, 30, 40],
    info: { title: `Phiếu đánh giá tiêu chí - ${input.unitName} - ${result.year}`, creator: "ntm" },
    defaultStyle: { font: "Roboto", fontSize: 9, lineHeight: 1.1 },
    footer: (page, pages) => ({
      columns: [
        { text: input.issuedOn ? `Lập ngày ${formatDate(input.issuedOn, "vi")}` : "", fontSize: 8, margin: [40, 0, 0, 0] },
        { text: `Trang ${page}/${pages}`, alignment: "right", fontSize: 8, margin: [0, 0, 30, 0] },
      ],
    }),
    content: [
      { text: "PHIẾU ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ", bold: true, fontSize: 14, alignment: "center" },
      { text: `${input.unitName.toUpperCase()} - NĂM ${result.year}`, bold: true, fontSize: 12, alignment: "center", margin: [0, 2, 0, 2] },
      ...(input.parentName
        ? [
            {
              text: input.parentName,
              alignment: "center" as const,
              italics: true,
              margin: [0, 0, 0, 8] as [number, number, number, number],
            },
          ]
        : []),
      ...notices,
      {
        table: {
          widths: [90, "*"],
          body: [
            ["Bộ tiêu chí", `${pack.title.vi} (${pack.id}, phiên bản ${pack.version})`],
            ["Mức", TIER_VI[result.tier]],
            ["Căn cứ", legal || "—"],
            ["Vùng/nhóm áp dụng", result.variant ?? "—"],
            [
              "Kết quả chung",
              {
                text: `${CRITERION_STATUS_VI[result.status]}: đạt ${formatNumber(result.criteriaMet, "vi")}/${formatNumber(result.criteriaTotal, "vi")} tiêu chí`,
                bold: true,
              },
            ],
          ],
        },
        layout: "noBorders",
        margin: [0, 0, 0, 8],
      },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [28, "*", 44, 50, 48, 40, 130], body },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          hLineColor: () => "#808080",
          vLineColor: () => "#808080",
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
      },
      ...(result.reasons.length
        ? [
            { text: "Ghi chú chung:", bold: true, margin: [0, 8, 0, 2] as [number, number, number, number] },
            { ul: result.reasons.map((r) => formatReason(r, "vi")) },
          ]
        : []),
      ...(result.unverifiedCount > 0
        ? [
            {
              text: "* Ngưỡng chưa được đối chiếu với văn bản pháp luật.",
              italics: true,
              fontSize: 8,
              margin: [0, 6, 0, 0] as [number, number, number, number],
            },
          ]
        : []),
      signatureBlock(input),
    ],
  };
}

/**
 * Renders one commune's criteria sheet (phiếu đánh giá tiêu chí) as a PDF: the unit, the year, the
 * pack with its legal basis (and the "example values, not law" notice when the pack is an example),
 * then every criterion and indicator with the actual value, the requirement (unverified thresholds
 * marked *), the status, the gap and the reasons in Vietnamese. Uses the Roboto fonts shipped with
 * pdfmake, which carry Vietnamese glyphs; reads no other file and no URL.
 * Throws {@link ReportInputError} naming every bad field before anything is built.
 * @example
 * const result = evaluateUnit(compilePack(pack), values);
 * const bytes = await renderCriteriaSheetPdf({ unitName: "Xã Đại Hồng", pack, result, issuedOn: "2025-07-15" });
 * await writeFile("phieu-danh-gia.pdf", bytes);
 */
export async function renderCriteriaSheetPdf(input: CriteriaSheetInput): Promise<Uint8Array> {
  validate(input);
  const definition = buildDefinition(input);
  // pdfmake is a process-wide singleton: set fonts and access policies on every call.
  pdfmake.setFonts(robotoFonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}
