import type { Command } from "commander";
import {
  type CompiledPack,
  type CriteriaPack,
  type EvaluationResult,
  type Issue,
  type Lang,
  type Result,
  type UnitValues,
  compilePack,
  evaluateUnit,
  formatNumber,
  formatReason,
  validateValues,
  withChildStatuses,
} from "@ntm/core";
import { CliError, EXIT, type Problem } from "../lib/exit.js";
import { statusText, tr } from "../lib/i18n.js";
import { loadPack } from "../lib/packs.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";
import { type ValuesSource, openValues } from "../lib/values.js";
import { jsonWriter } from "../lib/jsonStream.js";
import type { Ctx } from "../lib/context.js";
import { packNotices } from "./packs.js";

export interface EvaluateOptions {
  pack?: string;
  /** Packs the children (communes of a district, hamlets of a commune) are evaluated against first. */
  childPack?: string[];
  values?: string;
  year?: string;
  failOn?: string;
  unit?: string;
  /** One compact JSON result per line (NDJSON) instead of a JSON array. */
  ndjson?: boolean;
}

/**
 * Parses `--year`: a 4-digit year or a bad-input error.
 * @example
 * parseYear("2024") // 2024
 */
export function parseYear(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw))
    throw new CliError("invalid_input", [{ where: "--year", message: `"${raw}" không phải năm, ví dụ 2024 / is not a year such as 2024` }]);
  return Number(raw);
}

/**
 * `validateValues`, but a value of the wrong JSON type (a string where a number belongs) is reported
 * per indicator, together with every other problem of the document, instead of one schema error.
 * @example
 * validateWithTypes(compiled, { unit, year: 2024, values: { "10": "abc", "2.1": 140 } }) // two issues
 */
export function validateWithTypes(compiled: CompiledPack, doc: unknown): Result<UnitValues> {
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return validateValues(compiled, doc);
  const values = (doc as { values?: unknown }).values;
  if (!values || typeof values !== "object" || Array.isArray(values)) return validateValues(compiled, doc);
  const typeIssues: Issue[] = [];
  const cleaned: Record<string, unknown> = {};
  for (const [id, v] of Object.entries(values)) {
    if (v === null || typeof v === "number" || typeof v === "boolean") {
      cleaned[id] = v;
      continue;
    }
    const ci = compiled.indicatorById.get(id);
    const path = ["values", id];
    // Same codes and wording as core's validateValues, which stops at the first wrong JSON type.
    if (!ci)
      typeIssues.push({
        code: "values.unknown_indicator",
        path,
        message: `chỉ tiêu "${id}" không có trong bộ tiêu chí ${compiled.pack.id} / unknown indicator "${id}" in pack ${compiled.pack.id}`,
      });
    else if (ci.indicator.kind === "boolean")
      typeIssues.push({
        code: "values.expected_boolean",
        path,
        message: `chỉ tiêu ${id} cần giá trị Đạt/Không (true/false), nhận được ${JSON.stringify(v)} / indicator ${id} expects true/false, got ${JSON.stringify(v)}`,
      });
    else
      typeIssues.push({
        code: "values.expected_number",
        path,
        message: `chỉ tiêu ${id} cần một số, nhận được ${JSON.stringify(v)} / indicator ${id} expects a number, got ${JSON.stringify(v)}`,
      });
    cleaned[id] = null;
  }
  const r = validateValues(compiled, { ...doc, values: cleaned });
  if (!typeIssues.length) return r;
  return { ok: false, kind: "invalid_input", issues: [...typeIssues, ...(r.ok ? [] : r.issues)] };
}

/**
 * True when `--fail-on` asks for exit 1 on this result: `not_met` fails on not met; `indeterminate` also on indeterminate.
 * @example
 * resultFails(result, "not_met")
 */
export function resultFails(r: EvaluationResult, failOn: string | undefined): boolean {
  if (failOn === "not_met") return r.status === "not_met";
  if (failOn === "indeterminate") return r.status !== "met";
  return false;
}

function show(v: unknown, unit: string | undefined, lang: Lang): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return v ? tr(lang, "Đạt", "Yes") : tr(lang, "Không", "No");
  return `${typeof v === "number" ? formatNumber(v, lang) : String(v)}${unit === "%" ? "%" : ""}`;
}

const CMP: Record<string, string> = { ">=": "≥", "<=": "≤", "==": "=" };

/**
 * Renders one evaluation as the readable table (header, notices, one row per indicator).
 * @example
 * renderResult(ctx, pack, { unit: { id: "x", name: "Xã X" } }, result);
 */
