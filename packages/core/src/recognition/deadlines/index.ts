import { DEFAULT_RECOGNITION_CONFIG, type Provenance, type RecognitionConfig } from "../config/index.js";
import type { DossierState, RecognitionDossier } from "../schema.js";

/** The deadline of the step a dossier is in. */
export interface StepDeadline {
  state: DossierState;
  /** When the dossier entered the state (ISO date-time). */
  enteredAt: string;
  workingDays: number;
  /** yyyy-mm-dd: the entry date plus the working days. */
  dueDate: string;
  /** Present when `asOf` was given: true when `asOf` is after the due date. */
  overdue?: boolean;
  provenance: Provenance;
}

/**
 * The due date of a step entered at `enteredAt`, or null when the state has no deadline.
 * @example
 * dueDateFor("submitted", "2025-03-07T10:00:00+07:00", DEFAULT_RECOGNITION_CONFIG) // "2025-04-04" (20 weekdays later)
 */
export function dueDateFor(state: DossierState, enteredAt: string, config: RecognitionConfig = DEFAULT_RECOGNITION_CONFIG): string | null {
  const n = config.deadlines[state];
  if (n === null || n === undefined) return null;
  return config.addWorkingDays(enteredAt.slice(0, 10), n);
}

/**
 * The deadline of the dossier's current step, computed from the time it entered the state with the
 * config's `addWorkingDays`. Null when the state has no deadline. With `asOf` (yyyy-mm-dd or date-time),
 * says whether it is overdue. Default deadlines are tool defaults (QĐ 18/2022 deadlines not retrieved).
 * @example
 * stepDeadline(dossier, DEFAULT_RECOGNITION_CONFIG, "2025-04-07")
 * // { state: "submitted", enteredAt: "2025-03-07T10:00:00+07:00", workingDays: 20, dueDate: "2025-04-04", overdue: true, provenance: {...} }
 */
export function stepDeadline(
  dossier: RecognitionDossier,
  config: RecognitionConfig = DEFAULT_RECOGNITION_CONFIG,
  asOf?: string,
): StepDeadline | null {
  const n = config.deadlines[dossier.state];
  if (n === null || n === undefined) return null;
  const last = dossier.history[dossier.history.length - 1];
  const enteredAt = last && last.to === dossier.state ? last.at : dossier.createdAt;
  const dueDate = config.addWorkingDays(enteredAt.slice(0, 10), n);
  const out: StepDeadline = { state: dossier.state, enteredAt, workingDays: n, dueDate, provenance: config.deadlinesProvenance };
  if (asOf !== undefined) out.overdue = asOf.slice(0, 10) > dueDate;
  return out;
}
