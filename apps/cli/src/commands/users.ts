import type { Command } from "commander";
import type { Ctx } from "../lib/context.js";
import { CliError, type Problem } from "../lib/exit.js";
import { call, typedClient } from "../lib/client.js";
import { tr } from "../lib/i18n.js";
import { readStdin } from "../lib/prompt.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";

type Role = "admin" | "province_officer" | "district_officer" | "commune_officer" | "inspector" | "viewer";
interface UserOut {
  id: string;
  username: string;
  displayName: string;
  role: string;
  scopeUnitId: string;
  active: boolean;
}
interface UserOptions {
  role?: string;
  scope?: string;
  displayName?: string;
  passwordStdin?: boolean;
  active?: string;
  inactive?: boolean;
  all?: boolean;
}

/** The command-line name of each request field, so a refusal points at the option to change. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  username: "<username>",
  displayName: "--display-name",
  password: "--password-stdin",
  role: "--role",
  scopeUnitId: "--scope",
  active: "--active",
};

function optionProblems(e: unknown): never {
  if (e instanceof CliError) {
    throw new CliError(
      e.kind,
      e.problems.map((p: Problem) => {
        const m = /^\$\.([A-Za-z]+)(.*)$/.exec(p.where ?? "");
        const option = m ? OPTION_OF_FIELD[m[1]!] : undefined;
        return option ? { ...p, where: `${option}${m![2]}` } : p;
      }),
    );
  }
  throw e;
}

async function password(required: boolean, given: boolean | undefined): Promise<string | undefined> {
  if (!given) {
    if (required)
      throw new CliError("invalid_input", [{ where: "--password-stdin", message: "cần mật khẩu qua stdin / pipe the password on stdin" }]);
    return undefined;
  }
  const pw = await readStdin();
  if (!pw) throw new CliError("invalid_input", [{ where: "--password-stdin", message: "stdin trống / stdin is empty" }]);
  return pw;
}

const show = (ctx: Ctx, u: UserOut) =>
  `${u.username} (${u.displayName}) · ${u.role} · ${u.scopeUnitId}${u.active ? "" : tr(ctx.lang, " · đã khoá", " · deactivated")}`;

/** Finds a user by username (or id) among those the caller manages. */
async function findUser(ctx: Ctx, who: string): Promise<UserOut> {
  const client = await typedClient(ctx);
  const { data } = await call(ctx, client.GET("/v1/users", { params: { query: {} } }));
  const u = (data.items as UserOut[]).find((x) => x.username === who || x.id === who);
  if (!u)
    throw new CliError("not_found", [
      { where: who, message: "không có người dùng này trong phạm vi bạn quản lý / no such user among those you manage" },
    ]);
  return u;
}

async function list(ctx: Ctx, opts: UserOptions): Promise<void> {
  const client = await typedClient(ctx);
  const query = {
    ...(opts.scope ? { scope: opts.scope } : {}),
    ...(opts.role ? { role: opts.role as Role } : {}),
    ...(opts.inactive ? { active: "false" as const } : opts.all ? {} : { active: "true" as const }),
  };
  const { data } = await call(ctx, client.GET("/v1/users", { params: { query } }));
  const items = data.items as UserOut[];
  if (ctx.json) return ctx.printJson(items);
  const L = ctx.lang;
  ctx.print(
    renderTable(
      [
        tr(L, "Tên đăng nhập", "Username"),
        tr(L, "Tên hiển thị", "Display name"),
        tr(L, "Vai trò", "Role"),
        tr(L, "Phạm vi", "Scope"),
        tr(L, "Trạng thái", "Status"),
      ],
      items.map((u) => [
        u.username,
        u.displayName,
        u.role,
        u.scopeUnitId,
        u.active ? tr(L, "hoạt động", "active") : tr(L, "đã khoá", "deactivated"),
      ]),
    ),
  );
}

async function add(ctx: Ctx, username: string, opts: UserOptions): Promise<void> {
  if (!opts.role) throw new CliError("invalid_input", [{ where: "--role", message: "bắt buộc / required" }]);
  if (!opts.scope) throw new CliError("invalid_input", [{ where: "--scope", message: "bắt buộc: mã đơn vị / required: a unit id" }]);
  const pw = (await password(true, opts.passwordStdin))!;
  const client = await typedClient(ctx);
  const body = { username, displayName: opts.displayName ?? username, password: pw, role: opts.role as Role, scopeUnitId: opts.scope };
  const { data } = await call(ctx, client.POST("/v1/users", { body })).catch(optionProblems);
  if (ctx.json) return ctx.printJson(data);
  ctx.print(tr(ctx.lang, `Đã tạo ${show(ctx, data)}`, `Created ${show(ctx, data)}`));
}

