import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Ctx } from "../lib/context.js";
import { CliError } from "../lib/exit.js";
import { api } from "../lib/http.js";
import { tr } from "../lib/i18n.js";
import type { Run } from "../lib/run.js";
import { formatOf, readUpload } from "./taskFiles.js";

const yearOf = (year: string): number => {
  if (!/^\d{4}$/.test(year))
    throw new CliError("invalid_input", [{ where: "<year>", message: `"${year}": viết năm 4 chữ số / write a 4-digit year` }]);
  return Number(year);
};

/**
 * `ntm scoring template|export <districtId> <year> [--format] [-o file]`: the district's communes with
 * their scoring inputs and evidence for the year (template: with a note row). Without -o a CSV goes to stdout.
 * @example
 * await scoringInputsFile(ctx, "d-01", "2025", "template", { out: "cham-diem.xlsx" });
 */
export async function scoringInputsFile(
  ctx: Ctx,
  unit: string,
  year: string,
  which: "template" | "export",
  opts: { format?: string; out?: string },
): Promise<void> {
  const y = yearOf(year);
  const format = formatOf(opts);
  const res = await api(ctx, "GET", `/units/${encodeURIComponent(unit)}/scoring-inputs/${y}/${which}`, { query: { format } });
  if (!opts.out) return void process.stdout.write(res.bytes);
  writeFileSync(opts.out, res.bytes);
  if (ctx.json) return ctx.printJson({ unitId: unit, year: y, file: opts.out, format, bytes: res.bytes.length });
  ctx.print(
    which === "template"
      ? tr(
          ctx.lang,
          `Đã ghi mẫu số liệu chấm điểm ${y} của ${unit} vào ${opts.out}`,
          `Scoring inputs template ${y} of ${unit} written to ${opts.out}`,
        )
      : tr(
          ctx.lang,
          `Đã xuất số liệu chấm điểm ${y} của ${unit} vào ${opts.out}`,
          `Scoring inputs ${y} of ${unit} exported to ${opts.out}`,
        ),
  );
}

/**
 * `ntm scoring import <districtId> <year> <file> [--dry-run]`: the communes' scoring inputs from a
 * CSV/XLSX file, all or nothing; problems name the file, row and column (exit 2); a commune you may
 * not write, exit 4.
 * @example
 * await scoringInputsImport(ctx, "d-01", "2025", "cham-diem.xlsx", { dryRun: true });
 */
export async function scoringInputsImport(ctx: Ctx, unit: string, year: string, file: string, opts: { dryRun?: boolean }): Promise<void> {
  const y = yearOf(year);
  const res = await api(ctx, "POST", `/units/${encodeURIComponent(unit)}/scoring-inputs/${y}/import`, {
    ...readUpload(file),
    query: opts.dryRun ? { dryRun: "1" } : {},
  });
  const r = res.body as { dryRun: boolean; rows: number; updated: number; unchanged: number; unitIds: string[] };
  if (ctx.json) return ctx.printJson({ file, ...r });
  const ids = r.unitIds.length ? ` (${r.unitIds.join(", ")})` : "";
  ctx.print(
    r.dryRun
      ? tr(
          ctx.lang,
          `${file}: hợp lệ; sẽ ghi số liệu ${r.unitIds.length} xã${ids}, ${r.unchanged} dòng không đổi; thử, chưa ghi gì`,
          `${file}: valid; would write ${r.unitIds.length} commune(s)${ids}, ${r.unchanged} row(s) unchanged; dry run, nothing written`,
        )
      : tr(
          ctx.lang,
          `${file}: đã ghi số liệu chấm điểm ${r.updated} xã${ids}`,
          `${file}: wrote the scoring inputs of ${r.updated} commune(s)${ids}`,
        ),
  );
}

/**
 * Registers `ntm scoring template|export|import`. Call after `registerScoring`.
 * @example
 * registerScoringFiles(program, run);
 */
export function registerScoringFiles(program: Command, run: Run): void {
  const g =
    program.commands.find((c) => c.name() === "scoring") ??
    program.command("scoring").description("Số liệu chấm điểm nhập tay / entered scoring inputs");
  const out = ["-o, --out <file>", "tệp ghi ra (CSV: mặc định stdout) / output file (CSV: stdout by default)"] as const;
  const format = ["--format <xlsx|csv>", "định dạng (mặc định theo đuôi -o; không có -o: csv) / format"] as const;
  type FileOpts = { format?: string; out?: string };
  g.command("template <unitId> <year>")
    .description("Tải mẫu số liệu chấm điểm các xã của huyện, điền sẵn số liệu hiện có / download the communes' scoring inputs template")
    .option(...format)
    .option(...out)
    .action(run((ctx: Ctx, unit: string, year: string, opts: FileOpts) => scoringInputsFile(ctx, unit, year, "template", opts)));
  g.command("export <unitId> <year>")
    .description("Xuất số liệu chấm điểm các xã (nhập lại được) / export the communes' scoring inputs (re-importable)")
    .option(...format)
    .option(...out)
    .action(run((ctx: Ctx, unit: string, year: string, opts: FileOpts) => scoringInputsFile(ctx, unit, year, "export", opts)));
  g.command("import <unitId> <year> <file>")
    .description("Nhập số liệu chấm điểm các xã từ CSV/XLSX (tất cả hoặc không gì) / import the communes' scoring inputs (all or nothing)")
    .option("--dry-run", "chỉ kiểm tra, không ghi / check without writing")
    .action(
      run((ctx: Ctx, unit: string, year: string, file: string, opts: { dryRun?: boolean }) =>
        scoringInputsImport(ctx, unit, year, file, opts),
      ),
    );
}
