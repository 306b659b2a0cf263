import { describe, expect, it } from "vitest";
import { incompleteCoverage, sourceRef } from "./provenance";

describe("sourceRef", () => {
  it("drops the English '(not retrieved)' marker and reports it as data", () => {
    expect([
      sourceRef("QĐ 318/QĐ-TTg, Phụ lục II (not retrieved)"),
      sourceRef("QĐ 51/2025/QĐ-TTg, Phụ lục I (indicators not retrieved)"),
      sourceRef("QĐ 320/QĐ-TTg (not retrieved)"),
    ]).toEqual([
      { ref: "QĐ 318/QĐ-TTg, Phụ lục II", notRetrieved: true },
      { ref: "QĐ 51/2025/QĐ-TTg, Phụ lục I", notRetrieved: true },
      { ref: "QĐ 320/QĐ-TTg", notRetrieved: true },
    ]);
  });
  it("keeps a reference whose text was read, and other parentheses", () => {
    expect([sourceRef("QĐ 318/QĐ-TTg (Phụ lục I)"), sourceRef(undefined)]).toEqual([
      { ref: "QĐ 318/QĐ-TTg (Phụ lục I)", notRetrieved: false },
      { ref: "", notRetrieved: false },
    ]);
  });
});

describe("incompleteCoverage", () => {
  it("warns only when fewer indicators are encoded than the legal set has", () => {
    expect([
      incompleteCoverage({ encoded: 50, legal: 57 }),
      incompleteCoverage({ encoded: 57, legal: 57 }),
      incompleteCoverage(null),
    ]).toEqual([{ encoded: 50, legal: 57 }, null, null]);
  });
});
