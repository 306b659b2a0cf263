import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { EvaluationResult } from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { CliError } from "../lib/exit.js";
import { tr } from "../lib/i18n.js";
import { api } from "../lib/http.js";
import { readJson } from "../lib/io.js";
import type { Run } from "../lib/run.js";
import { type EvaluateOptions, evaluateFiles, parseYear } from "./evaluate.js";
import { computeRanking } from "./rank.js";

type Reports = typeof import("@ntm/reports");

/** Loads @ntm/reports only when a report is asked for (it pulls in docx, exceljs and pdfmake). */
async function reports(): Promise<Reports> {
  try {
    return await import("@ntm/reports");
  } catch (e) {
    throw new CliError("server", [
      {
        where: "@ntm/reports",
        message: `chưa build gói @ntm/reports (chạy \`npx turbo run build --filter=@ntm/cli...\`) / the reports package is not built: ${(e as Error).message}`,
      },
    ]);
  }
}

/** Runs a renderer; its input errors (ReportInputError, with JSON paths) become bad-input lines naming the input file. */
async function render(r: Reports, file: string | undefined, fn: () => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof r.ReportInputError)
      throw new CliError(
        "invalid_input",
        e.issues.map((i) => ({
          ...(file ? { file } : {}),
          where: `$${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("")}`,
          message: i.message,
          code: i.code,
        })),
      );
    throw e;
  }
}

function write(ctx: Ctx, out: string, bytes: Uint8Array): void {
  try {
    writeFileSync(out, bytes);
  } catch (e) {
    throw new CliError("invalid_input", [
      { file: out, message: `không ghi được / cannot write: ${(e as NodeJS.ErrnoException).code ?? String(e)}` },
    ]);
  }
  if (ctx.json) return ctx.printJson({ written: out, bytes: bytes.length });
  ctx.print(tr(ctx.lang, `đã ghi ${out} (${bytes.length} byte)`, `wrote ${out} (${bytes.length} bytes)`));
}

/** Downloads a document the server renders and writes it to `out`. */
async function remoteDocument(ctx: Ctx, path: string, query: Record<string, string | number | undefined>, out: string): Promise<void> {
  const res = await api(ctx, "GET", path, { query });
  write(ctx, out, res.bytes);
}

function need(value: string | undefined, option: string, why: string): string {
  if (!value) throw new CliError("invalid_input", [{ where: option, message: `bắt buộc / required ${why}` }]);
  return value;
}

const names = (docs: readonly { unit: { id: string; name: string } }[]) => new Map(docs.map((d) => [d.unit.id, d.unit.name]));

/** Turns JSON numbers or digit strings into bigint where the progress report wants whole đồng. */
function moneyToBigint(input: Record<string, unknown>, file: string): Record<string, unknown> {
  const res = input["resources"] as { lines?: { amount?: unknown }[]; total?: unknown; landM2?: unknown; labourDays?: unknown } | undefined;
  if (!res || typeof res !== "object") return input;
  const big = (v: unknown, where: string): bigint => {
    if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
    if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return BigInt(v.trim());
    throw new CliError("invalid_input", [
      {
        file,
        where,
        message: `tiền phải là số nguyên đồng / expected whole đồng (an integer or a string of digits), got ${JSON.stringify(v)}`,
      },
    ]);
  };
  return {
    ...input,
    resources: {
      ...res,
      lines: (res.lines ?? []).map((l, i) => ({ ...l, amount: big(l.amount, `$.resources.lines[${i}].amount`) })),
      ...(res.total !== undefined ? { total: big(res.total, "$.resources.total") } : {}),
      ...(res.landM2 !== undefined ? { landM2: big(res.landM2, "$.resources.landM2") } : {}),
      ...(res.labourDays !== undefined ? { labourDays: big(res.labourDays, "$.resources.labourDays") } : {}),
    },
  };
}

/**
 * Applies the document format: an explicit `--format` overrides the file's `format`. The issuer, number and
 * signer belong to one format (a Huyện ủy signs "T/M BAN THƯỜNG VỤ", a UBND "TM. ỦY BAN NHÂN DÂN"), so the
 * file may carry them per format in `byFormat: { party?: {…}, state?: {…} }`; the chosen block is merged
 * over the top level. Switching format without such a block is bad input, naming what to add.
 * @example
 * withFormat({ format: "party", byFormat: { state: { signer } } }, "state", "in.json").format // "state"
 */
