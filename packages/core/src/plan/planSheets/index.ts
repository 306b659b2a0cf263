import { type Issue, type Result, fail, formatPath, ok } from "../../errors/index.js";
import type { JsonPath } from "../../schemas/common.js";
import type { Plan } from "../schemas.js";
import { type ValidatePlanOptions, validatePlan } from "../validatePlan/index.js";

/** One worksheet as text cells: row 0 is the header ("Label [key]"), then one row per item. */
export interface PlanSheet {
  name: string;
  rows: (string | null)[][];
}

/** How a cell encodes a value: text, a comma-separated list, a list of whole numbers, or JSON. */
type Codec = "text" | "list" | "numbers" | "json";
/** What an empty cell means: null, an absent field, or an empty list. */
type Empty = "null" | "absent" | "list" | "required";

interface Column {
  key: string;
  label: string;
  codec: Codec;
  empty: Empty;
}

interface SheetSpec {
  name: string;
  /** The plan field the rows come from; null for the one-row sheet of the plan's own fields. */
  field: keyof Plan | null;
  columns: Column[];
}

const col = (key: string, label: string, codec: Codec = "text", empty: Empty = "required"): Column => ({ key, label, codec, empty });
const loc = (key: string, label: string, empty: Empty = "required"): Column[] => [
  col(`${key}.vi`, `${label} (tiếng Việt)`, "text", empty),
  col(`${key}.en`, `${label} (English)`, "text", empty),
];

/** The workbook layout: one sheet per part of the plan, one column per field. */
const SHEETS: readonly SheetSpec[] = [
  {
    name: "Thông tin chung",
    field: null,
    columns: [
      col("id", "Mã kế hoạch"),
      col("number", "Số", "text", "null"),
      col("date", "Ngày ban hành", "text", "null"),
      ...loc("title", "Tên kế hoạch"),
      col("issuer.assigneeId", "Mã cơ quan ban hành"),
      ...loc("issuer.name", "Cơ quan ban hành"),
      col("period.start", "Từ ngày", "text", "null"),
      col("period.end", "Đến ngày"),
      col("signer", "Người ký (JSON)", "json", "null"),
      col("template", "Mẫu", "text", "absent"),
      col("parent", "Kế hoạch cấp trên (JSON)", "json", "absent"),
    ],
  },
  { name: "Mục đích", field: "purposes", columns: [col("code", "Mục"), ...loc("text", "Nội dung")] },
  {
    name: "Nhiệm vụ",
    field: "tasks",
    columns: [
      col("code", "Mục"),
      ...loc("title", "Tên nhiệm vụ"),
      col("body", "Nội dung"),
      col("lead", "Chủ trì (mã)", "list", "list"),
      col("coordinating", "Phối hợp (mã)", "list", "list"),
      col("assigneeBasis", "Căn cứ giao"),
      col("deliverables", "Sản phẩm (JSON)", "json"),
      col("links.packId", "Bộ tiêu chí", "text", "absent"),
      col("links.criteria", "Tiêu chí", "list", "list"),
      col("links.indicators", "Chỉ tiêu", "list", "list"),
      col("links.targets", "Mục tiêu", "list", "list"),
      col("reportingCadence", "Kỳ báo cáo riêng (JSON)", "json", "null"),
      col("milestones", "Chỉ tiêu và thời hạn (JSON)", "json", "absent"),
      col("implements", "Thực hiện nhiệm vụ cấp trên", "list", "absent"),
    ],
  },
  {
    name: "Tổ chức thực hiện",
    field: "assignments",
    columns: [
      col("code", "Mục"),
      col("assigneeIds", "Đơn vị (mã)", "list", "list"),
      ...loc("text", "Nội dung"),
      col("dutyIds", "Nhiệm vụ báo cáo (mã)", "list", "list"),
    ],
  },
  {
    name: "Đơn vị được giao",
    field: "assignees",
    columns: [
      col("id", "Mã"),
      col("kind", "Loại"),
      ...loc("name", "Tên"),
      col("unitId", "Đơn vị hành chính", "text", "absent"),
      col("supportsUnitIds", "Xã phụ trách", "list", "absent"),
    ],
  },
  {
    name: "Chế độ báo cáo",
    field: "reportingDuties",
    columns: [
      col("id", "Mã"),
      ...loc("title", "Tên báo cáo"),
      col("assigneeIds", "Đơn vị báo cáo (mã)", "list", "list"),
      col("to", "Gửi đến (mã)"),
      col("cadence", "Kỳ báo cáo (JSON)", "json"),
      col("only", "Chỉ các kỳ", "numbers", "absent"),
      col("deadline", "Quy tắc thời hạn (JSON)", "json", "absent"),
      col("basis", "Căn cứ (JSON)", "json"),
      col("defaults", "Phần mặc định", "list", "list"),
      col("activeFrom", "Áp dụng từ", "text", "absent"),
      col("activeUntil", "Áp dụng đến", "text", "absent"),
    ],
  },
  { name: "Nơi nhận", field: "recipients", columns: [...loc("name", "Nơi nhận"), ...loc("note", "Ghi chú", "absent")] },
  {
    name: "Căn cứ",
    field: "basis",
    columns: [
      col("kind", "Loại văn bản"),
      col("number", "Số"),
      col("date", "Ngày", "text", "null"),
      ...loc("issuer", "Cơ quan ban hành"),
      ...loc("title", "Trích yếu", "absent"),
      col("relation", "Quan hệ"),
    ],
  },
];

const header = (c: Column) => `${c.label} [${c.key}]`;
const columnLetter = (i: number): string => (i >= 26 ? columnLetter(Math.floor(i / 26) - 1) : "") + String.fromCharCode(65 + (i % 26));

