import { COMMENDATION_FORMS } from "../../emulation/labels.js";
import type { SubjectEmulationRecord } from "../../emulation/recordsBySubject/index.js";
import { formatDate } from "../../i18n/format.js";
import type { CandidateRecords } from "../input.js";

type Achievement = NonNullable<CandidateRecords["achievements"]>[number];

/**
 * The candidate records (recorded outstanding achievements) of the subjects of one kind, from the
 * emulation records of the year ({@link SubjectEmulationRecord}, core `recordsBySubject`): each
 * commendation on record is an achievement, titled in Vietnamese with its form, decision and date,
 * and pointing back to the commendation. Keyed by the subject's id.
 * @example
 * const byId = emulationCandidateRecords(recordsBySubject(commendations, [], { year: 2025 }), "unit");
 * byId["c-01-01"].achievements[0].title // "Dẫn đầu phong trào … (Bằng khen, QĐ số 12/QĐ-UBND ngày 20/11/2025)"
 */
export function emulationCandidateRecords(
  records: readonly SubjectEmulationRecord[],
  kind: SubjectEmulationRecord["subject"]["kind"],
): Record<string, CandidateRecords> {
  const out: Record<string, CandidateRecords> = {};
  for (const r of records) {
    if (r.subject.kind !== kind || r.outstanding.length === 0) continue;
    const achievements: Achievement[] = r.outstanding.map((c) => {
      const form = c.formText ?? COMMENDATION_FORMS[c.form].vi;
      return {
        title: `${c.achievement} (${form}, QĐ số ${c.decision.number} ngày ${formatDate(c.decision.date, "vi")})`,
        recordId: c.id,
        date: c.decision.date,
      };
    });
    out[r.subject.id] = { achievements };
  }
  return out;
}

/**
 * Two subjects' candidate records as one: achievements and findings of both, in order (a record id
 * present in both is kept once).
 * @example
 * mergeCandidateRecords({ achievements: [a] }, { achievements: [b] }).achievements // [a, b]
 */
export function mergeCandidateRecords(a: CandidateRecords | undefined, b: CandidateRecords | undefined): CandidateRecords | undefined {
  if (!a) return b;
  if (!b) return a;
  const seen = new Set<string>();
  const achievements = [...(a.achievements ?? []), ...(b.achievements ?? [])].filter((x) => {
    if (!x.recordId) return true;
    if (seen.has(x.recordId)) return false;
    seen.add(x.recordId);
    return true;
  });
  const findings = [...(a.findings ?? []), ...(b.findings ?? [])];
  return {
    ...(achievements.length ? { achievements } : {}),
    ...(findings.length ? { findings } : {}),
  };
}
