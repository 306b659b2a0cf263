import type { InspectionRecord, Recommendation } from "../schema.js";

/**
 * Test fixture: a recommendation.
 * @example
 * rec("k1", "2025-06-30", "open")
 */
export const rec = (
  id: string,
  dueDate: string,
  status: Recommendation["status"],
  extra: Partial<Recommendation> = {},
): Recommendation => ({
  id,
  text: `Kiến nghị ${id}`,
  responsible: "UBND xã",
  dueDate,
  status,
  ...extra,
});

/**
 * Test fixture: an inspection record of unit `subjectId`.
 * @example
 * record("kt-01", "x1", "2025-03-10", [rec("k1", "2025-06-30", "open")])
 */
export const record = (
  id: string,
  subjectId: string,
  date: string,
  recommendations: Recommendation[],
  extra: Partial<InspectionRecord> = {},
): InspectionRecord => ({
  id,
  subject: { kind: "unit", id: subjectId, name: `Xã ${subjectId}` },
  date,
  kind: "inspection",
  findings: ["Chậm tiến độ"],
  recommendations,
  ...extra,
});
