import { describe, expect, it } from "vitest";
import { isRecognisedStars } from "./index.js";

describe("isRecognisedStars", () => {
  it("recognises 3, 4 and 5 stars only", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 3.5].map(isRecognisedStars)).toEqual([false, false, false, true, true, true, false, false]);
  });
});
