/**
 * `ntm scoring show|set <unitId> <year>`: the scoring inputs a unit enters for a year (số liệu chấm
 * điểm: tasks, programme targets, reports, planned resources, discipline) with the evidence behind
 * each, on the server. `set` reads the saved inputs, lays the options (or `--file`) over them, checks
 * the result with core's `checkScoringInputs` and writes it over the version just read (or
 * `--if-match`). Exit codes as for every command (`ntm --help`): 2 bad input or a stale version
 * (HTTP 412), 3 server or network, 4 not permitted.
 */
import type { Command } from "commander";
import {
  SCORING_INPUT_FIELDS,
  SCORING_INPUT_LABELS,
  type ScoringInputField,
  type ScoringInputs,
  checkScoringInputs,
  formatDate,
  formatReason,
  formatScoringInput,
  parseDong,
  parseVietnameseNumber,
} from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { CliError } from "../lib/exit.js";
import { api } from "../lib/http.js";
import { tr } from "../lib/i18n.js";
import { readJson } from "../lib/io.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";

/** The options of `ntm scoring set`. */
export interface SetOptions {
  tasksAssigned?: string;
  tasksDone?: string;
  tasksOnTime?: string;
  tasksExceeding?: string;
  programmeTargetsMet?: string;
  programmeTargetsTotal?: string;
  reportsOnTime?: string;
  reportsTotal?: string;
  reportsOverdue?: string;
  resourcesPlanned?: string;
  disciplined?: string;
  selfCorrected?: string;
  evidence?: string[];
  file?: string;
  ifMatch?: string;
}

interface Stored {
  unitId: string;
  year: number;
  version: number;
  updatedBy: string | null;
  /** Display name of who saved last (older servers send none). */
  updatedByName?: string | null;
  updatedAt: string | null;
  inputs: ScoringInputs;
}

/** The option each input path comes from, so core's issues name what the user typed. */
const OPTION_OF: Record<string, string> = {
  "tasks.assigned": "--tasks-assigned",
  "tasks.done": "--tasks-done",
  "tasks.onTime": "--tasks-on-time",
  "tasks.exceeding": "--tasks-exceeding",
  tasks: "--tasks-*",
  programmeTargetsMet: "--programme-targets-met",
  programmeTargetsTotal: "--programme-targets-total",
  reportsOnTime: "--reports-on-time",
  reportsTotal: "--reports-total",
  reportsOverdue: "--reports-overdue",
  resourcesPlanned: "--resources-planned",
  discipline: "--disciplined",
  "discipline.selfCorrected": "--self-corrected",
};

const bad = (where: string, vi: string, en: string) => new CliError("invalid_input", [{ where, message: `${vi} / ${en}` }]);

/** A count typed the Vietnamese way ("12", "1.200"): a whole number ≥ 0, or a problem naming the option. */
function count(raw: string, option: string): number {
  const n = parseVietnameseNumber(raw);
  if (n === undefined || !Number.isInteger(n) || n < 0)
    throw bad(option, `"${raw}" không phải số nguyên không âm`, `"${raw}" is not a whole number ≥ 0`);
  return n;
}

function yesNo(raw: string, option: string): boolean {
  const v = raw.trim().toLowerCase();
  if (["có", "co", "yes", "true", "1"].includes(v)) return true;
  if (["không", "khong", "no", "false", "0"].includes(v)) return false;
  throw bad(option, `"${raw}" phải là "có" hoặc "không"`, `"${raw}" must be yes or no`);
}

/** `--evidence field=text` notes; an empty text removes the field's note. */
function evidenceOf(items: readonly string[]): Partial<Record<ScoringInputField, string>> {
  const out: Partial<Record<ScoringInputField, string>> = {};
  for (const item of items) {
    const eq = item.indexOf("=");
    const field = (eq < 0 ? item : item.slice(0, eq)).trim();
    if (eq < 0 || !(SCORING_INPUT_FIELDS as readonly string[]).includes(field))
      throw bad(
        "--evidence",
        `"${item}" phải có dạng trường=nội dung, trường là một trong ${SCORING_INPUT_FIELDS.join(", ")}`,
        `"${item}" must be field=text, field one of ${SCORING_INPUT_FIELDS.join(", ")}`,
      );
    out[field as ScoringInputField] = item.slice(eq + 1);
  }
  return out;
}

/**
 * The inputs after `set`: the base (saved inputs, or `--file`) with each given option laid over it.
 * A partial task set fills the rest from the base; without a base all four are needed (core says which).
 * @example
 * mergedInputs({ reportsTotal: 4 }, { reportsOnTime: "3", evidence: ["reportsOnTime=Báo cáo số 12/BC-UBND"] })
 * // { reportsTotal: 4, reportsOnTime: 3, evidence: { reportsOnTime: "Báo cáo số 12/BC-UBND" } }
 */