export function renderResult(ctx: Ctx, pack: CriteriaPack, doc: { unit: { id: string; name: string } }, r: EvaluationResult): void {
  const L = ctx.lang;
  const names = new Map(pack.criteria.flatMap((c) => c.indicators.map((i) => [i.id, i] as const)));
  ctx.print(
    `${doc.unit.name} (${doc.unit.id}) · ${tr(L, "năm", "year")} ${r.year} · ${tr(L, "ngưỡng", "thresholds")}: ${r.variant ?? "—"}`,
  );
  ctx.print(`${tr(L, "Bộ tiêu chí", "Pack")}: ${pack.id} v${pack.version} — ${pack.title[L]}`);
  for (const n of packNotices(pack, L)) ctx.print(n);
  for (const reason of r.reasons) if (reason.code !== "pack.example") ctx.print(`ⓘ ${formatReason(reason, L)}`);
  const rows: string[][] = [];
  for (const c of r.criteria) {
    const crit = pack.criteria.find((x) => x.id === c.id);
    rows.push([c.id, "", crit?.name[L] ?? "", "", "", statusText(c.status, L).toUpperCase(), "", ""]);
    for (const i of c.indicators) {
      const ind = names.get(i.id);
      const reasons = i.reasons
        .filter((x) => x.code !== "threshold.example" && x.code !== "indicator.met")
        .map((x) => formatReason(x, L))
        .join("; ");
      const required =
        i.required === null
          ? tr(L, "chưa rõ", "unknown")
          : `${ind?.kind === "boolean" ? "" : `${CMP[i.comparator] ?? i.comparator} `}${show(i.required, ind?.unit, L)}`;
      rows.push([
        "",
        i.id,
        ind?.name[L] ?? "",
        show(i.actual, ind?.unit, L),
        required,
        statusText(i.status, L),
        i.verified ? "✓" : "✗",
        reasons,
      ]);
    }
  }
  ctx.print(
    renderTable(
      [
        tr(L, "TC", "Crit."),
        tr(L, "Chỉ tiêu", "Ind."),
        tr(L, "Tên", "Name"),
        tr(L, "Thực tế", "Actual"),
        tr(L, "Yêu cầu", "Required"),
        tr(L, "Trạng thái", "Status"),
        tr(L, "XM", "Ver."),
        tr(L, "Lý do", "Reason"),
      ],
      rows,
      [5, 8, 48, 12, 16, 16, 4, 110],
    ),
  );
  const rev = r.revocation;
  ctx.print("");
  ctx.print(
    `${tr(L, "Kết quả", "Result")}: ${statusText(r.status, L).toUpperCase()} — ${r.criteriaMet}/${r.criteriaTotal} ${tr(L, "tiêu chí đạt", "criteria met")}, ${r.criteriaNotMet} ${tr(L, "không đạt", "not met")}`,
  );
  if (rev)
    for (const reason of rev.reasons) ctx.print(`${tr(L, "Thu hồi (QĐ 18/2022)", "Revocation (QĐ 18/2022)")}: ${formatReason(reason, L)}`);
  if (r.example)
    ctx.print(tr(L, "⚠ Kết quả theo giá trị ví dụ, không phải quy định pháp luật.", "⚠ Result under example values, not law."));
}

/**
 * The offline evaluation, streamed: the first pass reads and validates every document (all problems at
 * once; nothing is written when one is bad); the second evaluates each document and writes its result
 * (table, JSON array or `--ndjson` lines) before taking the next. Up to 20,000 documents the first
 * pass keeps them; past that the second pass reads the file again, so a wide CSV of a million rows
 * runs in the memory of one row. Returns 1 when `--fail-on` applies.
 * @example
 * evaluateOffline(ctx, { pack: "vn.commune-ntm.2021-2025", values: "examples/values/an-phu.json" });
 */
