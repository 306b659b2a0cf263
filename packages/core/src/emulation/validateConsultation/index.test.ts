import { describe, expect, it } from "vitest";
import { consultation } from "../_lib/fixtures.js";
import { validateConsultation, validateConsultations } from "./index.js";

describe("validateConsultation", () => {
  it("accepts a survey on the self-assessment results", () => {
    expect(validateConsultation(consultation())).toEqual({ ok: true, value: consultation() });
  });
  it("refuses a date outside the year and more satisfied than respondents, more respondents than participants", () => {
    const r = validateConsultation(
      consultation({ date: "2024-12-30", participants: 300, satisfaction: { respondents: 400, satisfied: 401 } }),
    );
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ["emulation.consultation_year_mismatch", ["date"]],
      ["emulation.satisfied_exceeds_respondents", ["satisfaction", "satisfied"]],
      ["emulation.respondents_exceed_participants", ["satisfaction", "respondents"]],
    ]);
  });
  it("accepts a public meeting with no survey", () => {
    const { satisfaction: _s, ...rest } = consultation({ form: "meeting" });
    expect(validateConsultation(rest).ok).toBe(true);
  });
});

describe("validateConsultations", () => {
  it("names the row of a bad field", () => {
    const r = validateConsultations([consultation(), { ...consultation({ id: "ld-2" }), participants: -1 }]);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([[1, "participants"]]);
  });
});
