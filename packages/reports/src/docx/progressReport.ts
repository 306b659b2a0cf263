import { describePeriod, formatDate, formatNumber, parsePeriod, workingDaysBetween } from "@ntm/core";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { CRITERION_STATUS_VI, TASK_STATUS_VI, TIER_VI, dongText, joinIds, noteText, vietnameseDateLine } from "../_lib/text.js";
import { Checker } from "../_lib/validate.js";
import type { LateReport, ProgressReportInput, RecognitionEvent, TaskProgress } from "../types.js";

/** What the heading block of a report needs (shared by every DOCX report). */
export type DocumentHead = Pick<ProgressReportInput, "format" | "issuer" | "number" | "place" | "date">;
/** What the closing block ("Nơi nhận", signature) needs. */
export type DocumentFoot = Pick<ProgressReportInput, "format" | "recipients" | "signer">;

export const FONT = "Times New Roman";
/** Millimetres to twips (1/1440 inch), rounded: docx's own helper truncates (A4 would lose a twip). */
export const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
/** Font sizes in half-points, as Word counts them. */
export const PT13 = 26;
export const PT14 = 28;
export const PT12 = 24;

/** A4 with the margins of Nghị định 30/2020 (top/bottom 20 mm, left 30 mm, right 15 mm). */
export const PAGE = {
  size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
  margin: {
    top: convertMillimetersToTwip(20),
    bottom: convertMillimetersToTwip(20),
    left: convertMillimetersToTwip(30),
    right: convertMillimetersToTwip(15),
    header: convertMillimetersToTwip(10),
    footer: convertMillimetersToTwip(10),
  },
};
/** The writing width between the margins (210 − 30 − 15 mm). */
export const BODY_WIDTH = convertMillimetersToTwip(165);

export type RunOpts = { bold?: boolean; italics?: boolean; underline?: boolean; size?: number };
export const run = (text: string, o: RunOpts = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? PT14,
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
    ...(o.underline ? { underline: {} } : {}),
  });

export const centered = (text: string, o: RunOpts = {}, after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children: [run(text, o)] });

/** A body paragraph: justified, first line indented 1 cm, 6 pt before. */
export const body = (children: TextRun[] | string, indent = true) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 120, after: 0, line: 276 },
    ...(indent ? { indent: { firstLine: convertMillimetersToTwip(10) } } : {}),
    children: typeof children === "string" ? [run(children)] : children,
  });

export const heading = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 160, after: 0 },
    indent: { firstLine: convertMillimetersToTwip(10) },
    children: [run(text, { bold: true })],
  });

export const dash = (text: string) => body(`- ${text}`);

