import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Ctx } from "../lib/context.js";
import { api } from "../lib/http.js";
import { tr } from "../lib/i18n.js";
import type { Run } from "../lib/run.js";
import { formatOf } from "./taskFiles.js";

type ExportOpts = { state?: string; unit?: string; year?: string; tier?: string; format?: string; out?: string };

/**
 * `ntm dossier export [--state] [--unit] [--year] [--tier] [--format xlsx|csv] [-o file]`: the dossiers
 * the list shows as a file (unit name, year, tier, state in Vietnamese, decision, documents, last step
 * by whom and when). Without -o a CSV goes to stdout.
 * @example
 * await dossierExport(ctx, { year: "2025", out: "ho-so.xlsx" });
 */
export async function dossierExport(ctx: Ctx, opts: ExportOpts): Promise<void> {
  const format = formatOf(opts);
  const res = await api(ctx, "GET", "/dossiers/export", {
    query: { format, state: opts.state, unitId: opts.unit, year: opts.year, tier: opts.tier },
  });
  if (!opts.out) return void process.stdout.write(res.bytes);
  writeFileSync(opts.out, res.bytes);
  if (ctx.json) return ctx.printJson({ file: opts.out, format, bytes: res.bytes.length });
  ctx.print(tr(ctx.lang, `Đã xuất danh sách hồ sơ vào ${opts.out}`, `Dossier list exported to ${opts.out}`));
}

/**
 * Registers `ntm dossier export`. Call after `registerDossier`.
 * @example
 * registerDossierExport(program, run);
 */
export function registerDossierExport(program: Command, run: Run): void {
  const g =
    program.commands.find((c) => c.name() === "dossier") ??
    program.command("dossier").description("Hồ sơ xét công nhận trên máy chủ / recognition dossiers on the server");
  g.command("export")
    .description("Xuất danh sách hồ sơ ra XLSX/CSV / export the dossier list as XLSX/CSV")
    .option("--state <state>")
    .option("--unit <id>", "cây đơn vị / unit subtree")
    .option("--year <year>")
    .option("--tier <tier>", "standard|advanced|model")
    .option("--format <xlsx|csv>", "định dạng (mặc định theo đuôi -o; không có -o: csv) / format")
    .option("-o, --out <file>", "tệp ghi ra (CSV: mặc định stdout) / output file (CSV: stdout by default)")
    .action(run((ctx: Ctx, opts: ExportOpts) => dossierExport(ctx, opts)));
}
