import type { LocalizedText, Reason } from "../../schemas/common.js";

/** The columns of a values file that are not indicators: the unit, the year, the long layout's pair, unit attributes. */
export const VALUES_FIELDS = ["unit", "name", "level", "year", "indicator", "value", "region", "flags", "communeGroup"] as const;
export type ValuesField = (typeof VALUES_FIELDS)[number];

/** The header each field is written with in templates and Vietnamese exports (Mã đơn vị, Năm…). */
export const VALUES_FIELD_HEADERS: Readonly<Record<ValuesField, LocalizedText>> = {
  unit: { vi: "Mã đơn vị", en: "unit id" },
  name: { vi: "Tên đơn vị", en: "unit name" },
  level: { vi: "Cấp", en: "level" },
  year: { vi: "Năm", en: "year" },
  indicator: { vi: "Chỉ tiêu", en: "indicator" },
  value: { vi: "Giá trị", en: "value" },
  region: { vi: "Vùng", en: "region" },
  flags: { vi: "Đặc điểm", en: "flags" },
  communeGroup: { vi: "Nhóm xã", en: "commune group" },
};

/** Every header a field is read from, compared by {@link headerKey}: Vietnamese (with or without tone marks) and the machine names. */
const ALIASES: Readonly<Record<ValuesField, readonly string[]>> = {
  unit: ["Mã đơn vị", "mã ĐV", "unit_id", "unitid", "ma_don_vi"],
  name: ["Tên đơn vị", "Tên", "name", "unit_name"],
  level: ["Cấp", "level"],
  year: ["Năm", "year"],
  indicator: ["Chỉ tiêu", "Mã chỉ tiêu", "indicator", "chi_tieu"],
  value: ["Giá trị", "value", "gia_tri"],
  region: ["Vùng", "region"],
  flags: ["Đặc điểm", "flags"],
  communeGroup: ["Nhóm xã", "commune_group", "nhom_xa"],
};

/** The prefix of a raw count column (`input:households`) for derived indicators. */
export const INPUT_COLUMN_PREFIX = "input:";

/**
 * A header as compared: tone marks and đ folded, case, underscores and runs of spaces ignored, so
 * "Mã đơn vị", "ma don vi", "MA_DON_VI" are one header.
 */
function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .trim();
}

const FIELD_BY_KEY: ReadonlyMap<string, ValuesField> = new Map(
  VALUES_FIELDS.flatMap((f) => [...ALIASES[f], VALUES_FIELD_HEADERS[f].vi].map((a) => [headerKey(a), f] as const)),
);

/** What one column of a values file holds. */
export type ValuesColumn =
  | { kind: "field"; field: ValuesField }
  | { kind: "indicator"; indicatorId: string }
  | { kind: "input"; name: string }
  /** An empty header or one starting with `#`: a column for people, never read. */
  | { kind: "ignored" }
  /** Neither a field nor an indicator of the packs given. */
  | { kind: "unknown" };

/** A values file's header as read: each column's meaning, the layout, where each field sits, and the header's problems. */
export interface ValuesHeader {
  columns: ValuesColumn[];
  /** long: one row per unit × indicator (`Chỉ tiêu`, `Giá trị`); wide: one column per indicator. */
  layout: "long" | "wide";
  /** The 0-based index of each field present (the first, when a field is given twice). */
  fields: Partial<Record<ValuesField, number>>;
  /** `import.missing_column`, `import.unknown_column`, `import.duplicate_column`; params name the column by its letter and header. */
  issues: Reason[];
}

/** An indicator a header may name: by its id ("1.1"), its Vietnamese name, or "id - name". */
export interface HeaderIndicator {
  id: string;
  name?: LocalizedText;
}

