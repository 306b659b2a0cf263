import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatReason } from "../../i18n/formatReason.js";
import { checkDecision, DossierDecisionSchema } from "./index.js";

const AT = "2025-04-15T10:00:00+07:00";
const BY_DECISION = ["recognise", "revoke"] as const;

describe("checkDecision", () => {
  it("accepts a number and a date on or before the step's day, trimmed", () => {
    expect(checkDecision("recognise", { decisionNumber: " 125/QĐ-UBND ", decisionDate: "2025-04-15" }, AT, BY_DECISION)).toEqual({
      ok: true,
      value: { number: "125/QĐ-UBND", date: "2025-04-15" },
    });
  });

  it("names each missing field for an action taken by a decision", () => {
    expect(checkDecision("revoke", { decisionNumber: "  ", decisionDate: "" }, AT, BY_DECISION)).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        expect.objectContaining({ code: "workflow.decision_number_required", path: ["decisionNumber"], params: { action: "revoke" } }),
        expect.objectContaining({ code: "workflow.decision_date_required", path: ["decisionDate"], params: { action: "revoke" } }),
      ],
    });
  });

  it("refuses a date that is not a calendar day and one after the step", () => {
    const bad = checkDecision("recognise", { decisionNumber: "1/QĐ", decisionDate: "2025-02-30" }, AT, BY_DECISION);
    expect(!bad.ok && bad.issues.map((i) => i.code)).toEqual(["workflow.decision_date_invalid"]);
    const late = checkDecision("recognise", { decisionNumber: "1/QĐ", decisionDate: "2025-04-16" }, AT, BY_DECISION);
    expect(!late.ok && late.issues.map((i) => [i.code, i.params])).toEqual([
      ["workflow.decision_date_after_step", { date: "2025-04-16", stepDate: "2025-04-15" }],
    ]);
  });

  it("takes no decision on other steps, and refuses one sent there", () => {
    expect(checkDecision("submit", {}, AT, BY_DECISION)).toEqual({ ok: true, value: undefined });
    const r = checkDecision("submit", { decisionNumber: "1/QĐ" }, AT, BY_DECISION);
    expect(!r.ok && r.issues.map((i) => [i.code, i.path])).toEqual([["workflow.decision_not_expected", ["decisionNumber"]]]);
    expect(!r.ok && formatReason({ code: r.issues[0]!.code, path: [...r.issues[0]!.path], params: r.issues[0]!.params ?? {} }, "vi")).toBe(
      'Bước "Nộp hồ sơ" không ban hành quyết định',
    );
  });

  it("accepts exactly what the stored schema accepts (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2025-04-15"), noInvalidDate: true }),
        (n, d) => {
          const date = d.toISOString().slice(0, 10);
          const r = checkDecision("recognise", { decisionNumber: n, decisionDate: date }, AT, BY_DECISION);
          expect(r.ok).toBe(DossierDecisionSchema.safeParse({ number: n, date }).success);
          if (r.ok) expect(DossierDecisionSchema.parse(r.value)).toEqual(r.value);
        },
      ),
    );
  });
});
