import type { IsoDate, Reason } from "../../schemas/common.js";
import { overdueRecommendations } from "../overdueRecommendations/index.js";
import type { InspectionRecord, InspectionSubject } from "../schema.js";

/** Inspection and supervision work on one subject. */
export interface SubjectInspectionSummary {
  subject: InspectionSubject;
  inspections: number;
  supervisions: number;
  /** Date of the latest record. */
  lastDate: IsoDate;
  findings: number;
  recommendations: { total: number; open: number; inProgress: number; done: number; doneLate: number; overdue: number };
  /** `recordId/recommendationId` of overdue recommendations, most overdue first. */
  overdue: string[];
  reasons: Reason[];
}

/**
 * Summarises inspection and supervision records per subject on `asOf`: how many of each kind, the
 * latest date, findings, recommendations by follow-up status, those done after their due date and
 * those overdue. Subjects are keyed by kind and id and sorted by name, then id.
 * @example
 * summariseInspections(records, "2025-07-01").map((s) => [s.subject.id, s.recommendations.overdue]) // [["x1", 1], ["x2", 0]]
 */
export function summariseInspections(records: readonly InspectionRecord[], asOf: IsoDate): SubjectInspectionSummary[] {
  const overdueAll = overdueRecommendations(records, asOf);
  const groups = new Map<string, InspectionRecord[]>();
  for (const r of records) {
    const key = `${r.subject.kind}:${r.subject.id}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out = [...groups.entries()].map(([key, rs]): SubjectInspectionSummary => {
    const subject = (rs[0] as InspectionRecord).subject;
    const recs = rs.flatMap((r) => r.recommendations);
    const overdue = overdueAll.filter((o) => `${o.subject.kind}:${o.subject.id}` === key).map((o) => `${o.recordId}/${o.recommendationId}`);
    const counts = {
      total: recs.length,
      open: recs.filter((x) => x.status === "open").length,
      inProgress: recs.filter((x) => x.status === "in_progress").length,
      done: recs.filter((x) => x.status === "done").length,
      doneLate: recs.filter((x) => x.status === "done" && x.doneOn !== undefined && x.doneOn > x.dueDate).length,
      overdue: overdue.length,
    };
    const s = {
      subject,
      inspections: rs.filter((r) => r.kind === "inspection").length,
      supervisions: rs.filter((r) => r.kind === "supervision").length,
      lastDate: rs
        .map((r) => r.date)
        .sort()
        .at(-1) as IsoDate,
      findings: rs.reduce((n, r) => n + r.findings.length, 0),
    };
    const path = ["subjects", key];
    const reasons: Reason[] = [
      {
        code: "inspection.subject_summary",
        path,
        params: {
          subject: subject.name,
          inspections: s.inspections,
          supervisions: s.supervisions,
          lastDate: s.lastDate,
          findings: s.findings,
          ...counts,
        },
      },
    ];
    if (overdue.length > 0)
      reasons.push({
        code: "inspection.subject_overdue",
        path,
        params: { subject: subject.name, count: overdue.length, items: [...overdue], asOf },
      });
    else if (counts.total > 0 && counts.done === counts.total)
      reasons.push({ code: "inspection.subject_all_done", path, params: { subject: subject.name, count: counts.total } });
    return { ...s, recommendations: counts, overdue, reasons };
  });
  return out.sort(
    (a, b) =>
      a.subject.name.localeCompare(b.subject.name, "vi") || (a.subject.id < b.subject.id ? -1 : a.subject.id > b.subject.id ? 1 : 0),
  );
}
