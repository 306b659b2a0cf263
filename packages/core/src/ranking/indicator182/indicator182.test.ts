import { describe, expect, it } from "vitest";
import { indicator182FromClassification } from "./index.js";
import type { ClassificationLevel } from "../levels.js";

describe("indicator182FromClassification", () => {
  it("is met only when both the Party committee and the government are rated good or excellent", () => {
    const levels: ClassificationLevel[] = ["excellent", "good", "completed", "not_completed"];
    const table = levels.map((p) => levels.map((g) => indicator182FromClassification(p, g)));
    expect(table).toEqual([
      [true, true, false, false],
      [true, true, false, false],
      [false, false, false, false],
      [false, false, false, false],
    ]);
  });
});
