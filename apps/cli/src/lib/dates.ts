import { type Lang, type WorkCalendar, createWorkCalendar, formatDate, formatPath, parseWorkCalendarConfig } from "@ntm/core";
import { CliError } from "./exit.js";
import { readJson } from "./io.js";

/**
 * Reads a date option written `dd/mm/yyyy` (Vietnamese) or `yyyy-mm-dd`, checking it is a real day.
 * @example
 * parseDateOption("29/01/2025", "--from") // "2025-01-29"
 */
export function parseDateOption(raw: string, option: string): string {
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const iso = vi ? `${vi[3]}-${vi[2]!.padStart(2, "0")}-${vi[1]!.padStart(2, "0")}` : raw;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== iso)
    throw new CliError("invalid_input", [
      { where: option, message: `"${raw}" không phải ngày hợp lệ dd/mm/yyyy hoặc yyyy-mm-dd / is not a date dd/mm/yyyy or yyyy-mm-dd` },
    ]);
  return iso;
}

/**
 * Parses an integer option, or fails naming the option.
 * @example
 * parseIntOption("-3", "--days") // -3
 */
export function parseIntOption(raw: string, option: string): number {
  if (!/^-?\d+$/.test(raw.trim()))
    throw new CliError("invalid_input", [{ where: option, message: `"${raw}" không phải số nguyên / is not a whole number` }]);
  return Number(raw);
}

/**
 * The working calendar: the law's holidays by default, plus a JSON file of announced changes
 * (`{ extraDaysOff, extraWorkingDays, tetFrom, … }`) when `--calendar` is given.
 * @example
 * loadCalendar(undefined) // the default calendar
 */
export function loadCalendar(file: string | undefined): WorkCalendar {
  if (!file) return createWorkCalendar();
  const r = parseWorkCalendarConfig(readJson(file));
  if (!r.ok)
    throw new CliError(
      r.kind,
      r.issues.map((i) => ({ file, where: formatPath(i.path), message: i.message, code: i.code })),
    );
  return createWorkCalendar(r.value);
}

/**
 * A date for display: dd/mm/yyyy in Vietnamese, yyyy-mm-dd in English (core's formatDate).
 * @example
 * showDate("2025-07-15", "vi") // "15/07/2025"
 */
export const showDate = (iso: string, lang: Lang): string => formatDate(iso, lang);
