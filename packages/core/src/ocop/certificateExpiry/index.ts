import type { IsoDate } from "../../schemas/common.js";
import { addMonthsIso, isCalendarDate } from "../_lib/calendarDate.js";
import { OCOP_CERTIFICATE_VALIDITY } from "../schema.js";

/**
 * The expiry date (last valid day) of an OCOP certificate issued on `certDate`: 36 months later
 * ({@link OCOP_CERTIFICATE_VALIDITY}, ✅). When the target month has no such day (29/02 in a
 * non-leap year) the month's last day is used. Throws a RangeError for a date that is not a real
 * calendar day (validate input first).
 * @example
 * certificateExpiry("2023-03-15") // "2026-03-15"
 * certificateExpiry("2024-02-29") // "2027-02-28"
 */
export function certificateExpiry(certDate: IsoDate): IsoDate {
  if (!isCalendarDate(certDate)) throw new RangeError(`not a calendar date yyyy-mm-dd: "${certDate}"`);
  return addMonthsIso(certDate, OCOP_CERTIFICATE_VALIDITY.months);
}
