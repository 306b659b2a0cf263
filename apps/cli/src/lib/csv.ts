import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { cellPlace } from "./place.js";
import { CliError } from "./exit.js";

/** One CSV record with the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

function separatorOf(firstLine: string): string {
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/**
 * Parses CSV text given in chunks, yielding each record as soon as it is complete (RFC 4180 quotes,
 * CRLF or LF, `,` or `;` separators detected from the header line). Memory holds one record, not the
 * file. Fails on an unterminated quote, naming the file and line.
 * @example
 * [...csvRecords(["a,b\n1,", "2\n"], "f.csv")] // [{ line: 1, cells: ["a","b"] }, { line: 2, cells: ["1","2"] }]
 */
export function* csvRecords(chunks: Iterable<string>, file: string): Generator<CsvRow> {
  let sep: string | undefined;
  let head = "";
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let carry = "";
  const pending: string[] = [];
  const scan = function* (text: string, last: boolean): Generator<CsvRow> {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      // A quote or CR ending a chunk needs the next character to be read: keep it for the next chunk.
      if (!last && i === text.length - 1 && ((quoted && ch === '"') || ch === "\r")) {
        carry = ch;
        return;
      }
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else quoted = false;
        } else {
          if (ch === "\n") line++;
          cell += ch;
        }
        continue;
      }
      if (ch === '"' && cell === "") {
        quoted = true;
        quoteLine = line;
      } else if (ch === sep) {
        cells.push(cell);
        cell = "";
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        cells.push(cell);
        if (cells.some((c) => c.trim() !== "")) yield { line: rowLine, cells };
        cells = [];
        cell = "";
        line++;
        rowLine = line;
      } else cell += ch;
    }
  };
  for (const chunk of chunks) {
    if (sep === undefined) {
      // The separator is decided on the whole first line.
      head += chunk;
      const end = head.search(/\r?\n/);
      if (end < 0) continue;
      sep = separatorOf(head.slice(0, end));
      pending.push(head);
      head = "";
    } else pending.push(chunk);
    for (const text of pending.splice(0)) {
      const t = carry + text;
      carry = "";
      yield* scan(t, false);
    }
  }
  if (sep === undefined) {
    sep = separatorOf(head);
    yield* scan(head, true);
  } else if (carry) yield* scan(carry, true);
  if (quoted)
    throw new CliError("invalid_input", [
      { file, where: cellPlace({ row: quoteLine }), message: "ô có dấu ngoặc kép chưa đóng / unterminated quoted cell" },
    ]);
  cells.push(cell);
  if (cells.some((c) => c.trim() !== "")) yield { line: rowLine, cells };
}

/**
 * Parses CSV text (RFC 4180 quotes, CRLF or LF, `,` or `;` separators detected from the header line).
 * Fails on an unterminated quote, naming the file and line.
 * @example
 * parseCsv("a,b\n1,\"x,y\"\n", "f.csv") // [{ line: 1, cells: ["a","b"] }, { line: 2, cells: ["1","x,y"] }]
 */
export function parseCsv(text: string, file: string): CsvRow[] {
  return [...csvRecords([text], file)];
}

/**
 * Reads a UTF-8 text file in chunks (BOM removed), for streaming parsers. The file is opened when
 * iteration starts and closed when it ends.
 * @example
 * for (const row of csvRecords(fileChunks("big.csv"), "big.csv")) handle(row);
 */
export function* fileChunks(file: string, size = 1 << 20): Generator<string> {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.allocUnsafe(size);
    const decoder = new StringDecoder("utf8");
    let first = true;
    for (;;) {
      const n = readSync(fd, buf, 0, size, null);
      if (n === 0) break;
      let text = decoder.write(buf.subarray(0, n));
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}
