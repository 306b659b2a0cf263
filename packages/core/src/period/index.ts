import { z } from "zod";
import { type Result, fail, ok } from "../errors/index.js";
import type { IsoDate } from "../schemas/common.js";

/** A reporting period: a year, a half-year (S1/S2), a quarter (Q1–Q4) or a month. */
export type Period =
  | { kind: "year"; year: number }
  | { kind: "half"; year: number; half: 1 | 2 }
  | { kind: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: "month"; year: number; month: number };

const RE = /^(\d{4})(?:(S)([12])|(Q)([1-4])|-(0[1-9]|1[0-2]))?$/;

/** Zod schema for a period written as `2024`, `2024S1`, `2024Q3` or `2024-05`. */
export const PeriodStringSchema = /* @__PURE__ */ z.string().regex(RE, "expected a period such as 2024, 2024S1, 2024Q3 or 2024-05");

/**
 * Parses a period string.
 * @example
 * parsePeriod("2024Q3") // { ok: true, value: { kind: "quarter", year: 2024, quarter: 3 } }
 * parsePeriod("2024Q5").ok // false
 */
export function parsePeriod(text: string): Result<Period> {
  const m = RE.exec(text.trim());
  if (!m)
    return fail("invalid_input", [
      { code: "period.invalid", path: [], message: `"${text}" is not a period (2024, 2024S1, 2024Q3, 2024-05)`, params: { text } },
    ]);
  const year = Number(m[1]);
  if (m[2]) return ok({ kind: "half", year, half: Number(m[3]) as 1 | 2 });
  if (m[4]) return ok({ kind: "quarter", year, quarter: Number(m[5]) as 1 | 2 | 3 | 4 });
  if (m[6]) return ok({ kind: "month", year, month: Number(m[6]) });
  return ok({ kind: "year", year });
}

/**
 * Formats a period in its canonical string form.
 * @example
 * formatPeriod({ kind: "half", year: 2025, half: 1 }) // "2025S1"
 */
export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case "year":
      return String(p.year);
    case "half":
      return `${p.year}S${p.half}`;
    case "quarter":
      return `${p.year}Q${p.quarter}`;
    case "month":
      return `${p.year}-${String(p.month).padStart(2, "0")}`;
  }
}

/**
 * Formats a period for a reader: "6 tháng đầu năm 2025" / "first half of 2025".
 * @example
 * describePeriod({ kind: "quarter", year: 2024, quarter: 3 }, "vi") // "Quý III năm 2024"
 */
export function describePeriod(p: Period, lang: "vi" | "en"): string {
  const roman = ["I", "II", "III", "IV"];
  switch (p.kind) {
    case "year":
      return lang === "vi" ? `Năm ${p.year}` : `Year ${p.year}`;
    case "half":
      return lang === "vi"
        ? `6 tháng ${p.half === 1 ? "đầu" : "cuối"} năm ${p.year}`
        : `${p.half === 1 ? "First" : "Second"} half of ${p.year}`;
    case "quarter":
      return lang === "vi" ? `Quý ${roman[p.quarter - 1]} năm ${p.year}` : `Q${p.quarter} ${p.year}`;
    case "month":
      return lang === "vi" ? `Tháng ${p.month} năm ${p.year}` : `${p.year}-${String(p.month).padStart(2, "0")}`;
  }
}

/** First and last month (1–12) covered by a period. */
function monthSpan(p: Period): [number, number] {
  switch (p.kind) {
    case "year":
      return [1, 12];
    case "half":
      return p.half === 1 ? [1, 6] : [7, 12];
    case "quarter":
      return [(p.quarter - 1) * 3 + 1, p.quarter * 3];
    case "month":
      return [p.month, p.month];
  }
}

/**
 * The first and last day of a period, as ISO dates.
 * @example
 * periodBounds({ kind: "half", year: 2025, half: 2 }) // { start: "2025-07-01", end: "2025-12-31" }
 */
export function periodBounds(p: Period): { start: IsoDate; end: IsoDate } {
  const [a, b] = monthSpan(p);
  const lastDay = new Date(Date.UTC(p.year, b, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, "0");
  return { start: `${p.year}-${mm(a)}-01`, end: `${p.year}-${mm(b)}-${String(lastDay).padStart(2, "0")}` };
}

/**
 * Orders periods by start, then by length (longer first): 2024 < 2024S1 < 2024Q1 < 2024-01 < 2024Q2.
 * @example
 * comparePeriods(parse("2024Q1"), parse("2024Q2")) // negative
 */
export function comparePeriods(a: Period, b: Period): number {
  if (a.year !== b.year) return a.year - b.year;
  const [a1, a2] = monthSpan(a);
  const [b1, b2] = monthSpan(b);
  if (a1 !== b1) return a1 - b1;
  return b2 - a2;
}

/**
 * True when `outer` covers every month of `inner`.
 * @example
 * periodContains(year2024, q3of2024) // true
 */
export function periodContains(outer: Period, inner: Period): boolean {
  if (outer.year !== inner.year) return false;
  const [o1, o2] = monthSpan(outer);
  const [i1, i2] = monthSpan(inner);
  return o1 <= i1 && i2 <= o2;
}

/**
 * The period that contains an ISO date, at the given granularity.
 * @example
 * periodOfDate("2025-08-14", "quarter") // { kind: "quarter", year: 2025, quarter: 3 }
 */
export function periodOfDate(date: IsoDate, kind: Period["kind"]): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case "year":
      return { kind, year };
    case "half":
      return { kind, year, half: month <= 6 ? 1 : 2 };
    case "quarter":
      return { kind, year, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4 };
    case "month":
      return { kind, year, month };
  }
}
