import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { parseTaskProgress, validateOcopProduct } from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { parseDateOption } from "../lib/dates.js";
import { CliError } from "../lib/exit.js";
import { api } from "../lib/http.js";
import { tr } from "../lib/i18n.js";
import { readJson } from "../lib/io.js";
import type { Run } from "../lib/run.js";

/** A version given on the command line (`3` or `"3"`), or undefined. */
function versionOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m)
    throw new CliError("invalid_input", [
      { where: "--if-match", message: `"${raw}" không phải phiên bản (ví dụ 3 hoặc "3") / is not a version (such as 3 or "3")` },
    ]);
  return Number(m[1]);
}

/** Core issues as CLI problems, each named by its JSON path. */
const issuesError = (issues: readonly { path: readonly (string | number)[]; message: string }[], file?: string) =>
  new CliError(
    "invalid_input",
    issues.map((i) => ({
      ...(file ? { file } : {}),
      where: `$${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("")}`,
      message: i.message,
    })),
  );

/**
 * `ntm tasks progress <plan> <task> --status s --result text --period P [--percent n] [--evidence text]
 * [--deadline dd/mm/yyyy] [--if-match v]`: records a task's progress, checked with core's schema first.
 * @example
 * await taskProgress(ctx, "plan-63-d-01", "II.5", { status: "in_progress", result: "3,2 km", period: "2025", percent: "60" });
 */
export async function taskProgress(
  ctx: Ctx,
  planId: string,
  code: string,
  opts: { status?: string; result?: string; period?: string; percent?: string; evidence?: string; deadline?: string; ifMatch?: string },
): Promise<void> {
  const percent = opts.percent === undefined ? undefined : Number(opts.percent);
  if (percent !== undefined && !Number.isInteger(percent))
    throw new CliError("invalid_input", [
      { where: "--percent", message: `cần số nguyên 0–100 / expected a whole number 0–100, got "${opts.percent}"` },
    ]);
  const body = {
    status: opts.status,
    result: opts.result,
    period: opts.period,
    ...(percent !== undefined ? { percentDone: percent } : {}),
    ...(opts.evidence ? { evidence: opts.evidence } : {}),
    ...(opts.deadline ? { deadline: parseDateOption(opts.deadline, "--deadline") } : {}),
  };
  const checked = parseTaskProgress(body);
  if (!checked.ok) throw issuesError(checked.issues);
  let version = versionOption(opts.ifMatch);
  if (version === undefined) {
    const plan = (await api(ctx, "GET", `/plans/${encodeURIComponent(planId)}`)).body as { tasks: { code: string; version: number }[] };
    const task = plan.tasks.find((t) => t.code === code);
    if (!task) throw new CliError("not_found", [{ where: code, message: `kế hoạch không có nhiệm vụ này / no such task in ${planId}` }]);
    version = task.version;
  }
  const res = await api(ctx, "PUT", `/plans/${encodeURIComponent(planId)}/tasks/${encodeURIComponent(code)}/progress`, {
    json: checked.value,
    headers: { "if-match": `"${version}"` },
  });
  const out = res.body as { code: string; version: number; progress: { status: string; percentDone?: number } };
  if (ctx.json) return ctx.printJson(out);
  ctx.print(
    tr(
      ctx.lang,
      `Đã ghi tiến độ nhiệm vụ ${out.code} (phiên bản ${out.version})`,
      `Recorded progress of task ${out.code} (version ${out.version})`,
    ),
  );
}

/** A record body from a JSON file, or a bad-input error naming the file. */
const recordFile = (file: string | undefined, option = "--file"): unknown => {
  if (!file) throw new CliError("invalid_input", [{ where: option, message: "cần tệp JSON / a JSON file is required" }]);
  return readJson(file);
};

/**
 * `ntm ocop add --file p.json` / `ntm ocop edit <id> --file p.json [--if-match v]`: an OCOP product
 * (stars, certificate, owner) checked with core's `validateOcopProduct`, then saved.
 * @example
 * await ocopWrite(ctx, undefined, { file: "san-pham.json" });
 */
