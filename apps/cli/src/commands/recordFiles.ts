import { readFileSync, statSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Ctx } from "../lib/context.js";
import { CliError } from "../lib/exit.js";
import { api } from "../lib/http.js";
import { caught, tr } from "../lib/i18n.js";
import type { Run } from "../lib/run.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The record kinds with files, their names, and where their routes live (default `/{kind}/…`). */
type Kind = "ocop" | "resources" | "housing" | "inspections" | "steering";
const KINDS: Readonly<Record<Kind, { vi: string; en: string; group: string; base?: string; template?: string }>> = {
  ocop: { vi: "sản phẩm OCOP", en: "OCOP products", group: "OCOP (Mỗi xã một sản phẩm) / One Commune One Product" },
  resources: { vi: "khoản huy động nguồn lực", en: "contributions", group: "Nguồn lực huy động / resources mobilised" },
  housing: { vi: "hồ sơ nhà ở", en: "housing records", group: "Nhà ở / housing" },
  inspections: { vi: "cuộc kiểm tra, giám sát", en: "inspection records", group: "Kiểm tra, giám sát / inspections" },
  steering: {
    vi: "thành viên Ban Chỉ đạo",
    en: "steering committee members",
    group: "Thành viên Ban Chỉ đạo và xã phụ trách (II.3) / steering committee members",
    base: "/steering-members",
    template: "/steering-members/template",
  },
};
const base = (kind: Kind) => KINDS[kind].base ?? `/${kind}`;

/**
 * `ntm <kind> template [--csv] -o file`: the import template (XLSX; with --csv, CSV for Vietnamese
 * Excel: `;` and decimal commas). Without -o a CSV goes to stdout.
 * @example
 * await recordTemplate(ctx, "ocop", { out: "mau-ocop.xlsx" });
 */
export async function recordTemplate(ctx: Ctx, kind: Kind, opts: { csv?: boolean; out?: string }): Promise<void> {
  const format = opts.csv || opts.out?.toLowerCase().endsWith(".csv") ? "csv" : "xlsx";
  if (format === "xlsx" && !opts.out)
    throw new CliError("invalid_input", [
      { where: "-o", message: "cần -o <tệp.xlsx> (hoặc --csv) / -o <file.xlsx> is required (or --csv)" },
    ]);
  const res = await api(ctx, "GET", KINDS[kind].template ?? `${base(kind)}/template.xlsx`, { query: { format } });
  if (!opts.out) return void process.stdout.write(res.bytes);
  writeFileSync(opts.out, res.bytes);
  if (ctx.json) return ctx.printJson({ kind, file: opts.out, format, bytes: res.bytes.length });
  ctx.print(tr(ctx.lang, `Đã ghi mẫu nhập ${KINDS[kind].vi} vào ${opts.out}`, `Template for ${KINDS[kind].en} written to ${opts.out}`));
}

/** The list filter a year is, for the kinds whose list has one (a contribution's period may be a year). */
const YEAR_QUERY: Partial<Record<Kind, string>> = { inspections: "year", resources: "period" };

/**
 * `ntm <kind> export [--unit] [--year] [--format xlsx|csv] [-o file]`: the records the list shows, in
 * the import template's columns, so the file imports back. The format follows -o's extension unless
 * given; without -o a CSV goes to stdout.
 * @example
 * await recordExport(ctx, "housing", { unit: "c-01-01", out: "nha-o.xlsx" });
 */
export async function recordExport(
  ctx: Ctx,
  kind: Kind,
  opts: { unit?: string; year?: string; format?: string; out?: string },
): Promise<void> {
  const format = opts.format ?? (opts.out && !opts.out.toLowerCase().endsWith(".csv") ? "xlsx" : "csv");
  if (format !== "xlsx" && format !== "csv")
    throw new CliError("invalid_input", [{ where: "--format", message: `"${format}": dùng xlsx hoặc csv / use xlsx or csv` }]);
  if (format === "xlsx" && !opts.out)
    throw new CliError("invalid_input", [{ where: "-o", message: "cần -o <tệp.xlsx> (hoặc --format csv) / -o <file.xlsx> is required" }]);
  const yearKey = YEAR_QUERY[kind];
  if (opts.year !== undefined && (!yearKey || !/^\d{4}$/.test(opts.year)))
    throw new CliError("invalid_input", [
      {
        where: "--year",
        message: yearKey
          ? `"${opts.year}": viết năm 4 chữ số / write a 4-digit year`
          : `${KINDS[kind].vi} không lọc theo năm / ${KINDS[kind].en} have no year filter`,
      },
    ]);
  const query: Record<string, string | undefined> = { format, unitId: opts.unit };
  if (yearKey && opts.year) query[yearKey] = opts.year;
  const res = await api(ctx, "GET", `${base(kind)}/export`, { query });
  if (!opts.out) return void process.stdout.write(res.bytes);
  writeFileSync(opts.out, res.bytes);
  if (ctx.json) return ctx.printJson({ kind, file: opts.out, format, bytes: res.bytes.length });
  ctx.print(tr(ctx.lang, `Đã xuất ${KINDS[kind].vi} vào ${opts.out}`, `${KINDS[kind].en} exported to ${opts.out}`));
}

