import type ExcelJS from "exceljs";
import { type CriteriaPack, type Indicator, type Issue, createPackRegistry, getPack, parseCellValue } from "@ntm/core";
import { cellPlace } from "./place.js";
import { CliError, type Problem } from "./exit.js";

/** Sheet names of the template (Vietnamese, as the provincial office sees them). */
export const SHEETS = { guide: "Hướng dẫn", pack: "Bộ tiêu chí", indicators: "Chỉ tiêu" } as const;

const HEADER_KEYS = [
  "id",
  "version",
  "title_vi",
  "title_en",
  "extends",
  "legal_ref",
  "legal_date",
  "effective_from",
  "effective_to",
  "example",
] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];

const HEADER_LABELS: Record<HeaderKey, string> = {
  id: "Mã bộ tiêu chí (chữ thường, ví dụ tinh-x.commune-ntm.2021-2025)",
  version: "Phiên bản",
  title_vi: "Tên bộ tiêu chí (tiếng Việt)",
  title_en: "Tên bộ tiêu chí (tiếng Anh)",
  extends: "Kế thừa bộ tiêu chí quốc gia (không sửa)",
  legal_ref: "Số, ký hiệu văn bản của tỉnh (ví dụ QĐ 1234/QĐ-UBND)",
  legal_date: "Ngày ban hành (dd/mm/yyyy)",
  effective_from: "Hiệu lực từ (dd/mm/yyyy)",
  effective_to: "Hiệu lực đến (dd/mm/yyyy, có thể trống)",
  example: "Giá trị ví dụ, không phải quy định? (Có/Không)",
};

/** Fixed columns of the indicator sheet, before the variant columns. */
const LEAD = ["criterion_id", "criterion_name", "indicator_id", "indicator_name", "kind", "unit", "comparator", "year"] as const;
const TAIL = ["verified", "source_ref", "source_note"] as const;
const COLUMN_LABELS: Record<string, string> = {
  criterion_id: "Tiêu chí",
  criterion_name: "Tên tiêu chí",
  indicator_id: "Chỉ tiêu",
  indicator_name: "Nội dung chỉ tiêu",
  kind: "Loại",
  unit: "Đơn vị tính",
  comparator: "So sánh",
  year: "Năm (trống = mọi năm)",
  verified: "Đã đối chiếu văn bản (Có/Không)",
  source_ref: "Căn cứ (văn bản, điều, phụ lục)",
  source_note: "Ghi chú",
};

function variantsOf(pack: CriteriaPack): string[] {
  if (pack.variantBy === "none") return ["all"];
  if (pack.variants) return Object.keys(pack.variants);
  return pack.variantBy === "region" ? ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"] : ["1", "2", "3"];
}

const colLetter = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

function cellOut(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? "Đạt" : "Không";
  return v as number;
}

/** Threshold rows of one indicator: one row for all years, or one per year for income-like indicators. */
function thresholdRows(ind: Indicator, variants: readonly string[]): { year: string; cells: (string | number | boolean | null)[] }[] {
  const t = ind.threshold;
  const pick = (m: Record<string, unknown>) => variants.map((v) => cellOut(m[v] ?? m["*"]));
  if ("all" in t) return [{ year: "", cells: variants.map(() => cellOut(t.all)) }];
  if ("byVariant" in t) return [{ year: "", cells: pick(t.byVariant) }];
  if ("byYear" in t) return Object.entries(t.byYear).map(([year, m]) => ({ year, cells: pick(m) }));
  return [{ year: "", cells: variants.map(() => null) }];
}

/**
 * Fills a workbook with the template: a guide, the pack header (key/value), and one row per indicator
 * (per year for year-dependent thresholds) with a threshold column per region or commune group,
 * pre-filled from the base pack. Unknown thresholds are empty cells.
 * @example
 * const wb = new ExcelJS.Workbook(); fillTemplate(wb, getPack("vn.commune-ntm.2021-2025")!);
 */