export async function ocopWrite(ctx: Ctx, id: string | undefined, opts: { file?: string; ifMatch?: string }): Promise<void> {
  const body = recordFile(opts.file);
  const checked = validateOcopProduct({ ...(body as object), id: id ?? "new" });
  if (!checked.ok) throw issuesError(checked.issues, opts.file);
  let res: Awaited<ReturnType<typeof api>>;
  if (id) {
    let version = versionOption(opts.ifMatch);
    if (version === undefined) {
      const list = (await api(ctx, "GET", "/ocop-products")).body as { items: { id: string; version: number }[] };
      const item = list.items.find((x) => x.id === id);
      if (!item) throw new CliError("not_found", [{ where: id, message: "không tìm thấy sản phẩm OCOP / no such OCOP product" }]);
      version = item.version;
    }
    res = await api(ctx, "PUT", `/ocop-products/${encodeURIComponent(id)}`, {
      json: body,
      headers: { "if-match": `"${version}"` },
      ...(opts.file ? { file: opts.file } : {}),
    });
  } else res = await api(ctx, "POST", "/ocop-products", { json: body, ...(opts.file ? { file: opts.file } : {}) });
  return printSaved(ctx, res.body as { id: string; version: number }, "sản phẩm OCOP", "OCOP product");
}

function printSaved(ctx: Ctx, out: { id: string; version: number }, vi: string, en: string): void {
  if (ctx.json) return ctx.printJson(out);
  ctx.print(tr(ctx.lang, `Đã lưu ${vi} ${out.id} (phiên bản ${out.version})`, `Saved ${en} ${out.id} (version ${out.version})`));
}

/**
 * `ntm resources|housing|inspections add --file r.json`: one record, validated by the API with core's
 * rules (problems name the file and the JSON path).
 * @example
 * await addRecord(ctx, "/housing", { file: "nha.json" }, "hồ sơ nhà ở", "housing record");
 */
export async function addRecord(ctx: Ctx, path: string, opts: { file?: string }, vi: string, en: string): Promise<void> {
  const body = recordFile(opts.file);
  const res = await api(ctx, "POST", path, { json: body, ...(opts.file ? { file: opts.file } : {}) });
  printSaved(ctx, res.body as { id: string; version: number }, vi, en);
}

/**
 * `ntm dossier create --unit id --tier t --year y`: a draft recognition dossier.
 * @example
 * await dossierCreate(ctx, { unit: "c-01-01", tier: "standard", year: "2024" });
 */
export async function dossierCreate(ctx: Ctx, opts: { unit?: string; tier?: string; year?: string; pack?: string }): Promise<void> {
  const problems = [
    ...(!opts.unit ? [{ where: "--unit", message: "cần mã xã/thôn / required" }] : []),
    ...(!opts.tier || !["standard", "advanced", "model"].includes(opts.tier)
      ? [{ where: "--tier", message: "cần standard | advanced | model / required" }]
      : []),
    ...(!opts.year || !/^\d{4}$/.test(opts.year) ? [{ where: "--year", message: "cần năm, ví dụ 2025 / a year such as 2025" }] : []),
  ];
  if (problems.length) throw new CliError("invalid_input", problems);
  const res = await api(ctx, "POST", "/dossiers", {
    json: { unitId: opts.unit, tier: opts.tier, year: Number(opts.year), ...(opts.pack ? { packId: opts.pack } : {}) },
  });
  const out = res.body as { id: string; version: number; unitName: string; stateLabel: { vi: string; en: string } };
  if (ctx.json) return ctx.printJson(out);
  ctx.print(
    tr(
      ctx.lang,
      `Đã lập hồ sơ ${out.id} (${out.unitName}, ${out.stateLabel.vi})`,
      `Created dossier ${out.id} (${out.unitName}, ${out.stateLabel.en})`,
    ),
  );
}

/**
 * `ntm dossier attach <id> <file> [--kind k] [--name n]`: uploads a PDF, image or DOCX; prints the
 * server's SHA-256 (compare with `sha256sum`).
 * @example
 * await dossierAttach(ctx, "hs-1", "to-trinh.pdf", { kind: "request_letter" });
 */
export async function dossierAttach(ctx: Ctx, id: string, file: string, opts: { kind?: string; name?: string }): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new CliError("invalid_input", [
      { file, where: file, message: `không đọc được tệp / cannot read the file: ${(e as Error).message}` },
    ]);
  }
  const res = await api(ctx, "POST", `/dossiers/${encodeURIComponent(id)}/attachments`, {
    query: { name: opts.name ?? basename(file), kind: opts.kind },
    body: bytes,
    headers: { "content-type": "application/octet-stream" },
    file,
  });
  const out = res.body as { id: string; name: string; size: number; sha256: string; mediaType: string };
  if (ctx.json) return ctx.printJson(out);
  ctx.print(
    tr(
      ctx.lang,
      `Đã đính kèm ${out.name} (${out.size} byte, SHA-256 ${out.sha256})`,
      `Attached ${out.name} (${out.size} bytes, SHA-256 ${out.sha256})`,
    ),
  );
}

