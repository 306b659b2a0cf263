/**
 * Demo recognition dossiers at every step (draft, self-assessed, public consultation, submitted,
 * appraised, verified, recognised, one returned) with histories whose due dates come from core's
 * workflow configuration on the Vietnamese working-day calendar. Dates before 01/7/2025 follow the
 * three-tier workflow (district appraisal); later ones the two-tier one. Deterministic.
 */
import {
  type Actor,
  type DossierDocument,
  type DossierState,
  type DossierTier,
  type RecognitionAction,
  type RecognitionDossier,
  dueDateFor,
  newDossier,
} from "@ntm/core";
import { dossiers } from "../../db/schema.js";
import { configFor, fromCoreDossier } from "../../services/dossiers.js";
import type { SeedContext } from "../hooks.js";

const PACK_BY_TIER: Record<DossierTier, string> = {
  standard: "example.province-demo.2021-2025",
  advanced: "example.province-demo-advanced.2021-2025",
  model: "example.province-demo-model.2021-2025",
};

type Step = [RecognitionAction, DossierState, DossierState, "local" | "district" | "province", string, string?];

const LOCAL_DOCS: DossierDocument[] = ["request_letter", "self_assessment_report", "meeting_minutes", "satisfaction_survey_report"];

interface Spec {
  unitId: string;
  tier: DossierTier;
  year: number;
  createdOn: string;
  steps: Step[];
  documents: DossierDocument[];
  satisfaction: number | null;
  debt: bigint | null;
  vote?: { for: number; against: number; members: number };
}

const at = (date: string, hour = 9) => `${date}T${String(hour).padStart(2, "0")}:00:00+07:00`;

/** The demo dossiers (fictitious data, for the demo province only). */
export const DEMO_DOSSIERS: readonly Spec[] = [
  { unitId: "c-01-01", tier: "advanced", year: 2025, createdOn: "2025-09-02", steps: [], documents: [], satisfaction: null, debt: null },
  {
    unitId: "c-01-02",
    tier: "standard",
    year: 2025,
    createdOn: "2025-08-04",
    steps: [["self_assess", "draft", "self_assessed", "local", "2025-08-20"]],
    documents: ["self_assessment_report"],
    satisfaction: null,
    debt: null,
  },
  {
    unitId: "c-01-03",
    tier: "standard",
    year: 2025,
    createdOn: "2025-07-07",
    steps: [
      ["self_assess", "draft", "self_assessed", "local", "2025-07-21"],
      ["open_consultation", "self_assessed", "public_consultation", "local", "2025-08-04"],
    ],
    documents: LOCAL_DOCS,
    satisfaction: 93.5,
    debt: 0n,
  },
  {
    unitId: "c-01-04",
    tier: "standard",
    year: 2025,
    createdOn: "2025-07-01",
    steps: [
      ["self_assess", "draft", "self_assessed", "local", "2025-07-10"],
      ["open_consultation", "self_assessed", "public_consultation", "local", "2025-07-24"],
      ["submit", "public_consultation", "submitted", "local", "2025-09-05"],
    ],
    documents: LOCAL_DOCS,
    satisfaction: 92,
    debt: 0n,
  },
  {
    unitId: "c-01-05",
    tier: "standard",
    year: 2025,
    createdOn: "2025-07-02",
    steps: [
      ["self_assess", "draft", "self_assessed", "local", "2025-07-14"],
      ["open_consultation", "self_assessed", "public_consultation", "local", "2025-07-28"],
      ["submit", "public_consultation", "submitted", "local", "2025-08-25"],
      [
        "return",
        "submitted",
        "returned",
        "province",
        "2025-09-15",
        "Biên bản lấy ý kiến chưa đủ chữ ký; bổ sung báo cáo khảo sát sự hài lòng (ví dụ).",
      ],
    ],
    documents: ["request_letter", "self_assessment_report", "meeting_minutes"],
    satisfaction: 88,
    debt: 0n,
  },
  {
    unitId: "c-02-01",
    tier: "standard",
    year: 2025,
    createdOn: "2025-02-10",
    steps: [
      ["self_assess", "draft", "self_assessed", "local", "2025-02-24"],
      ["open_consultation", "self_assessed", "public_consultation", "local", "2025-03-10"],
      ["submit", "public_consultation", "submitted", "local", "2025-04-14"],
      ["appraise", "submitted", "appraised", "district", "2025-05-12"],
    ],
    documents: [...LOCAL_DOCS, "appraisal_report"],
    satisfaction: 94,
    debt: 0n,
  },
  {
    unitId: "c-02-02",
    tier: "advanced",
    year: 2025,
    createdOn: "2025-01-13",
    steps: [
      ["self_assess", "draft", "self_assessed", "local", "2025-02-03"],
      ["open_consultation", "self_assessed", "public_consultation", "local", "2025-02-17"],
      ["submit", "public_consultation", "submitted", "local", "2025-03-17"],
      ["appraise", "submitted", "appraised", "district", "2025-04-10"],
      ["verify", "appraised", "verified", "province", "2025-05-20"],
    ],
    documents: [...LOCAL_DOCS, "appraisal_report", "council_minutes", "verification_report"],
    satisfaction: 96,
    debt: 0n,
    vote: { for: 9, against: 1, members: 11 },
  },
  {
    unitId: "c-02-03",
    tier: "standard",
    year: 2024,
    createdOn: "2024-03-04",
    steps: [
      ["self_assess", "draft", "self_assessed", "local", "2024-03-18"],
      ["open_consultation", "self_assessed", "public_consultation", "local", "2024-04-01"],
      ["submit", "public_consultation", "submitted", "local", "2024-05-06"],
      ["appraise", "submitted", "appraised", "district", "2024-06-03"],
      ["verify", "appraised", "verified", "province", "2024-07-01"],
      ["recognise", "verified", "recognised", "province", "2024-07-15"],
    ],
    documents: [...LOCAL_DOCS, "appraisal_report", "council_minutes", "verification_report", "recognition_decision"],
    satisfaction: 95.2,
    debt: 0n,
    vote: { for: 10, against: 0, members: 11 },
  },
  {
    unitId: "c-03-01",
    tier: "standard",
    year: 2023,
    createdOn: "2023-04-03",
    steps: [
      ["self_assess", "draft", "self_assessed", "local", "2023-04-17"],
      ["open_consultation", "self_assessed", "public_consultation", "local", "2023-05-02"],
      ["submit", "public_consultation", "submitted", "local", "2023-06-05"],
      ["appraise", "submitted", "appraised", "district", "2023-07-03"],
      ["verify", "appraised", "verified", "province", "2023-08-01"],
      ["recognise", "verified", "recognised", "province", "2023-08-15"],
    ],
    documents: [...LOCAL_DOCS, "appraisal_report", "council_minutes", "verification_report", "recognition_decision"],
    satisfaction: 91,
    debt: 0n,
    vote: { for: 8, against: 2, members: 11 },
  },
  {
    unitId: "c-04-02",
    tier: "standard",
    year: 2025,
    createdOn: "2025-08-11",
    steps: [
      ["self_assess", "draft", "self_assessed", "local", "2025-08-25"],
      ["open_consultation", "self_assessed", "public_consultation", "local", "2025-09-08"],
      ["submit", "public_consultation", "submitted", "local", "2025-10-06"],
    ],
    documents: LOCAL_DOCS,
    satisfaction: 90,
    debt: 1_250_000_000n,
  },
];