export function mergedInputs(base: Record<string, unknown>, o: SetOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  const put = (key: string, raw: string | undefined, option: string) => {
    if (raw !== undefined) out[key] = count(raw, option);
  };
  put("programmeTargetsMet", o.programmeTargetsMet, "--programme-targets-met");
  put("programmeTargetsTotal", o.programmeTargetsTotal, "--programme-targets-total");
  put("reportsOnTime", o.reportsOnTime, "--reports-on-time");
  put("reportsTotal", o.reportsTotal, "--reports-total");
  put("reportsOverdue", o.reportsOverdue, "--reports-overdue");
  const task = { assigned: o.tasksAssigned, done: o.tasksDone, onTime: o.tasksOnTime, exceeding: o.tasksExceeding };
  if (Object.values(task).some((v) => v !== undefined)) {
    const t: Record<string, unknown> = { ...((base.tasks as Record<string, unknown> | undefined) ?? {}) };
    for (const [k, raw] of Object.entries(task)) if (raw !== undefined) t[k] = count(raw, OPTION_OF[`tasks.${k}`] ?? `--tasks-${k}`);
    out.tasks = t;
  }
  if (o.resourcesPlanned !== undefined) {
    const d = parseDong(o.resourcesPlanned);
    if (!d.ok || d.value < 0n)
      throw bad("--resources-planned", `"${o.resourcesPlanned}" không phải số đồng`, `"${o.resourcesPlanned}" is not whole đồng`);
    out.resourcesPlanned = d.value.toString();
  }
  if (o.disciplined !== undefined || o.selfCorrected !== undefined) {
    const cur = (base.discipline as { disciplined?: boolean; selfCorrected?: boolean } | undefined) ?? {};
    out.discipline = {
      disciplined: o.disciplined !== undefined ? yesNo(o.disciplined, "--disciplined") : (cur.disciplined ?? false),
      selfCorrected: o.selfCorrected !== undefined ? yesNo(o.selfCorrected, "--self-corrected") : (cur.selfCorrected ?? false),
    };
  }
  if (o.evidence && o.evidence.length > 0) out.evidence = { ...((base.evidence as object | undefined) ?? {}), ...evidenceOf(o.evidence) };
  return out;
}

const yearOf = (raw: string): number => {
  if (!/^\d{4}$/.test(raw.trim())) throw bad("<year>", `"${raw}" không phải năm`, `"${raw}" is not a year`);
  return Number(raw);
};

/** A version given on the command line (`3` or `"3"`). */
function versionOf(raw: string): number {
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m) throw bad("--if-match", `"${raw}" không phải phiên bản`, `"${raw}" is not a version`);
  return Number(m[1]);
}

const pathOf = (unitId: string, year: number) => `/units/${encodeURIComponent(unitId)}/scoring-inputs/${year}`;

/** The unit as a reader names it, "Xã An Lộc (c-01-01)": its name from the server, then its id. */
async function unitLabel(ctx: Ctx, unitId: string): Promise<string> {
  const { body } = await api(ctx, "GET", `/units/${encodeURIComponent(unitId)}`);
  const name = (body as { unit?: { name?: unknown } }).unit?.name;
  return typeof name === "string" && name !== "" ? `${name} (${unitId})` : unitId;
}

async function print(ctx: Ctx, s: Stored, saved: boolean): Promise<void> {
  if (ctx.json) return ctx.printJson(s);
  const L = ctx.lang;
  const unit = await unitLabel(ctx, s.unitId);
  const head = saved
    ? tr(L, `Đã lưu số liệu chấm điểm ${unit} năm ${s.year}`, `Saved the scoring inputs of ${unit} for ${s.year}`)
    : tr(L, `Số liệu chấm điểm ${unit} năm ${s.year}`, `Scoring inputs of ${unit} for ${s.year}`);
  const who =
    s.version === 0
      ? tr(L, "chưa nhập", "none entered")
      : tr(
          L,
          `phiên bản ${s.version}, người nhập ${s.updatedByName ?? s.updatedBy ?? "—"}, ngày ${s.updatedAt ? formatDate(s.updatedAt, L) : "—"}`,
          `version ${s.version}, by ${s.updatedByName ?? s.updatedBy ?? "—"} on ${s.updatedAt ? formatDate(s.updatedAt, L) : "—"}`,
        );
  ctx.print(`${head} (${who})`);
  ctx.print(
    renderTable(
      [tr(L, "Số liệu", "Input"), tr(L, "Giá trị", "Value"), tr(L, "Nguồn / minh chứng", "Source / evidence")],
      SCORING_INPUT_FIELDS.map((f) => [SCORING_INPUT_LABELS[f][L], formatScoringInput(f, s.inputs[f], L), s.inputs.evidence?.[f] ?? "—"]),
      [34, 60, 60],
    ),
  );
}

/**
 * `ntm scoring show <unitId> <year>`: the inputs with their evidence, version, who saved them and when.
 * @example
 * await scoringShow(ctx, "c-01-03", "2025");
 */
