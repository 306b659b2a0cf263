/**
 * `ntm plan create | export | import`: authoring plans on the server (the API decides: core's
 * planFromTemplate and validation run there). Thin: parse options, call the API, print.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Ctx } from "../lib/context.js";
import { CliError } from "../lib/exit.js";
import { api } from "../lib/http.js";
import { caught, tr } from "../lib/i18n.js";
import type { Run } from "../lib/run.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface PlanDocument {
  id: string;
  unitId: string;
  parentPlanId: string | null;
  version: number;
  plan: { title: { vi: string; en: string }; number: string | null; tasks: unknown[] };
}

function formatOf(opt: string | undefined, file: string | undefined, where: string): "json" | "xlsx" {
  const format = opt ?? (file?.toLowerCase().endsWith(".xlsx") ? "xlsx" : "json");
  if (format !== "json" && format !== "xlsx")
    throw new CliError("invalid_input", [{ where, message: `cần json hoặc xlsx / expected json or xlsx, got "${format}"` }]);
  return format;
}

function printDocument(ctx: Ctx, doc: PlanDocument, verb: { vi: string; en: string }): void {
  if (ctx.json) return ctx.printJson(doc);
  const L = ctx.lang;
  ctx.print(
    `${tr(L, verb.vi, verb.en)} ${doc.id} · ${tr(L, "đơn vị", "unit")} ${doc.unitId} · ${tr(L, "phiên bản", "version")} ${doc.version} · ${doc.plan.tasks.length} ${tr(L, "nhiệm vụ", "tasks")}`,
  );
  ctx.print(`  ${doc.plan.title[L]}`);
}

interface CreateOptions {
  template: string;
  unit: string;
  number?: string;
  date?: string;
  periodEnd?: string;
  parent?: string;
  organisation?: string;
}

/**
 * `ntm plan create --template directive-63 --unit <id>`: a new plan on the server.
 * @example
 * await planCreate(ctx, { template: "directive-63", unit: "d-01" });
 */
export async function planCreate(ctx: Ctx, o: CreateOptions): Promise<void> {
  const body = {
    unitId: o.unit,
    template: o.template,
    ...(o.number ? { number: o.number } : {}),
    ...(o.date ? { date: o.date } : {}),
    ...(o.periodEnd ? { periodEnd: o.periodEnd } : {}),
    ...(o.parent ? { parentPlanId: o.parent } : {}),
    ...(o.organisation ? { organisationId: o.organisation } : {}),
  };
  const res = await api(ctx, "POST", "/plans", { json: body });
  printDocument(ctx, res.body as PlanDocument, { vi: "Đã tạo kế hoạch", en: "Created plan" });
}

/**
 * `ntm plan export <id> --format json|xlsx --out f`: the plan as a re-importable file.
 * @example
 * await planExport(ctx, "plan-…", { format: "xlsx", out: "kh.xlsx" });
 */
export async function planExport(ctx: Ctx, id: string, o: { format?: string; out?: string }): Promise<void> {
  const format = formatOf(o.format, o.out, "--format");
  if (format === "xlsx" && !o.out)
    throw new CliError("invalid_input", [{ where: "--out", message: "cần --out <tệp.xlsx> / required for xlsx" }]);
  const res = await api(ctx, "GET", `/plans/${encodeURIComponent(id)}/export`, { query: { format } });
  if (!o.out) return void process.stdout.write(res.bytes);
  writeFileSync(o.out, res.bytes);
  if (ctx.json) return ctx.printJson({ written: o.out, bytes: res.bytes.length, format });
  ctx.print(tr(ctx.lang, `đã ghi ${o.out} (${res.bytes.length} byte)`, `wrote ${o.out} (${res.bytes.length} bytes)`));
}

/**
 * `ntm plan import <file> --unit <id>`: a plan file (as exported) becomes a new plan of the unit.
 * @example
 * await planImport(ctx, "kh.xlsx", { unit: "d-01" });
 */
export async function planImport(ctx: Ctx, file: string, o: { unit: string; format?: string }): Promise<void> {
  const format = formatOf(o.format, file, "--format");
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError("invalid_input", [{ file, ...caught("file.not_found") }]);
  }
  const res = await api(ctx, "POST", "/plans/import", {
    body: new Uint8Array(bytes),
    headers: { "content-type": format === "xlsx" ? XLSX : "application/json" },
    query: { unitId: o.unit, format },
    file,
  });
  printDocument(ctx, res.body as PlanDocument, { vi: "Đã nhập kế hoạch", en: "Imported plan" });
}

/**
 * Adds `create`, `export` and `import` to `ntm plan`.
 * @example
 * registerPlanAuthoring(registerPlan(program, run), run);
 */
export function registerPlanAuthoring(plan: Command, run: Run): void {
  plan
    .command("create")
    .description("Tạo kế hoạch trên máy chủ từ mẫu hoặc trống / create a plan on the server from a template or blank")
    .requiredOption("--template <id>", "mẫu: directive-63 | blank / template")
    .requiredOption("--unit <id>", "đơn vị của kế hoạch / the plan's unit")
    .option("--number <text>", "số kế hoạch / the plan's number")
    .option("--date <yyyy-mm-dd>", "ngày ban hành / date")
    .option("--period-end <yyyy-mm-dd>", "ngày kết thúc (kế hoạch trống) / end of the period (blank plan)")
    .option("--parent <planId>", "kế hoạch cấp trên (kế hoạch cụ thể hóa) / parent plan (implementing plan)")
    .option("--organisation <assigneeId>", "đơn vị được giao của kế hoạch cấp trên viết kế hoạch này / the parent's assignee writing it")
    .action(run((ctx: Ctx, o: CreateOptions) => planCreate(ctx, o)));
  plan
    .command("export <id>")
    .description("Xuất kế hoạch JSON/XLSX (nhập lại được) / export a plan as JSON or XLSX (re-importable)")
    .option("--format <format>", "json | xlsx (mặc định theo đuôi --out, hoặc json)")
    .option("--out <file>", "tệp ghi ra (không có: in JSON ra màn hình) / output file")
    .action(run((ctx: Ctx, id: string, o: { format?: string; out?: string }) => planExport(ctx, id, o)));
  plan
    .command("import <file>")
    .description("Nhập kế hoạch từ JSON/XLSX thành kế hoạch mới của đơn vị / import a plan file as a new plan of the unit")
    .requiredOption("--unit <id>", "đơn vị của kế hoạch / the plan's unit")
    .option("--format <format>", "json | xlsx (mặc định theo đuôi tệp)")
    .action(run((ctx: Ctx, file: string, o: { unit: string; format?: string }) => planImport(ctx, file, o)));
}
