import { readFileSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import type { Command } from "commander";
import { type CriteriaPack, type EvaluationResult, getPack } from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { removeLogin, saveLogin } from "../lib/credentials.js";
import { CliError, EXIT } from "../lib/exit.js";
import { call, typedClient } from "../lib/client.js";
import { type HttpBody, api, tokenFor } from "../lib/http.js";
import { caught, tr } from "../lib/i18n.js";
import { levelText, regionText, showDateTime } from "../lib/labels.js";
import { parseCsv } from "../lib/csv.js";
import { readJson } from "../lib/io.js";
import { ask, readStdin } from "../lib/prompt.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";
import { type EvaluateOptions, parseYear, renderResult, resultFails } from "./evaluate.js";
import { registerUnitWrites } from "./units.js";

interface Unit {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  region: string | null;
  communeGroup: number | null;
  flags: string[] | null;
}

function requireYear(raw: string | undefined): number {
  const y = parseYear(raw);
  if (y === undefined) throw new CliError("invalid_input", [{ where: "--year", ...caught("values_file.year_required") }]);
  return y;
}

function requireUnit(raw: string | undefined): string {
  if (!raw) throw new CliError("invalid_input", [{ where: "--unit", ...caught("values_file.unit_required") }]);
  return raw;
}

/** `ntm login`: signs in with a password, creates an API token, keeps it in the user's config dir (0600), signs the session out. */
async function login(ctx: Ctx, opts: { username?: string; passwordStdin?: boolean }): Promise<void> {
  const username = opts.username ?? (process.stdin.isTTY ? await ask(tr(ctx.lang, "Tên đăng nhập: ", "Username: ")) : "");
  if (!username) throw new CliError("invalid_input", [{ where: "--username", message: "cần tên đăng nhập / required" }]);
  const password = opts.passwordStdin
    ? await readStdin()
    : (process.env["NTM_PASSWORD"] ?? (process.stdin.isTTY ? await ask(tr(ctx.lang, "Mật khẩu: ", "Password: "), true) : ""));
  if (!password)
    throw new CliError("invalid_input", [
      {
        where: "--password-stdin",
        message:
          "chưa có mật khẩu (qua --password-stdin hoặc NTM_PASSWORD) / no password given (pipe it with --password-stdin or set NTM_PASSWORD)",
      },
    ]);
  const session = await api(ctx, "POST", "/auth/login", { json: { username, password }, auth: "none" });
  const cookie = (session.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const csrf = (session.body as { csrfToken?: string | null }).csrfToken ?? "";
  const headers = { cookie, "x-csrf-token": csrf };
  const created = await api(ctx, "POST", "/tokens", { json: { name: `ntm-cli@${hostname()}` }, headers, auth: "none" });
  const tok = created.body as { id: string; token: string };
  await api(ctx, "POST", "/auth/logout", { headers, auth: "none" }).catch(() => undefined);
  const path = saveLogin(ctx.server, { token: tok.token, tokenId: tok.id, username, createdAt: new Date().toISOString() });
  if (ctx.json) return ctx.printJson({ server: ctx.server, username, tokenId: tok.id, credentials: path });
  ctx.print(
    tr(
      ctx.lang,
      `Đã đăng nhập ${ctx.server} với tên ${username}; mã truy cập lưu tại ${path}`,
      `Logged in to ${ctx.server} as ${username}; token saved in ${path}`,
    ),
  );
}

async function logout(ctx: Ctx): Promise<void> {
  const saved = removeLogin(ctx.server);
  if (saved?.tokenId) {
    // Revoke on the server too; a server that is down must not keep the local token alive.
    await api(ctx, "DELETE", `/tokens/${encodeURIComponent(saved.tokenId)}`, {
      headers: { authorization: `Bearer ${saved.token}` },
      auth: "none",
    }).catch(() => undefined);
  }
  if (ctx.json) return ctx.printJson({ server: ctx.server, loggedOut: saved !== undefined });
  ctx.print(
    saved
      ? tr(ctx.lang, `Đã đăng xuất khỏi ${ctx.server}`, `Logged out of ${ctx.server}`)
      : tr(ctx.lang, `Chưa đăng nhập ${ctx.server}`, `Not logged in to ${ctx.server}`),
  );
}

async function units(ctx: Ctx, opts: { root?: string; level?: string }): Promise<void> {
  const level = opts.level;
  if (level !== undefined && !["province", "district", "commune", "hamlet"].includes(level))
    throw new CliError("invalid_input", [
      {
        where: "--level",
        message: `cần province, district, commune hoặc hamlet / expected province, district, commune or hamlet, got "${level}"`,
      },
    ]);
  const client = await typedClient(ctx);
  const { data } = await call(
    ctx,
    client.GET("/v1/units", {
      params: { query: { ...(opts.root ? { root: opts.root } : {}), ...(level ? { level: level as "commune" } : {}) } },
    }),
  );
  const items = data.items as Unit[];
  if (ctx.json) return ctx.printJson(items);
  const L = ctx.lang;
  ctx.print(
    renderTable(
      [
        tr(L, "Mã", "Id"),
        tr(L, "Tên", "Name"),
        tr(L, "Cấp", "Level"),
        tr(L, "Trực thuộc", "Parent"),
        tr(L, "Vùng/nhóm", "Region/group"),
        tr(L, "Đặc điểm", "Flags"),
      ],
      items.map((u) => [
        u.id,
        u.name,
        levelText(u.level, L),
        u.parentId ?? "",
        u.region ? regionText(u.region, L) : u.communeGroup !== null ? `${tr(L, "nhóm", "group")} ${u.communeGroup}` : "",
        (u.flags ?? []).join(", "),
      ]),
    ),
  );
}

async function valuesGet(ctx: Ctx, opts: { unit?: string; year?: string }): Promise<void> {
  const unit = requireUnit(opts.unit);
  const year = requireYear(opts.year);
  const client = await typedClient(ctx);
  const { data: doc } = await call(ctx, client.GET("/v1/units/{id}/values/{year}", { params: { path: { id: unit, year } } }));
  if (ctx.json) return ctx.printJson(doc);
  const L = ctx.lang;
  ctx.print(
    `${unit} · ${tr(L, "năm", "year")} ${year} · ${tr(L, "phiên bản", "version")} ${doc.version}${doc.updatedBy ? ` · ${doc.updatedBy}${doc.updatedAt ? ` ${showDateTime(doc.updatedAt, L)}` : ""}` : ""}`,
  );
  const show = (v: unknown) => (v === true ? tr(L, "Đạt", "Yes") : v === false ? tr(L, "Không", "No") : v === null ? "—" : String(v));
  ctx.print(
    renderTable(
      [tr(L, "Chỉ tiêu", "Indicator"), tr(L, "Giá trị", "Value")],
      Object.entries(doc.values)
        .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
        .map(([k, v]) => [k, show(v)]),
    ),
  );
}

/**
 * Reads the version a `values set` replaces: `--if-match` (`3`, `"3"`, `W/"3"`), else the `version` or
 * `etag` of a file written by `ntm values get --json`. Never the server's current version: that would
 * silently overwrite an edit made by someone else since the file was read.
 * @example
 * expectedVersion('W/"3"', undefined, "v.json", { unit: "c-01-02", year: 2024 }) // 3
 */
export function expectedVersion(
  ifMatch: string | undefined,
  doc: { version?: unknown; etag?: unknown },
  file: string,
  target: { unit: string; year: number },
): number {
  const parse = (raw: string): number | undefined => {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
    return m ? Number(m[1]) : undefined;
  };
  if (ifMatch !== undefined) {
    const v = parse(ifMatch);
    if (v === undefined)
      throw new CliError("invalid_input", [{ where: "--if-match", ...caught("values_file.version_invalid", { input: ifMatch }) }]);
    return v;
  }
  if (typeof doc.version === "number" && Number.isInteger(doc.version) && doc.version >= 0) return doc.version;
  if (doc.version !== undefined)
    throw new CliError("invalid_input", [
      {
        file,
        where: "$.version",
        ...caught("values_file.version_not_whole", { input: doc.version }),
      },
    ]);
  if (typeof doc.etag === "string") {
    const v = parse(doc.etag);
    if (v === undefined)
      throw new CliError("invalid_input", [{ file, where: "$.etag", ...caught("values_file.etag_invalid", { input: doc.etag }) }]);
    return v;
  }
  const get = `ntm values get --unit ${target.unit} --year ${target.year} --json > ${file}`;
  throw new CliError("invalid_input", [{ where: "--if-match", ...caught("values_file.version_required", { get }) }]);
}

async function valuesSet(
  ctx: Ctx,
  opts: { unit?: string; year?: string; values?: string; pack?: string; ifMatch?: string },
): Promise<void> {
  const unit = requireUnit(opts.unit);
  const year = requireYear(opts.year);
  if (!opts.values) throw new CliError("invalid_input", [{ where: "--values", ...caught("values_file.file_required") }]);
  const file = opts.values;
  const doc = readJson(file);
  if (!doc || typeof doc !== "object" || Array.isArray(doc) || !("values" in doc))
    throw new CliError("invalid_input", [{ file, where: "$", ...caught("values_file.values_missing") }]);
  const { values, inputs, notApplicable } = doc as { values: unknown; inputs?: unknown; notApplicable?: unknown };
  // Optimistic concurrency: the version the user edited, given explicitly (never read from the server here).
  const version = expectedVersion(opts.ifMatch, doc as { version?: unknown; etag?: unknown }, file, { unit, year });
  const headers: Record<string, string> = { "if-match": `"${version}"` };
  const client = await typedClient(ctx);
  // The body is sent as the file holds it: the server validates it and names the file's JSON paths.
  const body = { values, ...(inputs !== undefined ? { inputs } : {}), ...(notApplicable !== undefined ? { notApplicable } : {}) } as {
    values: Record<string, number | boolean | null>;
  };
  const put = () =>
    call(
      ctx,
      client.PUT("/v1/units/{id}/values/{year}", {
        params: { path: { id: unit, year }, query: opts.pack ? { pack: opts.pack } : {}, header: {} },
        body,
        headers,
      }),
      file,
    );
  let saved: Awaited<ReturnType<typeof put>>["data"];
  try {
    saved = (await put()).data;
  } catch (e) {
    if (!(e instanceof CliError) || !e.problems[0]?.where?.startsWith("HTTP 412")) throw e;
    // A conflict: show what changed on the server against what this file would write.
    const cur = (await call(ctx, client.GET("/v1/units/{id}/values/{year}", { params: { path: { id: unit, year } } }))).data;
    const mine = (values && typeof values === "object" ? values : {}) as Record<string, unknown>;
    const theirs = cur.values as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    const diff = keys.filter((k) => JSON.stringify(theirs[k]) !== JSON.stringify(mine[k]));
    throw new CliError("precondition_failed", [
      ...e.problems,
      {
        where: "--if-match",
        ...caught("values_file.stale_version", { version, current: cur.version, by: cur.updatedBy, at: cur.updatedAt }),
      },
      ...diff.map((k) => ({
        file,
        where: `$.values[${JSON.stringify(k)}]`,
        ...caught("values.conflict", { server: theirs[k], file: mine[k] }),
      })),
    ]);
  }
  if (ctx.json) return ctx.printJson(saved);
  ctx.print(
    tr(
      ctx.lang,
      `Đã ghi số liệu ${unit} năm ${year} (phiên bản ${saved.version})`,
      `Saved values of ${unit} for ${year} (version ${saved.version})`,
    ),
  );
}

/** Uploads a file as a stream, advancing a progress bar (on a terminal) as the bytes go out. */
async function uploadBody(path: string, showBar: boolean): Promise<{ body: HttpBody; done: () => void }> {
  const data = readFileSync(path);
  if (!showBar) return { body: data, done: () => undefined };
  const { SingleBar, Presets } = (await import("cli-progress")).default;
  const bar = new SingleBar(
    { format: "{bar} {percentage}% | {value}/{total} bytes", stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(data.length, 0);
  const chunk = 64 * 1024;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= data.length) {
        controller.close();
        return;
      }
      const part = data.subarray(sent, sent + chunk);
      sent += part.length;
      bar.update(sent);
      controller.enqueue(part);
    },
  });
  return { body, done: () => bar.stop() };
}