/**
 * HOOK body: the demo dossiers with their histories.
 * @example
 * await seedDossierData(ctx); // inside seedDemo's transaction
 */
export async function seedDossierData(ctx: SeedContext): Promise<void> {
  const parentOf = new Map(ctx.units.all.map((u) => [u.id, u.parentId]));
  const rows = DEMO_DOSSIERS.map((s, i) => {
    const district = parentOf.get(s.unitId) ?? ctx.units.provinceId;
    const actorFor = (who: Step[3]): Actor =>
      who === "local"
        ? { id: s.unitId === "c-01-01" ? (ctx.userIds.xa ?? "seed") : `seed:${s.unitId}`, role: "commune_officer", unitId: s.unitId }
        : who === "district"
          ? {
              id: ctx.userIds.huyen && district === "d-01" ? ctx.userIds.huyen : `seed:${district}`,
              role: "district_officer",
              unitId: district,
            }
          : { id: ctx.userIds.tinh ?? "seed", role: "province_officer", unitId: ctx.units.provinceId };
    let d: RecognitionDossier = newDossier({
      id: `hs-demo-${String(i + 1).padStart(2, "0")}`,
      unitId: s.unitId,
      level: "commune",
      tier: s.tier,
      packId: PACK_BY_TIER[s.tier],
      year: s.year,
      createdAt: at(s.createdOn, 8),
    });
    for (const [action, from, to, who, date, note] of s.steps) {
      const when = at(date);
      const entry = {
        action,
        actor: actorFor(who),
        at: when,
        from,
        to,
        ...(note ? { note } : {}),
        // Recognition is taken by a decision (số, ngày): fictitious numbers, marked as examples.
        ...(action === "recognise" ? { decision: { number: `${100 + i}/QĐ-UBND (ví dụ)`, date } } : {}),
        dueDate: dueDateFor(to, when, configFor({ ...d, state: from }, when)),
      };
      d = { ...d, state: to, history: [...d.history, entry] };
    }
    d = { ...d, documents: s.documents, satisfactionPercent: s.satisfaction, capitalConstructionDebt: s.debt, councilVote: s.vote ?? null };
    return { ...fromCoreDossier(d), updatedBy: "seed" };
  });
  await ctx.tx.insert(dossiers).values(rows);
}
