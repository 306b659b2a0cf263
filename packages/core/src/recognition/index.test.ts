import { describe, expect, it } from "vitest";
import * as api from "./index.js";

describe("the recognition area's public surface", () => {
  it("exports exactly these runtime names (a change here is an API change: add a changeset)", () => {
    expect(Object.keys(api).sort()).toEqual(KEYS);
  });
});

const KEYS: string[] = [
  "ACTOR_ROLE_LABELS",
  "ActorRoleSchema",
  "ActorSchema",
  "CouncilVoteSchema",
  "DEFAULT_DEADLINES",
  "DEFAULT_RECOGNITION_CONFIG",
  "DOSSIER_DOCUMENT_LABELS",
  "DOSSIER_LIST_HEADER",
  "DOSSIER_STATE_LABELS",
  "DOSSIER_STATE_ORDER",
  "DongSchema",
  "DossierDecisionSchema",
  "DossierDocumentSchema",
  "DossierLevelSchema",
  "DossierStateSchema",
  "DossierTierSchema",
  "DossierTransitionSchema",
  "IsoDateTimeSchema",
  "RECOGNITION_ACTION_LABELS",
  "RECOGNITION_GUARDS",
  "RecognitionActionSchema",
  "RecognitionDossierSchema",
  "TWO_TIER_FROM",
  "TWO_TIER_RECOGNITION_CONFIG",
  "availableActions",
  "checkAction",
  "checkDecision",
  "createRecognitionConfig",
  "decisionText",
  "dossierListRows",
  "dueDateFor",
  "newDossier",
  "parseDossier",
  "recognitionConfigFor",
  "resolveTarget",
  "runGuards",
  "stepDeadline",
  "transition",
];