export function fillTemplate(wb: ExcelJS.Workbook, base: CriteriaPack): void {
  const variants = variantsOf(base);
  const guide = wb.addWorksheet(SHEETS.guide);
  guide.getColumn(1).width = 120;
  [
    `Mẫu chuyển hoá bộ tiêu chí cấp tỉnh, kế thừa ${base.id} (${base.title.vi}).`,
    `Template for a provincial transposition of ${base.id}.`,
    '1. Điền sheet "Bộ tiêu chí": mã, tên, văn bản của tỉnh, hiệu lực.',
    `2. Sheet "Chỉ tiêu": sửa ngưỡng ở các cột ${variants.join(", ")}; ô trống = chưa rõ ngưỡng (phần mềm sẽ báo "chưa rõ", không tự bịa).`,
    "   Chỉ tiêu Đạt/Không: ghi Đạt hoặc Không. Số thập phân dùng dấu phẩy hoặc chấm (16,5).",
    '   Cột "Đã đối chiếu văn bản": chỉ ghi Có khi đã đối chiếu với văn bản pháp luật; ghi căn cứ ở cột bên cạnh.',
    "   Không thêm, xoá hay đổi thứ tự dòng; các cột Tên, Loại, Đơn vị, So sánh chỉ để tham khảo.",
    "3. Chạy: ntm packs new --from <tệp.xlsx> --out <bo-tieu-chi.json>; lỗi được báo theo sheet, dòng, cột.",
    "Ngưỡng điền sẵn lấy từ bộ tiêu chí quốc gia; ngưỡng chưa xác minh vẫn được đánh dấu chưa xác minh.",
  ].forEach((line, i) => (guide.getCell(i + 1, 1).value = line));

  const head = wb.addWorksheet(SHEETS.pack);
  head.columns = [{ width: 60 }, { width: 50 }, { width: 20 }];
  head.addRow(["Trường (field)", "Giá trị (value)", "Khoá (key)"]).font = { bold: true };
  const defaults: Record<HeaderKey, string> = {
    id: "",
    version: "1.0.0",
    title_vi: "",
    title_en: "",
    extends: base.id,
    legal_ref: "",
    legal_date: "",
    effective_from: base.effective.from.split("-").reverse().join("/"),
    effective_to: base.effective.to ? base.effective.to.split("-").reverse().join("/") : "",
    example: "Không",
  };
  for (const k of HEADER_KEYS) head.addRow([HEADER_LABELS[k], defaults[k], k]);

  const sheet = wb.addWorksheet(SHEETS.indicators, { views: [{ state: "frozen", ySplit: 1, xSplit: 3 }] });
  const keys = [...LEAD, ...variants, ...TAIL];
  sheet.addRow(keys.map((k) => `${COLUMN_LABELS[k] ?? `Ngưỡng ${k}`} (${k})`)).font = { bold: true };
  sheet.columns = keys.map((k) => ({ width: k === "indicator_name" || k === "criterion_name" ? 45 : k.startsWith("source") ? 40 : 12 }));
  for (const c of base.criteria) {
    for (const ind of c.indicators) {
      for (const r of thresholdRows(ind, variants)) {
        sheet.addRow([
          c.id,
          c.name.vi,
          ind.id,
          ind.name.vi,
          ind.kind,
          ind.unit ?? "",
          ind.comparator,
          r.year === "" ? null : Number(r.year),
          ...r.cells,
          ind.verified ? "Có" : "Không",
          ind.source?.ref ?? "",
          ind.source?.note ?? "",
        ]);
      }
    }
  }
}

/** A cell's value as plain data (formula results, rich text and dates flattened). */
function plain(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "result" in v) return plain((v as { result: ExcelJS.CellValue }).result);
  if (typeof v === "object" && "richText" in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
  if (typeof v === "object" && "text" in v) return String((v as { text: unknown }).text);
  return String(v);
}

function isoDate(raw: string | number | boolean | null): string | undefined {
  if (raw === null || raw === "") return undefined;
  const s = String(raw).trim();
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return vi ? `${vi[3]}-${vi[2]!.padStart(2, "0")}-${vi[1]!.padStart(2, "0")}` : s;
}

/**
 * Reads a filled template into a pack document that extends the base pack, and validates it with the
 * core. Every problem names the sheet, row and column.
 * @example
 * const pack = readTemplate(wb, "tinh-x.xlsx"); // CriteriaPack document, or throws CliError
 */
