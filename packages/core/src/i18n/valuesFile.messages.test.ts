import { describe, expect, it } from "vitest";
import { formatReason } from "./formatReason.js";
import { valuesFileMessages } from "./valuesFile.messages.js";

const say = (code: string, params: Record<string, unknown> = {}) =>
  [formatReason({ code, path: [], params }, "vi"), formatReason({ code, path: [], params }, "en")] as const;

describe("the values file messages", () => {
  it("word a stale file: the version edited, the server's version, who saved it and when (dd/mm/yyyy in Vietnamese)", () => {
    expect(say("values_file.stale_version", { version: 2, current: 3, by: "huyen", at: "2025-07-04T09:30:00.000Z" })).toEqual([
      "bạn sửa phiên bản 2, máy chủ đang ở phiên bản 3 (huyen, 04/07/2025); chưa ghi gì",
      "you edited version 2, the server has version 3 (huyen, 2025-07-04); nothing was written",
    ]);
  });

  it("show a conflicting value as JSON, and an absent one in words", () => {
    expect(say("values.conflict", { server: 97 })).toEqual(["máy chủ: 97 · tệp của bạn: (không có)", "server: 97 · yours: (absent)"]);
  });

  it("render every code in both languages without an unfilled value", () => {
    const params = { input: "abc", get: "ntm values get", version: 1, current: 2, server: 1, file: 2 };
    for (const code of Object.keys(valuesFileMessages)) {
      const [vi, en] = say(code, params);
      expect([vi, en].some((t) => t.includes("undefined") || t === "" || t.startsWith(code))).toBe(false);
      expect(vi).not.toBe(en);
    }
  });
});
