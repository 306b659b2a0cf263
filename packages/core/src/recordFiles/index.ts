// Record files (XLSX/CSV) of OCOP products, resources mobilised, housing, inspections and steering members: reading rows
// into the create routes' inputs with row-level issues, and the import templates.
export type {
  ColumnType,
  RecordSheetKind,
  RecordCell,
  RecordColumn,
  RecordFileKind,
  RecordFileSpec,
  RecordRowIssue,
  RecordRowsRead,
  RecordTable,
} from "./_lib/columns.js";
export { RECORD_FILE_MESSAGES } from "./_lib/messages.js";
export { readOcopRows, OCOP_FILE, type OcopRowInput } from "./readOcopRows/index.js";
export { readContributionRows, CONTRIBUTION_FILE, type ContributionRowInput } from "./readContributionRows/index.js";
export { readHouseRows, HOUSE_FILE, type HouseRowInput } from "./readHouseRows/index.js";
export { readInspectionRows, INSPECTION_FILE, type InspectionRowInput } from "./readInspectionRows/index.js";
export { readSteeringRows, STEERING_FILE, type SteeringRowInput } from "./readSteeringRows/index.js";
export { readRecordRows, RECORD_FILES, RECORD_FILE_KINDS, type RecordRowInputs } from "./readRecordRows/index.js";
export {
  readTaskProgressRows,
  writeTaskProgressRows,
  TASK_PROGRESS_FILE,
  type PlanTaskProgress,
  type TaskProgressReport,
  type TaskProgressRowInput,
  type TaskProgressRowsRead,
} from "./readTaskProgressRows/index.js";
export {
  readScoringInputRows,
  writeScoringInputRows,
  SCORING_INPUT_FILE,
  type CommuneScoringInputs,
  type ScoringInputRowInput,
  type ScoringInputRowsRead,
} from "./readScoringInputRows/index.js";
export { recordFileTemplate } from "./recordFileTemplate/index.js";
export { writeRecordRows } from "./writeRecordRows/index.js";
