import type { JsonPath } from "../../schemas/common.js";
import { HOUSE_STATUSES } from "../../housing/schema.js";
import { validateHouse } from "../../housing/validateHouse/index.js";
import { type RecordFileSpec, type RecordRowsRead, type RecordTable, compact, readWith } from "../_lib/columns.js";

/** A house as the create route takes it: support a string of whole đồng. */
export interface HouseRowInput {
  communeUnitId: string;
  hamletUnitId?: string;
  household?: string;
  status: keyof typeof HOUSE_STATUSES;
  supportAmount?: string;
  completedOn?: string;
}

const PATHS: Readonly<Record<string, string>> = {
  communeUnitId: "commune_code",
  hamletUnitId: "hamlet_code",
  household: "household",
  status: "status",
  supportAmount: "support_amount",
  completedOn: "completed_on",
};

/** The housing file (xóa nhà tạm, nhà dột nát). */
export const HOUSE_FILE: RecordFileSpec<HouseRowInput> = {
  kind: "housing",
  unitColumn: "commune_code",
  columns: [
    { key: "commune_code", vi: "Mã xã", type: "text", required: true, hint: "mã đơn vị của xã" },
    { key: "hamlet_code", vi: "Mã thôn", type: "text", hint: "không bắt buộc" },
    { key: "household", vi: "Chủ hộ", type: "text", hint: "họ tên chủ hộ" },
    { key: "status", vi: "Tình trạng", type: "code", required: true, labels: HOUSE_STATUSES, hint: "một trong" },
    { key: "support_amount", vi: "Kinh phí hỗ trợ (đồng)", type: "amount", hint: "số nguyên, ví dụ 60.000.000" },
    { key: "completed_on", vi: "Ngày hoàn thành", type: "date", hint: "dd/mm/yyyy, chỉ khi đã hoàn thành" },
    { key: "unit_name", vi: "Tên xã", type: "text", hint: "chỉ để đọc (khi nhập không dùng)" },
  ],
  build: (v) =>
    compact<HouseRowInput>({
      communeUnitId: v.commune_code as string,
      hamletUnitId: v.hamlet_code as string | undefined,
      household: v.household as string | undefined,
      status: v.status as HouseRowInput["status"],
      supportAmount: v.support_amount === undefined ? undefined : String(v.support_amount),
      completedOn: v.completed_on as string | undefined,
    }),
  check: (input) => {
    const r = validateHouse({ ...input, id: "row" });
    return r.ok ? [] : r.issues;
  },
  columnOf: (path: JsonPath) => PATHS[String(path[0])],
  valuesOf: (h) => [
    {
      commune_code: h.communeUnitId,
      hamlet_code: h.hamletUnitId,
      household: h.household,
      status: h.status,
      support_amount: h.supportAmount,
      completed_on: h.completedOn,
    },
  ],
};

/**
 * Reads the rows of a housing file: commune and hamlet codes, head of household, status (code or
 * Vietnamese name), support in whole đồng as Vietnamese writes it ("60.000.000"), completion date
 * dd/mm/yyyy; every row checked by `validateHouse`.
 * @example
 * readHouseRows({ header: ["Mã xã", "Tình trạng", "Kinh phí hỗ trợ (đồng)"],
 *   rows: [{ row: 3, cells: ["x-01", "Nhà tạm", "60.000.000"] }] }).rows[0]?.input.status // "temporary"
 */
export function readHouseRows(table: RecordTable): RecordRowsRead<HouseRowInput> {
  return readWith(HOUSE_FILE, table);
}