export function withFormat(raw: Record<string, unknown>, format: string | undefined, file: string): Record<string, unknown> {
  const { byFormat, ...rest } = raw;
  if (byFormat !== undefined && (!byFormat || typeof byFormat !== "object" || Array.isArray(byFormat)))
    throw new CliError("invalid_input", [
      { file, where: "$.byFormat", message: "cần đối tượng { party?, state? } / expected an object { party?, state? }" },
    ]);
  const chosen = format ?? rest["format"];
  const block = typeof chosen === "string" ? (byFormat as Record<string, unknown> | undefined)?.[chosen] : undefined;
  if (block !== undefined && (!block || typeof block !== "object" || Array.isArray(block)))
    throw new CliError("invalid_input", [
      {
        file,
        where: `$.byFormat.${String(chosen)}`,
        message: "cần đối tượng { issuer?, number?, signer?, recipients? } / expected an object { issuer?, number?, signer?, recipients? }",
      },
    ]);
  if (format !== undefined && format !== rest["format"]) {
    // The issuer, number, signer and recipients ("Nơi nhận") of one format never fit the other.
    const missing = ["issuer", "number", "signer", "recipients"].filter(
      (k) => (block as Record<string, unknown> | undefined)?.[k] === undefined,
    );
    if (missing.length > 0)
      throw new CliError("invalid_input", [
        {
          file,
          where: `$.byFormat.${format}`,
          message: `tệp soạn cho thể thức "${String(rest["format"])}"; để in thể thức "${format}" cần cơ quan ban hành, số, người ký và nơi nhận của thể thức đó: thêm ${missing.map((k) => `"${k}"`).join(", ")} vào "byFormat": { "${format}": { … } } / the file is written for the "${String(rest["format"])}" format; to print "${format}" add its ${missing.join(", ")} under "byFormat"."${format}"`,
        },
      ]);
  }
  return { ...rest, ...(block as Record<string, unknown> | undefined), ...(chosen !== undefined ? { format: chosen } : {}) };
}

/**
 * Registers `ntm report …`: the documents of @ntm/reports, built offline from files.
 * @example
 * registerReport(new Command("ntm"), run);
 */
