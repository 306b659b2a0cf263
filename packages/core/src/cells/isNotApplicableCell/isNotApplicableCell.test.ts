import { describe, expect, it } from "vitest";
import { NOT_APPLICABLE_WORDS, isNotApplicableCell } from "./index.js";
import { parseCellValue } from "../parseCellValue/index.js";

describe("isNotApplicableCell", () => {
  it("reads KAD, N/A and không áp dụng in any case and spacing", () => {
    expect(["KAD", " kad ", "N/A", "na", "Không áp  dụng", "KHONG AP DUNG"].map(isNotApplicableCell)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it("does not take values or yes/no words for not applicable", () => {
    expect(["", "Không", "0", "Đạt", "KADS", "n"].map(isNotApplicableCell)).toEqual([false, false, false, false, false, false]);
  });

  it("never overlaps the words parseCellValue reads as values", () => {
    expect(NOT_APPLICABLE_WORDS.map((w) => parseCellValue(w))).toEqual(NOT_APPLICABLE_WORDS.map(() => undefined));
  });
});
