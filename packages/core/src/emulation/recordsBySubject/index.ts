import type { Reason } from "../../schemas/common.js";
import type { Commendation, Discipline, EmulationSubject } from "../schema.js";

/** One subject's emulation record: commendations (recorded outstanding achievements) and discipline on record. */
export interface SubjectEmulationRecord {
  subject: EmulationSubject;
  /** Thành tích xuất sắc đã ghi nhận: commendations in the year, oldest first. */
  outstanding: Commendation[];
  /** Phê bình, kỷ luật đã ghi nhận: in the year, oldest first. */
  discipline: Discipline[];
  /** One reason per record, in date order (commendations first). */
  reasons: Reason[];
}

const key = (s: EmulationSubject) => `${s.kind}\u0000${s.id}`;
const byDate = <T extends { decision: { date: string }; id: string }>(a: T, b: T) =>
  a.decision.date.localeCompare(b.decision.date) || a.id.localeCompare(b.id);

/**
 * Per subject (unit, organisation or person), the recorded outstanding achievements (commendations) and
 * the criticism or discipline on record, optionally for one year (by decision date) — what the annual
 * ranking consumes as "recorded outstanding achievements" and "discipline on record". Subjects are in
 * the order kind, then name, then id.
 * @example
 * const [r] = recordsBySubject([bangKhen], [], { year: 2025 });
 * r.reasons[0] // { code: "emulation.commended", path: ["commendations", "kt-1"], params: { subject: "Xã An Bình", form: "bang_khen", ... } }
 */
export function recordsBySubject(
  commendations: readonly Commendation[],
  disciplines: readonly Discipline[],
  options: { year?: number } = {},
): SubjectEmulationRecord[] {
  const inYear = (d: { decision: { date: string } }) => options.year === undefined || Number(d.decision.date.slice(0, 4)) === options.year;
  const out = new Map<string, SubjectEmulationRecord>();
  const entry = (s: EmulationSubject) => {
    const k = key(s);
    let e = out.get(k);
    if (!e) out.set(k, (e = { subject: s, outstanding: [], discipline: [], reasons: [] }));
    return e;
  };
  for (const c of commendations.filter(inYear)) entry(c.subject).outstanding.push(c);
  for (const d of disciplines.filter(inYear)) entry(d.subject).discipline.push(d);
  const KIND_ORDER = { unit: 0, organisation: 1, person: 2 } as const;
  return [...out.values()]
    .map((e) => {
      const outstanding = [...e.outstanding].sort(byDate);
      const discipline = [...e.discipline].sort(byDate);
      const reasons: Reason[] = [
        ...outstanding.map((c) => ({
          code: "emulation.commended",
          path: ["commendations", c.id],
          params: {
            subject: e.subject.name,
            form: c.form,
            formText: c.formText ?? null,
            issuer: c.issuer,
            decision: c.decision.number,
            date: c.decision.date,
            achievement: c.achievement,
          },
        })),
        ...discipline.map((d) => ({
          code: "emulation.disciplined",
          path: ["disciplines", d.id],
          params: {
            subject: e.subject.name,
            form: d.form,
            formText: d.formText ?? null,
            issuer: d.issuer,
            decision: d.decision.number ?? null,
            date: d.decision.date,
            reason: d.reason,
            inspectionId: d.finding?.inspectionId ?? null,
          },
        })),
      ];
      return { subject: e.subject, outstanding, discipline, reasons };
    })
    .sort(
      (a, b) =>
        KIND_ORDER[a.subject.kind] - KIND_ORDER[b.subject.kind] ||
        a.subject.name.localeCompare(b.subject.name, "vi") ||
        a.subject.id.localeCompare(b.subject.id),
    );
}