export function readTemplate(wb: ExcelJS.Workbook, file: string): Record<string, unknown> {
  const problems: Problem[] = [];
  const at = (sheet: string, row: number, col?: number, key?: string) =>
    cellPlace({ sheet, row, ...(col !== undefined ? { column: colLetter(col) } : {}), ...(key ? { key } : {}) });
  const headSheet = wb.getWorksheet(SHEETS.pack);
  const indSheet = wb.getWorksheet(SHEETS.indicators);
  if (!headSheet || !indSheet)
    throw new CliError("invalid_input", [
      {
        file,
        message: `thiếu sheet "${SHEETS.pack}" hoặc "${SHEETS.indicators}" (tạo mẫu bằng \`ntm packs template\`) / the workbook needs both sheets`,
      },
    ]);

  const header = new Map<string, { value: string | number | boolean | null; row: number }>();
  headSheet.eachRow((row, n) => {
    const key = plain(row.getCell(3).value);
    if (n > 1 && typeof key === "string" && key) header.set(key.trim(), { value: plain(row.getCell(2).value), row: n });
  });
  const h = (k: HeaderKey) => {
    const v = header.get(k)?.value;
    return v === null || v === undefined ? "" : String(v).trim();
  };
  const headerWhere = (k: string) => at(SHEETS.pack, header.get(k)?.row ?? 1, 2, k);
  const baseId = h("extends");
  const base = getPack(baseId);
  if (!base)
    throw new CliError("invalid_input", [
      { file, where: headerWhere("extends"), message: `"${baseId}" không phải bộ tiêu chí có sẵn / is not a shipped pack` },
    ]);

  // Columns by key: the key is the text in the last parentheses of the header cell.
  const cols = new Map<string, number>();
  indSheet.getRow(1).eachCell((cell, n) => {
    const m = /\(([^()]+)\)\s*$/.exec(String(plain(cell.value) ?? ""));
    if (m?.[1]) cols.set(m[1].trim(), n);
  });
  const variants = variantsOf(base);
  for (const k of ["indicator_id", "year", "verified", "source_ref", ...variants]) {
    if (!cols.has(k)) problems.push({ file, where: at(SHEETS.indicators, 1), message: `thiếu cột "${k}" / missing column` });
  }
  if (problems.length) throw new CliError("invalid_input", problems);

  const kindOf = new Map(base.criteria.flatMap((c) => c.indicators.map((i) => [i.id, { kind: i.kind, criterion: c.id }] as const)));
  type Acc = {
    rows: number[];
    yearRows: Record<string, number>;
    all?: Record<string, number | boolean | null>;
    byYear: Record<string, Record<string, number | boolean | null>>;
    verified: boolean;
    source?: { ref: string; note?: string };
  };
  const acc = new Map<string, Acc>();
  indSheet.eachRow((row, n) => {
    if (n === 1) return;
    const get = (k: string) => plain(row.getCell(cols.get(k)!).value);
    const idRaw = get("indicator_id");
    if (idRaw === null || String(idRaw).trim() === "") return;
    const id = String(idRaw).trim();
    const info = kindOf.get(id);
    if (!info) {
      problems.push({
        file,
        where: at(SHEETS.indicators, n, cols.get("indicator_id"), "indicator_id"),
        message: `chỉ tiêu "${id}" không có trong ${base.id} / indicator is not in the base pack`,
      });
      return;
    }
    const yearRaw = get("year");
    const year = yearRaw === null || String(yearRaw).trim() === "" ? "" : String(yearRaw).trim();
    if (year && !/^\d{4}$/.test(year))
      problems.push({
        file,
        where: at(SHEETS.indicators, n, cols.get("year"), "year"),
        message: `"${year}" không phải năm / is not a year`,
      });
    const m: Record<string, number | boolean | null> = {};
    for (const v of variants) {
      const raw = get(v);
      const col = cols.get(v);
      const value: number | boolean | null | undefined =
        typeof raw === "number" || typeof raw === "boolean" || raw === null
          ? raw
          : ["?", "chưa rõ", "chua ro"].includes(raw.trim().toLowerCase())
            ? null
            : parseCellValue(raw);
      if (value === undefined) {
        problems.push({
          file,
          where: at(SHEETS.indicators, n, col, v),
          message: `không đọc được ngưỡng "${String(raw)}" / cannot read as a threshold`,
        });
        continue;
      }
      if (info.kind === "boolean" && typeof value === "number") {
        problems.push({
          file,
          where: at(SHEETS.indicators, n, col, v),
          message: `chỉ tiêu ${id} là Đạt/Không, nhận được ${value} / indicator ${id} is Đạt/Không, got ${value}`,
        });
        continue;
      }
      if (info.kind !== "boolean" && typeof value === "boolean") {
        problems.push({
          file,
          where: at(SHEETS.indicators, n, col, v),
          message: `chỉ tiêu ${id} cần một số, nhận được ${value ? "Đạt" : "Không"} / indicator ${id} needs a number, got ${value ? "Đạt" : "Không"}`,
        });
        continue;
      }
      m[v] = value;
    }
    const a: Acc = acc.get(id) ?? { rows: [], yearRows: {}, byYear: {}, verified: false };
    a.rows.push(n);
    if (year === "") {
      if (a.all || Object.keys(a.byYear).length)
        problems.push({
          file,
          where: at(SHEETS.indicators, n, cols.get("year"), "year"),
          message: `chỉ tiêu ${id} có một dòng cho mọi năm và các dòng khác: ghi năm trên mọi dòng hoặc không dòng nào / indicator ${id} has a row for all years and other rows; give a year on every row or on none`,
        });
      a.all = m;
    } else {
      if (a.all)
        problems.push({
          file,
          where: at(SHEETS.indicators, n, cols.get("year"), "year"),
          message: `chỉ tiêu ${id} có một dòng cho mọi năm và một dòng cho năm ${year} / indicator ${id} has a row for all years and a row for ${year}`,
        });
      if (a.byYear[year])
        problems.push({
          file,
          where: at(SHEETS.indicators, n, cols.get("year"), "year"),
          message: `chỉ tiêu ${id} có hai dòng cho năm ${year} / indicator ${id} has two rows for ${year}`,
        });
      a.byYear[year] = m;
      a.yearRows[year] = n;
    }
    const verified = get("verified");
    a.verified = a.verified || verified === true || (typeof verified === "string" && parseCellValue(verified) === true);
    const ref = get("source_ref");
    const note = get("source_note");
    if (ref !== null && String(ref).trim())
      a.source = { ref: String(ref).trim(), ...(note !== null && String(note).trim() ? { note: String(note).trim() } : {}) };
    acc.set(id, a);
  });
  if (problems.length) throw new CliError("invalid_input", problems);

  // The document lists patches in the base pack's order, so JSON paths map back to template rows.
  const rowOf = new Map<string, number>();
  const criteria = base.criteria
    .map((c) => ({
      id: c.id,
      indicators: c.indicators.flatMap((i) => {
        const a = acc.get(i.id);
        if (!a) return [];
        const toThreshold = (mm: Record<string, number | boolean | null>) =>
          base.variantBy === "none" ? { all: mm["all"] ?? null } : { byVariant: mm };
        const threshold = a.all ? toThreshold(a.all) : { byYear: a.byYear };
        return [{ id: i.id, threshold, verified: a.verified, ...(a.source ? { source: a.source } : {}) }];
      }),
    }))
    .filter((c) => c.indicators.length > 0);
  criteria.forEach((c, ci) =>
    c.indicators.forEach((i, ii) => {
      const a = acc.get(i.id)!;
      rowOf.set(`${ci}/${ii}`, a.rows[0]!);
      for (const [y, r] of Object.entries(a.yearRows)) rowOf.set(`${ci}/${ii}/${y}`, r);
    }),
  );

  const legalDate = isoDate(header.get("legal_date")?.value ?? null);
  const from = isoDate(header.get("effective_from")?.value ?? null);
  const to = isoDate(header.get("effective_to")?.value ?? null);
  const example = parseCellValue(h("example")) === true;
  const doc: Record<string, unknown> = {
    id: h("id"),
    version: h("version"),
    title: { vi: h("title_vi"), en: h("title_en") || h("title_vi") },
    legalBasis: h("legal_ref") ? [{ ref: h("legal_ref"), date: legalDate ?? "" }] : [],
    effective: { from: from ?? "", ...(to ? { to } : {}) },
    extends: base.id,
    ...(example
      ? {
          example: true,
          notice: {
            vi: "BỘ TIÊU CHÍ VÍ DỤ: giá trị minh hoạ, không phải quy định pháp luật.",
            en: "EXAMPLE PACK: illustrative values, not law.",
          },
        }
      : {}),
    criteria,
  };
  const r = createPackRegistry().resolve(doc);
  if (!r.ok)
    throw new CliError(
      "invalid_input",
      r.issues.map((i) => locateIssue(i, file, rowOf, cols, headerWhere, at)),
    );
  return doc;
}