/** A short centred rule under a heading line (ND30: a line 1/3 to 1/2 of the text above). */
export const shortRule = (widthMm: number, columnMm: number) => {
  const side = convertMillimetersToTwip(Math.max(0, (columnMm - widthMm) / 2));
  return new Paragraph({
    spacing: { before: 0, after: 120 },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
};

const cell = (children: Paragraph[], widthTwip: number, extra: { columnSpan?: number; shade?: boolean } = {}) =>
  new TableCell({
    width: { size: widthTwip, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(extra.columnSpan ? { columnSpan: extra.columnSpan } : {}),
    ...(extra.shade ? { shading: { fill: "EDEDED", type: "clear", color: "auto" } } : {}),
    children,
  });

const cellText = (text: string, o: RunOpts & { align?: Align } = {}) =>
  new Paragraph({
    alignment: o.align === "center" ? AlignmentType.CENTER : o.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [run(text, { size: o.size ?? PT12, ...o })],
  });

export type Align = "left" | "center" | "right";

/** A bordered data table; widths in millimetres summing to the body width, one alignment per column. */
export function dataTable(headers: string[], widthsMm: number[], aligns: Align[], rows: (string[] | { group: string })[]): Table {
  const widths = widthsMm.map(convertMillimetersToTwip);
  const head = new TableRow({
    tableHeader: true,
    children: headers.map((h, i) => cell([cellText(h, { bold: true, align: "center" })], widths[i]!, { shade: true })),
  });
  const total = widths.reduce((a, b) => a + b, 0);
  const body = rows.map((r) =>
    "group" in r
      ? new TableRow({ children: [cell([cellText(r.group, { bold: true, italics: true })], total, { columnSpan: headers.length })] })
      : new TableRow({
          cantSplit: true,
          children: r.map((t, i) => cell([cellText(t, { align: aligns[i] ?? "left" })], widths[i]!)),
        }),
  );
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [head, ...body],
  });
}

/** A blank wide enough to write a number in by hand. */
const NUMBER_BLANK = "\u00a0".repeat(6);

/**
 * The symbol line's text: the symbol as given, or with a visible blank where its number is missing
 * ("-BC/HU" or "" → "      -BC/HU"; "/BC-UBND" → "      /BC-UBND").
 * @example
 * symbolText("125-BC/HU", "party") // "125-BC/HU"
 */
export function symbolText(number: string | undefined, format: ProgressReportInput["format"]): string {
  const n = (number ?? "").trim();
  if (n === "") return `${NUMBER_BLANK}${format === "party" ? "-BC/HU" : "/BC-UBND"}`;
  return /^[-/]/.test(n) ? `${NUMBER_BLANK}${n}` : n;
}

export function headerTable(input: DocumentHead): Table {
  const party = input.format === "party";
  // The state motto needs the wider right column to stay on one line.
  const leftMm = party ? 75 : 62;
  const leftW = convertMillimetersToTwip(leftMm);
  const rightW = BODY_WIDTH - leftW;
  const dateLine = `${input.place}, ${vietnameseDateLine(input.date)}`;
  const left: Paragraph[] = party
    ? [
        ...(input.issuer.parent ? [centered(input.issuer.parent.toUpperCase(), { size: PT13 })] : []),
        centered(input.issuer.name.toUpperCase(), { bold: true }),
        centered("*", { size: PT14 }),
        centered(`Số ${symbolText(input.number, "party")}`, { size: PT14 }),
      ]
    : [
        ...(input.issuer.parent ? [centered(input.issuer.parent.toUpperCase(), { size: PT13 })] : []),
        centered(input.issuer.name.toUpperCase(), { bold: true, size: PT13 }),
        shortRule(22, leftMm),
        centered(`Số: ${symbolText(input.number, "state")}`, { size: PT13 }),
      ];
  const right: Paragraph[] = party
    ? [centered("ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, underline: true, size: 30 }, 240), centered(dateLine, { italics: true })]
    : [
        centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: PT12 }),
        centered("Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true, size: PT13 }, 240),
        centered(dateLine, { italics: true }),
      ];
  const noBorderCell = (children: Paragraph[], w: number) =>
    new TableCell({ width: { size: w, type: WidthType.DXA }, borders: TableBorders.NONE, children });
  return new Table({
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [noBorderCell(left, leftW), noBorderCell(right, rightW)] })],
  });
}

/** Lateness in working days (Vietnamese calendar: weekends and public holidays skipped), as `plan due` counts it. */
function lateReportLine(r: LateReport, reportDate: string): string {
  const due = formatDate(r.dueDate, "vi");
  if (r.submittedDate === null) {
    const overdue = Math.max(0, workingDaysBetween(r.dueDate, reportDate));
    return `${r.reporter}: ${r.report} (hạn ${due}) chưa nộp, quá hạn ${formatNumber(overdue, "vi")} ngày làm việc tính đến ngày báo cáo.`;
  }
  const late = Math.max(0, workingDaysBetween(r.dueDate, r.submittedDate));
  return `${r.reporter}: ${r.report} (hạn ${due}) nộp ngày ${formatDate(r.submittedDate, "vi")}, chậm ${formatNumber(late, "vi")} ngày làm việc.`;
}

function recognitionLine(e: RecognitionEvent): string {
  const why = e.reasons?.length ? `; lý do: ${e.reasons.map(noteText).join("; ")}` : "";
  return `${e.unitName}: ${TIER_VI[e.tier]}${e.decision ? ` (${e.decision})` : ""}${why}.`;
}

/** Compares task codes as the plan numbers them: "II.2" before "II.10", "II" before "III". */
const ROMAN: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };
function codeKey(code: string): number[] {
  return code.split(".").map((part) => ROMAN[part] ?? (Number.isFinite(Number(part)) ? Number(part) : Number.MAX_SAFE_INTEGER));
}
function compareCodes(a: string, b: string): number {
  const ka = codeKey(a);
  const kb = codeKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? -1) - (kb[i] ?? -1);
    if (d !== 0) return d;
  }
  return a.localeCompare(b, "vi");
}