export function evaluateOffline(ctx: Ctx, opts: EvaluateOptions): number {
  if (opts.failOn !== undefined && opts.failOn !== "not_met" && opts.failOn !== "indeterminate")
    throw new CliError("invalid_input", [
      { where: "--fail-on", message: `cần not_met hoặc indeterminate / expected not_met or indeterminate, got "${opts.failOn}"` },
    ]);
  if (!opts.pack) throw new CliError("invalid_input", [{ where: "--pack", message: "cần --pack <mã|tệp> / required with --values" }]);
  if (!opts.values)
    throw new CliError("invalid_input", [
      {
        where: "--values",
        message: "cần tệp số liệu .json hoặc .csv, hoặc --unit với máy chủ / required: a .json or .csv values file, or --unit for a server",
      },
    ]);
  const year = parseYear(opts.year);
  const pack = loadPack(opts.pack);
  const compiled = compilePack(pack);
  const kinds = new Map([...compiled.indicatorById].map(([id, ci]) => [id, ci.indicator.kind]));
  const source = openValues(opts.values, { defaultLevel: pack.level, kinds, ...(year !== undefined ? { year } : {}) });
  // A district rolls up its communes' statuses: the children are evaluated against --child-pack first.
  const childPacks = (opts.childPack ?? []).map((ref) => compilePack(loadPack(ref)));
  const { count, kept } = validateAll(compiled, source);
  const json = ctx.json || opts.ndjson === true;
  const out = json ? jsonWriter({ batch: source.batch, count, ndjson: opts.ndjson === true }) : undefined;
  if (!json) {
    for (const ref of opts.childPack ?? []) {
      const child = loadPack(ref);
      if (child.example)
        ctx.print(
          tr(
            ctx.lang,
            `⚠ Các đơn vị con được đánh giá theo bộ tiêu chí ví dụ ${child.id} (không phải quy định pháp luật).`,
            `⚠ The children are evaluated against the example pack ${child.id} (not law).`,
          ),
        );
    }
  }
  let fails = false;
  let i = 0;
  for (const valid of validated(compiled, source, kept)) {
    const doc = childPacks.length ? withChildStatuses(valid, childPacks) : valid;
    const r = evaluateUnit(compiled, doc);
    if (resultFails(r, opts.failOn)) fails = true;
    if (out) out.write(r);
    else {
      if (i > 0) ctx.print(`\n${"═".repeat(80)}\n`);
      renderResult(ctx, pack, doc, r);
    }
    i++;
  }
  out?.end();
  return fails ? EXIT.ruleFailed : EXIT.ok;
}

/**
 * Loads a pack and a values file, validates every document (all problems at once, nothing evaluated
 * when one is bad) and evaluates them, all in memory (for reports, which need every result).
 * @example
 * const { results } = evaluateFiles({ pack: "vn.commune-ntm.2021-2025", values: "batch.csv" });
 */
export function evaluateFiles(opts: EvaluateOptions): {
  pack: CriteriaPack;
  batch: boolean;
  docs: UnitValues[];
  results: EvaluationResult[];
} {
  if (!opts.pack) throw new CliError("invalid_input", [{ where: "--pack", message: "cần --pack <mã|tệp> / required with --values" }]);
  if (!opts.values)
    throw new CliError("invalid_input", [
      {
        where: "--values",
        message: "cần tệp số liệu .json hoặc .csv, hoặc --unit với máy chủ / required: a .json or .csv values file, or --unit for a server",
      },
    ]);
  const year = parseYear(opts.year);
  const pack = loadPack(opts.pack);
  const compiled = compilePack(pack);
  const kinds = new Map([...compiled.indicatorById].map(([id, ci]) => [id, ci.indicator.kind]));
  const source = openValues(opts.values, { defaultLevel: pack.level, kinds, ...(year !== undefined ? { year } : {}) });
  const { kept } = validateAll(compiled, source);
  const childPacks = (opts.childPack ?? []).map((ref) => compilePack(loadPack(ref)));
  const docs: UnitValues[] = [];
  for (const valid of validated(compiled, source, kept)) docs.push(childPacks.length ? withChildStatuses(valid, childPacks) : valid);
  return { pack, batch: source.batch, docs, results: docs.map((d) => evaluateUnit(compiled, d)) };
}

/** Validated documents kept from the first pass when the file is small enough (up to this many). */
const KEEP_VALIDATED = 20_000;

/**
 * First pass: every document is read and validated; all problems are thrown together. Returns the
 * count and, for files of at most `keep` documents, the validated documents (so the second pass need
 * not read and validate again); past that, memory stays at one document.
 * @example
 * const { count, kept } = validateAll(compiled, openValues("big.csv", { defaultLevel: "commune" }));
 */
