import { describe, expect, it } from "vitest";
import * as api from "./index.js";

describe("the emulation area's public surface", () => {
  it("exports exactly these runtime names (a change here is an API change: add a changeset)", () => {
    expect(Object.keys(api).sort()).toEqual([
      "COMMENDATION_FORMS",
      "CONSULTATION_FORMS",
      "CommendationFormSchema",
      "CommendationSchema",
      "ConsultationSchema",
      "DECISION_LEVELS",
      "DISCIPLINE_FORMS",
      "DecisionLevelSchema",
      "DecisionSchema",
      "DisciplineFormSchema",
      "DisciplineSchema",
      "EMULATION_SUBJECT_KINDS",
      "EMULATION_TABLE_COLUMNS",
      "EmulationMovementSchema",
      "EmulationSubjectSchema",
      "checkDisciplineFinding",
      "emulationRecordsFromRows",
      "emulationRecordsToRows",
      "recordsBySubject",
      "summariseConsultations",
      "surveyBacking",
      "validateCommendation",
      "validateCommendations",
      "validateConsultation",
      "validateConsultations",
      "validateDiscipline",
      "validateDisciplines",
      "validateMovement",
      "validateMovements",
    ]);
  });
});
