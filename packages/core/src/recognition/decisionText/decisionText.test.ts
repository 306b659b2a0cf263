import { describe, expect, it } from "vitest";
import { decisionText } from "./index.js";

describe("decisionText", () => {
  it("cites the decision by number and date as each reader reads it", () => {
    const d = { number: "125/QĐ-UBND", date: "2025-04-05" };
    expect([decisionText(d, "vi"), decisionText(d, "en")]).toEqual([
      "Quyết định số 125/QĐ-UBND ngày 05/04/2025",
      "Decision 125/QĐ-UBND of 2025-04-05",
    ]);
  });
});
