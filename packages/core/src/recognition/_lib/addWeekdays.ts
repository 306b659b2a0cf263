/**
 * Adds `n` working days to an ISO date, skipping Saturdays and Sundays only (no public holidays).
 * The default `addWorkingDays` of the recognition workflow; pass a holiday-aware one in the config.
 * Pure: computes on UTC calendar dates, so the machine's time zone does not matter.
 * @example
 * addWeekdays("2025-03-07", 1) // "2025-03-10" (Friday to Monday)
 */
export function addWeekdays(isoDate: string, n: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  let left = n;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const wd = date.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}