export function validateAll(
  compiled: CompiledPack,
  source: ValuesSource,
  keep: number = KEEP_VALIDATED,
): { count: number; kept: UnitValues[] | undefined } {
  const readProblems: Problem[] = [];
  const problems: Problem[] = [];
  let count = 0;
  let kept: UnitValues[] | undefined = [];
  for (const item of source.items()) {
    count++;
    if (count > keep) kept = undefined;
    if (item.doc === undefined) {
      readProblems.push(...item.problems);
      continue;
    }
    if (readProblems.length) continue; // like a file that cannot be read: its rows' problems come first, alone
    const v = validateWithTypes(compiled, item.doc);
    if (!v.ok) problems.push(...v.issues.map(item.locate));
    else kept?.push(v.value);
  }
  if (readProblems.length) throw new CliError("invalid_input", readProblems);
  if (problems.length) throw new CliError("invalid_input", problems);
  return { count, kept };
}

/**
 * Second pass: the validated documents, from the first pass's copy or read and validated again.
 * @example
 * for (const doc of validated(compiled, source, kept)) evaluateUnit(compiled, doc);
 */
export function* validated(compiled: CompiledPack, source: ValuesSource, kept: UnitValues[] | undefined): Generator<UnitValues> {
  if (kept) {
    yield* kept;
    return;
  }
  for (const item of source.items()) {
    const v = validateWithTypes(compiled, item.doc);
    if (!v.ok) throw new CliError("invalid_input", v.issues.map(item.locate)); // the file changed between the passes
    yield v.value;
  }
}

/**
 * Registers `ntm evaluate`. The remote form (`--unit`) is added by the remote commands.
 * @example
 * registerEvaluate(new Command("ntm"), run);
 */
export function registerEvaluate(program: Command, run: Run, remote?: (ctx: Ctx, opts: EvaluateOptions) => Promise<number>): void {
  program
    .command("evaluate")
    .description("Đánh giá số liệu theo bộ tiêu chí / evaluate values against a criteria pack")
    .option("--pack <id|file>", "mã bộ tiêu chí có sẵn hoặc tệp JSON / a shipped pack id or a pack JSON file")
    .option("--values <file>", "tệp số liệu .json (một hoặc mảng) hoặc .csv / values file: .json (one or an array) or .csv")
    .option("--year <year>", "năm đánh giá (ghi đè năm trong tệp) / evaluation year (overrides the file's)")
    .option(
      "--child-pack <id|file>",
      "bộ tiêu chí đánh giá các đơn vị con trước (xã của huyện), lặp lại được / pack the children are evaluated against first (repeatable)",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option(
      "--fail-on <status>",
      "thoát mã 1 khi kết quả là not_met (hoặc indeterminate) / exit 1 when a result is not_met (or indeterminate)",
    )
    .option("--ndjson", "in mỗi kết quả một dòng JSON (NDJSON, đọc dần được) / one JSON result per line (NDJSON, streamable)")
    .option("--unit <id>", "đánh giá đơn vị trên máy chủ (với --year) / evaluate a unit on the server (with --year)")
    .addHelpText(
      "after",
      `
Số liệu / values files:
  JSON  { "unit": { "id", "name", "level", "region"?, "communeGroup"?, "flags"? }, "year", "values": { "<chỉ tiêu>": số | true/false | null } }
        hoặc một mảng các tài liệu đó / or an array of them (batch).
  CSV rộng / wide:  unit_id,unit_name,level,region,commune_group,flags,year,<mã chỉ tiêu>...  (một dòng mỗi đơn vị / one row per unit)
  CSV dài / long:   unit_id,year,indicator,value  (một dòng mỗi chỉ tiêu / one row per indicator)
  Ô / cells: Đạt, Không, x, 16,5, 95%, trống = chưa có số liệu / empty = not reported, KAD = không áp dụng / not applicable.
  Dấu phân cách , hoặc ; / separator , or ;   flags: "especiallyDifficult|safeZone".

Ví dụ / examples:
  ntm evaluate --pack <mã bộ / pack id> --values examples/values/an-phu-meets-all.json     (mã bộ: ntm packs list)
  ntm evaluate --pack <mã bộ / pack id> --values examples/values/batch-communes.csv --json --fail-on not_met
  ntm evaluate --pack <mã bộ / pack id> --values big.csv --ndjson > results.ndjson
  ntm evaluate --unit c-01-01 --year 2024          (máy chủ / server)`,
    )
    .action(
      run(async (ctx: Ctx, opts: EvaluateOptions) => {
        if (opts.unit !== undefined && opts.values === undefined) {
          if (!remote)
            throw new CliError("invalid_input", [
              { where: "--unit", message: "bản này không có đánh giá trên máy chủ / remote evaluation is not available in this build" },
            ]);
          return remote(ctx, opts);
        }
        return evaluateOffline(ctx, opts);
      }),
    );
}
