import ExcelJS from "exceljs";
import { formatVietnameseNumber, neutraliseFormula } from "@ntm/core";

/** A cell as read from a file: text from CSV, or a typed value from XLSX. */
export type Cell = string | number | boolean | null;
/** A table: a header row and data rows, with their 1-based row numbers in the file. */
export interface Table {
  header: string[];
  rows: { row: number; cells: Cell[] }[];
}

/**
 * An incremental CSV parser (RFC 4180 quotes; comma, semicolon or tab delimiter detected from the
 * header line; BOM and CRLF tolerated): text goes in chunk by chunk, so an import is parsed while it
 * streams in, and it stops counting at `maxRows` data rows.
 * @example
 * const r = new CsvReader(); r.push("unit_id,year\nc01,"); r.push("2024\n"); r.end().rows[0] // { row: 2, cells: ["c01", "2024"] }
 */
export class CsvReader {
  readonly #maxRows: number;
  #delim: string | undefined;
  /** Text held back until the header line (and so the delimiter) is known. */
  #head = "";
  #started = false;
  #records: { row: number; cells: string[] }[] = [];
  #cells: string[] = [];
  #field = "";
  #quoted = false;
  #quoteInQuoted = false;
  #afterCR = false;
  #line = 1;
  #startLine = 1;

  constructor(options: { maxRows?: number } = {}) {
    this.#maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  }

  /** Parses the next piece of text; false once the file holds more than `maxRows` data rows. */
  push(text: string): boolean {
    if (this.#delim === undefined) {
      this.#head += text;
      if (!this.#started && this.#head.length > 0) {
        this.#head = this.#head.replace(/^\uFEFF/, "");
        this.#started = this.#head.length > 0;
      }
      const nl = this.#head.search(/[\r\n]/);
      if (nl < 0) return true;
      this.#delim = detectDelimiter(this.#head.slice(0, nl));
      text = this.#head;
      this.#head = "";
    }
    this.#parse(text);
    return this.#records.length <= this.#maxRows + 1;
  }

  /** Finishes the parse and returns the table (header + non-blank rows). */
  end(): Table {
    if (this.#delim === undefined) {
      this.#delim = detectDelimiter(this.#head.replace(/^\uFEFF/, ""));
      const rest = this.#head.replace(/^\uFEFF/, "");
      this.#head = "";
      this.#parse(rest);
    }
    if (this.#quoteInQuoted) {
      this.#quoted = false;
      this.#quoteInQuoted = false;
    }
    if (this.#field !== "" || this.#cells.length) {
      this.#cells.push(this.#field);
      this.#emit();
    }
    const [head, ...rest] = this.#records;
    return { header: (head?.cells ?? []).map((h) => h.trim()), rows: rest };
  }

  #emit(): void {
    // Blank lines are skipped (they are not rows of the file's table).
    if (this.#cells.some((c) => c.trim() !== "")) this.#records.push({ row: this.#startLine, cells: this.#cells });
    this.#cells = [];
    this.#field = "";
  }

  /** The state machine over a piece of text; runs of ordinary characters are copied in one slice. */
  #parse(text: string): void {
    const n = text.length;
    const delim = this.#delim!;
    let i = 0;
    while (i < n) {
      if (this.#afterCR) {
        this.#afterCR = false;
        if (text[i] === "\n") {
          i++;
          continue;
        }
      }
      if (this.#quoted) {
        if (this.#quoteInQuoted) {
          this.#quoteInQuoted = false;
          if (text[i] === '"') {
            this.#field += '"';
            i++;
            continue;
          }
          this.#quoted = false; // the quote closed the field; this character is read normally below
          continue;
        }
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        for (let k = text.indexOf("\n", i); k >= 0 && k < end; k = text.indexOf("\n", k + 1)) this.#line++;
        this.#field += text.slice(i, end);
        if (q >= 0) this.#quoteInQuoted = true;
        i = end + 1;
        continue;
      }
      const ch = text[i]!;
      if (ch === '"' && this.#field === "") {
        this.#quoted = true;
        i++;
      } else if (ch === delim) {
        this.#cells.push(this.#field);
        this.#field = "";
        i++;
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r") this.#afterCR = true;
        this.#cells.push(this.#field);
        this.#emit();
        this.#line++;
        this.#startLine = this.#line;
        i++;
      } else {
        let j = i + 1;
        while (j < n) {
          const c = text[j];
          if (c === delim || c === "\n" || c === "\r") break;
          j++;
        }
        this.#field += text.slice(i, j);
        i = j;
      }
    }
  }
}

