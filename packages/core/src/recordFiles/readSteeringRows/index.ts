import type { JsonPath } from "../../schemas/common.js";
import { STEERING_MEMBER_FIELDS as F, STEERING_ROLES, type SteeringMember } from "../../steering/schema.js";
import { validateSteeringMember } from "../../steering/validateSteeringMember/index.js";
import { type RecordFileSpec, type RecordRowsRead, type RecordTable, compact, readWith } from "../_lib/columns.js";

/**
 * A steering-committee member as the create route takes it (`POST /v1/steering-members`). Read from a
 * file, `communeUnitIds` may hold commune names as well as codes: the API resolves names among the
 * communes under `unitId` (core `communeIdsOf`) before it checks the member against them.
 */
export type SteeringRowInput = Omit<SteeringMember, "id">;

const PATHS: Readonly<Record<string, string>> = {
  unitId: "unit_code",
  fullName: "full_name",
  position: "position",
  organisation: "organisation",
  role: "role",
  phone: "phone",
  termStart: "term_start",
  termEnd: "term_end",
  communeUnitIds: "communes",
  note: "note",
};

/** The steering-committee file (thành viên Ban Chỉ đạo và xã phụ trách, plan II.3). */
export const STEERING_FILE: RecordFileSpec<SteeringRowInput> = {
  kind: "steering",
  unitColumn: "unit_code",
  columns: [
    { key: "unit_code", vi: "Mã đơn vị (Ban Chỉ đạo)", type: "text", required: true, hint: "mã đơn vị có Ban Chỉ đạo, ví dụ mã huyện" },
    { key: "full_name", vi: F.fullName.vi, type: "text", required: true, hint: "họ tên thành viên" },
    { key: "position", vi: F.position.vi, type: "text", required: true, hint: "ví dụ Phó Chủ tịch UBND huyện" },
    { key: "organisation", vi: F.organisation.vi, type: "text", required: true, hint: "cơ quan công tác" },
    { key: "role", vi: F.role.vi, type: "code", required: true, labels: STEERING_ROLES, hint: "một trong" },
    { key: "phone", vi: F.phone.vi, type: "text", hint: "không bắt buộc, ví dụ 0912 345 678" },
    { key: "term_start", vi: F.termStart.vi, type: "date", required: true, hint: "dd/mm/yyyy" },
    { key: "term_end", vi: F.termEnd.vi, type: "date", hint: "dd/mm/yyyy, để trống nếu chưa kết thúc" },
    {
      key: "communes",
      vi: F.communeUnitIds.vi,
      type: "list",
      inline: true,
      hint: "mã hoặc tên xã thuộc đơn vị, mỗi xã một dòng (Alt+Enter) hoặc cách nhau bằng dấu ;",
    },
    { key: "note", vi: F.note.vi, type: "text", hint: "không bắt buộc" },
    { key: "unit_name", vi: "Tên đơn vị", type: "text", hint: "chỉ để đọc (khi nhập không dùng)" },
  ],
  build: (v) =>
    compact<SteeringRowInput>({
      unitId: v.unit_code as string,
      fullName: v.full_name as string,
      position: v.position as string,
      organisation: v.organisation as string,
      role: v.role as SteeringRowInput["role"],
      phone: v.phone as string | undefined,
      termStart: v.term_start as string,
      termEnd: v.term_end as string | undefined,
      communeUnitIds: (v.communes as string[] | undefined) ?? [],
      note: v.note as string | undefined,
    }),
  check: (input) => {
    const r = validateSteeringMember({ ...input, id: "row" });
    return r.ok ? [] : r.issues;
  },
  columnOf: (path: JsonPath) => PATHS[String(path[0])],
  valuesOf: (m) => [
    {
      unit_code: m.unitId,
      full_name: m.fullName,
      position: m.position,
      organisation: m.organisation,
      role: m.role,
      phone: m.phone,
      term_start: m.termStart,
      term_end: m.termEnd,
      communes: m.communeUnitIds,
      note: m.note,
    },
  ],
};

/**
 * Reads the rows of a steering-committee file: the committee's unit code, the member's name, position,
 * organisation, role (code or Vietnamese name), phone, term dd/mm/yyyy, and the communes supported
 * (codes or names, one per line or separated by ";"); every row checked by `validateSteeringMember`
 * (the communes under the unit are checked by the API, which knows the units).
 * @example
 * readSteeringRows({ header: ["Mã đơn vị (Ban Chỉ đạo)", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị", "Vai trò trong Ban Chỉ đạo",
 *   "Bắt đầu nhiệm kỳ", "Xã phụ trách"], rows: [{ row: 3, cells: ["d-01", "Nguyễn Văn An", "Phó Chủ tịch UBND huyện",
 *   "UBND huyện", "Phó Trưởng ban", "01/01/2021", "c-01-01\nc-01-02"] }] }).rows[0]?.input.communeUnitIds // ["c-01-01", "c-01-02"]
 */
export function readSteeringRows(table: RecordTable): RecordRowsRead<SteeringRowInput> {
  return readWith(STEERING_FILE, table);
}
