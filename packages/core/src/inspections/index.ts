// Inspection and supervision records (kiểm tra, giám sát; plan III.5) and follow-up of recommendations.
export {
  InspectionKindSchema,
  RecommendationStatusSchema,
  InspectionSubjectSchema,
  RecommendationSchema,
  InspectionRecordSchema,
  type InspectionKind,
  type RecommendationStatus,
  type InspectionSubject,
  type Recommendation,
  type InspectionRecord,
} from "./schema.js";
export { validateInspectionRecord, validateInspectionRecords } from "./validateInspectionRecord/index.js";
export { overdueRecommendations, type OverdueRecommendation } from "./overdueRecommendations/index.js";
export { summariseInspections, type SubjectInspectionSummary } from "./summariseInspections/index.js";
