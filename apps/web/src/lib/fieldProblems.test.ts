import { describe, expect, it } from "vitest";
import { declaredKey, fieldKey, showProblems } from "./fieldProblems";

const OCOP = {
  name: "Tên sản phẩm",
  subject: "Chủ thể",
  "subject.name": "Chủ thể",
  "subject.kind": "Loại chủ thể",
  "certificate.expiresOn": "Ngày hết hạn",
} as const;

describe("fieldKey", () => {
  it("reads the API's JSON paths, JSON pointers and dotted keys the same way", () => {
    expect(
      ["$.name", "$.subject.name", '$.values["2.1"]', "$.recommendations[1].dueDate", "/certificate/date", "tasks.done", "$", ""].map(
        fieldKey,
      ),
    ).toEqual(["name", "subject.name", "values.2.1", "recommendations.1.dueDate", "certificate.date", "tasks.done", "", ""]);
  });
});

describe("declaredKey", () => {
  it("takes the path's own key, else its nearest declared parent, else null", () => {
    expect([
      declaredKey("$.certificate.expiresOn", OCOP),
      declaredKey("$.subject.kind", OCOP),
      declaredKey("$.subject.id", OCOP),
      declaredKey("$.certificate.number", OCOP),
      declaredKey("$.score", OCOP),
    ]).toEqual(["certificate.expiresOn", "subject.kind", "subject", null, null]);
  });

  it("does not take an inherited property of the labels object for a field", () => {
    expect(declaredKey("$.toString", OCOP)).toBeNull();
  });
});

describe("showProblems", () => {
  it("labels a server problem with the field's visible name and places its message at that field", () => {
    expect(showProblems([{ path: "$.name", message: "Thiếu tên sản phẩm / Missing product name" }], OCOP, "vi", "Thông tin khác")).toEqual({
      byField: { name: "Thiếu tên sản phẩm" },
      list: ["Tên sản phẩm: Thiếu tên sản phẩm"],
    });
  });

  it("never shows a raw $. path: an undeclared field reads as 'Thông tin khác', a problem without a path as its message", () => {
    const shown = showProblems(
      [
        { path: "$.score", message: "expected a number", code: "invalid_type" },
        { path: "", message: "Bản ghi không hợp lệ" },
      ],
      OCOP,
      "vi",
      "Thông tin khác",
    );
    expect(shown).toEqual({ byField: {}, list: ["Thông tin khác: Sai kiểu dữ liệu (expected a number)", "Bản ghi không hợp lệ"] });
    expect(shown.list.join(" ")).not.toContain("$.");
  });

  it("keeps the first message of a field beside it, lists each line once, and words English for an English reader", () => {
    const shown = showProblems(
      [
        { path: "$.subject.name", message: "Thiếu / Missing" },
        { path: "$.subject.id", message: "Sai / Wrong" },
        { path: "$.subject.name", message: "Thiếu / Missing" },
      ],
      { subject: "Owner", "subject.name": "Owner" },
      "en",
      "Other information",
    );
    expect(shown).toEqual({ byField: { "subject.name": "Missing", subject: "Wrong" }, list: ["Owner: Missing", "Owner: Wrong"] });
  });
});
