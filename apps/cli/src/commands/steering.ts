/**
 * `ntm steering list|add|edit` (and `template|export|import`, registered with the record files in
 * recordFiles.ts): steering-committee members (thành viên Ban Chỉ đạo, plan II.3) and the
 * communes each supports, on the server. Fields are checked with core's `validateSteeringMember`
 * before the call; the server checks the communes against the committee's unit. Exit codes as for
 * every command (`ntm --help`): 2 bad input or a stale version (HTTP 412), 3 server or network, 4 not permitted.
 */
import type { Command } from "commander";
import { STEERING_ROLES, validateSteeringMember } from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { parseDateOption, showDate } from "../lib/dates.js";
import { CliError } from "../lib/exit.js";
import { api } from "../lib/http.js";
import { tr } from "../lib/i18n.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";

/** The member options of `add` and `edit`. */
export interface MemberOptions {
  unit?: string;
  name?: string;
  position?: string;
  organisation?: string;
  role?: string;
  phone?: string;
  from?: string;
  to?: string;
  communes?: string;
  note?: string;
  ifMatch?: string;
}

interface Item {
  id: string;
  unitId: string;
  unitName: string;
  version: number;
  active: boolean;
  data: { fullName: string; position: string; organisation: string; role: string; phone?: string; termStart: string; termEnd?: string };
  communes: { unitId: string; name: string }[];
}
interface Coverage {
  unitId: string;
  unitName: string;
  asOf: string;
  unsupported: { unitId: string; name: string }[];
  communes: unknown[];
}

const OPTION_OF: Record<string, string> = {
  unitId: "--unit",
  fullName: "--name",
  position: "--position",
  organisation: "--organisation",
  role: "--role",
  phone: "--phone",
  termStart: "--from",
  termEnd: "--to",
  communeUnitIds: "--communes",
  note: "--note",
};

/** The request fields given on the command line (only those given; dates as yyyy-mm-dd). */
export function memberFields(o: MemberOptions): Record<string, unknown> {
  const communes = o.communes
    ?.split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    ...(o.unit !== undefined ? { unitId: o.unit } : {}),
    ...(o.name !== undefined ? { fullName: o.name } : {}),
    ...(o.position !== undefined ? { position: o.position } : {}),
    ...(o.organisation !== undefined ? { organisation: o.organisation } : {}),
    ...(o.role !== undefined ? { role: o.role } : {}),
    ...(o.phone !== undefined ? { phone: o.phone } : {}),
    ...(o.from !== undefined ? { termStart: parseDateOption(o.from, "--from") } : {}),
    ...(o.to !== undefined ? { termEnd: parseDateOption(o.to, "--to") } : {}),
    ...(communes !== undefined ? { communeUnitIds: communes } : {}),
    ...(o.note !== undefined ? { note: o.note } : {}),
  };
}

/** Core's check of a whole member; problems name the option they came from. */
function checked(member: Record<string, unknown>): void {
  const r = validateSteeringMember(member);
  if (r.ok) return;
  throw new CliError(
    "invalid_input",
    r.issues.map((i) => {
      const key = String(i.path[0] ?? "");
      return { where: OPTION_OF[key] ?? key, message: i.message, code: i.code };
    }),
  );
}

const roleText = (role: string, lang: "vi" | "en") => STEERING_ROLES[role as keyof typeof STEERING_ROLES]?.[lang] ?? role;
const term = (d: Item["data"], lang: "vi" | "en") => `${showDate(d.termStart, lang)} – ${d.termEnd ? showDate(d.termEnd, lang) : "…"}`;

/**
 * `ntm steering list [--unit id] [--as-of dd/mm/yyyy]`: the members a reader may see with the communes
 * each supports (names), then the communes of the unit with no member on the date.
 * @example
 * await steeringList(ctx, { unit: "d-01", asOf: "30/06/2025" });
 */
export async function steeringList(ctx: Ctx, opts: { unit?: string; asOf?: string }): Promise<void> {
  const asOf = opts.asOf ? parseDateOption(opts.asOf, "--as-of") : undefined;
  const list = (await api(ctx, "GET", "/steering-members", { query: { unitId: opts.unit, asOf } })).body as {
    asOf: string;
    unitId: string;
    items: Item[];
  };
  const coverage = (await api(ctx, "GET", "/steering-members/coverage", { query: { districtId: list.unitId, asOf: list.asOf } }))
    .body as Coverage;
  if (ctx.json) return ctx.printJson({ ...list, coverage });
  const L = ctx.lang;
  ctx.print(
    `${tr(L, "Thành viên Ban Chỉ đạo", "Steering committee members")} · ${coverage.unitName} · ${tr(L, "ngày", "on")} ${showDate(list.asOf, L)}`,
  );
  ctx.print(
    renderTable(
      [
        tr(L, "Mã", "Id"),
        tr(L, "Họ và tên", "Full name"),
        tr(L, "Vai trò", "Role"),
        tr(L, "Chức vụ, cơ quan", "Position, organisation"),
        tr(L, "Xã phụ trách", "Communes supported"),
        tr(L, "Nhiệm kỳ", "Term"),
      ],
      list.items.map((i) => [
        i.id,
        i.data.fullName,
        roleText(i.data.role, L),
        `${i.data.position}, ${i.data.organisation}`,
        i.communes.map((c) => c.name).join(", ") || "—",
        `${term(i.data, L)}${i.active ? "" : tr(L, " (hết hiệu lực)", " (not in term)")}`,
      ]),
      [24, 28, 20, 40, 40, 26],
    ),
  );
  ctx.print(
    coverage.unsupported.length === 0
      ? tr(
          L,
          `Mọi xã (${coverage.communes.length}) đều có thành viên phụ trách.`,
          `Every commune (${coverage.communes.length}) has a supporting member.`,
        )
      : tr(
          L,
          `Xã chưa có thành viên phụ trách (${coverage.unsupported.length}/${coverage.communes.length}): ${coverage.unsupported.map((u) => u.name).join(", ")}`,
          `Communes without a supporting member (${coverage.unsupported.length}/${coverage.communes.length}): ${coverage.unsupported.map((u) => u.name).join(", ")}`,
        ),
  );
}

