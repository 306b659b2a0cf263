import { describe, expect, it } from "vitest";
import { cellPlace } from "./place.js";

describe("cellPlace", () => {
  it("names the row and column in Vietnamese (dòng, cột), never row/column", () => {
    expect(cellPlace({ row: 3, column: "G" })).toBe("dòng 3, cột G");
    expect(cellPlace({ row: 4, column: "2.1", quote: true })).toBe('dòng 4, cột "2.1"');
    expect(cellPlace({ row: 1 })).toBe("dòng 1");
  });

  it("names the sheet and the column key of a template", () => {
    expect(cellPlace({ sheet: "Bộ tiêu chí", row: 2, column: "B", key: "id" })).toBe('trang "Bộ tiêu chí", dòng 2, cột B (id)');
  });
});
