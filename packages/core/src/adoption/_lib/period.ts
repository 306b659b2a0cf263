import type { AdoptionBound } from "../schema.js";

/** The first day a bound covers, as an ISO date (a year starts on 1 January). */
export const startDate = (b: AdoptionBound): string => (typeof b === "number" ? `${String(b).padStart(4, "0")}-01-01` : b);

/** The last day a bound covers, as an ISO date (a year ends on 31 December); undefined: open-ended. */
export const endDate = (b: AdoptionBound | undefined): string | undefined =>
  b === undefined ? undefined : typeof b === "number" ? `${String(b).padStart(4, "0")}-12-31` : b;

/** Whether two closed date ranges (ISO strings, undefined end = open) share a day. */
export function rangesOverlap(a: { from: string; to: string | undefined }, b: { from: string; to: string | undefined }): boolean {
  return (a.to === undefined || b.from <= a.to) && (b.to === undefined || a.from <= b.to);
}

/** Whether a period (ISO dates) touches a calendar year. */
export function touchesYear(p: { from: string; to: string | undefined }, year: number): boolean {
  return rangesOverlap(p, { from: startDate(year), to: endDate(year) });
}