const HEADER_OF: Record<string, string> = {
  id: "id",
  version: "version",
  title: "title_vi",
  legalBasis: "legal_ref",
  effective: "effective_from",
  extends: "extends",
  example: "example",
};

function locateIssue(
  i: Issue,
  file: string,
  rowOf: Map<string, number>,
  cols: Map<string, number>,
  headerWhere: (k: string) => string,
  at: (s: string, r: number, c?: number, k?: string) => string,
): Problem {
  const [head, ci, , ii, field, , variantOrYear, variant] = i.path;
  if (head === "criteria" && typeof ci === "number" && typeof ii === "number") {
    const row = (typeof variantOrYear === "string" ? rowOf.get(`${ci}/${ii}/${variantOrYear}`) : undefined) ?? rowOf.get(`${ci}/${ii}`);
    const key =
      field === "threshold"
        ? typeof variant === "string"
          ? variant
          : typeof variantOrYear === "string" && cols.has(variantOrYear)
            ? variantOrYear
            : undefined
        : field === "source"
          ? "source_ref"
          : typeof field === "string"
            ? field
            : undefined;
    if (row !== undefined)
      return { file, where: at(SHEETS.indicators, row, key ? cols.get(key) : undefined, key), message: i.message, code: i.code };
  }
  if (typeof head === "string" && HEADER_OF[head]) {
    const k =
      head === "effective" && i.path[1] === "to"
        ? "effective_to"
        : head === "legalBasis" && i.path[2] === "date"
          ? "legal_date"
          : head === "title" && i.path[1] === "en"
            ? "title_en"
            : HEADER_OF[head]!;
    return { file, where: headerWhere(k), message: i.message, code: i.code };
  }
  return { file, where: `$${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("")}`, message: i.message, code: i.code };
}