export async function scoringShow(ctx: Ctx, unitId: string, year: string): Promise<void> {
  await print(ctx, (await api(ctx, "GET", pathOf(unitId, yearOf(year)))).body as Stored, false);
}

/**
 * `ntm scoring set <unitId> <year> [--tasks-assigned N …] [--evidence field=text …] [--file inputs.json] [--if-match v]`.
 * @example
 * await scoringSet(ctx, "c-01-03", "2025", { reportsOnTime: "4", reportsTotal: "4", evidence: ["reportsOnTime=Sổ công văn 2025"] });
 */
export async function scoringSet(ctx: Ctx, unitId: string, year: string, opts: SetOptions): Promise<void> {
  const path = pathOf(unitId, yearOf(year));
  const fromFile = opts.file !== undefined ? readJson(opts.file) : undefined;
  if (fromFile !== undefined && (typeof fromFile !== "object" || fromFile === null || Array.isArray(fromFile)))
    throw new CliError("invalid_input", [
      { file: opts.file ?? "", where: "$", message: "cần một đối tượng JSON / expected a JSON object" },
    ]);
  const cur = (await api(ctx, "GET", path)).body as Stored;
  const body = mergedInputs((fromFile as Record<string, unknown> | undefined) ?? cur.inputs, opts);
  const checked = checkScoringInputs(body);
  if (!checked.ok)
    throw new CliError(
      "invalid_input",
      checked.issues.map((i) => {
        const key = i.path.join(".");
        const where =
          opts.file !== undefined
            ? `$.${key}`
            : (OPTION_OF[key] ?? (i.path[0] === "evidence" ? `--evidence ${String(i.path[1])}` : `$.${key}`));
        const text = i.code.startsWith("scoring_inputs.")
          ? `${formatReason({ code: i.code, path: [...i.path], params: i.params ?? {} }, "vi")} / ${formatReason({ code: i.code, path: [...i.path], params: i.params ?? {} }, "en")}`
          : i.message;
        return { ...(opts.file !== undefined ? { file: opts.file } : {}), where, message: text, code: i.code };
      }),
    );
  const version = opts.ifMatch !== undefined ? versionOf(opts.ifMatch) : cur.version;
  await print(ctx, (await api(ctx, "PUT", path, { json: checked.value, headers: { "if-match": `"${version}"` } })).body as Stored, true);
}

/**
 * Registers `ntm scoring show|set`.
 * @example
 * registerScoring(program, run);
 */
export function registerScoring(program: Command, run: Run): void {
  const scoring = program
    .command("scoring")
    .description("Số liệu chấm điểm nhập tay và nguồn minh chứng / scoring inputs entered by hand and their evidence");
  scoring
    .command("show <unitId> <year>")
    .description("Xem số liệu, nguồn, người nhập / show the inputs, their evidence, who entered them")
    .action(run((ctx: Ctx, unitId: string, year: string) => scoringShow(ctx, unitId, year)));
  scoring
    .command("set <unitId> <year>")
    .description("Nhập hoặc sửa các số liệu đã nêu (giữ các số liệu khác) / enter or change the inputs given (others kept)")
    .option("--tasks-assigned <n>", "số nhiệm vụ được giao / tasks assigned")
    .option("--tasks-done <n>", "số nhiệm vụ hoàn thành / tasks done")
    .option("--tasks-on-time <n>", "số nhiệm vụ hoàn thành đúng hạn / tasks done on time")
    .option("--tasks-exceeding <n>", "số nhiệm vụ vượt yêu cầu / tasks done beyond requirements")
    .option("--programme-targets-met <n>", "số chỉ tiêu Chương trình đạt / programme targets met")
    .option("--programme-targets-total <n>", "tổng số chỉ tiêu Chương trình / programme targets in total")
    .option("--reports-on-time <n>", "số báo cáo đúng hạn / reports on time")
    .option("--reports-total <n>", "tổng số báo cáo phải nộp / reports due")
    .option("--reports-overdue <n>", "số báo cáo quá hạn / reports overdue")
    .option("--resources-planned <đồng>", "nguồn lực theo kế hoạch, đồng (5.000.000.000) / planned resources in đồng")
    .option("--disciplined <có|không>", "có tổ chức, cá nhân bị kỷ luật / a member was disciplined (yes|no)")
    .option("--self-corrected <có|không>", "đơn vị tự phát hiện, khắc phục / found and corrected by the unit (yes|no)")
    .option(
      "--evidence <field=text>",
      `nguồn minh chứng của một số liệu, lặp lại được; trường: ${SCORING_INPUT_FIELDS.join(", ")} / evidence note of an input, repeatable`,
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option("--file <inputs.json>", "số liệu từ tệp JSON (thay cho số liệu đã lưu) / inputs from a JSON file (instead of the saved ones)")
    .option("--if-match <version>", "phiên bản bạn đã xem; mặc định phiên bản vừa đọc / the version you looked at")
    .action(run((ctx: Ctx, unitId: string, year: string, opts: SetOptions) => scoringSet(ctx, unitId, year, opts)));
}