/**
 * `ntm <kind> import <file> [--dry-run]`: records from a CSV/XLSX file, all or nothing; problems name
 * the file, row and column (exit 2), rows outside your scope exit 4.
 * @example
 * await recordImport(ctx, "housing", "nha-o.xlsx", { dryRun: true });
 */
export async function recordImport(ctx: Ctx, kind: Kind, file: string, opts: { dryRun?: boolean }): Promise<void> {
  const lower = file.toLowerCase();
  const format = lower.endsWith(".xlsx") ? "xlsx" : lower.endsWith(".csv") ? "csv" : undefined;
  if (!format) throw new CliError("invalid_input", [{ file, ...caught("file.csv_or_xlsx") }]);
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
  } catch {
    throw new CliError("invalid_input", [{ file, ...caught("file.not_found") }]);
  }
  const res = await api(ctx, "POST", `${base(kind)}/import`, {
    body: readFileSync(file),
    headers: { "content-type": format === "xlsx" ? XLSX : "text/csv; charset=utf-8" },
    query: opts.dryRun ? { dryRun: "1" } : {},
    file,
  });
  const r = res.body as { dryRun: boolean; rows: number; imported: number; ids: string[] };
  if (ctx.json) return ctx.printJson({ file, ...r });
  const k = KINDS[kind];
  ctx.print(
    r.dryRun
      ? tr(ctx.lang, `${file}: ${r.rows} dòng hợp lệ; thử, chưa ghi gì`, `${file}: ${r.rows} rows are valid; dry run, nothing written`)
      : tr(ctx.lang, `${file}: đã nhập ${r.imported} ${k.vi}`, `${file}: imported ${r.imported} ${k.en}`),
  );
}

/** The group `name` of the program, created with `description` when absent. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/**
 * Registers `ntm ocop|resources|housing|inspections|steering template|export|import`. Call after the list commands.
 * @example
 * registerRecordFiles(program, run);
 */
export function registerRecordFiles(program: Command, run: Run): void {
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const k = KINDS[kind];
    const g = group(program, kind, k.group);
    g.command("template")
      .description(`Tải mẫu nhập ${k.vi} (XLSX, hoặc CSV với --csv) / download the import template for ${k.en}`)
      .option("--csv", "CSV cho Excel tiếng Việt (dấu ; và dấu phẩy thập phân) / CSV for Vietnamese Excel")
      .option("-o, --out <file>", "tệp ghi ra (CSV: mặc định stdout) / output file (CSV: stdout by default)")
      .action(run((ctx: Ctx, opts: { csv?: boolean; out?: string }) => recordTemplate(ctx, kind, opts)));
    g.command("export")
      .description(`Xuất ${k.vi} ra XLSX/CSV theo cột của mẫu nhập (nhập lại được) / export ${k.en} (re-importable)`)
      .option("--unit <id>", "mã đơn vị (mặc định: phạm vi của bạn) / unit id (default: your scope)")
      .option("--year <yyyy>", "năm (kiểm tra, giám sát; huy động nguồn lực) / year (inspections, resources)")
      .option("--format <xlsx|csv>", "định dạng (mặc định theo đuôi -o; không có -o: csv) / format")
      .option("-o, --out <file>", "tệp ghi ra (CSV: mặc định stdout) / output file (CSV: stdout by default)")
      .action(run((ctx: Ctx, opts: { unit?: string; year?: string; format?: string; out?: string }) => recordExport(ctx, kind, opts)));
    g.command("import <file>")
      .description(`Nhập ${k.vi} từ CSV/XLSX (tất cả hoặc không gì) / import ${k.en} from CSV/XLSX (all or nothing)`)
      .option("--dry-run", "chỉ kiểm tra, không ghi / check without writing")
      .action(run((ctx: Ctx, file: string, opts: { dryRun?: boolean }) => recordImport(ctx, kind, file, opts)));
  }
}
