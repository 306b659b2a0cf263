import { readFileSync, statSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Ctx } from "../lib/context.js";
import { CliError, type Problem } from "../lib/exit.js";
import { call, typedClient } from "../lib/client.js";
import { caught, tr } from "../lib/i18n.js";
import { levelText } from "../lib/labels.js";
import type { Run } from "../lib/run.js";
import { api } from "../lib/http.js";

/** The options of `ntm units add` and `ntm units edit`, as commander hands them over. */
export interface UnitOptions {
  id?: string;
  level?: string;
  name?: string;
  parent?: string;
  region?: string;
  group?: string;
  flags?: string;
  sort?: string;
  ifMatch?: string;
}

/** The command-line name of each request body field: the server's `$.parentId` is reported as `--parent`. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  id: "<id>",
  level: "<level>",
  name: "--name",
  parentId: "--parent",
  region: "--region",
  communeGroup: "--group",
  flags: "--flags",
  sort: "--sort",
};

const NONE = "none";

function wholeNumber(raw: string, where: string, max: number): number {
  if (!/^\d{1,7}$/.test(raw.trim()) || Number(raw) > max)
    throw new CliError("invalid_input", [
      { where, message: `cần số nguyên từ 0 đến ${max}, nhận "${raw}" / expected a whole number from 0 to ${max}, got "${raw}"` },
    ]);
  return Number(raw);
}

/**
 * The request body of a unit write from command options: only the options given; `none` clears a
 * field (`--parent none` puts the unit at the top, `--flags none` removes every flag). Levels, regions,
 * groups and flags are checked by the server, which names the field; see {@link optionProblems}.
 * @example
 * unitBody({ name: "Xã Tân Lập", parent: "d-01", flags: "especiallyDifficult,merged2025", group: "2" })
 * // { name: "Xã Tân Lập", parentId: "d-01", communeGroup: 2, flags: ["especiallyDifficult", "merged2025"] }
 */
export function unitBody(opts: UnitOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (opts.id !== undefined) body["id"] = opts.id;
  if (opts.level !== undefined) body["level"] = opts.level;
  if (opts.name !== undefined) body["name"] = opts.name;
  if (opts.parent !== undefined) body["parentId"] = opts.parent === NONE ? null : opts.parent;
  if (opts.region !== undefined) body["region"] = opts.region === NONE ? null : opts.region.toUpperCase();
  if (opts.group !== undefined) body["communeGroup"] = opts.group === NONE ? null : wholeNumber(opts.group, "--group", 9);
  if (opts.flags !== undefined)
    body["flags"] =
      opts.flags === NONE
        ? []
        : opts.flags
            .split(",")
            .map((f) => f.trim())
            .filter(Boolean);
  if (opts.sort !== undefined) body["sort"] = wholeNumber(opts.sort, "--sort", 1_000_000);
  return body;
}

/**
 * Renames the server's JSON paths after the options that set them (`$.parentId` → `--parent`,
 * `$.flags[1]` → `--flags[1]`), so a refusal points at what to change on the command line.
 * @example
 * optionProblems([{ where: "$.parentId", message: "a hamlet goes under a commune" }]) // [{ where: "--parent", ... }]
 */
export function optionProblems(problems: readonly Problem[]): Problem[] {
  return problems.map((p) => {
    const m = /^\$\.([A-Za-z]+)(.*)$/.exec(p.where ?? "");
    const option = m ? OPTION_OF_FIELD[m[1]!] : undefined;
    return option ? { ...p, where: `${option}${m![2]}` } : p;
  });
}

async function mapped<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (e) {
    if (e instanceof CliError) throw new CliError(e.kind, optionProblems(e.problems));
    throw e;
  }
}

interface UnitRecord {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  version: number;
}

const describe = (ctx: Ctx, u: UnitRecord) =>
  `${u.id} (${levelText(u.level, ctx.lang)} ${u.name}${u.parentId ? `, ${tr(ctx.lang, "trực thuộc", "under")} ${u.parentId}` : ""}), ${tr(ctx.lang, "phiên bản", "version")} ${u.version}`;