export function registerReport(program: Command, run: Run): void {
  const report = program.command("report").description("Báo cáo DOCX/XLSX/PDF / reports as DOCX, XLSX, PDF");

  report
    .command("criteria-table")
    .description("Bảng tiêu chí các xã (XLSX, mỗi năm một sheet) / criteria table of communes (XLSX, one sheet per year)")
    .option("--pack <id|file>")
    .option("--values <file>", ".json hoặc .csv (nhiều xã, nhiều năm) / .json or .csv")
    .option("--year <year>", "máy chủ: năm / server: the year")
    .option("--unit <id>", "máy chủ: địa bàn (mặc định phạm vi của bạn) / server: the area")
    .requiredOption("--out <file.xlsx>")
    .option("--unit-name <name>", 'địa bàn / the area, e.g. "Huyện An Hòa"', "Địa bàn")
    .action(
      run(async (ctx: Ctx, opts: EvaluateOptions & { out: string; unitName: string }) => {
        if (!opts.values)
          return remoteDocument(
            ctx,
            "/reports/criteria.xlsx",
            { year: parseYear(need(opts.year, "--year", "(with the server; or give --pack and --values)")), unitId: opts.unit },
            opts.out,
          );
        const { pack, docs, results } = evaluateFiles(opts);
        const byName = names(docs);
        const years = [...new Set(results.map((r) => r.year))].sort();
        const r = await reports();
        const bytes = await render(r, opts.values, () =>
          r.renderCriteriaWorkbook({
            unitName: opts.unitName,
            years: years.map((year) => ({
              year,
              pack,
              rows: results
                .filter((x) => x.year === year)
                .map((result: EvaluationResult) => ({ unitName: byName.get(result.unitId) ?? result.unitId, result })),
            })),
          }),
        );
        write(ctx, opts.out, bytes);
      }),
    );

  report
    .command("criteria-sheet")
    .description("Phiếu đánh giá tiêu chí của một xã (PDF) / one commune's criteria sheet (PDF)")
    .option("--pack <id|file>")
    .option("--values <file>")
    .requiredOption("--out <file.pdf>")
    .option("--unit <id>", "xã trong tệp nhiều xã, hoặc xã trên máy chủ / the commune in a batch file, or on the server")
    .option("--year <year>", "máy chủ: năm / server: the year")
    .option("--parent-name <text>", 'dòng địa bàn, ví dụ "Huyện An Hòa, tỉnh Minh Hoạ" / parent line')
    .action(
      run(async (ctx: Ctx, opts: EvaluateOptions & { out: string; parentName?: string }) => {
        if (!opts.values)
          return remoteDocument(
            ctx,
            `/units/${encodeURIComponent(need(opts.unit, "--unit", "(with the server; or give --pack and --values)"))}/criteria-sheet.pdf`,
            { year: parseYear(need(opts.year, "--year", "(with the server)")) },
            opts.out,
          );
        const { pack, docs, results } = evaluateFiles({
          ...(opts.pack ? { pack: opts.pack } : {}),
          ...(opts.values ? { values: opts.values } : {}),
          ...(opts.year ? { year: opts.year } : {}),
        });
        const i = opts.unit ? docs.findIndex((d) => d.unit.id === opts.unit) : 0;
        if (i < 0)
          throw new CliError("not_found", [
            { file: opts.values!, where: "--unit", message: `tệp không có đơn vị "${opts.unit}" / no unit "${opts.unit}" in the file` },
          ]);
        if (!opts.unit && docs.length > 1)
          throw new CliError("invalid_input", [
            {
              where: "--unit",
              message: `tệp có ${docs.length} đơn vị, hãy chọn một bằng --unit / the file holds ${docs.length} units; choose one with --unit`,
            },
          ]);
        const r = await reports();
        const bytes = await render(r, opts.values, () =>
          r.renderCriteriaSheetPdf({
            unitName: docs[i]!.unit.name,
            ...(opts.parentName ? { parentName: opts.parentName } : {}),
            pack,
            result: results[i]!,
          }),
        );
        write(ctx, opts.out, bytes);
      }),
    );

  report
    .command("ranking")
    .description(
      "Bảng xếp hạng năm (XLSX) hoặc báo cáo kết quả đánh giá, xếp loại (DOCX) / annual ranking workbook (XLSX) or classification report (DOCX)",
    )
    .option("--input <file>")
    .option("--scheme <file>")
    .option("--year <year>")
    .requiredOption("--out <file.xlsx|file.docx>")
    .option("--format <xlsx|docx>", "loại tệp (mặc định theo đuôi --out) / file type (default: from --out)")
    .option("--kind <kind>", "máy chủ: unit | organisation | person / server: subject kind")
    .option("--layout <party|state>", "DOCX: thể thức Đảng (mặc định) hoặc Nhà nước / Party (default) or state format", "party")
    .option("--unit <id>", "máy chủ: địa bàn (mặc định phạm vi của bạn) / server: the area")
    .option("--unit-name <name>", "địa bàn / the area", "Địa bàn")
    .option("--issuer <name>", 'DOCX ngoại tuyến: cơ quan ban hành, ví dụ "HUYỆN ỦY AN HÒA" / offline DOCX: the issuer')
    .option("--place <name>", "DOCX ngoại tuyến: địa danh / offline DOCX: the place in the date line")
    .option("--date <dd/mm/yyyy>", "DOCX ngoại tuyến: ngày văn bản (mặc định hôm nay) / offline DOCX: the date (default today)")
    .action(run(async (ctx: Ctx, opts: RankingReportOptions) => rankingReport(ctx, opts)));

  report
    .command("progress")
    .description("Báo cáo kết quả thực hiện kế hoạch (DOCX, thể thức Đảng hoặc Nhà nước) / the plan's progress report (DOCX)")
    .option("--input <file>", "JSON theo ProgressReportInput của @ntm/reports (tiền: số nguyên đồng) / ProgressReportInput JSON")
    .option("--period <period>", "máy chủ: kỳ 2025S1 hoặc 2025 / server: the period")
    .option(
      "--format <format>",
      'party (Đảng, mặc định) | state (Nhà nước); ghi đè "format" của tệp --input / document format; overrides the --input file\'s "format"',
    )
    .option("--unit <id>", "máy chủ: địa bàn / server: the area")
    .option("--pack <id|file>", "tính bảng các xã từ số liệu / compute the communes' standing from values")
    .option("--values <file>", "số liệu các xã (với --pack) / communes' values (with --pack)")
    .requiredOption("--out <file.docx>")
    .action(
      run(
        async (
          ctx: Ctx,
          opts: { input?: string; pack?: string; values?: string; out: string; period?: string; format?: string; unit?: string },
        ) => {
          if (opts.format !== undefined && opts.format !== "party" && opts.format !== "state")
            throw new CliError("invalid_input", [
              { where: "--format", message: `cần party hoặc state / expected party or state, got "${opts.format}"` },
            ]);
          if (!opts.input)
            return remoteDocument(
              ctx,
              "/reports/progress.docx",
              {
                period: need(opts.period, "--period", "(with the server; or give --input)"),
                format: opts.format ?? "party",
                unitId: opts.unit,
              },
              opts.out,
            );
          const input0 = opts.input;
          const raw = readJson(input0);
          if (!raw || typeof raw !== "object" || Array.isArray(raw))
            throw new CliError("invalid_input", [{ file: input0, where: "$", message: "cần một đối tượng JSON / expected a JSON object" }]);
          let input = moneyToBigint(withFormat(raw as Record<string, unknown>, opts.format, input0), input0);
          const r = await reports();
          if (opts.pack || opts.values) {
            const { docs, results } = evaluateFiles({
              ...(opts.pack ? { pack: opts.pack } : {}),
              ...(opts.values ? { values: opts.values } : {}),
            });
            const byName = names(docs);
            input = { ...input, communes: results.map((x) => r.communeStandingFromEvaluation(byName.get(x.unitId) ?? x.unitId, x)) };
          }
          const bytes = await render(r, input0, () =>
            r.renderProgressReportDocx(input as unknown as Parameters<Reports["renderProgressReportDocx"]>[0]),
          );
          write(ctx, opts.out, bytes);
        },
      ),
    );
}