/** The tasks in the plan's order (II.1 … II.8), each with its lead body. */
function taskRows(tasks: readonly TaskProgress[]): string[][] {
  return [...tasks]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((t) => [t.code, t.title, t.assignee, t.result, TASK_STATUS_VI[t.status]]);
}

/** Paragraphs written by the office, or a visible placeholder that says they are still to be written. */
function narrative(lines: readonly string[] | undefined, what: string): Paragraph[] {
  const given = (lines ?? []).map((l) => l.trim()).filter((l) => l !== "");
  if (given.length === 0)
    return [body([run(`(Chưa có nội dung: cơ quan tham mưu soạn phần ${what} trước khi trình ký.)`, { italics: true })])];
  return given.map((l) => body(l));
}

function validate(input: ProgressReportInput): string {
  const c = new Checker();
  if (input.format !== "party" && input.format !== "state")
    c.add(["format"], "report.format_invalid", `cần "party" hoặc "state" (got ${JSON.stringify(input.format)})`);
  c.text(input.issuer?.name, ["issuer", "name"]);
  if (input.number !== undefined && typeof input.number !== "string") c.add(["number"], "report.text_required", "cần một chuỗi ký tự");
  if (input.planTaskCount !== undefined) c.integer(input.planTaskCount, ["planTaskCount"]);
  if (input.previousPeriod !== undefined) {
    const prev = typeof input.previousPeriod === "string" ? parsePeriod(input.previousPeriod) : undefined;
    if (!prev || !prev.ok)
      c.add(
        ["previousPeriod"],
        "report.period_invalid",
        `kỳ so sánh không hợp lệ, ví dụ "2024" (got ${JSON.stringify(input.previousPeriod)})`,
      );
  }
  c.text(input.place, ["place"]);
  c.isoDate(input.date, ["date"]);
  c.text(input.title, ["title"]);
  let periodText = "";
  const p = typeof input.period === "string" ? parsePeriod(input.period) : undefined;
  if (!p || !p.ok)
    c.add(["period"], "report.period_invalid", `kỳ báo cáo không hợp lệ, ví dụ "2025S1" hoặc "2025" (got ${JSON.stringify(input.period)})`);
  else periodText = describePeriod(p.value, "vi");
  c.text(input.signer?.name, ["signer", "name"]);
  c.text(input.signer?.onBehalfOf, ["signer", "onBehalfOf"]);
  c.text(input.signer?.title, ["signer", "title"]);
  for (const key of ["tasks", "communes", "recognised", "revoked", "lateReports", "commendations", "criticisms", "recipients"] as const)
    c.array(input[key], [key]);
  input.tasks?.forEach?.((t, i) => {
    c.text(t.assignee, ["tasks", i, "assignee"]);
    if (!(t.status in TASK_STATUS_VI))
      c.add(["tasks", i, "status"], "report.status_invalid", `trạng thái không hợp lệ (got ${JSON.stringify(t.status)})`);
  });
  input.communes?.forEach?.((r, i) => {
    c.text(r.name, ["communes", i, "name"]);
    if (!(r.tier in TIER_VI)) c.add(["communes", i, "tier"], "report.tier_invalid", `mức không hợp lệ (got ${JSON.stringify(r.tier)})`);
    if (!(r.status in CRITERION_STATUS_VI))
      c.add(["communes", i, "status"], "report.status_invalid", `kết quả không hợp lệ (got ${JSON.stringify(r.status)})`);
    if (!Array.isArray(r.gained) || !Array.isArray(r.lost))
      c.add(["communes", i, Array.isArray(r.gained) ? "lost" : "gained"], "report.list_required", "cần một danh sách mã tiêu chí");
    c.integer(r.criteriaMet, ["communes", i, "criteriaMet"]);
    c.integer(r.criteriaTotal, ["communes", i, "criteriaTotal"]);
  });
  for (const key of ["recognised", "revoked"] as const) {
    input[key]?.forEach?.((e, i) => {
      c.text(e.unitName, [key, i, "unitName"]);
      if (!(e.tier in TIER_VI)) c.add([key, i, "tier"], "report.tier_invalid", `mức không hợp lệ (got ${JSON.stringify(e.tier)})`);
    });
  }
  input.lateReports?.forEach?.((r, i) => {
    c.isoDate(r.dueDate, ["lateReports", i, "dueDate"]);
    if (r.submittedDate !== null) c.isoDate(r.submittedDate, ["lateReports", i, "submittedDate"]);
  });
  input.resources?.lines?.forEach?.((l, i) => c.dong(l.amount, ["resources", "lines", i, "amount"]));
  if (input.resources?.total !== undefined) c.dong(input.resources.total, ["resources", "total"]);
  if (input.resources?.landM2 !== undefined) c.dong(input.resources.landM2, ["resources", "landM2"]);
  if (input.resources?.labourDays !== undefined) c.dong(input.resources.labourDays, ["resources", "labourDays"]);
  c.integer(input.ocop?.total, ["ocop", "total"]);
  c.integer(input.ocop?.newInPeriod, ["ocop", "newInPeriod"]);
  c.throwIfAny("Báo cáo tiến độ (progress report)");
  return periodText;
}

