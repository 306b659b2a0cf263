import type { Command } from "commander";
import {
  CLASSIFICATION_LEVEL_LABELS,
  DEFAULT_SCORING_SCHEME,
  DEFAULT_SUBJECT_SCHEMES,
  type SubjectKind,
  SubjectKindSchema,
  type SubjectScheme,
  parseSubjectScheme,
  rankSubjects,
  type Ranking,
  type ScoringScheme,
  formatNumber,
  formatPath,
  formatReason,
  parseScoringScheme,
  rankUnits,
} from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { CliError, type Problem } from "../lib/exit.js";
import { tr } from "../lib/i18n.js";
import { readJson } from "../lib/io.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";
import { parseYear } from "./evaluate.js";

export interface RankOptions {
  input?: string;
  /** unit (communes, default), organisation or person. */
  kind?: string;
  unit?: string;
  scheme?: string;
  year?: string;
}

function loadScheme(file: string | undefined): ScoringScheme {
  if (!file) return DEFAULT_SCORING_SCHEME;
  const r = parseScoringScheme(readJson(file));
  if (!r.ok)
    throw new CliError(
      r.kind,
      r.issues.map((i) => ({ file, where: formatPath(i.path), message: i.message, code: i.code })),
    );
  return r.value;
}

/**
 * The subject kind of `--kind` (or of the input file's "kind"); a bad one is a problem naming where.
 * @example
 * parseKind("person", "--kind") // "person"
 */
export function parseKind(value: unknown, where: string, file?: string): SubjectKind {
  const r = SubjectKindSchema.safeParse(value ?? "unit");
  if (r.success) return r.data;
  throw new CliError("invalid_input", [
    {
      ...(file ? { file } : {}),
      where,
      message: `đối tượng không hợp lệ "${String(value)}": unit, organisation hoặc person / invalid kind: unit, organisation or person`,
    },
  ]);
}

function loadSubjectScheme(file: string | undefined, kind: SubjectKind): SubjectScheme {
  if (!file) return DEFAULT_SUBJECT_SCHEMES[kind];
  const r = parseSubjectScheme(readJson(file));
  if (!r.ok)
    throw new CliError(
      r.kind,
      r.issues.map((i) => ({ file, where: formatPath(i.path), message: i.message, code: i.code })),
    );
  if (r.value.kind !== kind) throw new CliError("invalid_input", [{ file, where: "$.kind", message: `expected "${kind}"` }]);
  return r.value;
}

/** Renders a ranking: notices, one row per unit, then commendation and criticism candidates. */
function renderRanking(ctx: Ctx, r: Ranking): void {
  const L = ctx.lang;
  const level = (l: string) => CLASSIFICATION_LEVEL_LABELS[l]?.[L] ?? l;
  ctx.print(
    `${tr(L, "Xếp loại năm", "Classification for")} ${r.year} · ${r.regime.id} · ${tr(L, "thang điểm", "scheme")} ${r.scheme.id} v${r.scheme.version}`,
  );
  for (const reason of r.reasons)
    ctx.print(`${r.scheme.isDefault && reason.code.includes("scheme") ? "⚠" : "ⓘ"} ${formatReason(reason, L)}`);
  ctx.print(
    renderTable(
      [
        "#",
        tr(L, "Đơn vị", "Unit"),
        tr(L, "Nhóm", "Group"),
        tr(L, "Điểm", "Score"),
        tr(L, "Theo điểm", "By score"),
        tr(L, "Xếp loại", "Final level"),
        tr(L, "Lý do", "Reasons"),
      ],
      r.rows.map((u) => [
        String(u.rank),
        u.name ? `${u.name} (${u.unitId})` : u.unitId,
        u.group,
        formatNumber(u.score, L),
        level(u.bandLevel),
        level(u.level),
        u.reasons
          .slice(1)
          .map((x) => formatReason(x, L))
          .join("; "),
      ]),
      [4, 40, 12, 8, 30, 30, 120],
    ),
  );
  const nameOf = new Map(r.rows.map((u) => [u.unitId, u.name ? `${u.name} (${u.unitId})` : u.unitId]));
  const list = (title: string, items: Ranking["commendations"]) => {
    if (!items.length) return;
    ctx.print(`\n${title}:`);
    for (const c of items) ctx.print(`  ${c.rank}. ${nameOf.get(c.unitId)}: ${c.reasons.map((x) => formatReason(x, L)).join("; ")}`);
  };
  list(tr(L, "Đề nghị biểu dương, khen thưởng", "Proposed for commendation"), r.commendations);
  list(tr(L, "Đề nghị phê bình", "Proposed for criticism"), r.criticisms);
}

