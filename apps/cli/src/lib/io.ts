import { readFileSync } from "node:fs";
import { cellPlace } from "./place.js";
import { CliError } from "./exit.js";
import { caught } from "./i18n.js";

/**
 * Reads a text file (UTF-8, BOM removed), or fails with a one-line error naming the file.
 * @example
 * readText("examples/values/an-phu.json")
 */
export function readText(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? caught("file.not_found").message
        : code === "EISDIR"
          ? "là thư mục, không phải tệp / is a directory, not a file"
          : code === "EACCES"
            ? "không có quyền đọc / permission denied"
            : `không đọc được / cannot read: ${code ?? String(e)}`;
    throw new CliError("invalid_input", [{ file, message: why }]);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The 1-based line and column of a character offset.
 * @example
 * lineCol("a\nbc", 3) // { line: 2, col: 2 }
 */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

/**
 * The offset of the first JSON syntax error in `text` (its length when the text ends too early), or
 * undefined when the text is valid. Some engines' messages carry no position; this finds it.
 * @example
 * jsonErrorOffset('{"a": ]}') // 6
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  class Stop {
    constructor(readonly at: number) {}
  }
  const fail = (): never => {
    throw new Stop(i);
  };
  const expect = (ch: string) => (text[i] === ch ? i++ : fail());
  const str = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    expect('"');
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        str();
        ws();
        expect(":");
        value();
        ws();
        if (text[i] === ",") i++;
        else return void expect("}");
      }
    }
    if (ch === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else return void expect("]");
      }
    }
    if (ch === '"') return str();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m && m[0] !== "" && m[0] !== "-") return void (i += m[0].length);
    for (const lit of ["true", "false", "null"]) if (text.startsWith(lit, i)) return void (i += lit.length);
    fail();
  };
  try {
    value();
    ws();
    return i < text.length ? i : undefined;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    throw e;
  }
}

/**
 * Parses JSON text, or fails with the file, line and column of the syntax error.
 * @example
 * parseJson('{"a":1}', "a.json") // { a: 1 }
 */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const offset = pos ? Number(pos[1]) : jsonErrorOffset(text);
    const clean = msg
      .replace(/\s*\(line \d+ column \d+\)/, "")
      .replace(/ in JSON at position \d+/, "")
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, "");
    if (offset === undefined) throw new CliError("invalid_input", [{ file, message: `JSON không hợp lệ / invalid JSON: ${clean}` }]);
    const { line, col } = lineCol(text, offset);
    throw new CliError("invalid_input", [
      { file, where: cellPlace({ row: line, column: String(col) }), message: `JSON không hợp lệ / invalid JSON: ${clean}` },
    ]);
  }
}

/**
 * Reads and parses a JSON file with located errors.
 * @example
 * readJson("pack.json")
 */
export function readJson(file: string): unknown {
  return parseJson(readText(file), file);
}