/** A version given on the command line (`3` or `"3"`). */
function versionOf(raw: string): number {
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m) throw new CliError("invalid_input", [{ where: "--if-match", message: `"${raw}" không phải phiên bản / is not a version` }]);
  return Number(m[1]);
}

function printSaved(ctx: Ctx, out: Item): void {
  if (ctx.json) return ctx.printJson(out);
  const L = ctx.lang;
  const communes = out.communes.map((c) => c.name).join(", ") || "—";
  ctx.print(
    tr(
      L,
      `Đã lưu thành viên Ban Chỉ đạo ${out.data.fullName} (${out.id}, phiên bản ${out.version}); xã phụ trách: ${communes}`,
      `Saved steering committee member ${out.data.fullName} (${out.id}, version ${out.version}); communes supported: ${communes}`,
    ),
  );
}

/**
 * `ntm steering add --unit d-01 --name … --position … --organisation … --role member --from dd/mm/yyyy
 * [--to …] [--phone …] [--communes c1,c2] [--note …]`.
 * @example
 * await steeringAdd(ctx, { unit: "d-01", name: "Võ Thị Mai", position: "Phó Chủ tịch UBND huyện", organisation: "UBND huyện",
 *   role: "deputy_head", from: "01/01/2024", communes: "c-01-08,c-01-09" });
 */
export async function steeringAdd(ctx: Ctx, opts: MemberOptions): Promise<void> {
  const body = { communeUnitIds: [], ...memberFields(opts) };
  checked({ ...body, id: "new" });
  printSaved(ctx, (await api(ctx, "POST", "/steering-members", { json: body })).body as Item);
}

/**
 * `ntm steering edit <id> [member options] [--if-match v]`: changes only the fields given (PATCH); the
 * version is the one just read unless `--if-match` names the one you looked at.
 * @example
 * await steeringEdit(ctx, "tv-bcd-d-01-1", { communes: "c-01-01,c-01-02,c-01-08" });
 */
export async function steeringEdit(ctx: Ctx, id: string, opts: MemberOptions): Promise<void> {
  const patch = memberFields(opts);
  if (Object.keys(patch).length === 0)
    throw new CliError("invalid_input", [{ where: id, message: "không có trường nào để sửa / no field to change (see --help)" }]);
  const path = `/steering-members/${encodeURIComponent(id)}`;
  const cur = (await api(ctx, "GET", path)).body as Item;
  checked({ ...cur.data, ...patch });
  const version = opts.ifMatch !== undefined ? versionOf(opts.ifMatch) : cur.version;
  printSaved(ctx, (await api(ctx, "PATCH", path, { json: patch, headers: { "if-match": `"${version}"` } })).body as Item);
}

/**
 * Registers `ntm steering list|add|edit`.
 * @example
 * registerSteering(program, run);
 */
export function registerSteering(program: Command, run: Run): void {
  const steering = program
    .command("steering")
    .description("Thành viên Ban Chỉ đạo và xã phụ trách (II.3) / steering committee members and the communes each supports");
  steering
    .command("list")
    .description("Thành viên và xã chưa có người phụ trách / members and communes without one")
    .option("--unit <id>", "đơn vị (mặc định: phạm vi của bạn) / unit (default: your scope)")
    .option("--as-of <date>", "ngày xét nhiệm kỳ dd/mm/yyyy / day terms are checked on")
    .action(run((ctx: Ctx, opts: { unit?: string; asOf?: string }) => steeringList(ctx, opts)));
  const fields = (c: Command) =>
    c
      .option("--unit <id>", "đơn vị của Ban Chỉ đạo, ví dụ huyện d-01 / the committee's unit")
      .option("--name <text>", "họ và tên / full name")
      .option("--position <text>", "chức vụ / position")
      .option("--organisation <text>", "cơ quan, đơn vị / organisation")
      .option("--role <role>", Object.keys(STEERING_ROLES).join(" | "))
      .option("--phone <phone>", "điện thoại / phone")
      .option("--from <date>", "bắt đầu nhiệm kỳ dd/mm/yyyy / term starts")
      .option("--to <date>", "kết thúc nhiệm kỳ dd/mm/yyyy / term ends")
      .option("--communes <ids>", "mã các xã phụ trách, cách nhau bởi dấu phẩy / commune ids, comma-separated")
      .option("--note <text>", "ghi chú / note");
  fields(steering.command("add").description("Thêm thành viên / add a member")).action(
    run((ctx: Ctx, opts: MemberOptions) => steeringAdd(ctx, opts)),
  );
  fields(steering.command("edit <id>").description("Sửa các trường đã nêu / change the fields given"))
    .option("--if-match <version>", "phiên bản bạn đã xem; mặc định phiên bản vừa đọc / the version you looked at")
    .action(run((ctx: Ctx, id: string, opts: MemberOptions) => steeringEdit(ctx, id, opts)));
}
