import { describe, expect, it } from "vitest";
import type { RecognitionDossier } from "../schema.js";
import { DOSSIER_LIST_HEADER, dossierListRows } from "./index.js";

const dossier = (over: Partial<RecognitionDossier> = {}): RecognitionDossier => ({
  id: "hs-1",
  unitId: "c-01",
  level: "commune",
  tier: "advanced",
  packId: "p",
  year: 2025,
  state: "recognised",
  createdAt: "2025-03-01T08:00:00+07:00",
  documents: ["request_letter", "self_assessment_report"],
  satisfactionPercent: 95,
  capitalConstructionDebt: null,
  councilVote: null,
  history: [
    {
      action: "self_assess",
      actor: { id: "xa", role: "commune_officer", unitId: "c-01" },
      at: "2025-03-02T09:00:00+07:00",
      from: "draft",
      to: "self_assessed",
    },
    {
      action: "recognise",
      actor: { id: "tinh", role: "province_officer", unitId: "p" },
      at: "2025-11-20T15:30:00+07:00",
      from: "verified",
      to: "recognised",
      decision: { number: "123/QĐ-UBND", date: "2025-11-20" },
    },
  ],
  ...over,
});

describe("dossierListRows", () => {
  it("writes names, Vietnamese tier and state, the decision, the documents and the last step with who and when", () => {
    const out = dossierListRows([dossier()], {
      unitNames: { "c-01": "Xã An Lộc" },
      actorNames: { tinh: "Cán bộ tỉnh" },
      attachments: { "hs-1": 3 },
    });
    expect(out.header).toEqual([...DOSSIER_LIST_HEADER]);
    expect(out.rows).toEqual([
      [
        "hs-1",
        "Xã An Lộc",
        2025,
        "NTM nâng cao",
        "Đã công nhận",
        "123/QĐ-UBND",
        "20/11/2025",
        3,
        expect.any(String),
        "Cán bộ tỉnh",
        "20/11/2025",
      ],
    ]);
    expect(out.rows[0]![8]).not.toMatch(/_/);
  });

  it("leaves the decision and the last step empty for a new dossier, and falls back to ids without names", () => {
    const out = dossierListRows([dossier({ state: "draft", tier: "standard", history: [], documents: [] })]);
    expect(out.rows[0]).toEqual(["hs-1", "c-01", 2025, "NTM", "Đang lập hồ sơ", null, null, 0, null, null, null]);
  });
});
