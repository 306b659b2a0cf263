/**
 * @ntm/reports: the documents officials file for the NTM programme, built from plain data.
 * DOCX progress reports (Party and state administrative formats), XLSX workbooks (criteria table,
 * ranking) and the PDF criteria sheet of one commune. No database, no network: callers assemble
 * the inputs from @ntm/core's results.
 * @packageDocumentation
 */

// Input types
export type {
  DocumentFormat,
  Issuer,
  Signer,
  TaskStatus,
  TaskProgress,
  CommuneStandingRow,
  RecognitionEvent,
  OcopTotals,
  ResourceLine,
  ResourceTotals,
  LateReport,
  Proposal,
  ProgressReportInput,
  CriteriaTableRow,
  CriteriaTableYear,
  CriteriaWorkbookInput,
  RankingComponent,
  RankingEnteredInput,
  RankingRow,
  RankingWorkbookInput,
  CriteriaSheetInput,
  ClassificationReportInput,
} from "./types.js";

// Assembling inputs
export { communeStandingFromEvaluation, rankingWorkbookFromRanking } from "./assemble.js";

// Errors
export { ReportInputError } from "./_lib/validate.js";

// Text used in every document
export { vietnameseDateLine, dongText, CRITERION_CELL_VI, type CriterionCell } from "./_lib/text.js";

// Documents
export { renderProgressReportDocx } from "./docx/progressReport.js";
export { renderClassificationReportDocx, classificationTitle } from "./docx/classificationReport.js";
export { renderCriteriaWorkbook, CRITERION_CELL_FILL } from "./xlsx/criteriaWorkbook.js";
export { renderRankingWorkbook } from "./xlsx/rankingWorkbook.js";
export { renderCriteriaSheetPdf } from "./pdf/criteriaSheet.js";