function resultsSection(input: ProgressReportInput, periodText: string): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading("I. KẾT QUẢ THỰC HIỆN")];

  // 1. Tasks per assignee
  const counts = (s: TaskProgress["status"]) => input.tasks.filter((t) => t.status === s).length;
  out.push(heading("1. Việc thực hiện các nhiệm vụ của Kế hoạch"));
  const tally =
    `hoàn thành ${formatNumber(counts("done"), "vi")}, đang thực hiện ${formatNumber(counts("in_progress"), "vi")}, ` +
    `chưa triển khai ${formatNumber(counts("not_started"), "vi")}, quá hạn ${formatNumber(counts("overdue"), "vi")}`;
  const n = formatNumber(input.tasks.length, "vi");
  if (input.tasks.length === 0) out.push(body(`Trong ${periodText} chưa có báo cáo kết quả thực hiện nhiệm vụ nào.`));
  else if (input.planTaskCount !== undefined)
    out.push(
      body(
        `Kế hoạch có ${formatNumber(input.planTaskCount, "vi")} nhiệm vụ; ${n} nhiệm vụ có báo cáo trong ${periodText}: ${tally}. Kết quả cụ thể từng nhiệm vụ:`,
      ),
    );
  else out.push(body(`Có ${n} nhiệm vụ được báo cáo trong ${periodText}: ${tally}. Kết quả cụ thể từng nhiệm vụ:`));
  if (input.tasks.length > 0)
    out.push(
      dataTable(
        ["Mục", "Nhiệm vụ", "Cơ quan chủ trì", "Kết quả thực hiện", "Tình trạng"],
        [13, 40, 30, 57, 25],
        ["center", "left", "left", "left", "left"],
        taskRows(input.tasks),
      ),
    );

  // 2. Criteria of every commune
  const met = input.communes.filter((c) => c.status === "met").length;
  out.push(heading("2. Kết quả thực hiện Bộ tiêu chí xã nông thôn mới"));
  if (input.communes.length === 0) out.push(body(`Trong ${periodText} chưa có số liệu đánh giá tiêu chí của xã nào.`));
  else {
    const compared = input.previousPeriod !== undefined;
    const described = compared
      ? describePeriod((parsePeriod(input.previousPeriod!) as { ok: true; value: Parameters<typeof describePeriod>[0] }).value, "vi")
      : "";
    // Mid-sentence: "so với năm 2024", not "so với Năm 2024".
    const prevText = described.charAt(0).toLowerCase() + described.slice(1);
    out.push(
      body(
        `Đến cuối kỳ, ${formatNumber(met, "vi")}/${formatNumber(input.communes.length, "vi")} xã đạt đủ các tiêu chí theo mức được đánh giá. ` +
          (compared ? `Tình hình từng xã và thay đổi so với ${prevText}:` : "Tình hình từng xã (chưa có số liệu kỳ trước để so sánh):"),
      ),
    );
    const rows = input.communes.map((c, i) => {
      const line = [
        String(i + 1),
        c.name,
        TIER_VI[c.tier],
        `${formatNumber(c.criteriaMet, "vi")}/${formatNumber(c.criteriaTotal, "vi")}`,
        CRITERION_STATUS_VI[c.status],
      ];
      if (!compared) return line;
      const change = [c.gained.length ? `Tăng: TC ${joinIds(c.gained)}` : "", c.lost.length ? `Giảm: TC ${joinIds(c.lost)}` : ""]
        .filter(Boolean)
        .join("; ");
      return [...line, change || "Không thay đổi"];
    });
    out.push(
      compared
        ? dataTable(
            ["STT", "Xã", "Mức", "Số TC đạt", "Kết quả", "Thay đổi so với kỳ trước"],
            [12, 33, 32, 20, 23, 45],
            ["center", "left", "left", "center", "left", "left"],
            rows,
          )
        : dataTable(["STT", "Xã", "Mức", "Số TC đạt", "Kết quả"], [12, 55, 40, 25, 33], ["center", "left", "left", "center", "left"], rows),
    );
  }

  // 3. Recognised and revoked
  out.push(heading("3. Công nhận và thu hồi quyết định công nhận"));
  out.push(
    body(
      input.recognised.length
        ? `Trong kỳ có ${formatNumber(input.recognised.length, "vi")} xã được công nhận:`
        : "Trong kỳ không có xã được công nhận.",
    ),
  );
  for (const e of input.recognised) out.push(dash(recognitionLine(e)));
  out.push(
    body(
      input.revoked.length
        ? `Có ${formatNumber(input.revoked.length, "vi")} xã bị thu hồi quyết định công nhận:`
        : "Trong kỳ không có xã bị thu hồi quyết định công nhận.",
    ),
  );
  for (const e of input.revoked) out.push(dash(recognitionLine(e)));

  // 4. OCOP
  const star = (n: 3 | 4 | 5) => formatNumber(input.ocop.byStar[n] ?? 0, "vi");
  out.push(heading("4. Chương trình Mỗi xã một sản phẩm (OCOP)"));
  out.push(
    body(
      `Toàn ${input.areaLabel ?? "huyện"} có ${formatNumber(input.ocop.total, "vi")} sản phẩm OCOP còn hiệu lực (5 sao: ${star(5)}; 4 sao: ${star(4)}; 3 sao: ${star(3)}); ` +
        `trong kỳ có thêm ${formatNumber(input.ocop.newInPeriod, "vi")} sản phẩm được công nhận.`,
    ),
  );

  // 5. Resources
  const total = input.resources.total ?? input.resources.lines.reduce((a, l) => a + l.amount, 0n);
  out.push(heading("5. Huy động nguồn lực"));
  out.push(body(`Tổng nguồn lực huy động trong kỳ: ${dongText(total)}${input.resources.lines.length ? ", gồm:" : "."}`));
  for (const l of input.resources.lines) out.push(dash(`${l.label}: ${dongText(l.amount)};`));
  if (input.resources.landM2 !== undefined) out.push(body(`Nhân dân hiến đất: ${formatNumber(Number(input.resources.landM2), "vi")} m².`));
  if (input.resources.labourDays !== undefined)
    out.push(body(`Ngày công lao động đóng góp: ${formatNumber(Number(input.resources.labourDays), "vi")} ngày công.`));
  for (const note of input.resources.notes ?? []) out.push(body([run(note, { italics: true })]));

  // 6. Late reports
  out.push(heading("6. Việc thực hiện chế độ báo cáo"));
  if (input.lateReports.length === 0) out.push(body("Các cơ quan, đơn vị thực hiện báo cáo đúng thời hạn."));
  else {
    out.push(body(`Có ${formatNumber(input.lateReports.length, "vi")} báo cáo chậm hoặc chưa nộp:`));
    for (const r of input.lateReports) out.push(dash(lateReportLine(r, input.date)));
  }
  return out;
}

