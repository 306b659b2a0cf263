import { formatDate } from "@ntm/core";
import type { RankingEnteredInput } from "../types.js";
import type { Checker } from "./validate.js";

/** The headings of the entered inputs' table, in the workbook's sheet and the report's annex. */
export const ENTERED_HEADERS = ["STT", "Đơn vị", "Số liệu", "Giá trị", "Nguồn minh chứng", "Người nhập", "Ngày nhập"] as const;

/** The title of that table. */
export const ENTERED_TITLE = "Số liệu nhập tay và nguồn minh chứng";

/** Checks the entered inputs (when given) and names each bad field. */
export function checkEntered(c: Checker, entered: unknown): void {
  if (entered === undefined || !c.array(entered, ["entered"])) return;
  (entered as RankingEnteredInput[]).forEach((e, i) => {
    c.text(e?.unitName, ["entered", i, "unitName"]);
    c.text(e?.field, ["entered", i, "field"]);
    c.text(e?.value, ["entered", i, "value"]);
    if (e?.date !== undefined) c.isoDate(e.date, ["entered", i, "date"]);
  });
}

/**
 * The cells of the table's lines: number, unit, input, value, evidence ("Chưa ghi nguồn" when none),
 * who, the day dd/mm/yyyy ("—" when unknown).
 */
export function enteredLines(entered: readonly RankingEnteredInput[]): string[][] {
  return entered.map((e, i) => [
    String(i + 1),
    e.unitName,
    e.field,
    e.value,
    e.evidence?.trim() ? e.evidence : "Chưa ghi nguồn",
    e.by?.trim() ? e.by : "—",
    e.date ? formatDate(e.date, "vi") : "—",
  ]);
}
