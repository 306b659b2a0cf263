import { describe, expect, it } from "vitest";
import { RECORD_FILES, readRecordRows } from "./index.js";

describe("readRecordRows", () => {
  it("runs the kind's reader", () => {
    const r = readRecordRows("housing", { header: ["commune_code", "status"], rows: [{ row: 2, cells: ["x-01", "dilapidated"] }] });
    expect(r).toEqual({
      issues: [],
      rows: [{ row: 2, input: { communeUnitId: "x-01", status: "dilapidated" } }],
      letters: { commune_code: "A", status: "B" },
    });
  });
  it("gives every kind unique headers and keys", () => {
    for (const spec of Object.values(RECORD_FILES)) {
      expect(new Set(spec.columns.map((c) => c.vi.toLowerCase())).size).toBe(spec.columns.length);
      expect(new Set(spec.columns.map((c) => c.key)).size).toBe(spec.columns.length);
    }
  });
});