/** II. Hạn chế, khuyết điểm và nguyên nhân; III. Phương hướng; IV. Kiến nghị, đề xuất (with commendation and criticism). */
function closingSections(input: ProgressReportInput): Paragraph[] {
  const out = [heading("II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN"), heading("1. Hạn chế, khuyết điểm")];
  out.push(...narrative(input.shortcomings, "hạn chế, khuyết điểm"));
  out.push(heading("2. Nguyên nhân"));
  out.push(...narrative(input.causes, "nguyên nhân"));
  out.push(heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"));
  out.push(...narrative(input.directions ?? input.nextTasks, "phương hướng, nhiệm vụ"));
  out.push(heading("IV. KIẾN NGHỊ, ĐỀ XUẤT"), heading("1. Đề xuất khen thưởng"));
  if (input.commendations.length === 0) out.push(body("Không có đề xuất."));
  for (const p of input.commendations) out.push(dash(`${p.subject}: ${p.reason}.`));
  out.push(heading("2. Đề xuất phê bình"));
  if (input.criticisms.length === 0) out.push(body("Không có đề xuất."));
  for (const p of input.criticisms) out.push(dash(`${p.subject}: ${p.reason}.`));
  out.push(heading("3. Kiến nghị khác"));
  const other = (input.recommendations ?? []).map((l) => l.trim()).filter((l) => l !== "");
  if (other.length === 0) out.push(body("Không có kiến nghị khác."));
  for (const r of other) out.push(dash(r));
  return out;
}

export function closingTable(input: DocumentFoot): Table {
  const leftW = convertMillimetersToTwip(85);
  const rightW = BODY_WIDTH - leftW;
  const party = input.format === "party";
  const recipients = [
    new Paragraph({
      spacing: { before: 240 },
      children: [run("Nơi nhận:", party ? { underline: true, size: PT14 } : { bold: true, italics: true, size: PT12 })],
    }),
    ...input.recipients.map(
      (r, i) => new Paragraph({ children: [run(`- ${r}${i === input.recipients.length - 1 ? "." : ","}`, { size: party ? PT12 : 22 })] }),
    ),
  ];
  const sign = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [run(input.signer.onBehalfOf, { bold: true })] }),
    centered(input.signer.title, { bold: true }, 1600),
    centered(input.signer.name, { bold: true }),
  ];
  const c = (children: Paragraph[], w: number) =>
    new TableCell({ width: { size: w, type: WidthType.DXA }, borders: TableBorders.NONE, children });
  return new Table({
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [c(recipients, leftW), c(sign, rightW)] })],
  });
}