function detectDelimiter(firstLine: string): string {
  return [",", ";", "\t"].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
}

/**
 * Parses CSV text (RFC 4180 quotes; comma, semicolon or tab delimiter detected from the header; BOM
 * and CRLF tolerated).
 * @example
 * parseCsv("unit_id,year\nc01,2024\n").rows[0] // { row: 2, cells: ["c01", "2024"] }
 */
export function parseCsv(text: string): Table {
  const r = new CsvReader();
  r.push(text);
  return r.end();
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return cellValue(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
  }
  return String(v);
}

/**
 * Reads the first worksheet of an .xlsx file (exceljs).
 * @example
 * const t = await parseXlsx(buffer); t.header // ["unit_id", "year", "1.1", ...]
 */
export async function parseXlsx(data: ArrayBuffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0];
  if (!ws) return { header: [], rows: [] };
  const all: { row: number; cells: Cell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: Cell[] = [];
    for (let col = 1; col <= ws.columnCount; col++) cells.push(cellValue(r.getCell(col).value));
    if (cells.some((c) => c !== null && String(c).trim() !== "")) all.push({ row: rowNumber, cells });
  });
  const [head, ...rest] = all;
  return { header: (head?.cells ?? []).map((h) => (h === null ? "" : String(h).trim())), rows: rest };
}

/**
 * A spreadsheet column letter for a 0-based index.
 * @example
 * columnLetter(0) // "A"; columnLetter(27) // "AB"
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function csvEscape(v: Cell): string {
  if (v === null) return "";
  // Text that a spreadsheet would run as a formula gets an apostrophe; numbers stay numbers.
  const s = String(neutraliseFormula(v));
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes a table as CSV (UTF-8 with BOM so Excel shows Vietnamese correctly).
 * @example
 * toCsv(["a", "b"], [[1, "x"]]) // "\uFEFFa,b\r\n1,x\r\n"
 */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return "\uFEFF" + [header, ...rows].map((r) => r.map(csvEscape).join(",")).join("\r\n") + "\r\n";
}

/**
 * Writes a table as CSV the way Vietnamese Excel opens it directly: UTF-8 with BOM, `;` between cells,
 * numbers with a decimal comma and no thousands dots (core `formatVietnameseNumber`, so "1234,5"
 * stays one number), yes/no as Đạt/Không. The import reads it back (`;` is detected, cells are read by
 * core `parseCellValue`).
 * @example
 * toCsvVi(["a", "b"], [[85.8, true]]) // "\uFEFFa;b\r\n85,8;Đạt\r\n"
 */
export function toCsvVi(header: readonly string[], rows: readonly Cell[][]): string {
  const cell = (v: Cell): string => {
    if (typeof v === "number") return formatVietnameseNumber(v).replace(/\./g, "");
    if (typeof v === "boolean") return v ? "Đạt" : "Không";
    return csvEscape(v);
  };
  return "\uFEFF" + [header.map(csvEscape), ...rows.map((r) => r.map(cell))].map((r) => r.join(";")).join("\r\n") + "\r\n";
}

/**
 * Writes a table as an .xlsx workbook with one sheet.
 * @example
 * const buf = await toXlsx("Số liệu", ["unit_id"], [["c01"]]);
 */
export async function toXlsx(sheetName: string, header: readonly string[], rows: readonly Cell[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ntm";
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.addRow(header.map(neutraliseFormula)).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => (c === null ? undefined : neutraliseFormula(c))));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const buf = await wb.xlsx.writeBuffer();
  return buf as ArrayBuffer;
}
