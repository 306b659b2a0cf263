import { describe, expect, it } from "vitest";
import { transition } from "./index.js";
import { createRecognitionConfig, TWO_TIER_RECOGNITION_CONFIG, recognitionConfigFor } from "../config/index.js";
import { formatReason } from "../../i18n/formatReason.js";
import {
  ANCESTORS,
  PACK,
  UNIT,
  communeOfficer,
  districtOfficer,
  dossier,
  metEvaluation,
  provinceOfficer,
  withFailing,
} from "../_lib/fixtures.js";
import type { RecognitionAction, RecognitionDossier, Actor } from "../schema.js";
import type { RecognitionConfig } from "../config/index.js";

const evaluation = metEvaluation();

const DECISION = { decisionNumber: "125/QĐ-UBND", decisionDate: "2025-04-15" };

function run(d: RecognitionDossier, steps: [RecognitionAction, Actor, string][], config?: RecognitionConfig): RecognitionDossier {
  let cur = d;
  for (const [action, actor, at] of steps) {
    const decision = action === "recognise" ? { decision: DECISION } : {};
    const r = transition(cur, action, { actor, at, evaluation, ancestorIds: ANCESTORS, ...decision, ...(config ? { config } : {}) });
    if (!r.ok) throw new Error(`${action}: ${r.reasons.map((x) => x.code).join(", ")}`);
    cur = r.dossier;
  }
  return cur;
}