function get(obj: unknown, key: string): unknown {
  let cur = obj;
  for (const k of key.split(".")) cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}
function set(obj: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let cur = obj;
  for (const k of parts.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[parts[parts.length - 1]!] = value;
}

function encode(value: unknown, c: Column): string | null {
  if (value === undefined || value === null) return null;
  if (c.codec === "list" || c.codec === "numbers") return (value as unknown[]).length ? (value as unknown[]).join(", ") : null;
  if (c.codec === "json") return JSON.stringify(value);
  return String(value);
}

function decode(cell: string, c: Column): { value: unknown } | { error: string } {
  if (c.codec === "list")
    return {
      value: cell
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    };
  if (c.codec === "numbers") {
    const parts = cell
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return parts.every((p) => /^\d+$/.test(p))
      ? { value: parts.map(Number) }
      : { error: "cần các số nguyên cách nhau bởi dấu phẩy / expected whole numbers separated by commas" };
  }
  if (c.codec === "json") {
    try {
      return { value: JSON.parse(cell) as unknown };
    } catch {
      return { error: "JSON không đọc được / unreadable JSON" };
    }
  }
  return { value: cell };
}

/**
 * A plan as worksheets of text cells (the XLSX layout; the app writes the cells): the plan's own
 * fields, purposes, tasks, assignments, assignees, reporting duties, recipients and basis documents.
 * Read back with {@link planFromSheets}; an empty optional list reads back as absent.
 * @example
 * planToSheets(plan).map((s) => s.name) // ["Thông tin chung", "Mục đích", "Nhiệm vụ", ...]
 */
export function planToSheets(plan: Plan): PlanSheet[] {
  return SHEETS.map((s) => {
    const items: unknown[] = s.field === null ? [plan] : (plan[s.field] as unknown[]);
    return { name: s.name, rows: [s.columns.map(header), ...items.map((item) => s.columns.map((c) => encode(get(item, c.key), c)))] };
  });
}

/** Where an issue of the assembled plan lies in the workbook: sheet, row (1-based) and column letter. */
function locate(path: JsonPath): { sheet: string; row: number; column?: string } | null {
  const [head, index, ...rest] = path;
  const spec = SHEETS.find((s) => s.field === head) ?? SHEETS[0]!;
  const own = spec.field === null;
  const row = own ? 2 : typeof index === "number" ? index + 2 : 1;
  const inner = (own ? path : rest).map(String);
  let best = -1;
  spec.columns.forEach((c, i) => {
    const parts = c.key.split(".");
    if (parts.every((p, j) => inner[j] === p) && (best < 0 || parts.length > spec.columns[best]!.key.split(".").length)) best = i;
  });
  return { sheet: spec.name, row, ...(best >= 0 ? { column: columnLetter(best) } : {}) };
}

/**
 * Reads a plan from worksheets laid out as {@link planToSheets} writes them (columns found by the
 * `[key]` in their header, in any order) and validates it. Every issue names its sheet, row and
 * column in `params` (and in the path: [sheet, row, key] for unreadable cells).
 * @example
 * planFromSheets(planToSheets(plan)) // { ok: true, value: plan }
 */
export function planFromSheets(sheets: readonly PlanSheet[], options: ValidatePlanOptions = {}): Result<Plan> {
  const issues: Issue[] = [];
  const plan: Record<string, unknown> = {};
  for (const spec of SHEETS) {
    const sheet = sheets.find((s) => s.name === spec.name);
    if (!sheet) {
      issues.push({ code: "plan.sheet_missing", path: [spec.name], message: `no sheet "${spec.name}"`, params: { sheet: spec.name } });
      continue;
    }
    const head = (sheet.rows[0] ?? []).map((h) => /\[([^\]]+)\]\s*$/.exec(h ?? "")?.[1] ?? null);
    const missing = spec.columns.filter((c) => !head.includes(c.key));
    for (const c of missing)
      issues.push({
        code: "plan.column_missing",
        path: [spec.name, 1, c.key],
        message: `no column [${c.key}]`,
        params: { sheet: spec.name, row: 1, column: c.key },
      });
    if (missing.length) continue;
    const items: Record<string, unknown>[] = [];
    sheet.rows.slice(1).forEach((cells, r) => {
      if (cells.every((x) => x === null || x.trim() === "")) return;
      const item: Record<string, unknown> = {};
      for (const c of spec.columns) {
        const i = head.indexOf(c.key);
        const raw = cells[i]?.trim() ?? "";
        if (raw === "") {
          if (c.empty === "null") set(item, c.key, null);
          else if (c.empty === "list") set(item, c.key, []);
          else if (c.empty === "required") set(item, c.key, undefined);
          continue;
        }
        const d = decode(raw, c);
        if ("error" in d)
          issues.push({
            code: "plan.cell_unreadable",
            path: [spec.name, r + 2, c.key],
            message: d.error,
            params: { sheet: spec.name, row: r + 2, column: columnLetter(i) },
          });
        else set(item, c.key, d.value);
      }
      items.push(item);
    });
    if (spec.field === null) Object.assign(plan, items[0] ?? {});
    else plan[spec.field] = items;
  }
  if (issues.length) return fail("invalid_input", issues);
  const checked = validatePlan(plan, options);
  if (checked.ok) return checked;
  return fail(
    checked.kind,
    checked.issues.map((x) => {
      const at = locate(x.path);
      return at
        ? {
            ...x,
            message: `${at.sheet}, dòng/row ${at.row}${at.column ? `, cột/column ${at.column}` : ""} (${formatPath(x.path)}): ${x.message}`,
            params: { ...x.params, ...at },
          }
        : x;
    }),
  );
}
