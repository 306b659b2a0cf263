// The office's narrative parts of a progress report (II hạn chế, nguyên nhân; III phương hướng; IV kiến nghị).
export { ReportNarrativeSchema, type ReportNarrative } from "./schema.js";
export { validateReportNarrative } from "./validateReportNarrative/index.js";
