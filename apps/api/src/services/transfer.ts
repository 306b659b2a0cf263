/**
 * The export tables of the transfer routes (CSV/XLSX): a subtree's commune values in the wide,
 * re-importable layout (columns from the pack adopted that year, or an explicit pack's ladder), and
 * its communes' evaluations (core's results through the roll-up, communes with no pack adopted
 * listed as such).
 */
import {
  type HeaderIndicator,
  EVALUATION_STATUS_LABELS,
  NO_TIER_LABEL,
  TIER_LABELS,
  UNDETERMINED_LABELS,
  VALUES_FIELD_HEADERS,
} from "@ntm/core";
import type { Db } from "../db/index.js";
import { ApiError, type ProblemField } from "../http/problem.js";
import { INPUT_PREFIX, type ReadValues, type RowIssue } from "../transfer/importValues.js";
import type { Cell } from "../transfer/table.js";
import { planImport } from "../transfer/planImport.js";
import type { Principal } from "../auth/policy.js";
import { locksOf } from "./valueLocks.js";
import { saveValues } from "./values.js";
import type { UnitTree } from "../units.js";
import { type ValuesRow, loadValues } from "../values.js";
import { computeRollup } from "./evaluations.js";
import { type LoadedPacks, tierLadder } from "./packs.js";

/** A status in Vietnamese (core's labels): met Đạt, not met Không đạt, undetermined Chưa xác định. */
const statusVi = (s: string | undefined): string =>
  s === undefined ? "" : ((EVALUATION_STATUS_LABELS as Record<string, { vi: string }>)[s]?.vi ?? "");

/**
 * The values export of a unit's communes for a year: one row per commune, one column per indicator
 * of the top pack of the ladder (explicit, or adopted for the first commune with one), then inputs;
 * `template`: no values, and a first `#` row of indicator names.
 * @example
 * const { header } = await valuesExportTable(db, tree, packs, "d-01", 2025); header.slice(0, 3) // ["unit_id", "name", "year"]
 */
export async function valuesExportTable(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  id: string,
  year: number,
  packId: string | undefined,
  options: { template?: boolean; headers?: "vi" | "machine" } = {},
): Promise<{ header: string[]; rows: Cell[][] }> {
  const communes = tree.subtree(id).filter((u) => u.level === "commune");
  // The columns: the top pack of the explicit ladder, or of the ladder adopted for the first commune with one that year.
  const adopted = communes.map((u) => packs.ladderFor(tree, u.id, year)).find((l) => l.ok);
  const top = packId !== undefined ? tierLadder(packs.registry, packId).at(-1) : adopted?.ok ? adopted.ladder.at(-1)?.pack : undefined;
  if (!top)
    throw new ApiError(
      packId !== undefined ? "not_found" : "invalid_input",
      packId !== undefined
        ? "Không có bộ tiêu chí / pack not found"
        : `Chưa áp dụng bộ tiêu chí cho năm ${year} / no pack adopted for ${year}`,
      [{ path: "$.query.year", message: `no pack for ${year}` }],
    );
  const byUnit = options.template
    ? new Map<string, ValuesRow>()
    : await loadValues(
        db,
        communes.map((u) => u.id),
        year,
      );
  const indicators = top.criteria.flatMap((cr) => cr.indicators);
  const indicatorIds = indicators.map((i) => i.id);
  const inputNames = [...new Set([...byUnit.values()].flatMap((r) => Object.keys(r.inputs)))].sort();
  // The unit, name and year columns: Vietnamese (Mã đơn vị, Tên đơn vị, Năm) or the machine names; the import reads both.
  const base =
    options.headers === "vi"
      ? [VALUES_FIELD_HEADERS.unit.vi, VALUES_FIELD_HEADERS.name.vi, VALUES_FIELD_HEADERS.year.vi]
      : ["unit_id", "name", "year"];
  // Raw counts keep the machine header `input:<name>` in both dialects: packs give the counts no
  // names (a ratio indicator names only its numerator and denominator keys), and the import reads
  // the column back by that prefix, so the file round-trips.
  const header = [...base, ...indicatorIds, ...inputNames.map((n) => INPUT_PREFIX + n)];
  const rows: Cell[][] = communes.map((u) => {
    const r = byUnit.get(u.id);
    const cell = (v: number | boolean | null | undefined): Cell =>
      v === undefined || v === null ? null : typeof v === "boolean" ? (v ? "Đạt" : "Không") : v;
    return [u.id, u.name, year, ...indicatorIds.map((i) => cell(r?.values[i])), ...inputNames.map((n) => cell(r?.inputs[n]))];
  });
  // The template (no values) adds a `#` row of indicator names, which the import skips.
  if (options.template)
    rows.unshift([`# Tên chỉ tiêu (${top.id}) - dòng này không được nhập`, "", "", ...indicators.map((i) => i.name.vi)]);
  return { header, rows };
}

/**
 * The evaluations export of a unit's communes for a year, in Vietnamese (headers and values, core's
 * labels): result, criteria met, tier reached, why it is undetermined (chưa có số liệu, chưa rõ
 * ngưỡng: "Chưa xác định", never a failure), revocation, each criterion; communes with no pack
 * adopted listed as such.
 * @example
 * const { rows } = await evaluationsExportTable(db, tree, packs, "d-01", 2025); rows[0][3] // "Đạt"
 */