async function edit(ctx: Ctx, who: string, opts: UserOptions): Promise<void> {
  const body: { role?: Role; scopeUnitId?: string; displayName?: string; active?: boolean } = {};
  if (opts.role !== undefined) body.role = opts.role as Role;
  if (opts.scope !== undefined) body.scopeUnitId = opts.scope;
  if (opts.displayName !== undefined) body.displayName = opts.displayName;
  if (opts.active !== undefined) {
    if (opts.active !== "true" && opts.active !== "false")
      throw new CliError("invalid_input", [
        { where: "--active", message: `cần true hoặc false / expected true or false, got "${opts.active}"` },
      ]);
    body.active = opts.active === "true";
  }
  if (!Object.keys(body).length)
    throw new CliError("invalid_input", [
      {
        where: "ntm users edit",
        message:
          "cần ít nhất một trong --role, --scope, --display-name, --active / give at least one of --role, --scope, --display-name, --active",
      },
    ]);
  const u = await findUser(ctx, who);
  const client = await typedClient(ctx);
  const { data } = await call(ctx, client.PATCH("/v1/users/{id}", { params: { path: { id: u.id } }, body })).catch(optionProblems);
  if (ctx.json) return ctx.printJson(data);
  ctx.print(tr(ctx.lang, `Đã sửa ${show(ctx, data)}`, `Updated ${show(ctx, data)}`));
}

async function resetPassword(ctx: Ctx, who: string, opts: UserOptions): Promise<void> {
  const pw = await password(false, opts.passwordStdin);
  const u = await findUser(ctx, who);
  const client = await typedClient(ctx);
  const { data } = await call(
    ctx,
    client.POST("/v1/users/{id}/reset-password", { params: { path: { id: u.id } }, body: pw ? { password: pw } : {} }),
  ).catch(optionProblems);
  if (ctx.json) return ctx.printJson(data);
  const L = ctx.lang;
  ctx.print(
    tr(
      L,
      `Đã đặt lại mật khẩu của ${u.username}; kết thúc ${data.sessionsEnded} phiên, thu hồi ${data.tokensRevoked} mã truy cập`,
      `Reset the password of ${u.username}; ended ${data.sessionsEnded} session(s), revoked ${data.tokensRevoked} API token(s)`,
    ),
  );
  if (data.temporaryPassword)
    ctx.print(
      tr(L, `Mật khẩu tạm (chỉ hiện một lần): ${data.temporaryPassword}`, `Temporary password (shown once): ${data.temporaryPassword}`),
    );
}

async function deactivate(ctx: Ctx, who: string): Promise<void> {
  const u = await findUser(ctx, who);
  const client = await typedClient(ctx);
  const { data } = await call(ctx, client.POST("/v1/users/{id}/deactivate", { params: { path: { id: u.id } } }));
  if (ctx.json) return ctx.printJson(data);
  ctx.print(
    tr(
      ctx.lang,
      `Đã khoá ${show(ctx, data)}; các phiên và mã truy cập đã chấm dứt`,
      `Deactivated ${show(ctx, data)}; sessions and API tokens ended`,
    ),
  );
}

/**
 * `ntm users list|add|edit|reset-password|deactivate`: people on the server (admins anywhere; those
 * with users.manage within their scope). Passwords come from stdin only, never from the command line.
 * @example
 * registerUsers(program, run);
 */
export function registerUsers(program: Command, run: Run): void {
  const users = program.command("users").description("Người dùng trên máy chủ / users on the server");
  users
    .command("list")
    .description("Danh sách người dùng trong phạm vi / users within a scope")
    .option("--scope <id>", "đơn vị gốc (mặc định phạm vi của bạn) / subtree root (default your scope)")
    .option("--role <role>", "lọc theo vai trò / filter by role")
    .option("--inactive", "chỉ tài khoản đã khoá / deactivated accounts only")
    .option("--all", "cả tài khoản đã khoá / include deactivated accounts")
    .action(run((ctx: Ctx, opts: UserOptions) => list(ctx, opts)));
  users
    .command("add <username>")
    .description("Tạo người dùng; mật khẩu qua stdin / create a user; the password on stdin")
    .option("--role <role>", "vai trò (xem GET /v1/roles) / role")
    .option("--scope <id>", "đơn vị phạm vi / scope unit")
    .option("--display-name <name>", "tên hiển thị / display name")
    .option("--password-stdin", "đọc mật khẩu từ stdin / read the password from stdin")
    .action(run((ctx: Ctx, username: string, opts: UserOptions) => add(ctx, username, opts)));
  users
    .command("edit <username>")
    .description("Sửa vai trò, phạm vi, tên hiển thị, trạng thái / change role, scope, display name, active flag")
    .option("--role <role>")
    .option("--scope <id>")
    .option("--display-name <name>")
    .option("--active <true|false>", "mở hoặc khoá tài khoản / activate or deactivate")
    .action(run((ctx: Ctx, who: string, opts: UserOptions) => edit(ctx, who, opts)));
  users
    .command("reset-password <username>")
    .description(
      "Đặt lại mật khẩu (mặc định tạo mật khẩu tạm); chấm dứt mọi phiên và mã truy cập / reset a password (default: a temporary one); ends sessions and API tokens",
    )
    .option("--password-stdin", "đặt mật khẩu đọc từ stdin / set the password read from stdin")
    .action(run((ctx: Ctx, who: string, opts: UserOptions) => resetPassword(ctx, who, opts)));
  users
    .command("deactivate <username>")
    .description("Khoá tài khoản; chấm dứt mọi phiên và mã truy cập / deactivate; ends sessions and API tokens")
    .action(run((ctx: Ctx, who: string) => deactivate(ctx, who)));
}
