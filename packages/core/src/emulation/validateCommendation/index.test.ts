import { describe, expect, it } from "vitest";
import { commendation } from "../_lib/fixtures.js";
import { validateCommendation, validateCommendations } from "./index.js";

describe("validateCommendation", () => {
  it("accepts a Bằng khen of the province chairman with its decision", () => {
    expect(validateCommendation(commendation())).toEqual({ ok: true, value: commendation() });
  });
  it("needs the form's name for 'other' and refuses it for a named form", () => {
    const a = validateCommendation(commendation({ form: "other" }));
    const b = validateCommendation(commendation({ formText: "Kỷ niệm chương" }));
    expect(a.ok ? [] : a.issues.map((i) => [i.code, i.path])).toEqual([["emulation.form_text_required", ["formText"]]]);
    expect(b.ok ? [] : b.issues.map((i) => [i.code, i.path])).toEqual([["emulation.form_text_unexpected", ["formText"]]]);
    expect(validateCommendation(commendation({ form: "other", formText: "Kỷ niệm chương" })).ok).toBe(true);
  });
  it("names the missing decision number and the empty achievement", () => {
    const r = validateCommendation({ ...commendation(), decision: { number: "", date: "2025-05-19" }, achievement: "" });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([["decision", "number"], ["achievement"]]);
  });
});

describe("validateCommendations", () => {
  it("puts the row first in every path", () => {
    const r = validateCommendations([commendation(), commendation({ id: "kt-2", form: "other" })]);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([[1, "formText"]]);
  });
  it("refuses a non-array", () => {
    expect(validateCommendations({}).ok).toBe(false);
  });
});