describe("transition", () => {
  it("walks a commune dossier from draft to recognised through the district step, recording history and due dates", () => {
    const d = run(dossier(), [
      ["self_assess", communeOfficer, "2025-03-03T09:00:00+07:00"],
      ["open_consultation", communeOfficer, "2025-03-04T09:00:00+07:00"],
      ["submit", communeOfficer, "2025-03-07T10:00:00+07:00"],
      ["appraise", districtOfficer, "2025-03-20T10:00:00+07:00"],
      ["verify", provinceOfficer, "2025-04-10T10:00:00+07:00"],
      ["recognise", provinceOfficer, "2025-04-15T10:00:00+07:00"],
    ]);
    expect(d.state).toBe("recognised");
    expect(d.history.map((h) => [h.action, h.from, h.to, h.actor.id, h.dueDate])).toEqual([
      ["self_assess", "draft", "self_assessed", "cb-xa-1", null],
      ["open_consultation", "self_assessed", "public_consultation", "cb-xa-1", null],
      // default 20 working days (Vietnamese calendar) from Fri 07/3/2025 -> Fri 04/4/2025
      ["submit", "public_consultation", "submitted", "cb-xa-1", "2025-04-04"],
      // 20 working days from 20/3/2025, skipping Hùng Kings day (Mon 07/4/2025) -> Fri 18/4/2025
      ["appraise", "submitted", "appraised", "cb-huyen-1", "2025-04-18"],
      ["verify", "appraised", "verified", "cb-tinh-1", "2025-04-24"],
      ["recognise", "verified", "recognised", "cb-tinh-1", null],
    ]);
    // The recognition decision is its own field on the step, not text in a note.
    expect(d.history.at(-1)?.decision).toEqual({ number: "125/QĐ-UBND", date: "2025-04-15" });
    expect(d.history.slice(0, -1).every((h) => h.decision === undefined)).toBe(true);
  });

  it("refuses to recognise without a decision number and date, naming each field, and writes nothing", () => {
    const verified = dossier({ state: "verified" });
    const base = { actor: provinceOfficer, at: "2025-04-15T10:00:00+07:00", evaluation, ancestorIds: ANCESTORS };
    const none = transition(verified, "recognise", base);
    expect(!none.ok && none.reasons.map((r) => [r.code, r.path])).toEqual([
      ["workflow.decision_number_required", ["decisionNumber"]],
      ["workflow.decision_date_required", ["decisionDate"]],
    ]);
    expect(!none.ok && formatReason(none.reasons[0]!, "vi")).toBe('Cần nhập số quyết định khi "Công nhận"');
    const later = transition(verified, "recognise", { ...base, decision: { decisionNumber: "125/QĐ-UBND", decisionDate: "2025-04-16" } });
    expect(!later.ok && later.reasons).toEqual([
      { code: "workflow.decision_date_after_step", path: ["decisionDate"], params: { date: "2025-04-16", stepDate: "2025-04-15" } },
    ]);
    expect(!later.ok && formatReason(later.reasons[0]!, "vi")).toBe("Ngày quyết định 16/04/2025 sau ngày thực hiện bước 15/04/2025");
    const ok = transition(verified, "recognise", { ...base, decision: { decisionNumber: " 125/QĐ-UBND ", decisionDate: "2025-04-14" } });
    expect(ok.ok && ok.dossier.history.at(-1)?.decision).toEqual({ number: "125/QĐ-UBND", date: "2025-04-14" });
  });

  it("keeps recognise available before the decision is typed (the decision is the step's input, not a guard)", () => {
    const r = transition(dossier({ state: "verified" }), "submit", {
      actor: provinceOfficer,
      at: "2025-04-15T10:00:00+07:00",
      decision: DECISION,
    });
    // a wrong state is reported alone, without decision reasons
    expect(!r.ok && r.reasons.map((x) => x.code)).toEqual(["workflow.action_not_allowed_from"]);
  });

  it("sends a submitted dossier straight to the province in the two-tier government (no district step)", () => {
    const submitted = dossier({ state: "submitted" });
    const appraise = transition(submitted, "appraise", {
      actor: districtOfficer,
      at: "2025-08-01T09:00:00+07:00",
      evaluation,
      ancestorIds: ANCESTORS,
      config: TWO_TIER_RECOGNITION_CONFIG,
    });
    expect(appraise).toEqual({
      ok: false,
      checks: [],
      reasons: [
        { code: "workflow.action_not_allowed_from", path: ["state"], params: { action: "appraise", state: "submitted", allowedFrom: [] } },
      ],
    });
    const verified = run(submitted, [["verify", provinceOfficer, "2025-08-01T09:00:00+07:00"]], TWO_TIER_RECOGNITION_CONFIG);
    expect(verified.history.map((h) => [h.from, h.to])).toEqual([["submitted", "verified"]]);
    expect(recognitionConfigFor("2025-07-01")).toBe(TWO_TIER_RECOGNITION_CONFIG);
    expect(recognitionConfigFor("2025-06-30").districtAppraisal).toBe(true);
  });

  it("refuses to submit with satisfaction 86% and says the 90% is unverified for communes", () => {
    const r = transition(dossier({ state: "public_consultation", satisfactionPercent: 86 }), "submit", {
      actor: communeOfficer,
      at: "2025-03-07T10:00:00+07:00",
      evaluation,
      ancestorIds: ANCESTORS,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons).toEqual([
      {
        code: "workflow.satisfaction_below",
        path: ["satisfactionPercent"],
        params: {
          actual: 86,
          required: 90,
          basis: "QĐ 18/2022/QĐ-TTg Điều 4 (⚠️ for communes, not confirmed); 90% ✅ for districts under QĐ 211/QĐ-TTg",
          verified: false,
          isDefault: false,
          level: "commune",
        },
      },
    ]);
    expect(formatReason(r.reasons[0]!, "vi")).toBe("Tỷ lệ hài lòng 86% < 90% (⚠️ chưa kiểm chứng với văn bản gốc)");
    expect(formatReason(r.reasons[0]!, "en")).toBe("Satisfaction 86% < 90% (⚠️ not verified against the legal text)");
    expect(r.checks.map((c) => [c.guard, c.passed])).toEqual([
      ["actorRoleAllowed", true],
      ["actorInScope", true],
      ["evaluationMeetsPack", true],
      ["satisfactionAtLeast90", false],
      ["noCapitalConstructionDebt", true],
      ["requiredDocumentsPresent", true],
    ]);
  });

  it("accepts satisfaction exactly 90%", () => {
    const r = transition(dossier({ state: "public_consultation", satisfactionPercent: 90 }), "submit", {
      actor: communeOfficer,
      at: "2025-03-07T10:00:00+07:00",
      evaluation,
      ancestorIds: ANCESTORS,
    });
    expect(r.ok && r.dossier.state).toBe("submitted");
  });

  it("lists the failing criteria, the outstanding debt and the missing documents when submission is blocked", () => {
    const failing = withFailing(evaluation, ["10", "17"]);
    const d = dossier({ state: "public_consultation", capitalConstructionDebt: 1_250_000_000n, documents: ["self_assessment_report"] });
    const r = transition(d, "submit", {
      actor: communeOfficer,
      at: "2025-03-07T10:00:00+07:00",
      evaluation: failing,
      ancestorIds: ANCESTORS,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons).toEqual([
      {
        code: "workflow.evaluation_not_met",
        path: ["evaluation", "status"],
        params: { packId: PACK, status: "not_met", criteriaMet: 17, criteriaTotal: 19, failing: ["10", "17"], indeterminate: [] },
      },
      {
        code: "workflow.debt_outstanding",
        path: ["capitalConstructionDebt"],
        params: {
          debt: "1250000000",
          basis: "QĐ 18/2022/QĐ-TTg Điều 4 (⚠️ not confirmed): no outstanding capital-construction debt",
          verified: false,
          isDefault: false,
        },
      },
      {
        code: "workflow.documents_missing",
        path: ["documents"],
        params: { action: "submit", missing: ["request_letter", "meeting_minutes", "satisfaction_survey_report"] },
      },
    ]);
    expect(r.reasons.map((x) => formatReason(x, "vi"))).toEqual([
      "Chưa đạt chuẩn: đạt 17/19 tiêu chí; chưa đạt: 10, 17",
      "Còn nợ đọng xây dựng cơ bản 1.250.000.000 đ (⚠️ chưa kiểm chứng với văn bản gốc)",
      "Hồ sơ còn thiếu: Tờ trình đề nghị, Biên bản cuộc họp, Báo cáo kết quả lấy ý kiến sự hài lòng",
    ]);
  });

  it("requires an evaluation of the dossier's own unit, pack and year", () => {
    const base = { actor: communeOfficer, at: "2025-03-07T10:00:00+07:00", ancestorIds: ANCESTORS };
    const none = transition(dossier({ state: "public_consultation" }), "submit", base);
    expect(!none.ok && none.reasons).toEqual([
      { code: "workflow.evaluation_missing", path: ["evaluation"], params: { packId: PACK, year: 2025 } },
    ]);
    const other = transition(dossier({ state: "public_consultation" }), "submit", { ...base, evaluation: metEvaluation(2024) });
    expect(!other.ok && other.reasons.map((x) => x.code)).toEqual(["workflow.evaluation_mismatch"]);
  });

  it("refuses a district officer submitting and an officer of another district appraising", () => {
    const wrongRole = transition(dossier({ state: "public_consultation" }), "submit", {
      actor: districtOfficer,
      at: "2025-03-07T10:00:00+07:00",
      evaluation,
      ancestorIds: ANCESTORS,
    });
    expect(!wrongRole.ok && wrongRole.reasons).toEqual([
      {
        code: "workflow.role_not_allowed",
        path: ["actor", "role"],
        params: { role: "district_officer", action: "submit", from: "public_consultation", allowed: ["commune_officer"] },
      },
    ]);
    const stranger = { ...districtOfficer, unitId: "huyen-khac" };
    const outOfScope = transition(dossier({ state: "submitted" }), "appraise", {
      actor: stranger,
      at: "2025-03-10T10:00:00+07:00",
      evaluation,
      ancestorIds: ANCESTORS,
    });
    expect(!outOfScope.ok && outOfScope.reasons).toEqual([
      { code: "workflow.out_of_scope", path: ["actor", "unitId"], params: { actorUnit: "huyen-khac", dossierUnit: UNIT } },
    ]);
    expect(!outOfScope.ok && formatReason(outOfScope.reasons[0]!, "vi")).toBe("Đơn vị huyen-khac không quản lý đơn vị xa-an-binh");
  });

  it("returns a forbidden transition as data, never a throw", () => {
    const r = transition(dossier({ state: "draft" }), "recognise", {
      actor: provinceOfficer,
      at: "2025-03-07T10:00:00+07:00",
      evaluation,
      ancestorIds: ANCESTORS,
    });
    expect(r).toEqual({
      ok: false,
      checks: [],
      reasons: [
        {
          code: "workflow.action_not_allowed_from",
          path: ["state"],
          params: { action: "recognise", state: "draft", allowedFrom: ["verified"] },
        },
      ],
    });
    expect(!r.ok && formatReason(r.reasons[0]!, "vi")).toBe('Không thể "Công nhận" khi hồ sơ ở trạng thái "Đang lập hồ sơ"');
  });

  it("refuses a time before the last step and a time that is not ISO", () => {
    const d = run(dossier(), [["self_assess", communeOfficer, "2025-03-03T09:00:00+07:00"]]);
    expect(transition(d, "open_consultation", { actor: communeOfficer, at: "2025-03-02T09:00:00+07:00" })).toEqual({
      ok: false,
      checks: [],
      reasons: [
        { code: "workflow.time_before_last", path: ["at"], params: { at: "2025-03-02T09:00:00+07:00", last: "2025-03-03T09:00:00+07:00" } },
      ],
    });
    expect(transition(d, "open_consultation", { actor: communeOfficer, at: "03/03/2025" })).toEqual({
      ok: false,
      checks: [],
      reasons: [{ code: "workflow.invalid_time", path: ["at"], params: { at: "03/03/2025" } }],
    });
  });

  it("returns a dossier for revision with a note and resumes it at the configured earlier state", () => {
    const config = createRecognitionConfig({ returnTo: { appraised: "public_consultation" } });
    const noNote = transition(dossier({ state: "appraised" }), "return", {
      actor: provinceOfficer,
      at: "2025-04-01T09:00:00+07:00",
      ancestorIds: ANCESTORS,
      config,
    });
    expect(!noNote.ok && noNote.reasons).toEqual([{ code: "workflow.note_required", path: ["note"], params: { action: "return" } }]);
    const returned = transition(dossier({ state: "appraised" }), "return", {
      actor: provinceOfficer,
      at: "2025-04-01T09:00:00+07:00",
      ancestorIds: ANCESTORS,
      config,
      note: "Bổ sung biên bản lấy ý kiến",
    });
    expect(returned.ok && returned.dossier.state).toBe("returned");
    if (!returned.ok) return;
    expect(returned.dossier.history.at(-1)).toEqual({
      action: "return",
      actor: provinceOfficer,
      at: "2025-04-01T09:00:00+07:00",
      from: "appraised",
      to: "returned",
      note: "Bổ sung biên bản lấy ý kiến",
      dueDate: "2025-05-02", // skips 07/4, 30/4 and 01/5
    });
    const resumed = transition(returned.dossier, "resume", {
      actor: communeOfficer,
      at: "2025-04-05T09:00:00+07:00",
      ancestorIds: ANCESTORS,
      config,
    });
    expect(resumed.ok && resumed.dossier.state).toBe("public_consultation");
    // the default configuration sends it back to self-assessment
    const d2 = transition(dossier({ state: "submitted" }), "return", {
      actor: districtOfficer,
      at: "2025-04-01T09:00:00+07:00",
      ancestorIds: ANCESTORS,
      note: "Thiếu số liệu",
    });
    const r2 = d2.ok
      ? transition(d2.dossier, "resume", { actor: communeOfficer, at: "2025-04-02T09:00:00+07:00", ancestorIds: ANCESTORS })
      : d2;
    expect(r2.ok && r2.dossier.state).toBe("self_assessed");
  });

  it("refuses a return target that is not an earlier state (a programmer error)", () => {
    expect(() => createRecognitionConfig({ returnTo: { submitted: "verified" } })).toThrow(
      'recognition config: returnTo.submitted = "verified" must be a state earlier than "submitted"',
    );
  });

  it("rejects a dossier at a review step with a note", () => {
    const r = transition(dossier({ state: "verified" }), "reject", {
      actor: provinceOfficer,
      at: "2025-04-01T09:00:00+07:00",
      ancestorIds: ANCESTORS,
      note: "Không đạt tiêu chí 17",
    });
    expect(r.ok && [r.dossier.state, r.dossier.history.at(-1)?.dueDate]).toEqual(["rejected", null]);
  });

  it("verifies only when more than half of the council's members vote for (a labelled default)", () => {
    const at = "2025-04-10T10:00:00+07:00";
    const half = transition(dossier({ state: "appraised", councilVote: { for: 10, against: 9, members: 20 } }), "verify", {
      actor: provinceOfficer,
      at,
      evaluation,
      ancestorIds: ANCESTORS,
    });
    expect(!half.ok && half.reasons).toEqual([
      {
        code: "workflow.council_failed",
        path: ["councilVote"],
        params: {
          for: 10,
          against: 9,
          members: 20,
          numerator: 1,
          denominator: 2,
          strict: true,
          basis: 'QĐ 18/2022/QĐ-TTg: council rule not retrieved; default "more than half of members vote for"',
          verified: false,
          isDefault: true,
        },
      },
    ]);
    expect(!half.ok && formatReason(half.reasons[0]!, "vi")).toBe(
      "Hội đồng thẩm định: chỉ 10/20 thành viên tán thành (yêu cầu trên 1/2 tổng số thành viên) (⚠️ chưa kiểm chứng với văn bản gốc; giá trị mặc định của phần mềm)",
    );
    const more = transition(dossier({ state: "appraised", councilVote: { for: 11, against: 9, members: 20 } }), "verify", {
      actor: provinceOfficer,
      at,
      evaluation,
      ancestorIds: ANCESTORS,
    });
    expect(more.ok && more.dossier.state).toBe("verified");
  });

  it("revokes a recognition only when the revocation rule holds on the evaluation", () => {
    const at = "2026-02-01T10:00:00+07:00";
    const facts = {
      actor: provinceOfficer,
      at,
      ancestorIds: ANCESTORS,
      note: "Thu hồi theo kết quả rà soát",
      decision: { decisionNumber: "30/QĐ-UBND", decisionDate: "2026-01-30" },
    };
    const twoFail = transition(dossier({ state: "recognised" }), "revoke", { ...facts, evaluation: withFailing(evaluation, ["1", "2"]) });
    expect(!twoFail.ok && twoFail.reasons.map((r) => r.code)).toEqual(["workflow.revocation_rule_not_met", "revocation.below_threshold"]);
    const half = withFailing(evaluation, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "11"]);
    const revoked = transition(dossier({ state: "recognised" }), "revoke", { ...facts, evaluation: half });
    expect(revoked.ok && revoked.dossier.state).toBe("revoked");
    expect(revoked.ok && revoked.dossier.history.at(-1)?.decision).toEqual({ number: "30/QĐ-UBND", date: "2026-01-30" });
    const { decision: _d, ...withoutDecision } = facts;
    const noDecision = transition(dossier({ state: "recognised" }), "revoke", { ...withoutDecision, evaluation: half });
    expect(!noDecision.ok && noDecision.reasons.map((r) => r.code)).toEqual([
      "workflow.decision_number_required",
      "workflow.decision_date_required",
    ]);
    expect(revoked.checks.find((c) => c.guard === "revocationRuleHolds")).toEqual({
      guard: "revocationRuleHolds",
      passed: true,
      reasons: [{ code: "revocation.half_failed", path: ["criteria"], params: { failed: 10, total: 19, share: 10 / 19 } }],
    });
  });

  it("lets a pluggable working-day calendar set the due dates", () => {
    // a calendar where 30/4 and 1/5 are holidays on top of weekends
    const holidays = new Set(["2025-04-30", "2025-05-01"]);
    const addWorkingDays = (iso: string, n: number) => {
      const d = new Date(`${iso}T00:00:00Z`);
      let left = n;
      while (left > 0) {
        d.setUTCDate(d.getUTCDate() + 1);
        const s = d.toISOString().slice(0, 10);
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(s)) left--;
      }
      return d.toISOString().slice(0, 10);
    };
    const config = createRecognitionConfig({ addWorkingDays, deadlines: { submitted: 5 } });
    const r = transition(dossier({ state: "public_consultation" }), "submit", {
      actor: communeOfficer,
      at: "2025-04-28T10:00:00+07:00",
      evaluation,
      ancestorIds: ANCESTORS,
      config,
    });
    expect(r.ok && r.dossier.history.at(-1)?.dueDate).toBe("2025-05-07");
    expect(config.deadlinesProvenance).toEqual({ basis: "configured", verified: false, isDefault: false });
  });

  it("lets a hamlet officer self-assess a hamlet dossier and the commune appraise it (labelled defaults for provincial hamlet sets)", () => {
    const hamlet = dossier({ unitId: "thon-1", level: "hamlet" });
    const hamletOfficer: Actor = { id: "cb-thon", role: "hamlet_officer", unitId: "thon-1" };
    const r = transition(hamlet, "self_assess", { actor: hamletOfficer, at: "2025-03-03T09:00:00+07:00" });
    expect(r.ok && r.dossier.state).toBe("self_assessed");
    const appraiser: Actor = { id: "cb-xa", role: "commune_officer", unitId: UNIT };
    const ev = { ...evaluation, unitId: "thon-1" };
    const a = transition(dossier({ unitId: "thon-1", level: "hamlet", state: "submitted" }), "appraise", {
      actor: appraiser,
      at: "2025-03-10T09:00:00+07:00",
      evaluation: ev,
      ancestorIds: [UNIT, ...ANCESTORS],
    });
    expect(a.ok && a.dossier.state).toBe("appraised");
    const byDistrict = transition(dossier({ unitId: "thon-1", level: "hamlet", state: "submitted" }), "appraise", {
      actor: districtOfficer,
      at: "2025-03-10T09:00:00+07:00",
      evaluation: ev,
      ancestorIds: [UNIT, ...ANCESTORS],
    });
    expect(!byDistrict.ok && byDistrict.reasons.map((x) => x.code)).toEqual(["workflow.role_not_allowed"]);
  });
});