/** The group `name` of the program, created with `description` when absent. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/**
 * Registers the record write commands: `ntm tasks progress`, `ntm ocop add|edit`, `ntm resources add`,
 * `ntm housing add`, `ntm inspections add`, `ntm dossier create|attach`. Call after the list commands.
 * @example
 * registerRecordWrites(program, run);
 */
export function registerRecordWrites(program: Command, run: Run): void {
  const ifMatch = [
    "--if-match <version>",
    "phiên bản bạn đã xem; mặc định phiên bản vừa đọc / the version you looked at (default: the version just read)",
  ] as const;
  group(program, "tasks", "Nhiệm vụ của kế hoạch trên máy chủ / plan tasks on the server")
    .command("progress <plan> <task>")
    .description("Ghi tiến độ nhiệm vụ / record a task's progress")
    .option("--status <status>", "done | in_progress | not_started | overdue")
    .option("--result <text>", "kết quả thực hiện / result")
    .option("--period <period>", "kỳ báo cáo, ví dụ 2025 hoặc 2025S1 / period")
    .option("--percent <n>", "tỷ lệ hoàn thành 0–100 / share done")
    .option("--evidence <text>", "minh chứng / evidence")
    .option("--deadline <date>", "hạn hoàn thành dd/mm/yyyy / deadline")
    .option(...ifMatch)
    .action(run((ctx: Ctx, plan: string, task: string, opts: Parameters<typeof taskProgress>[3]) => taskProgress(ctx, plan, task, opts)));
  const ocop = group(program, "ocop", "OCOP (Mỗi xã một sản phẩm) / One Commune One Product");
  ocop
    .command("add")
    .description("Thêm sản phẩm OCOP từ tệp JSON / add an OCOP product from a JSON file")
    .option("--file <file>", "tệp JSON / JSON file")
    .action(run((ctx: Ctx, opts: { file?: string }) => ocopWrite(ctx, undefined, opts)));
  ocop
    .command("edit <id>")
    .description("Sửa sản phẩm OCOP (thay toàn bộ) / replace an OCOP product")
    .option("--file <file>", "tệp JSON / JSON file")
    .option(...ifMatch)
    .action(run((ctx: Ctx, id: string, opts: { file?: string; ifMatch?: string }) => ocopWrite(ctx, id, opts)));
  const adders: [string, string, string, string, string][] = [
    ["resources", "/contributions", "Nguồn lực huy động / resources mobilised", "khoản huy động", "contribution"],
    ["housing", "/housing", "Nhà ở / housing", "hồ sơ nhà ở", "housing record"],
    ["inspections", "/inspections", "Kiểm tra, giám sát / inspections", "cuộc kiểm tra", "inspection"],
  ];
  for (const [name, path, description, vi, en] of adders)
    group(program, name, description)
      .command("add")
      .description(`Thêm ${vi} từ tệp JSON / add a ${en} from a JSON file`)
      .option("--file <file>", "tệp JSON / JSON file")
      .action(run((ctx: Ctx, opts: { file?: string }) => addRecord(ctx, path, opts, vi, en)));
  const dossier = group(program, "dossier", "Hồ sơ xét công nhận / recognition dossiers");
  dossier
    .command("create")
    .description("Lập hồ sơ / create a draft dossier")
    .option("--unit <id>", "xã hoặc thôn / commune or hamlet")
    .option("--tier <tier>", "standard | advanced | model")
    .option("--year <year>")
    .option("--pack <id>", "bộ tiêu chí (mặc định: bộ được áp dụng) / pack (default: the adopted one)")
    .action(run((ctx: Ctx, opts: { unit?: string; tier?: string; year?: string; pack?: string }) => dossierCreate(ctx, opts)));
  dossier
    .command("attach <id> <file>")
    .description("Đính kèm tài liệu (PDF, PNG, JPEG, DOCX) / attach a document")
    .option("--kind <kind>", "request_letter | self_assessment_report | meeting_minutes | … ")
    .option("--name <name>", "tên tệp hiển thị / file name shown")
    .action(run((ctx: Ctx, id: string, file: string, opts: { kind?: string; name?: string }) => dossierAttach(ctx, id, file, opts)));
}
