import { describe, expect, it } from "vitest";
import { booleanWords, changedIds, checkField, fieldText, requiredBoolean } from "./fields";
import { localName, pickLang, vnDateTime } from "./text";

describe("checkField", () => {
  it("accepts a percent written with a decimal comma", () => {
    expect(checkField("percent", "92,5")).toEqual({ ok: true, value: 92.5 });
  });
  it("rejects a percent above 100 and below 0", () => {
    expect([checkField("percent", "140"), checkField("percent", "-1")]).toEqual([
      { ok: false, error: "percentRange" },
      { ok: false, error: "percentRange" },
    ]);
  });
  it("reads the yes/no words of core's table (x and 1/0 included) and rejects other words", () => {
    expect([
      checkField("boolean", "Đạt"),
      checkField("boolean", "không"),
      checkField("boolean", "x"),
      checkField("boolean", "1"),
      checkField("boolean", "0"),
      checkField("boolean", "maybe"),
    ]).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: true, value: true },
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: false, error: "boolean" },
    ]);
  });
  it("reads Vietnamese numbers with thousands groups", () => {
    expect([checkField("number", "1.234,5"), checkField("number", "1 234,5"), checkField("number", "x")]).toEqual([
      { ok: true, value: 1234.5 },
      { ok: true, value: 1234.5 },
      { ok: false, error: "number" },
    ]);
  });
  it("treats an empty field as no value and text as not a number", () => {
    expect([checkField("number", "  "), checkField("number", "abc"), checkField("number", "-3")]).toEqual([
      { ok: true, value: null },
      { ok: false, error: "number" },
      { ok: false, error: "negative" },
    ]);
  });
});

describe("fieldText", () => {
  it("writes booleans as Đạt/Không, numbers the Vietnamese way and null as empty", () => {
    expect([fieldText(true), fieldText(false), fieldText(null), fieldText(12.5), fieldText(1234.5)]).toEqual([
      "Đạt",
      "Không",
      "",
      "12,5",
      "1.234,5",
    ]);
  });
  it("is read back by checkField to the same value", () => {
    for (const [kind, v] of [
      ["number", 1234.5],
      ["percent", 92.25],
      ["boolean", true],
      ["boolean", false],
      ["number", null],
    ] as const)
      expect(checkField(kind, fieldText(v))).toEqual({ ok: true, value: v });
  });
});

describe("changedIds", () => {
  it("lists the indicators whose values differ, in natural order", () => {
    expect(changedIds({ "10.1": 50, "2.1": 80, "1.1": true }, { "10.1": 60, "2.1": 90, "1.1": true, "3.1": null })).toEqual([
      "2.1",
      "10.1",
    ]);
  });
});

describe("pickLang", () => {
  it("returns the Vietnamese or English half of a bilingual API message", () => {
    expect([
      pickLang("Không có quyền / Forbidden", "vi"),
      pickLang("Không có quyền / Forbidden", "en"),
      pickLang("no slash", "en"),
    ]).toEqual(["Không có quyền", "Forbidden", "no slash"]);
  });
  it("reads a localized name and falls back to Vietnamese", () => {
    expect([localName({ vi: "Thu nhập", en: "Income" }, "en"), localName({ vi: "Thu nhập" }, "en"), localName(undefined, "vi")]).toEqual([
      "Income",
      "Thu nhập",
      "",
    ]);
  });
});

describe("booleanWords", () => {
  it("reads Đạt/Không for ordinary boolean indicators and Có/Không where the requirement is false", () => {
    expect([booleanWords(true, "vi"), booleanWords(null, "vi"), booleanWords(false, "vi"), booleanWords(false, "en")]).toEqual([
      { yes: "Đạt", no: "Không" },
      { yes: "Đạt", no: "Không" },
      { yes: "Có", no: "Không" },
      { yes: "Yes", no: "No" },
    ]);
  });
  it("finds the required value of a one-value boolean threshold only", () => {
    expect([
      requiredBoolean({ all: false }),
      requiredBoolean({ all: true }),
      requiredBoolean({ byVariant: { DBSH: true } }),
      requiredBoolean(undefined),
    ]).toEqual([false, true, null, null]);
  });
});

describe("vnDateTime", () => {
  it("writes a UTC timestamp in Vietnam's time, crossing midnight into the next day", () => {
    expect([vnDateTime("2026-11-29T23:30:00Z", "vi"), vnDateTime("2026-11-29T13:05:00.000Z", "en")]).toEqual([
      "30/11/2026 06:30",
      "2026-11-29 20:05",
    ]);
  });
});