export async function evaluationsExportTable(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  id: string,
  year: number,
  packId: string | undefined,
): Promise<{ header: string[]; rows: Cell[][] }> {
  if (packId !== undefined && !packs.registry.get(packId)) throw new ApiError("not_found", "Không có bộ tiêu chí / pack not found");
  const r = await computeRollup(db, tree, packs, id, year, packId);
  const criterionIds = Object.keys(r.communes[0]?.criteria ?? {});
  const header = [
    VALUES_FIELD_HEADERS.unit.vi,
    VALUES_FIELD_HEADERS.name.vi,
    VALUES_FIELD_HEADERS.year.vi,
    "Kết quả",
    "Số tiêu chí đạt",
    "Tổng số tiêu chí",
    "Hạng đạt được",
    "Lý do chưa xác định",
    "Đề nghị thu hồi",
    ...criterionIds.map((k) => `TC ${k}`),
  ];
  const rows: Cell[][] = r.communes.map((cm) => [
    cm.unitId,
    cm.name,
    year,
    statusVi(cm.status),
    cm.criteriaMet,
    cm.criteriaTotal,
    // A commune that cannot be judged (chưa có số liệu, chưa rõ ngưỡng) is "Chưa xác định", never "Chưa đạt chuẩn".
    cm.tierReached ? TIER_LABELS[cm.tierReached].vi : cm.undetermined ? EVALUATION_STATUS_LABELS.indeterminate.vi : NO_TIER_LABEL.vi,
    cm.undetermined ? UNDETERMINED_LABELS[cm.undetermined].vi : "",
    cm.revoke ? "Có" : "Không",
    ...criterionIds.map((k) => statusVi(cm.criteria[k])),
  ]);
  for (const n of r.noPack.communes)
    rows.push([n.unitId, n.name, year, "Chưa áp dụng bộ tiêu chí", "", "", "", "", "", ...criterionIds.map(() => "")]);
  if (r.example) rows.push(["# Bộ tiêu chí ví dụ, không phải quy định pháp luật / example pack, not law"]);
  return { header, rows };
}

/**
 * The indicators a values file's columns may name: those of the explicit pack's ladder, or of every
 * pack known (each unit-year is then checked against its own adopted ladder by planImport).
 * @example
 * headerIndicators(packs, undefined).some((i) => i.id === "1.1") // true
 */
export function headerIndicators(packs: LoadedPacks, packId: string | undefined): HeaderIndicator[] {
  const list = packId !== undefined ? tierLadder(packs.registry, packId) : packs.registry.list();
  const out = new Map<string, HeaderIndicator>();
  for (const p of list)
    for (const cr of p.criteria) for (const i of cr.indicators) if (!out.has(i.id)) out.set(i.id, { id: i.id, name: i.name });
  return [...out.values()];
}

/** The first `max` problems by row and column (the answer stays small however bad the file). */
function rowFields(issues: readonly RowIssue[], max: number): ProblemField[] {
  return [...issues]
    .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
    .slice(0, max)
    .map((i) => ({ path: `row ${i.row}, column ${i.column}`, row: i.row, column: i.column, message: i.message }));
}

/**
 * Imports a values file already read: the pack asked for must exist (404); every unit-year is planned
 * against what is stored and locked (transfer/planImport); any problem is a 422 listing the first
 * `maxErrors` and nothing is written; otherwise every unit-year is saved in one transaction
 * (`saveValues`, audited as `values.import`).
 */
export async function importValuesFile(
  db: Db,
  user: Principal,
  tree: UnitTree,
  packs: LoadedPacks,
  read: ReadValues,
  packId: string | undefined,
  maxErrors: number,
  at: Date,
): Promise<{ unitYears: number; created: number; updated: number; years: number[] }> {
  if (packId !== undefined && !packs.registry.get(packId))
    throw new ApiError("not_found", `Không có bộ tiêu chí "${packId}" / pack "${packId}" not found`);
  const stored = new Map<number, Awaited<ReturnType<typeof loadValues>>>();
  for (const year of new Set(read.unitYears.map((u) => u.year)))
    stored.set(
      year,
      await loadValues(
        db,
        read.unitYears.filter((u) => u.year === year).map((u) => u.unitId),
        year,
      ),
    );
  const locks = new Map<number, Awaited<ReturnType<typeof locksOf>>>();
  for (const year of new Set(read.unitYears.map((u) => u.year)))
    locks.set(
      year,
      await locksOf(
        db,
        read.unitYears.filter((u) => u.year === year).map((u) => u.unitId),
        year,
      ),
    );
  const { plan, issues: planIssues } = planImport({
    locked: (unitId, year) => locks.get(year)?.get(unitId),
    ...read,
    tree,
    user,
    packs,
    ...(packId !== undefined ? { packId } : {}),
    stored: (unitId, year) => stored.get(year)?.get(unitId),
  });
  const issues = [...read.issues, ...planIssues];
  if (issues.length) {
    const listed = issues.length > maxErrors ? ` (${maxErrors} lỗi đầu tiên ở errors / the first ${maxErrors} in errors)` : "";
    throw new ApiError(
      "invalid_input",
      `Tệp có ${issues.length} lỗi; chưa ghi gì / the file has ${issues.length} problem(s); nothing was written${listed}`,
      rowFields(issues, maxErrors),
      issues.length,
    );
  }
  let created = 0;
  await db.transaction(async (tx) => {
    for (const p of plan) {
      if (p.expected === 0) created++;
      await saveValues(tx, user, p.unitId, p.year, p.body, p.expected, at, "values.import", tree.byId.get(p.unitId)?.name ?? p.unitId);
    }
  });
  const years = [...new Set(plan.map((p) => p.year))].sort((a, b) => a - b);
  return { unitYears: plan.length, created, updated: plan.length - created, years };
}