/**
 * `ntm rank --input <file> [--kind unit|organisation|person]`: scores, classifies and ranks offline with
 * core's `rankUnits` (communes) or `rankSubjects` (organisations, persons: that kind's default scheme,
 * or `--scheme` a SubjectScheme). The input file is `{ year?, kind?, units: [...], options? }` (or
 * just the units array).
 * @example
 * rankOffline(ctx, { input: "units-2025.json" });
 */
export function rankOffline(ctx: Ctx, opts: RankOptions & { input: string }): void {
  const { ranking } = computeRanking(opts);
  if (ctx.json) return ctx.printJson(ranking);
  renderRanking(ctx, ranking);
}

/**
 * Reads the ranking input and scheme files and ranks with core's `rankUnits`; problems name the file and JSON path.
 * @example
 * const { ranking, scheme } = computeRanking({ input: "units-2025.json" });
 */
export function computeRanking(opts: RankOptions & { input: string }): {
  ranking: Ranking;
  scheme: ScoringScheme;
  names: Record<string, string>;
  kind: SubjectKind;
} {
  const raw = readJson(opts.input);
  const obj = Array.isArray(raw) ? { units: raw } : raw && typeof raw === "object" ? { ...(raw as Record<string, unknown>) } : raw;
  const fileYear = obj && typeof obj === "object" && "year" in obj ? (obj as { year: unknown }).year : undefined;
  const fileKind = obj && typeof obj === "object" && "kind" in obj ? (obj as { kind: unknown }).kind : undefined;
  const kind = opts.kind !== undefined ? parseKind(opts.kind, "--kind") : parseKind(fileKind, "$.kind", opts.input);
  if (obj && typeof obj === "object") {
    delete (obj as { year?: unknown }).year;
    delete (obj as { kind?: unknown }).kind;
  }
  const year = parseYear(opts.year) ?? (typeof fileYear === "number" && Number.isInteger(fileYear) ? fileYear : undefined);
  if (year === undefined)
    throw new CliError("invalid_input", [
      {
        file: opts.input,
        where: "$.year",
        message: 'thiếu năm đánh giá: thêm "year" vào tệp hoặc dùng --year / no review year: add "year" to the file or pass --year',
      },
    ]);
  const subject = kind === "unit" ? null : loadSubjectScheme(opts.scheme, kind);
  const scheme = subject ? subject.scoring : loadScheme(opts.scheme);
  const r = subject
    ? rankSubjects(obj as Parameters<typeof rankSubjects>[0], subject, year)
    : rankUnits(obj as Parameters<typeof rankUnits>[0], scheme, year);
  if (!r.ok) {
    const problems: Problem[] = r.issues.map((i) => {
      const [head, ...rest] = i.path;
      const file = head === "scheme" ? (opts.scheme ?? "(default scheme)") : opts.input;
      return { file, where: formatPath(head === "input" || head === "scheme" ? rest : i.path), message: i.message, code: i.code };
    });
    throw new CliError(r.kind, problems);
  }
  const names: Record<string, string> = {};
  for (const u of r.value.rows) if (u.name) names[u.unitId] = u.name;
  return { ranking: r.value, scheme, names, kind };
}

/**
 * Registers `ntm rank`; with `--input` it ranks offline, with only `--year` it asks the server.
 * @example
 * registerRank(new Command("ntm"), run);
 */
export function registerRank(program: Command, run: Run, remote?: (ctx: Ctx, opts: RankOptions) => Promise<number | void>): void {
  program
    .command("rank")
    .description("Chấm điểm, xếp loại, xếp hạng đơn vị hằng năm / annual scoring, classification and ranking")
    .option("--input <file>", "tệp JSON { year, units, options } / JSON file of the units to rank")
    .option("--scheme <file>", "thang điểm JSON (mặc định: thang điểm mặc định của phần mềm, không phải quy định) / scoring scheme JSON")
    .option("--year <year>", "năm đánh giá / review year")
    .option("--kind <kind>", "đối tượng: unit (xã, mặc định), organisation (tổ chức), person (cá nhân) / subject kind")
    .option(
      "--unit <id>",
      "máy chủ: xếp hạng các xã thuộc đơn vị này (mặc định: phạm vi của bạn) / server: rank the communes below this unit",
    )
    .action(
      run(async (ctx: Ctx, opts: RankOptions) => {
        if (opts.input) return rankOffline(ctx, { ...opts, input: opts.input });
        if (opts.kind !== undefined) parseKind(opts.kind, "--kind");
        if (remote && opts.year) return remote(ctx, opts);
        throw new CliError("invalid_input", [
          {
            where: "--input",
            message: "cần tệp JSON các đơn vị (hoặc --year với máy chủ) / required: a JSON file of units (or --year with a server)",
          },
        ]);
      }),
    );
}
