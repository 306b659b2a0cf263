import { describe, expect, it } from "vitest";
import { formatCellValue } from "./index.js";

describe("formatCellValue", () => {
  it("writes yes/no, Vietnamese numbers and nothing for no value", () => {
    expect([
      formatCellValue(true),
      formatCellValue(false),
      formatCellValue(null),
      formatCellValue(undefined),
      formatCellValue(92.5),
      formatCellValue(1234.5),
    ]).toEqual(["Đạt", "Không", "", "", "92,5", "1.234,5"]);
  });
});