type RankingReportOptions = {
  input?: string;
  scheme?: string;
  year?: string;
  unit?: string;
  out: string;
  unitName: string;
  format?: string;
  kind?: string;
  layout: string;
  issuer?: string;
  place?: string;
  date?: string;
};

/** dd/mm/yyyy (or yyyy-mm-dd) to an ISO date; today (local) when not given. */
function isoDateOption(value: string | undefined): string {
  if (value === undefined) {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (m) return `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  throw new CliError("invalid_input", [{ where: "--date", message: `cần dd/mm/yyyy / expected dd/mm/yyyy, got "${value}"` }]);
}

/** `ntm report ranking`: the ranking workbook (XLSX) or the classification report (DOCX), offline from a file or from the server. */
async function rankingReport(ctx: Ctx, opts: RankingReportOptions): Promise<void> {
  const format = opts.format ?? (opts.out.toLowerCase().endsWith(".docx") ? "docx" : "xlsx");
  if (format !== "xlsx" && format !== "docx")
    throw new CliError("invalid_input", [{ where: "--format", message: `cần xlsx hoặc docx / expected xlsx or docx, got "${format}"` }]);
  if (opts.layout !== "party" && opts.layout !== "state")
    throw new CliError("invalid_input", [
      { where: "--layout", message: `cần party hoặc state / expected party or state, got "${opts.layout}"` },
    ]);
  if (!opts.input)
    return remoteDocument(
      ctx,
      `/reports/ranking.${format}`,
      {
        year: parseYear(need(opts.year, "--year", "(with the server; or give --input)")),
        unitId: opts.unit,
        kind: opts.kind,
        ...(format === "docx" ? { format: opts.layout } : {}),
      },
      opts.out,
    );
  const { ranking, scheme, names: byId, kind } = computeRanking({ ...opts, input: opts.input });
  const r = await reports();
  const workbook = r.rankingWorkbookFromRanking(ranking, scheme, { unitName: opts.unitName, names: byId, kind });
  if (format === "xlsx") return write(ctx, opts.out, await render(r, opts.input, () => r.renderRankingWorkbook(workbook)));
  const party = opts.layout === "party";
  const date = isoDateOption(opts.date);
  const bytes = await render(r, opts.input, () =>
    r.renderClassificationReportDocx({
      ...workbook,
      kind,
      format: party ? "party" : "state",
      issuer: { parent: "", name: (opts.issuer ?? opts.unitName).toUpperCase() },
      number: party ? "-BC" : "/BC",
      place: opts.place ?? opts.unitName,
      date,
      signer: party
        ? { onBehalfOf: "T/M BAN THƯỜNG VỤ", title: "BÍ THƯ", name: "(ký, ghi rõ họ tên)" }
        : { onBehalfOf: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "(ký, ghi rõ họ tên)" },
      recipients: [party ? "Lưu Văn phòng" : "Lưu: VT"],
    }),
  );
  write(ctx, opts.out, bytes);
}
