import type { JsonPath } from "../../schemas/common.js";
import { parsePeriod } from "../../period/index.js";
import { RESOURCE_SOURCES } from "../../resources/schema.js";
import { validateContribution } from "../../resources/validateContribution/index.js";
import { type RecordFileSpec, type RecordRowsRead, type RecordTable, compact, readWith } from "../_lib/columns.js";

/** A contribution as the create route takes it: the amount a string of whole đồng, m² or days. */
export interface ContributionRowInput {
  unitId: string;
  period: string;
  source: keyof typeof RESOURCE_SOURCES;
  amount: string;
  note?: string;
}

const PATHS: Readonly<Record<string, string>> = { unitId: "unit_code", period: "period", source: "source", amount: "amount", note: "note" };

/** The resources-mobilised file (huy động nguồn lực). */
export const CONTRIBUTION_FILE: RecordFileSpec<ContributionRowInput> = {
  kind: "resources",
  unitColumn: "unit_code",
  columns: [
    { key: "unit_code", vi: "Mã đơn vị", type: "text", required: true, hint: "mã xã (hoặc đơn vị) huy động" },
    { key: "period", vi: "Kỳ", type: "text", required: true, hint: "2025, 2025S1, 2025Q3 hoặc 2025-05" },
    { key: "source", vi: "Nguồn", type: "code", required: true, labels: RESOURCE_SOURCES, hint: "một trong" },
    { key: "amount", vi: "Số lượng", type: "amount", required: true, hint: "đồng (1.250.000), m² hoặc ngày công; số nguyên" },
    { key: "note", vi: "Ghi chú", type: "text", hint: "không bắt buộc" },
    { key: "unit_name", vi: "Tên đơn vị", type: "text", hint: "chỉ để đọc (khi nhập không dùng)" },
  ],
  build: (v) =>
    compact<ContributionRowInput>({
      unitId: v.unit_code as string,
      period: String(v.period),
      source: v.source as ContributionRowInput["source"],
      amount: String(v.amount),
      note: v.note as string | undefined,
    }),
  check: (input) => {
    // The period first, so a bad one is named as a period rather than by its pattern.
    const period = parsePeriod(input.period);
    if (!period.ok) return period.issues.map((i) => ({ ...i, path: ["period"] }));
    const r = validateContribution(input);
    if (!r.ok) return r.issues;
    // The store keeps amounts as safe integers (the create route refuses larger ones too).
    return r.value.amount > BigInt(Number.MAX_SAFE_INTEGER)
      ? [{ code: "amount.too_large", path: ["amount"], message: "amount is larger than the store's limit" }]
      : [];
  },
  columnOf: (path: JsonPath) => PATHS[String(path[0])],
  valuesOf: (c) => [{ unit_code: c.unitId, period: c.period, source: c.source, amount: c.amount, note: c.note }],
};

/**
 * Reads the rows of a resources-mobilised file: unit code, period, source (code or Vietnamese name),
 * amount as Vietnamese writes it ("1.250.000"; whole đồng, m² or days), note; every row checked by
 * `validateContribution`.
 * @example
 * readContributionRows({ header: ["Mã đơn vị", "Kỳ", "Nguồn", "Số lượng"],
 *   rows: [{ row: 3, cells: ["x-01", "2025", "Nhân dân đóng góp (tiền)", "1.250.000"] }] }).rows[0]?.input.source // "people_cash"
 */
export function readContributionRows(table: RecordTable): RecordRowsRead<ContributionRowInput> {
  return readWith(CONTRIBUTION_FILE, table);
}
