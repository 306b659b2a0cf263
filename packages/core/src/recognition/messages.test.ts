import { describe, expect, it } from "vitest";
import { availableActions } from "./availableActions/index.js";
import { transition } from "./transition/index.js";
import { createRecognitionConfig } from "./config/index.js";
import { MESSAGES, formatReason } from "../i18n/formatReason.js";
import { ANCESTORS, communeOfficer, districtOfficer, dossier, metEvaluation, provinceOfficer, withFailing } from "./_lib/fixtures.js";
import type { Reason } from "../schemas/common.js";
import { DossierStateSchema, type Actor } from "./schema.js";

describe("workflow messages", () => {
  it("render every reason the workflow produces in Vietnamese and English", () => {
    const reasons: Reason[] = [];
    const evaluations = [
      undefined,
      metEvaluation(),
      withFailing(metEvaluation(), ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]),
      metEvaluation(2024),
    ];
    const bad = dossier({ documents: [], satisfactionPercent: null, capitalConstructionDebt: null, councilVote: null });
    const worse = dossier({ satisfactionPercent: 50, capitalConstructionDebt: 5n, councilVote: { for: 1, against: 9, members: 10 } });
    const actors: Actor[] = [communeOfficer, districtOfficer, provinceOfficer, { ...provinceOfficer, unitId: "elsewhere" }];
    for (const state of DossierStateSchema.options)
      for (const d of [bad, worse, dossier()])
        for (const actor of actors)
          for (const evaluation of evaluations)
            for (const a of availableActions({ ...d, state }, actor, { ...(evaluation ? { evaluation } : {}), ancestorIds: ANCESTORS }))
              reasons.push(...a.reasons, ...a.checks.flatMap((c) => c.reasons));
    const returned = dossier({ state: "returned", history: [] });
    const r = transition(returned, "resume", { actor: communeOfficer, at: "2025-01-01T00:00:00Z", config: createRecognitionConfig() });
    if (!r.ok) reasons.push(...r.reasons);
    const t = transition(dossier(), "self_assess", { actor: communeOfficer, at: "yesterday" });
    if (!t.ok) reasons.push(...t.reasons);
    const codes = [...new Set(reasons.map((x) => x.code))].sort();
    expect(codes.filter((c) => !MESSAGES[c])).toEqual([]);
    expect(codes.length).toBeGreaterThanOrEqual(20);
    for (const x of reasons)
      for (const lang of ["vi", "en"] as const) expect(formatReason(x, lang)).not.toMatch(/undefined|\[object Object\]|NaN/);
  });
});
