import type { JsonPath } from "../../schemas/common.js";
import { validateInspectionRecord } from "../../inspections/validateInspectionRecord/index.js";
import { type RecordFileSpec, type RecordRowsRead, type RecordTable, compact, readWith } from "../_lib/columns.js";
import { INSPECTION_KIND_LABELS, INSPECTION_SUBJECT_LABELS, RECOMMENDATION_STATUS_LABELS } from "../_lib/labels.js";

/** An inspection record as the create route takes it (no id). */
export interface InspectionRowInput {
  unitId: string;
  subject: { kind: keyof typeof INSPECTION_SUBJECT_LABELS; id: string; name: string };
  date: string;
  kind: keyof typeof INSPECTION_KIND_LABELS;
  conductedBy?: string;
  findings: string[];
  recommendations: {
    id: string;
    text: string;
    responsible: string;
    dueDate: string;
    status: keyof typeof RECOMMENDATION_STATUS_LABELS;
    doneOn?: string;
    /** The finding it follows up: its index in `findings` (0-based; the file's "Kết luận số" counts from 1). */
    finding?: number;
    /** Việc khắc phục: what the responsible party did about it. */
    remedy?: string;
  }[];
}

const PATHS: Readonly<Record<string, string>> = {
  unitId: "unit_code",
  "subject.kind": "subject_kind",
  "subject.id": "subject_code",
  "subject.name": "subject_name",
  date: "date",
  kind: "kind",
  conductedBy: "conducted_by",
  findings: "findings",
  text: "recommendation",
  responsible: "responsible",
  dueDate: "due_date",
  status: "recommendation_status",
  doneOn: "done_on",
  finding: "finding",
  remedy: "remedy",
};
const REC_KEYS = ["recommendation", "responsible", "due_date", "recommendation_status", "done_on", "finding", "remedy"] as const;
const columnOf = (path: JsonPath) => {
  const p = path.map(String);
  if (p[0] === "recommendations") return PATHS[p[2] ?? "text"] ?? "recommendation";
  if (p[0] === "findings") return "findings";
  return PATHS[p.slice(0, 2).join(".")] ?? PATHS[p[0] ?? ""];
};

/**
 * The inspection and supervision file (kiểm tra, giám sát): one record per row; its recommendations
 * one per line in the recommendation cells (as an officer writes them in Excel with Alt+Enter).
 */
