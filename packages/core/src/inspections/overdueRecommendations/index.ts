import type { IsoDate, Reason } from "../../schemas/common.js";
import { daysFromTo, isCalendarDate } from "../../ocop/_lib/calendarDate.js";
import type { InspectionRecord, InspectionSubject, RecommendationStatus } from "../schema.js";

/** A recommendation past its due date and not done. */
export interface OverdueRecommendation {
  recordId: string;
  recommendationId: string;
  subject: InspectionSubject;
  text: string;
  responsible: string;
  dueDate: IsoDate;
  status: Exclude<RecommendationStatus, "done">;
  daysOverdue: number;
  reasons: Reason[];
}

/**
 * Recommendations that are not done and whose due date is before `asOf` (the due date itself is not
 * overdue), most overdue first, then by record and recommendation id.
 * @example
 * overdueRecommendations(records, "2025-07-01")
 * // [{ recordId: "kt-01", recommendationId: "k1", dueDate: "2025-06-30", status: "open", daysOverdue: 1, ... }]
 */
export function overdueRecommendations(records: readonly InspectionRecord[], asOf: IsoDate): OverdueRecommendation[] {
  if (!isCalendarDate(asOf)) throw new RangeError(`asOf is not a calendar date yyyy-mm-dd: "${asOf}"`);
  const out: OverdueRecommendation[] = [];
  records.forEach((r, ri) => {
    r.recommendations.forEach((x, xi) => {
      if (x.status === "done") return;
      const daysOverdue = daysFromTo(x.dueDate, asOf);
      if (daysOverdue <= 0) return;
      out.push({
        recordId: r.id,
        recommendationId: x.id,
        subject: r.subject,
        text: x.text,
        responsible: x.responsible,
        dueDate: x.dueDate,
        status: x.status,
        daysOverdue,
        reasons: [
          {
            code: "inspection.recommendation_overdue",
            path: [ri, "recommendations", xi],
            params: {
              record: r.id,
              recommendation: x.id,
              subject: r.subject.name,
              responsible: x.responsible,
              dueDate: x.dueDate,
              status: x.status,
              daysOverdue,
              asOf,
            },
          },
        ],
      });
    });
  });
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || cmp(a.recordId, b.recordId) || cmp(a.recommendationId, b.recommendationId));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