async function importFile(ctx: Ctx, file: string, opts: { year?: string; pack?: string }): Promise<void> {
  const lower = file.toLowerCase();
  const format = lower.endsWith(".xlsx") ? "xlsx" : lower.endsWith(".csv") ? "csv" : undefined;
  if (!format) throw new CliError("invalid_input", [{ file, ...caught("file.csv_or_xlsx") }]);
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
  } catch {
    throw new CliError("invalid_input", [{ file, ...caught("file.not_found") }]);
  }
  const year = parseYear(opts.year);
  const { body, done } = await uploadBody(file, !ctx.json && process.stderr.isTTY === true);
  const type = format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
  let res: Awaited<ReturnType<typeof api>>;
  try {
    res = await api(ctx, "POST", "/values/import", {
      body,
      headers: { "content-type": type },
      query: { year, pack: opts.pack, format },
      file,
    });
  } finally {
    done();
  }
  const report = res.body as { layout: string; rows: number; unitYears: number; created: number; updated: number };
  if (ctx.json) return ctx.printJson({ file, ...report });
  ctx.print(
    tr(
      ctx.lang,
      `${file}: đã nhập ${report.rows} dòng (${report.layout}) → ${report.unitYears} đơn vị-năm (${report.created} mới, ${report.updated} cập nhật)`,
      `${file}: imported ${report.rows} rows (${report.layout}) → ${report.unitYears} unit-years (${report.created} created, ${report.updated} updated)`,
    ),
  );
}

