// Emulation and commendation, criticism and discipline (plan II.4), public consultations (II.5).
export {
  EmulationSubjectSchema,
  DecisionSchema,
  EmulationMovementSchema,
  CommendationFormSchema,
  DecisionLevelSchema,
  CommendationSchema,
  DisciplineFormSchema,
  DisciplineSchema,
  ConsultationSchema,
  type EmulationSubject,
  type Decision,
  type EmulationMovement,
  type CommendationForm,
  type DecisionLevel,
  type Commendation,
  type DisciplineForm,
  type Discipline,
  type Consultation,
} from "./schema.js";
export { COMMENDATION_FORMS, DISCIPLINE_FORMS, DECISION_LEVELS, EMULATION_SUBJECT_KINDS, CONSULTATION_FORMS } from "./labels.js";
export { validateMovement, validateMovements } from "./validateMovement/index.js";
export { validateCommendation, validateCommendations } from "./validateCommendation/index.js";
export { validateDiscipline, validateDisciplines, checkDisciplineFinding } from "./validateDiscipline/index.js";
export { validateConsultation, validateConsultations } from "./validateConsultation/index.js";
export { recordsBySubject, type SubjectEmulationRecord } from "./recordsBySubject/index.js";
export { summariseConsultations, type CommuneConsultations } from "./summariseConsultations/index.js";
export { surveyBacking, type SurveyBacking } from "./surveyBacking/index.js";
export {
  EMULATION_TABLE_COLUMNS,
  emulationRecordsToRows,
  emulationRecordsFromRows,
  type EmulationTableKind,
} from "./recordTable/index.js";
