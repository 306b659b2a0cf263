import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvRecords, fileChunks, parseCsv } from "./csv.js";
import { CliError } from "./exit.js";
import { jsonErrorOffset, lineCol, parseJson } from "./io.js";

describe("parseCsv", () => {
  it("reads quoted cells with separators, quotes and line breaks, keeping each record's first line", () => {
    expect(parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\n2,"two\nlines",z\n', "f.csv")).toEqual([
      { line: 1, cells: ["a", "b", "c"] },
      { line: 2, cells: ["1", "x, y", 'say "hi"'] },
      { line: 3, cells: ["2", "two\nlines", "z"] },
    ]);
  });

  it("detects the semicolon separator that spreadsheets use with decimal commas, and skips blank lines", () => {
    expect(parseCsv("unit_id;10\n\nx;16,5\n", "f.csv")).toEqual([
      { line: 1, cells: ["unit_id", "10"] },
      { line: 3, cells: ["x", "16,5"] },
    ]);
  });

  it("names the file and line of an unterminated quote", () => {
    try {
      parseCsv('a,b\n1,"open\n2,3\n', "f.csv");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CliError);
      expect((e as CliError).problems).toEqual([
        { file: "f.csv", where: "dòng 2", message: "ô có dấu ngoặc kép chưa đóng / unterminated quoted cell" },
      ]);
    }
  });
});

describe("parseJson and lineCol", () => {
  it("counts lines and columns from 1", () => {
    expect([lineCol("ab\ncd", 0), lineCol("ab\ncd", 4)]).toEqual([
      { line: 1, col: 1 },
      { line: 2, col: 2 },
    ]);
  });

  it("places a syntax error at its line and column, and a truncated file at its end", () => {
    const where = (text: string) => {
      try {
        parseJson(text, "x.json");
        return "parsed";
      } catch (e) {
        return (e as CliError).problems[0]?.where;
      }
    };
    expect(where('{\n  "a": 1,\n  "b": ]\n}')).toBe("dòng 3, cột 8");
    expect(where('{\n  "a": [1, 2')).toBe("dòng 2, cột 13");
    expect(where('{"a": 1}')).toBe("parsed");
    try {
      parseJson('{\n  "b": ]\n}', "x.json");
    } catch (e) {
      // The engine's wording varies by Node version; its excerpt of the text must not leak in.
      expect((e as CliError).problems[0]?.message).toMatch(/^JSON không hợp lệ \/ invalid JSON: [^\n]*\]/);
      expect((e as CliError).problems[0]?.message).not.toContain("is not valid JSON");
    }
  });
});

describe("jsonErrorOffset", () => {
  const parses = (t: string) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  };

  it("finds no error exactly when JSON.parse succeeds (any JSON value, any mangled text)", () => {
    fc.assert(fc.property(fc.json(), (t) => jsonErrorOffset(t) === undefined));
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom("", ",", "]", "}", '"', ":", "x", " "), (t, at, junk) => {
        const cut = at % (t.length + 1);
        const mangled = t.slice(0, cut) + junk + t.slice(cut);
        return (jsonErrorOffset(mangled) === undefined) === parses(mangled);
      }),
    );
  });

  it("points at the offending character", () => {
    expect(jsonErrorOffset('{"a": ]}')).toBe(6);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset("[1, 2")).toBe(5);
  });
});

describe("csvRecords", () => {
  it("gives the same records whatever the chunk boundaries (quotes, CRLF, multi-line cells)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.constantFrom("", "x", "16,5", 'say "hi"', "two\nlines", "a;b", "Đạt", "\r"), fc.string({ maxLength: 4 })), {
            minLength: 1,
            maxLength: 4,
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 30 }),
        (rows, eol, cuts) => {
          const quote = (c: string) => (/[",;\r\n]/.test(c) || c === "" ? `"${c.replace(/"/g, '""')}"` : c);
          const text = rows.map((r) => r.map(quote).join(",")).join(eol) + eol;
          const chunks: string[] = [];
          let at = 0;
          for (let k = 0; at < text.length; k++) {
            const n = cuts[k % cuts.length]!;
            chunks.push(text.slice(at, at + n));
            at += n;
          }
          const outcome = (f: () => unknown) => {
            try {
              return f();
            } catch (e) {
              return (e as CliError).problems;
            }
          };
          expect(outcome(() => [...csvRecords(chunks, "f.csv")])).toEqual(outcome(() => parseCsv(text, "f.csv")));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads a file in chunks, removing the BOM", () => {
    const dir = mkdtempSync(join(tmpdir(), "ntm-csv-"));
    const file = join(dir, "v.csv");
    writeFileSync(file, `\uFEFFunit_id;10\n${"x;16,5\n".repeat(1000)}`);
    const rows = [...csvRecords(fileChunks(file, 7), file)];
    expect(rows[0]).toEqual({ line: 1, cells: ["unit_id", "10"] });
    expect(rows).toHaveLength(1001);
    expect(rows[1000]).toEqual({ line: 1001, cells: ["x", "16,5"] });
  });
});
