import { describe, expect, it } from "vitest";
import { fieldMessage } from "./issues";

describe("fieldMessage", () => {
  it("puts Vietnamese first: a bilingual message is split, an English-only one is explained by its code", () => {
    expect([
      fieldMessage({ message: "expected a lowercase id such as vn.commune-ntm.2021-2025", code: "invalid_format" }, "vi"),
      fieldMessage({ message: "Bắt buộc / Required", code: "invalid_type" }, "vi"),
      fieldMessage({ message: "Bắt buộc / Required", code: "invalid_type" }, "en"),
      fieldMessage({ message: "duplicate id" }, "vi"),
    ]).toEqual(["Sai định dạng (expected a lowercase id such as vn.commune-ntm.2021-2025)", "Bắt buộc", "Required", "duplicate id"]);
  });
});