/**
 * Reads the header row of a values file (the bulk import of the API and the CLI's evaluate): each
 * column is a field (unit, year, the long layout's indicator and value, unit attributes), an
 * indicator, a raw count (`input:<name>`) or ignored (`#…`, empty). Fields are recognised by their
 * Vietnamese headers (what the template writes: "Mã đơn vị", "Năm"…, with or without tone marks) and
 * by the machine names (`unit_id`, `year`…). Given the packs' indicators, an indicator column may
 * name one by id, by Vietnamese name or as "id - name", and any other column of a wide file is an
 * `import.unknown_column` problem; without them every other column is taken as an indicator id.
 * A missing unit column (and year column, when `requireYear`) is `import.missing_column`.
 * @example
 * readValuesHeader(["Mã đơn vị", "Năm", "1.1"]).columns[0] // { kind: "field", field: "unit" }
 * readValuesHeader(["Mã đơn vị", "Năm", "X"], { indicators: [{ id: "1.1" }] }).issues[0].code // "import.unknown_column"
 */
export function readValuesHeader(
  header: readonly string[],
  options: { indicators?: readonly HeaderIndicator[]; requireYear?: boolean } = {},
): ValuesHeader {
  const issues: Reason[] = [];
  const fields: Partial<Record<ValuesField, number>> = {};
  const byKey = options.indicators ? indicatorLookup(options.indicators) : undefined;
  const seenIndicator = new Map<string, number>();
  const columns = header.map((raw, index): ValuesColumn => {
    const text = raw.trim();
    if (text === "" || text.startsWith("#")) return { kind: "ignored" };
    if (text.toLowerCase().startsWith(INPUT_COLUMN_PREFIX)) return { kind: "input", name: text.slice(INPUT_COLUMN_PREFIX.length).trim() };
    const field = FIELD_BY_KEY.get(headerKey(text));
    if (field) {
      const first = fields[field];
      if (first === undefined) fields[field] = index;
      else issues.push(duplicate(index, text, first));
      return { kind: "field", field };
    }
    const indicatorId = byKey ? (byKey.get(text) ?? byKey.get(headerKey(text)) ?? byIdPrefix(text, byKey)) : text;
    if (indicatorId === undefined) return { kind: "unknown" };
    const first = seenIndicator.get(indicatorId);
    if (first !== undefined) issues.push(duplicate(index, text, first));
    else seenIndicator.set(indicatorId, index);
    return { kind: "indicator", indicatorId };
  });
  const layout = fields.indicator !== undefined && fields.value !== undefined ? "long" : "wide";
  if (layout === "wide")
    columns.forEach((c, index) => {
      if (c.kind === "unknown")
        issues.push({
          code: "import.unknown_column",
          path: [index],
          params: { column: columnLetter(index), header: header[index]!.trim() },
        });
    });
  const missing: ValuesField[] = ["unit", ...(options.requireYear ? (["year"] as const) : [])];
  for (const field of missing)
    if (fields[field] === undefined)
      issues.push({ code: "import.missing_column", path: [], params: { field, header: VALUES_FIELD_HEADERS[field].vi } });
  return { columns, layout, fields, issues };
}

function duplicate(index: number, header: string, first: number): Reason {
  return { code: "import.duplicate_column", path: [index], params: { column: columnLetter(index), header, first: columnLetter(first) } };
}

/** Indicator ids by id (exact) and by folded Vietnamese name. */
function indicatorLookup(indicators: readonly HeaderIndicator[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of indicators) if (i.name) out.set(headerKey(i.name.vi), i.id);
  for (const i of indicators) out.set(i.id, i.id);
  return out;
}

/** "1.1 - Quy hoạch…", "1.1. Quy hoạch", "1.1 Quy hoạch": the id before the first space or dash. */
function byIdPrefix(text: string, byKey: ReadonlyMap<string, string>): string | undefined {
  const m = /^(\S+?)[.:]?\s*(?:[-–:]\s*|\s+)\S/.exec(text);
  return m?.[1] !== undefined && byKey.get(m[1]) === m[1] ? m[1] : undefined;
}

/** A spreadsheet column letter for a 0-based index (0 → A, 27 → AB). */
function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