/** `ntm units add <level> <id> --name …`: creates a unit on the server (admins; province officers inside their scope). */
async function addUnit(ctx: Ctx, level: string, id: string, opts: UnitOptions): Promise<void> {
  if (opts.name === undefined) throw new CliError("invalid_input", [{ where: "--name", message: "bắt buộc / required" }]);
  const client = await typedClient(ctx);
  const body = unitBody({ ...opts, id, level }) as { id: string; level: "commune"; name: string };
  const { data } = await mapped(call(ctx, client.POST("/v1/units", { body })));
  if (ctx.json) return ctx.printJson(data);
  ctx.print(tr(ctx.lang, `Đã thêm ${describe(ctx, data)}`, `Created ${describe(ctx, data)}`));
}

/**
 * `ntm units edit <id>`: changes the fields given (a new `--parent` moves the unit with its subtree).
 * Without `--if-match` the version is read just before the write: the change touches only the fields
 * named on the command line, so nothing else a colleague changed is overwritten.
 */
async function editUnit(ctx: Ctx, id: string, opts: UnitOptions): Promise<void> {
  const body = unitBody(opts);
  if (Object.keys(body).length === 0)
    throw new CliError("invalid_input", [
      {
        where: "ntm units edit",
        message:
          "cần ít nhất một trong --name, --parent, --region, --group, --flags, --sort / give at least one of --name, --parent, --region, --group, --flags, --sort",
      },
    ]);
  const client = await typedClient(ctx);
  const version =
    opts.ifMatch !== undefined
      ? wholeNumber(opts.ifMatch.replace(/^W\//, "").replace(/"/g, ""), "--if-match", 1e9)
      : (await call(ctx, client.GET("/v1/units/{id}", { params: { path: { id } } }))).data.unit.version;
  const { data } = await mapped(
    call(ctx, client.PATCH("/v1/units/{id}", { params: { path: { id }, header: {} }, body, headers: { "if-match": `"${version}"` } })),
  );
  if (ctx.json) return ctx.printJson(data);
  ctx.print(tr(ctx.lang, `Đã sửa ${describe(ctx, data)}`, `Updated ${describe(ctx, data)}`));
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `ntm units template`: the unit tree template (an example tree under your province) as CSV or XLSX. */
async function unitTemplate(ctx: Ctx, opts: { format?: string; out?: string }): Promise<void> {
  const format = opts.format ?? (opts.out?.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
  if (format !== "csv" && format !== "xlsx")
    throw new CliError("invalid_input", [{ where: "--format", message: `cần csv hoặc xlsx / expected csv or xlsx, got "${format}"` }]);
  if (format === "xlsx" && !opts.out)
    throw new CliError("invalid_input", [{ where: "--out", message: "cần --out <tệp.xlsx> / required for xlsx" }]);
  const res = await api(ctx, "GET", "/units/template", { query: { format } });
  if (!opts.out) return void process.stdout.write(res.bytes);
  writeFileSync(opts.out, res.bytes);
  if (ctx.json) return ctx.printJson({ file: opts.out, format, bytes: res.bytes.length });
  ctx.print(tr(ctx.lang, `Đã ghi mẫu vào ${opts.out}`, `Template written to ${opts.out}`));
}

interface UnitImportReport {
  dryRun: boolean;
  rows: number;
  created: string[];
  updated: { id: string; fields: string[] }[];
  unchanged: string[];
}

/** `ntm units import <file>`: the unit tree from CSV/XLSX, all or nothing; problems name row and column. */
async function unitImport(ctx: Ctx, file: string, opts: { dryRun?: boolean }): Promise<void> {
  const lower = file.toLowerCase();
  const format = lower.endsWith(".xlsx") ? "xlsx" : lower.endsWith(".csv") ? "csv" : undefined;
  if (!format) throw new CliError("invalid_input", [{ file, ...caught("file.csv_or_xlsx") }]);
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
  } catch {
    throw new CliError("invalid_input", [{ file, ...caught("file.not_found") }]);
  }
  const res = await api(ctx, "POST", "/units/import", {
    body: readFileSync(file),
    headers: { "content-type": format === "xlsx" ? XLSX : "text/csv; charset=utf-8" },
    query: { format, ...(opts.dryRun ? { dryRun: "true" } : {}) },
    file,
  });
  const r = res.body as UnitImportReport;
  if (ctx.json) return ctx.printJson({ file, ...r });
  const L = ctx.lang;
  const head = r.dryRun ? tr(L, "thử (chưa ghi)", "dry run (nothing written)") : tr(L, "đã nhập", "imported");
  ctx.print(
    tr(
      L,
      `${file}: ${head} ${r.rows} đơn vị — ${r.created.length} mới, ${r.updated.length} thay đổi, ${r.unchanged.length} giữ nguyên`,
      `${file}: ${head} ${r.rows} units — ${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged`,
    ),
  );
  for (const id of r.created) ctx.print(`  + ${id}`);
  for (const u of r.updated) ctx.print(`  ~ ${u.id}: ${u.fields.join(", ")}`);
}

/**
 * Adds `add`, `edit`, `template` and `import` under the `units` command.
 * @example
 * registerUnitWrites(program.command("units"), run);
 */
export function registerUnitWrites(units: Command, run: Run): void {
  const fields = (cmd: Command) =>
    cmd
      .option("--name <name>", "tên đơn vị / unit name")
      .option("--parent <id>", "đơn vị cấp trên (none: cấp cao nhất) / parent unit (none: the top)")
      .option("--region <code>", "vùng TDMNPB|DBSH|BTB|DHNTB|TN|DNB|DBSCL (none: bỏ) / region (none: clear)")
      .option("--group <n>", "nhóm xã 1–3 (none: bỏ) / commune group 1–3 (none: clear)")
      .option("--flags <list>", "especiallyDifficult,safeZone,merged2025 (none: bỏ hết / clear)")
      .option("--sort <n>", "thứ tự giữa các đơn vị cùng cấp / position among siblings");
  // The level is an argument: `--level` already filters the `units` listing (commander gives it to `units`).
  fields(
    units
      .command("add <level> <id>")
      .description(
        "Thêm đơn vị trên máy chủ (level: province|district|commune|hamlet; id: chữ thường, số, gạch nối) / create a unit on the server (id: lowercase letters, digits, hyphens)",
      ),
  ).action(run((ctx: Ctx, level: string, id: string, opts: UnitOptions) => addUnit(ctx, level, id, opts)));
  fields(units.command("edit <id>").description("Sửa hoặc chuyển đơn vị trên máy chủ / change or move a unit on the server"))
    .option(
      "--if-match <version>",
      "phiên bản đang sửa (mặc định: đọc ngay trước khi ghi) / the version you are changing (default: read just before the write)",
    )
    .action(run((ctx: Ctx, id: string, opts: UnitOptions) => editUnit(ctx, id, opts)));
  units
    .command("template")
    .description("Tải mẫu cây đơn vị (CSV/XLSX) / download the unit tree template")
    .option("--format <format>", "csv | xlsx")
    .option("--out <file>", "tệp ghi ra (mặc định stdout cho csv) / output file (stdout for csv)")
    .action(run((ctx: Ctx, opts: { format?: string; out?: string }) => unitTemplate(ctx, opts)));
  units
    .command("import <file>")
    .description(
      "Nhập cây đơn vị từ CSV/XLSX (tất cả hoặc không gì; nhập lại cập nhật theo mã) / import the unit tree (all or nothing; re-import updates by code)",
    )
    .option("--dry-run", "chỉ báo cáo, không ghi / report without writing")
    .action(run((ctx: Ctx, file: string, opts: { dryRun?: boolean }) => unitImport(ctx, file, opts)));
}