export const INSPECTION_FILE: RecordFileSpec<InspectionRowInput> = {
  kind: "inspections",
  unitColumn: "unit_code",
  columns: [
    { key: "unit_code", vi: "Mã đơn vị", type: "text", required: true, hint: "mã đơn vị được kiểm tra (hoặc của tổ chức)" },
    { key: "kind", vi: "Hình thức", type: "code", required: true, labels: INSPECTION_KIND_LABELS, hint: "một trong" },
    { key: "date", vi: "Ngày", type: "date", required: true, hint: "dd/mm/yyyy" },
    { key: "subject_kind", vi: "Loại đối tượng", type: "code", labels: INSPECTION_SUBJECT_LABELS, hint: "để trống: đơn vị hành chính" },
    { key: "subject_code", vi: "Mã đối tượng", type: "text", hint: "để trống: mã đơn vị" },
    { key: "subject_name", vi: "Tên đối tượng", type: "text", required: true, hint: "ví dụ Chi bộ thôn 1" },
    { key: "conducted_by", vi: "Cơ quan thực hiện", type: "text", hint: "ví dụ Ủy ban Kiểm tra Huyện ủy" },
    {
      key: "findings",
      vi: "Kết luận",
      type: "list",
      hint: "mỗi kết luận một dòng trong ô (Alt+Enter), đánh số 1. 2. (không bắt buộc); ô một dòng không đánh số: các kết luận cách nhau bởi dấu ;",
    },
    {
      key: "recommendation",
      vi: "Kiến nghị",
      type: "text",
      perLine: true,
      hint: "mỗi kiến nghị một dòng trong ô (Alt+Enter), có thể đánh số 1. 2. (không bắt buộc)",
    },
    {
      key: "responsible",
      vi: "Đơn vị thực hiện kiến nghị",
      type: "text",
      perLine: true,
      hint: "bắt buộc khi có kiến nghị; một dòng cho mọi kiến nghị hoặc mỗi kiến nghị một dòng",
    },
    { key: "due_date", vi: "Hạn thực hiện", type: "date", perLine: true, hint: "dd/mm/yyyy; một dòng chung hoặc mỗi kiến nghị một dòng" },
    {
      key: "recommendation_status",
      vi: "Tình trạng kiến nghị",
      type: "code",
      perLine: true,
      labels: RECOMMENDATION_STATUS_LABELS,
      hint: "để trống: chưa thực hiện; một dòng chung hoặc mỗi kiến nghị một dòng; một trong",
    },
    { key: "done_on", vi: "Ngày thực hiện xong", type: "date", perLine: true, hint: "dd/mm/yyyy; mỗi kiến nghị một dòng" },
    {
      key: "finding",
      vi: "Kết luận số",
      type: "int",
      perLine: true,
      hint: "số thứ tự (1, 2…) của kết luận mà kiến nghị xử lý; mỗi kiến nghị một dòng, để trống nếu không gắn",
    },
    { key: "remedy", vi: "Việc khắc phục", type: "text", perLine: true, hint: "việc đơn vị đã làm để khắc phục; mỗi kiến nghị một dòng" },
    { key: "unit_name", vi: "Tên đơn vị", type: "text", hint: "chỉ để đọc (khi nhập không dùng)" },
  ],
  build: (v) => {
    const unitId = v.unit_code as string;
    // Each recommendation column holds one line per recommendation, or one line for all of them.
    const lines = (k: string) => (v[k] as unknown[] | undefined) ?? [];
    const count = Math.max(...REC_KEYS.map((k) => lines(k).length));
    const nth = <T>(k: string, i: number): T | undefined => {
      const l = lines(k);
      return (l.length === 1 ? l[0] : l[i]) as T | undefined;
    };
    return compact<InspectionRowInput>({
      unitId,
      subject: {
        kind: (v.subject_kind as InspectionRowInput["subject"]["kind"] | undefined) ?? "unit",
        id: (v.subject_code as string | undefined) ?? unitId,
        name: v.subject_name as string,
      },
      date: v.date as string,
      kind: v.kind as InspectionRowInput["kind"],
      conductedBy: v.conducted_by as string | undefined,
      findings: (v.findings as string[] | undefined) ?? [],
      recommendations: Array.from({ length: count }, (_, i) =>
        compact<InspectionRowInput["recommendations"][number]>({
          id: `kn-${i + 1}`,
          text: nth<string>("recommendation", i) ?? "",
          responsible: nth<string>("responsible", i) ?? "",
          dueDate: nth<string>("due_date", i) ?? "",
          status: nth<InspectionRowInput["recommendations"][number]["status"]>("recommendation_status", i) ?? "open",
          doneOn: nth<string>("done_on", i),
          // The file counts findings from 1.
          finding: ((n) => (n === undefined ? undefined : n - 1))(nth<number>("finding", i)),
          remedy: nth<string>("remedy", i),
        }),
      ),
    });
  },
  check: (input) => {
    const { unitId: _u, ...record } = input;
    const r = validateInspectionRecord({ ...record, id: "row" });
    return r.ok ? [] : r.issues;
  },
  columnOf,
  // One row per record: its recommendations one per line of the recommendation columns.
  valuesOf: (s) => {
    const rec = s.recommendations;
    return [
      {
        unit_code: s.unitId,
        kind: s.kind,
        date: s.date,
        subject_kind: s.subject.kind,
        subject_code: s.subject.id,
        subject_name: s.subject.name,
        conducted_by: s.conductedBy,
        findings: s.findings,
        ...(rec.length === 0
          ? {}
          : {
              recommendation: rec.map((r) => r.text),
              responsible: rec.map((r) => r.responsible),
              due_date: rec.map((r) => r.dueDate),
              recommendation_status: rec.map((r) => r.status),
              done_on: rec.map((r) => r.doneOn),
              finding: rec.map((r) => (r.finding === undefined ? undefined : r.finding + 1)),
              remedy: rec.map((r) => r.remedy),
            }),
      },
    ];
  },
};

/**
 * Reads the rows of an inspection and supervision file: one record per row (findings one per line of
 * the "Kết luận" cell, or separated by `;` on one line; recommendations one per line of the "Kiến nghị"
 * cell, their party, due date, follow-up, the finding each answers ("Kết luận số", from 1) and the
 * remedy one line each or one line for all; a row-level problem names the item, "mục 2"), dates dd/mm/yyyy, kinds
 * and statuses as codes or their Vietnamese names; every row checked by `validateInspectionRecord`.
 * @example
 * readInspectionRows({ header: ["Mã đơn vị", "Hình thức", "Ngày", "Tên đối tượng", "Kết luận"],
 *   rows: [{ row: 3, cells: ["x-01", "Kiểm tra", "12/05/2025", "UBND xã", "Thiếu hồ sơ; Chậm tiến độ"] }] }).rows[0]?.input.findings.length // 2
 */
export function readInspectionRows(table: RecordTable): RecordRowsRead<InspectionRowInput> {
  return readWith(INSPECTION_FILE, table);
}