/**
 * Renders the periodic progress report of the plan (báo cáo kết quả thực hiện kế hoạch) as a DOCX
 * file: in the Party format for the district Standing Board ("ĐẢNG CỘNG SẢN VIỆT NAM",
 * "T/M BAN THƯỜNG VỤ") or in the state format of Nghị định 30/2020 for a People's Committee.
 * Times New Roman 12–15 pt on A4 with the administrative margins; Vietnamese throughout.
 * Throws {@link ReportInputError} naming every bad field before anything is built.
 * @example
 * const bytes = await renderProgressReportDocx({
 *   format: "party",
 *   issuer: { parent: "ĐẢNG BỘ TỈNH QUẢNG NAM", name: "HUYỆN ỦY ĐẠI LỘC" },
 *   number: "125-BC/HU", place: "Đại Lộc", date: "2025-07-15", period: "2025S1",
 *   title: "Kết quả thực hiện Kế hoạch số 120-KH/HU về xây dựng nông thôn mới",
 *   tasks: [], communes: [], recognised: [], revoked: [],
 *   ocop: { total: 0, byStar: {}, newInPeriod: 0 }, resources: { lines: [] },
 *   lateReports: [], commendations: [], criticisms: [],
 *   recipients: ["Thường trực Tỉnh ủy (B/c)", "Lưu Văn phòng Huyện ủy"],
 *   signer: { onBehalfOf: "T/M BAN THƯỜNG VỤ", title: "BÍ THƯ", name: "Nguyễn Văn A" },
 * });
 * await writeFile("bao-cao.docx", bytes);
 */
export async function renderProgressReportDocx(input: ProgressReportInput): Promise<Uint8Array> {
  const periodText = validate(input);
  const title = [
    centered("BÁO CÁO", { bold: true, size: PT14 }),
    centered(input.title, { bold: true, size: PT14 }),
    centered(periodText, { bold: true, size: PT14 }),
    input.format === "party" ? centered("-----", { size: PT14 }, 120) : shortRule(30, 165),
    ...(input.notices ?? []).map((n) => centered(n, { italics: true, size: PT12 }, 60)),
  ];
  const doc = new Document({
    creator: input.issuer.name,
    title: `Báo cáo ${input.title} ${periodText}`,
    styles: { default: { document: { run: { font: FONT, size: PT14 } } } },
    sections: [
      {
        properties: { titlePage: true, page: PAGE },
        headers: {
          // ND30: page numbers centred in the top margin, from page 2.
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
          ...title,
          ...(input.introduction ?? []).map((t) => body(t)),
          ...resultsSection(input, periodText),
          ...closingSections(input),
          closingTable(input),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
