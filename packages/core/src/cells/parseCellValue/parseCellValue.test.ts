import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CELL_WORDS, type CellKind, parseCellValue } from "./index.js";
import { formatCellValue } from "../formatCellValue/index.js";

describe("parseCellValue", () => {
  it("reads the yes/no words of the table, in any case, and numbers, without a kind", () => {
    expect(
      ["Đạt", "KHÔNG ĐẠT", "x", "✓", "Có", "không", "chưa  đạt", "16,5", "95%", "", "abc", " 100 ", "1", "0"].map((s) => parseCellValue(s)),
    ).toEqual([true, false, true, true, true, false, false, 16.5, 95, null, undefined, 100, 1, 0]);
  });

  it("reads every word of the table", () => {
    expect([...CELL_WORDS.yes.map((w) => parseCellValue(w)), ...CELL_WORDS.no.map((w) => parseCellValue(w))]).toEqual([
      ...CELL_WORDS.yes.map(() => true),
      ...CELL_WORDS.no.map(() => false),
    ]);
  });

  it("takes 1/0 as yes/no in a boolean cell and refuses numbers there", () => {
    expect(["1", "0", "x", "Không", "2", "50%"].map((s) => parseCellValue(s, { kind: "boolean" }))).toEqual([
      true,
      false,
      true,
      false,
      undefined,
      undefined,
    ]);
  });

  it("refuses yes/no words in number and percent cells, and % in a number cell", () => {
    expect([
      parseCellValue("x", { kind: "number" }),
      parseCellValue("Đạt", { kind: "percent" }),
      parseCellValue("95%", { kind: "number" }),
      parseCellValue("95%", { kind: "percent" }),
      parseCellValue("1.234,5", { kind: "number" }),
    ]).toEqual([undefined, undefined, undefined, 95, 1234.5]);
  });

  it("ignores a non-object second argument (safe with Array.map)", () => {
    expect(["1", "x"].map((s, i) => parseCellValue(s, i as unknown as undefined))).toEqual([1, true]);
  });

  it("reads back what formatCellValue writes: parse ∘ format = id", () => {
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(value, fc.constantFrom<CellKind | undefined>(undefined, "number", "percent", "boolean"), (v, kind) => {
        // A kind reads only its own values: numbers in number/percent cells, yes/no in boolean cells.
        fc.pre(kind === undefined || v === null || (kind === "boolean") === (typeof v === "boolean"));
        expect(Object.is(parseCellValue(formatCellValue(v), kind ? { kind } : undefined), v)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
