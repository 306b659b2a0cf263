import type { Issue } from "@ntm/core";
import { formatPath } from "@ntm/core";

/**
 * Thrown when a report's input is unusable: the message names every field at fault
 * (`$.issuer.name: cần nhập nội dung`). Nothing is written when it is thrown.
 * @example
 * try {
 *   await renderProgressReportDocx(input);
 * } catch (e) {
 *   if (e instanceof ReportInputError) console.error(e.message); // "Báo cáo tiến độ (progress report): $.period: kỳ báo cáo không hợp lệ…"
 * }
 */
export class ReportInputError extends Error {
  override readonly name = "ReportInputError";
  constructor(
    readonly report: string,
    readonly issues: Issue[],
  ) {
    super(`${report}: ${issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join("; ")}`);
  }
}

/** Collects input issues with their JSON paths, then throws them together. */
export class Checker {
  readonly issues: Issue[] = [];

  text(value: unknown, path: (string | number)[]): void {
    if (typeof value !== "string" || value.trim() === "")
      this.add(path, "report.text_required", "cần nhập nội dung (expected non-empty text)");
  }

  isoDate(value: unknown, path: (string | number)[]): void {
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      this.add(path, "report.date_invalid", `ngày không hợp lệ, cần dạng yyyy-mm-dd (got ${JSON.stringify(value)})`);
    }
  }

  integer(value: unknown, path: (string | number)[], min = 0): void {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
      this.add(path, "report.integer_invalid", `cần số nguyên ≥ ${min} (got ${JSON.stringify(value)})`);
    }
  }

  finite(value: unknown, path: (string | number)[]): void {
    if (typeof value !== "number" || !Number.isFinite(value))
      this.add(path, "report.number_invalid", `cần một số (got ${JSON.stringify(value)})`);
  }

  dong(value: unknown, path: (string | number)[]): void {
    if (typeof value !== "bigint") this.add(path, "report.money_invalid", "số tiền cần là số nguyên đồng (bigint)");
  }

  array(value: unknown, path: (string | number)[]): value is unknown[] {
    if (Array.isArray(value)) return true;
    this.add(path, "report.list_required", "cần một danh sách (expected an array)");
    return false;
  }

  add(path: (string | number)[], code: string, message: string): void {
    this.issues.push({ code, path, message });
  }

  throwIfAny(report: string): void {
    if (this.issues.length > 0) throw new ReportInputError(report, this.issues);
  }
}
