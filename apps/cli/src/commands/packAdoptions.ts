import type { Command } from "commander";
import type { Ctx } from "../lib/context.js";
import { typedClient, call } from "../lib/client.js";
import { CliError } from "../lib/exit.js";
import { tr } from "../lib/i18n.js";
import { readText } from "../lib/io.js";
import { readTemplate } from "../lib/packTemplate.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";

const TIERS = ["standard", "advanced", "model", "modern"] as const;
const LEVELS = ["commune", "hamlet", "district"] as const;

/** A year ("2024") or an ISO date as the API takes it. */
function bound(v: string, flag: string): number | string {
  if (/^\d{4}$/.test(v)) return Number(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  throw new CliError("invalid_input", [
    { where: flag, message: `cần năm (2024) hoặc ngày yyyy-mm-dd, nhận "${v}" / expected a year (2024) or a date yyyy-mm-dd, got "${v}"` },
  ]);
}

/** Reads a pack document: JSON, or the XLSX template `ntm packs new --from` reads. */
async function readPackDocument(file: string): Promise<Record<string, unknown>> {
  if (!/\.xlsx$/i.test(file)) {
    try {
      return JSON.parse(readText(file)) as Record<string, unknown>;
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError("invalid_input", [{ file, message: `JSON không hợp lệ / invalid JSON: ${(e as Error).message}` }]);
    }
  }
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  readText(file);
  await wb.xlsx.readFile(file);
  return readTemplate(wb, file) as Record<string, unknown>;
}

/**
 * Registers the server-side pack commands under `ntm packs`: upload, adopt, adoptions.
 * @example
 * registerPackAdoptions(program.command("packs"), run);
 */
export function registerPackAdoptions(packs: Command, run: Run): void {
  packs
    .command("upload <file>")
    .description("Tải bộ tiêu chí lên máy chủ (JSON hoặc mẫu XLSX) / upload a pack to the server (JSON or the XLSX template)")
    .action(
      run(async (ctx: Ctx, file: string) => {
        const doc = await readPackDocument(file);
        const client = await typedClient(ctx);
        const { data } = await call(ctx, client.POST("/v1/packs", { body: doc }), file);
        if (ctx.json)
          return ctx.printJson({ id: data.id, version: data.version, level: data.level, tier: data.tier, effective: data.effective });
        ctx.print(tr(ctx.lang, `đã tải lên ${data.id} (phiên bản ${data.version})`, `uploaded ${data.id} (version ${data.version})`));
      }),
    );

  packs
    .command("adopt <packId>")
    .description("Áp dụng bộ tiêu chí cho một phạm vi, hạng và thời gian / adopt a pack for a scope, tier and period")
    .requiredOption(
      "--scope <unitId|all>",
      "đơn vị (cả địa bàn bên dưới) hoặc all = toàn hệ thống / a unit (and below), or all = the whole installation",
    )
    .requiredOption("--tier <tier>", "standard | advanced | model | modern")
    .requiredOption("--from <year>", "năm hoặc ngày bắt đầu / first year or date")
    .option("--to <year>", "năm hoặc ngày kết thúc / last year or date")
    .option("--level <level>", "commune | hamlet | district (mặc định: cấp của bộ / default: the pack's level)")
    .action(
      run(async (ctx: Ctx, packId: string, opts: { scope: string; tier: string; from: string; to?: string; level?: string }) => {
        if (!(TIERS as readonly string[]).includes(opts.tier))
          throw new CliError("invalid_input", [{ where: "--tier", message: `hạng phải là / tier must be one of ${TIERS.join(", ")}` }]);
        const client = await typedClient(ctx);
        const level = opts.level ?? (await call(ctx, client.GET("/v1/packs/{id}", { params: { path: { id: packId } } }))).data.level;
        if (!(LEVELS as readonly string[]).includes(level))
          throw new CliError("invalid_input", [{ where: "--level", message: `cấp phải là / level must be one of ${LEVELS.join(", ")}` }]);
        const body = {
          packId,
          scopeUnitId: opts.scope === "all" ? null : opts.scope,
          tier: opts.tier as (typeof TIERS)[number],
          level: level as (typeof LEVELS)[number],
          from: bound(opts.from, "--from"),
          ...(opts.to !== undefined ? { to: bound(opts.to, "--to") } : {}),
        };
        const { data } = await call(ctx, client.POST("/v1/pack-adoptions", { body }));
        if (ctx.json) return ctx.printJson(data);
        ctx.print(
          tr(
            ctx.lang,
            `đã áp dụng ${data.packId} cho ${data.scopeUnitId ?? "toàn hệ thống"} (${data.level}, ${data.tier}) từ ${data.from} đến ${data.to ?? "hết hiệu lực"} [${data.id}]`,
            `adopted ${data.packId} for ${data.scopeUnitId ?? "the whole installation"} (${data.level}, ${data.tier}) from ${data.from} to ${data.to ?? "the pack's end"} [${data.id}]`,
          ),
        );
      }),
    );

  packs
    .command("adoptions")
    .description("Các quyết định áp dụng bộ tiêu chí trên máy chủ / the pack adoptions on the server")
    .action(
      run(async (ctx: Ctx) => {
        const client = await typedClient(ctx);
        const { data } = await call(ctx, client.GET("/v1/pack-adoptions"));
        if (ctx.json) return ctx.printJson(data.items);
        const L = ctx.lang;
        ctx.print(
          renderTable(
            [
              tr(L, "Mã", "Id"),
              tr(L, "Bộ tiêu chí", "Pack"),
              tr(L, "Phạm vi", "Scope"),
              tr(L, "Cấp", "Level"),
              tr(L, "Hạng", "Tier"),
              tr(L, "Từ", "From"),
              tr(L, "Đến", "To"),
            ],
            data.items.map((a) => [
              a.id,
              a.packId,
              a.scopeUnitId ?? tr(L, "toàn hệ thống", "all"),
              a.level,
              a.tier,
              String(a.from),
              a.to === undefined ? "—" : String(a.to),
            ]),
          ),
        );
      }),
    );
}
