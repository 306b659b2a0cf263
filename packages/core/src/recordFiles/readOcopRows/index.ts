import type { JsonPath } from "../../schemas/common.js";
import { OCOP_PRODUCT_GROUPS } from "../../ocop/schema.js";
import { validateOcopProduct } from "../../ocop/validateOcopProduct/index.js";
import { type RecordFileSpec, type RecordRowsRead, type RecordTable, compact, readWith } from "../_lib/columns.js";
import { OCOP_STATUS_LABELS, OCOP_SUBJECT_KIND_LABELS } from "../_lib/labels.js";

/** An OCOP product as the create route takes it (no id). */
export interface OcopRowInput {
  name: string;
  subject: { name: string; kind: keyof typeof OCOP_SUBJECT_KIND_LABELS };
  communeUnitId: string;
  group: keyof typeof OCOP_PRODUCT_GROUPS;
  score: number;
  stars: number;
  certificate?: { number: string; date: string; expiresOn?: string };
  status: keyof typeof OCOP_STATUS_LABELS;
}

const PATHS: Readonly<Record<string, string>> = {
  name: "name",
  "subject.name": "subject_name",
  "subject.kind": "subject_kind",
  communeUnitId: "commune_code",
  group: "group",
  score: "score",
  stars: "stars",
  "certificate.number": "certificate_number",
  "certificate.date": "certificate_date",
  "certificate.expiresOn": "certificate_expires_on",
  certificate: "certificate_number",
  status: "status",
};
const columnOf = (path: JsonPath) => PATHS[path.map(String).join(".")];

/** The OCOP product file (sản phẩm OCOP). */
export const OCOP_FILE: RecordFileSpec<OcopRowInput> = {
  kind: "ocop",
  unitColumn: "commune_code",
  columns: [
    { key: "name", vi: "Tên sản phẩm", type: "text", required: true, hint: "tên sản phẩm" },
    { key: "subject_name", vi: "Chủ thể", type: "text", required: true, hint: "tên hợp tác xã, doanh nghiệp, hộ" },
    { key: "subject_kind", vi: "Loại chủ thể", type: "code", required: true, labels: OCOP_SUBJECT_KIND_LABELS, hint: "một trong" },
    { key: "commune_code", vi: "Mã xã", type: "text", required: true, hint: "mã đơn vị của xã" },
    { key: "group", vi: "Nhóm sản phẩm", type: "code", required: true, labels: OCOP_PRODUCT_GROUPS, hint: "một trong" },
    { key: "score", vi: "Điểm đánh giá", type: "number", required: true, hint: "0–100, ví dụ 72,5" },
    { key: "stars", vi: "Hạng sao", type: "int", required: true, hint: "1–5, khớp với điểm" },
    { key: "certificate_number", vi: "Số giấy chứng nhận", type: "text", hint: "bắt buộc khi đã công nhận" },
    { key: "certificate_date", vi: "Ngày chứng nhận", type: "date", hint: "dd/mm/yyyy" },
    { key: "certificate_expires_on", vi: "Ngày hết hạn", type: "date", hint: "để trống: 36 tháng sau ngày chứng nhận" },
    { key: "status", vi: "Trạng thái", type: "code", required: true, labels: OCOP_STATUS_LABELS, hint: "một trong" },
    { key: "unit_name", vi: "Tên xã", type: "text", hint: "chỉ để đọc (khi nhập không dùng)" },
  ],
  build: (v) =>
    compact<OcopRowInput>({
      name: v.name as string,
      subject: { name: v.subject_name as string, kind: v.subject_kind as OcopRowInput["subject"]["kind"] },
      communeUnitId: v.commune_code as string,
      group: v.group as OcopRowInput["group"],
      score: v.score as number,
      stars: v.stars as number,
      certificate:
        v.certificate_number !== undefined || v.certificate_date !== undefined
          ? compact<NonNullable<OcopRowInput["certificate"]>>({
              number: (v.certificate_number as string | undefined) ?? "",
              date: (v.certificate_date as string | undefined) ?? "",
              expiresOn: v.certificate_expires_on as string | undefined,
            })
          : undefined,
      status: v.status as OcopRowInput["status"],
    }),
  check: (input) => {
    const r = validateOcopProduct({ ...input, id: "row" });
    return r.ok ? [] : r.issues;
  },
  columnOf,
  valuesOf: (p) => [
    {
      name: p.name,
      subject_name: p.subject.name,
      subject_kind: p.subject.kind,
      commune_code: p.communeUnitId,
      group: p.group,
      score: p.score,
      stars: p.stars,
      certificate_number: p.certificate?.number,
      certificate_date: p.certificate?.date,
      certificate_expires_on: p.certificate?.expiresOn,
      status: p.status,
    },
  ],
};

/**
 * Reads the rows of an OCOP product file: Vietnamese headers as the template writes them (English
 * keys accepted), the score as Vietnamese writes it ("72,5"), dates dd/mm/yyyy, kinds, groups and
 * statuses as codes or their Vietnamese names; every row checked by `validateOcopProduct`.
 * @example
 * readOcopRows({ header: ["Tên sản phẩm", "Chủ thể", "Loại chủ thể", "Mã xã", "Nhóm sản phẩm", "Điểm đánh giá", "Hạng sao", "Trạng thái"],
 *   rows: [{ row: 3, cells: ["Mật ong", "HTX A", "Hợp tác xã", "x-01", "Thực phẩm", "72,5", 4, "Đã đánh giá, chưa công nhận"] }] }).rows[0]?.input.score // 72.5
 */
export function readOcopRows(table: RecordTable): RecordRowsRead<OcopRowInput> {
  return readWith(OCOP_FILE, table);
}
