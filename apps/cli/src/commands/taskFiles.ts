import { readFileSync, statSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Ctx } from "../lib/context.js";
import { CliError } from "../lib/exit.js";
import { api } from "../lib/http.js";
import { tr } from "../lib/i18n.js";
import type { Run } from "../lib/run.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The format a file name asks for (xlsx unless it ends in .csv), or csv to stdout without one. */
export function formatOf(opts: { format?: string; out?: string }): "xlsx" | "csv" {
  const format = opts.format ?? (opts.out && !opts.out.toLowerCase().endsWith(".csv") ? "xlsx" : "csv");
  if (format !== "xlsx" && format !== "csv")
    throw new CliError("invalid_input", [{ where: "--format", message: `"${format}": dùng xlsx hoặc csv / use xlsx or csv` }]);
  if (format === "xlsx" && !opts.out)
    throw new CliError("invalid_input", [{ where: "-o", message: "cần -o <tệp.xlsx> (hoặc --format csv) / -o <file.xlsx> is required" }]);
  return format;
}

/**
 * A CSV or XLSX file to send as a request body, with its content type; a missing file or another
 * extension is an input error naming the file.
 * @example
 * const { body, headers } = readUpload("tien-do.xlsx");
 */
export function readUpload(file: string): { body: Buffer; headers: Record<string, string>; file: string } {
  const lower = file.toLowerCase();
  const format = lower.endsWith(".xlsx") ? "xlsx" : lower.endsWith(".csv") ? "csv" : undefined;
  if (!format) throw new CliError("invalid_input", [{ file, message: "cần tệp .csv hoặc .xlsx / expected a .csv or .xlsx file" }]);
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
  } catch {
    throw new CliError("invalid_input", [{ file, message: "không có tệp này / no such file" }]);
  }
  return { body: readFileSync(file), headers: { "content-type": format === "xlsx" ? XLSX : "text/csv; charset=utf-8" }, file };
}

/**
 * `ntm tasks progress-template|progress-export <plan> [--format] [-o file]`: the plan's progress file,
 * pre-filled with its tasks (template, with a note row) or as it stands (export). Without -o a CSV goes
 * to stdout.
 * @example
 * await taskProgressFile(ctx, "plan-63-d-01", "template", { out: "tien-do.xlsx" });
 */
export async function taskProgressFile(
  ctx: Ctx,
  plan: string,
  which: "template" | "export",
  opts: { format?: string; out?: string },
): Promise<void> {
  const format = formatOf(opts);
  const res = await api(ctx, "GET", `/plans/${encodeURIComponent(plan)}/progress/${which}`, { query: { format } });
  if (!opts.out) return void process.stdout.write(res.bytes);
  writeFileSync(opts.out, res.bytes);
  if (ctx.json) return ctx.printJson({ plan, file: opts.out, format, bytes: res.bytes.length });
  ctx.print(
    which === "template"
      ? tr(ctx.lang, `Đã ghi mẫu tiến độ nhiệm vụ của ${plan} vào ${opts.out}`, `Progress template of ${plan} written to ${opts.out}`)
      : tr(ctx.lang, `Đã xuất tiến độ nhiệm vụ của ${plan} vào ${opts.out}`, `Progress of ${plan} exported to ${opts.out}`),
  );
}

/**
 * `ntm tasks progress-import <plan> <file> [--dry-run]`: many tasks' progress from a CSV/XLSX file, all
 * or nothing; problems name the file, row and column (exit 2); without the right to write the plan, exit 4.
 * @example
 * await taskProgressImport(ctx, "plan-63-d-01", "tien-do.xlsx", { dryRun: true });
 */
export async function taskProgressImport(ctx: Ctx, plan: string, file: string, opts: { dryRun?: boolean }): Promise<void> {
  const upload = readUpload(file);
  const res = await api(ctx, "POST", `/plans/${encodeURIComponent(plan)}/progress/import`, {
    ...upload,
    query: opts.dryRun ? { dryRun: "1" } : {},
  });
  const r = res.body as { dryRun: boolean; rows: number; updated: number; unchanged: number; codes: string[] };
  if (ctx.json) return ctx.printJson({ file, ...r });
  const codes = r.codes.length ? ` (${r.codes.join(", ")})` : "";
  ctx.print(
    r.dryRun
      ? tr(
          ctx.lang,
          `${file}: hợp lệ; sẽ cập nhật ${r.codes.length} nhiệm vụ${codes}, ${r.unchanged} dòng không đổi; thử, chưa ghi gì`,
          `${file}: valid; would update ${r.codes.length} task(s)${codes}, ${r.unchanged} row(s) unchanged; dry run, nothing written`,
        )
      : tr(
          ctx.lang,
          `${file}: đã cập nhật tiến độ ${r.updated} nhiệm vụ${codes}`,
          `${file}: updated the progress of ${r.updated} task(s)${codes}`,
        ),
  );
}

/** The group `name` of the program, created with `description` when absent. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/**
 * Registers `ntm tasks progress-template|progress-export|progress-import`. Call after the record writes.
 * @example
 * registerTaskFiles(program, run);
 */
export function registerTaskFiles(program: Command, run: Run): void {
  const g = group(program, "tasks", "Nhiệm vụ của kế hoạch trên máy chủ / plan tasks on the server");
  const out = ["-o, --out <file>", "tệp ghi ra (CSV: mặc định stdout) / output file (CSV: stdout by default)"] as const;
  const format = ["--format <xlsx|csv>", "định dạng (mặc định theo đuôi -o; không có -o: csv) / format"] as const;
  g.command("progress-template <plan>")
    .description("Tải mẫu cập nhật tiến độ, điền sẵn các nhiệm vụ / download the progress template pre-filled with the tasks")
    .option(...format)
    .option(...out)
    .action(run((ctx: Ctx, plan: string, opts: { format?: string; out?: string }) => taskProgressFile(ctx, plan, "template", opts)));
  g.command("progress-export <plan>")
    .description("Xuất tiến độ mọi nhiệm vụ (nhập lại được) / export every task's progress (re-importable)")
    .option(...format)
    .option(...out)
    .action(run((ctx: Ctx, plan: string, opts: { format?: string; out?: string }) => taskProgressFile(ctx, plan, "export", opts)));
  g.command("progress-import <plan> <file>")
    .description("Nhập tiến độ nhiều nhiệm vụ từ CSV/XLSX (tất cả hoặc không gì) / import many tasks' progress (all or nothing)")
    .option("--dry-run", "chỉ kiểm tra, không ghi / check without writing")
    .action(run((ctx: Ctx, plan: string, file: string, opts: { dryRun?: boolean }) => taskProgressImport(ctx, plan, file, opts)));
}