async function exportFile(
  ctx: Ctx,
  opts: { unit?: string; year?: string; format?: string; out?: string; what?: string; pack?: string },
): Promise<void> {
  const unit = requireUnit(opts.unit);
  const year = requireYear(opts.year);
  const format = opts.format ?? (opts.out?.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
  if (format !== "csv" && format !== "xlsx")
    throw new CliError("invalid_input", [{ where: "--format", message: `cần csv hoặc xlsx / expected csv or xlsx, got "${format}"` }]);
  const what = opts.what ?? "values";
  if (what !== "values" && what !== "evaluations")
    throw new CliError("invalid_input", [
      { where: "--what", message: `cần values hoặc evaluations / expected values or evaluations, got "${what}"` },
    ]);
  if (format === "xlsx" && !opts.out)
    throw new CliError("invalid_input", [{ where: "--out", message: "cần --out <tệp.xlsx> / required for xlsx" }]);
  const res = await api(ctx, "GET", `/units/${encodeURIComponent(unit)}/export/${what}`, { query: { year, format, pack: opts.pack } });
  if (!opts.out) {
    if (!ctx.json) return void process.stdout.write(res.bytes);
    // For scripts: the CSV as columns and rows of strings.
    const [header, ...rows] = parseCsv(new TextDecoder().decode(res.bytes).replace(/^\uFEFF/, ""), "export");
    return ctx.printJson({ columns: header?.cells ?? [], rows: rows.map((r) => r.cells) });
  }
  writeFileSync(opts.out, res.bytes);
  if (ctx.json) return ctx.printJson({ written: opts.out, bytes: res.bytes.length });
  ctx.print(tr(ctx.lang, `đã ghi ${opts.out} (${res.bytes.length} byte)`, `wrote ${opts.out} (${res.bytes.length} bytes)`));
}

/**
 * `ntm evaluate --unit <id> --year N`: the server evaluates the stored values; printed like the offline form.
 * @example
 * await evaluateRemote(ctx, { unit: "c-01-01", year: "2024" });
 */
export async function evaluateRemote(ctx: Ctx, opts: EvaluateOptions): Promise<number> {
  const unit = requireUnit(opts.unit);
  const year = requireYear(opts.year);
  const client = await typedClient(ctx);
  const { data } = await call(
    ctx,
    client.GET("/v1/units/{id}/evaluation", { params: { path: { id: unit }, query: { year, ...(opts.pack ? { pack: opts.pack } : {}) } } }),
  );
  const r = data as EvaluationResult;
  if (ctx.json) ctx.printJson(r);
  else {
    let pack: CriteriaPack | undefined = getPack(r.packId);
    if (!pack) pack = (await call(ctx, client.GET("/v1/packs/{id}", { params: { path: { id: r.packId } } }))).data as CriteriaPack;
    const u = (await call(ctx, client.GET("/v1/units/{id}", { params: { path: { id: unit } } }))).data.unit;
    renderResult(ctx, pack, { unit: { id: u.id, name: u.name } }, r);
  }
  return resultFails(r, opts.failOn) ? EXIT.ruleFailed : EXIT.ok;
}

/**
 * Registers the commands that talk to a running ntm server.
 * @example
 * registerRemote(new Command("ntm"), run);
 */
export function registerRemote(program: Command, run: Run): void {
  program
    .command("login")
    .description("Đăng nhập máy chủ, lưu mã truy cập (0600) / log in to the server and keep an API token (0600)")
    .option("--username <name>", "tên đăng nhập / username")
    .option("--password-stdin", "đọc mật khẩu từ stdin / read the password from stdin")
    .action(run((ctx: Ctx, opts: { username?: string; passwordStdin?: boolean }) => login(ctx, opts)));
  program
    .command("logout")
    .description("Đăng xuất, thu hồi mã truy cập / log out and revoke the token")
    .action(run((ctx: Ctx) => logout(ctx)));
  program
    .command("whoami")
    .description("Người dùng hiện tại trên máy chủ / the current user on the server")
    .action(
      run(async (ctx: Ctx) => {
        if (!tokenFor(ctx))
          throw new CliError("unauthenticated", [
            {
              where: ctx.server,
              message: "chưa đăng nhập: chạy `ntm login` hoặc đặt NTM_TOKEN / not logged in: run `ntm login` or set NTM_TOKEN",
            },
          ]);
        const client = await typedClient(ctx);
        const { data: me } = await call(ctx, client.GET("/v1/auth/me"));
        if (ctx.json) return ctx.printJson(me.user);
        ctx.print(`${me.user.username} (${me.user.displayName}) · ${me.user.role} · ${me.user.scopeUnitId}`);
      }),
    );
  const unitsCommand = program
    .command("units")
    .description("Danh sách đơn vị trong phạm vi; thêm, sửa đơn vị / units in your scope; add and edit units")
    .option("--root <id>", "gốc cây đơn vị / subtree root")
    .option("--level <level>", "province|district|commune|hamlet")
    .action(run((ctx: Ctx, opts: { root?: string; level?: string }) => units(ctx, opts)));
  registerUnitWrites(unitsCommand, run);
  const values = program.command("values").description("Số liệu chỉ tiêu trên máy chủ / indicator values on the server");
  values
    .command("get")
    .description("Đọc số liệu / read a unit's values")
    .option("--unit <id>")
    .option("--year <year>")
    .action(run((ctx: Ctx, opts: { unit?: string; year?: string }) => valuesGet(ctx, opts)));
  values
    .command("set")
    .description("Ghi số liệu từ tệp JSON / write a unit's values from a JSON file")
    .option("--unit <id>")
    .option("--year <year>")
    .option("--values <file>", "JSON { values, inputs?, notApplicable? }")
    .option("--pack <id>", "bộ tiêu chí dùng để kiểm tra / pack used for validation")
    .option(
      "--if-match <etag|version>",
      'phiên bản đang sửa (bắt buộc, trừ khi tệp có "version" từ `ntm values get --json`; 0 khi chưa có) / the version you are replacing (required unless the file carries "version" from `ntm values get --json`)',
    )
    .action(
      run((ctx: Ctx, opts: { unit?: string; year?: string; values?: string; pack?: string; ifMatch?: string }) => valuesSet(ctx, opts)),
    );
  program
    .command("import <file>")
    .description("Nhập số liệu CSV/XLSX (tất cả hoặc không gì) / import values from CSV/XLSX (all or nothing)")
    .option("--year <year>", "năm cho các dòng không có cột year / year for rows without a year column")
    .option("--pack <id>", "bộ tiêu chí dùng để kiểm tra / pack used for validation")
    .action(run((ctx: Ctx, file: string, opts: { year?: string; pack?: string }) => importFile(ctx, file, opts)));
  program
    .command("export")
    .description("Xuất số liệu hoặc kết quả đánh giá các xã / export commune values or evaluations")
    .option("--unit <id>")
    .option("--year <year>")
    .option("--what <what>", "values | evaluations", "values")
    .option("--format <format>", "csv | xlsx")
    .option("--out <file>", "tệp ghi ra (mặc định stdout cho csv) / output file (stdout for csv)")
    .option("--pack <id>")
    .action(
      run((ctx: Ctx, opts: { unit?: string; year?: string; format?: string; out?: string; what?: string; pack?: string }) =>
        exportFile(ctx, opts),
      ),
    );
}

interface ReasonOut {
  code: string;
  vi: string;
  en: string;
}
interface RankingOut {
  unitId: string;
  year: number;
  regime: { id: string };
  scheme: { id: string; version: string; isDefault: boolean; verified: boolean; definedAt: string | null };
  rows: {
    rank: number;
    unitId: string;
    name: string;
    score: number;
    level: string;
    levelLabel: { vi: string; en: string };
    bandLevel: string;
    reasons: ReasonOut[];
  }[];
  commendations: { unitId: string; name: string; rank: number; reasons: ReasonOut[] }[];
  criticisms: { unitId: string; name: string; rank: number; reasons: ReasonOut[] }[];
  reasons: ReasonOut[];
}

/** The unit a remote command covers: `--unit`, or the signed-in user's scope. */
async function scopeUnit(ctx: Ctx, unit: string | undefined): Promise<string> {
  if (unit) return unit;
  const client = await typedClient(ctx);
  return (await call(ctx, client.GET("/v1/auth/me"))).data.user.scopeUnitId;
}

/**
 * `ntm rank --year N [--unit id] [--kind unit|organisation|person]`: the server's annual ranking of the
 * communes, organisations or persons below a unit.
 * @example
 * await rankRemote(ctx, { year: "2025", unit: "d-01", kind: "person" });
 */
export async function rankRemote(ctx: Ctx, opts: { year?: string; unit?: string; kind?: string }): Promise<void> {
  const year = requireYear(opts.year);
  const unit = await scopeUnit(ctx, opts.unit);
  const client = await typedClient(ctx);
  const kind = (opts.kind ?? "unit") as "unit" | "organisation" | "person";
  const r = (await call(ctx, client.GET("/v1/units/{id}/ranking", { params: { path: { id: unit }, query: { year, kind } } })))
    .data as unknown as RankingOut;
  if (ctx.json) return ctx.printJson(r);
  const L = ctx.lang;
  ctx.print(
    `${tr(L, "Xếp hạng năm", "Ranking for")} ${r.year} · ${unit} · ${r.regime.id} · ${tr(L, "thang điểm", "scheme")} ${r.scheme.id} v${r.scheme.version}${r.scheme.definedAt ? ` (${r.scheme.definedAt})` : ""}`,
  );
  for (const x of r.reasons) ctx.print(`${r.scheme.isDefault && x.code.includes("scheme") ? "⚠" : "ⓘ"} ${x[L]}`);
  ctx.print(
    renderTable(
      ["#", tr(L, "Đơn vị", "Unit"), tr(L, "Điểm", "Score"), tr(L, "Xếp loại", "Level"), tr(L, "Lý do", "Reasons")],
      r.rows.map((u) => [
        String(u.rank),
        `${u.name} (${u.unitId})`,
        String(u.score).replace(".", L === "vi" ? "," : "."),
        u.levelLabel[L],
        u.reasons
          .slice(1)
          .map((x) => x[L])
          .join("; "),
      ]),
      [4, 40, 8, 30, 120],
    ),
  );
  const list = (title: string, items: RankingOut["commendations"]) => {
    if (!items.length) return;
    ctx.print(`\n${title}:`);
    for (const c of items) ctx.print(`  ${c.rank}. ${c.name} (${c.unitId}): ${c.reasons.map((x) => x[L]).join("; ")}`);
  };
  list(tr(L, "Đề nghị biểu dương, khen thưởng", "Proposed for commendation"), r.commendations);
  list(tr(L, "Đề nghị phê bình", "Proposed for criticism"), r.criticisms);
}
