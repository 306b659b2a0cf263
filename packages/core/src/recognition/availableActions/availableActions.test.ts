import { describe, expect, it } from "vitest";
import { availableActions } from "./index.js";
import { TWO_TIER_RECOGNITION_CONFIG } from "../config/index.js";
import { formatReason } from "../../i18n/formatReason.js";
import { ANCESTORS, communeOfficer, dossier, metEvaluation, provinceOfficer } from "../_lib/fixtures.js";

const evaluation = metEvaluation();

describe("availableActions", () => {
  it("shows the commune its submit button blocked by satisfaction 86% < 90%", () => {
    const list = availableActions(dossier({ state: "public_consultation", satisfactionPercent: 86 }), communeOfficer, {
      evaluation,
      ancestorIds: ANCESTORS,
    });
    expect(list.map((a) => [a.action, a.to, a.allowed, a.reasons.map((r) => formatReason(r, "vi"))])).toEqual([
      ["submit", "submitted", false, ["Tỷ lệ hài lòng 86% < 90% (⚠️ chưa kiểm chứng với văn bản gốc)"]],
    ]);
  });

  it("offers the province verify, return and reject on a submitted dossier in the two-tier government", () => {
    const list = availableActions(dossier({ state: "submitted" }), provinceOfficer, {
      evaluation,
      ancestorIds: ANCESTORS,
      config: TWO_TIER_RECOGNITION_CONFIG,
      note: "Ghi chú",
    });
    expect(list.map((a) => [a.action, a.to, a.allowed])).toEqual([
      ["verify", "verified", true],
      ["return", "returned", true],
      ["reject", "rejected", true],
    ]);
  });

  it("blocks every action for a commune officer on a dossier the province is verifying", () => {
    const list = availableActions(dossier({ state: "appraised" }), communeOfficer, { evaluation, ancestorIds: ANCESTORS });
    expect(list.map((a) => [a.action, a.allowed, a.reasons.map((r) => r.code)])).toEqual([
      ["verify", false, ["workflow.role_not_allowed"]],
      ["return", false, ["workflow.role_not_allowed", "workflow.note_required"]],
      ["reject", false, ["workflow.role_not_allowed", "workflow.note_required"]],
    ]);
  });

  it("offers nothing once a dossier is rejected", () => {
    expect(availableActions(dossier({ state: "rejected" }), provinceOfficer, { evaluation, ancestorIds: ANCESTORS })).toEqual([]);
  });
});
