import type { Command } from "commander";
import type { paths } from "@ntm/client";
import type { Ctx } from "../lib/context.js";
import { parseDateOption, showDate } from "../lib/dates.js";
import { CliError } from "../lib/exit.js";
import { call, typedClient } from "../lib/client.js";
import { tr } from "../lib/i18n.js";
import { actionText, dossierStateText, showDateTime, tierText } from "../lib/labels.js";
import { ACTOR_ROLE_LABELS } from "@ntm/core";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";
import { parseYear } from "./evaluate.js";

interface Localized {
  vi: string;
  en: string;
}
interface ReasonOut {
  code: string;
  vi: string;
  en: string;
}
interface Dossier {
  id: string;
  unitId: string;
  unitName: string;
  tier: string;
  packId: string;
  year: number;
  state: string;
  stateLabel: Localized;
  version: number;
  satisfactionPercent: number | null;
  capitalConstructionDebt: string | null;
  history: {
    action: string;
    actor: { id: string; role: string };
    at: string;
    from: string;
    to: string;
    note?: string;
    decision?: { number: string; date: string };
  }[];
  deadline: { dueDate: string; workingDays: number; overdue: boolean } | null;
  documents: { kind?: string; title?: string }[];
  availableActions?: {
    action: string;
    to: string | null;
    allowed: boolean;
    checks: { guard: string; passed: boolean; reasons: ReasonOut[] }[];
    reasons: ReasonOut[];
  }[];
}

async function list(ctx: Ctx, opts: { state?: string; unit?: string; year?: string; tier?: string }): Promise<void> {
  const year = parseYear(opts.year);
  const client = await typedClient(ctx);
  const query = {
    ...(opts.state ? { state: opts.state } : {}),
    ...(opts.unit ? { unitId: opts.unit } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(opts.tier ? { tier: opts.tier } : {}),
  } as NonNullable<paths["/v1/dossiers"]["get"]["parameters"]["query"]>;
  const { data } = await call(ctx, client.GET("/v1/dossiers", { params: { query } }));
  const body = data as unknown as { items: Dossier[]; counts: Record<string, number> };
  if (ctx.json) return ctx.printJson(body);
  const L = ctx.lang;
  ctx.print(
    renderTable(
      [
        tr(L, "Mã hồ sơ", "Dossier"),
        tr(L, "Đơn vị", "Unit"),
        tr(L, "Hạng", "Tier"),
        tr(L, "Năm", "Year"),
        tr(L, "Bước", "State"),
        tr(L, "Hạn bước", "Step due"),
      ],
      body.items.map((d) => [
        d.id,
        `${d.unitName} (${d.unitId})`,
        tierText(d.tier, L),
        String(d.year),
        d.stateLabel[L],
        d.deadline ? `${showDate(d.deadline.dueDate, L)}${d.deadline.overdue ? tr(L, " — QUÁ HẠN", " — OVERDUE") : ""}` : "",
      ]),
      [40, 40, 14, 6, 30, 30],
    ),
  );
  ctx.print(
    Object.entries(body.counts)
      .map(([k, n]) => `${dossierStateText(k, L)}: ${n}`)
      .join(" · "),
  );
}

function renderDossier(ctx: Ctx, d: Dossier): void {
  const L = ctx.lang;
  ctx.print(`${d.id} · ${d.unitName} (${d.unitId}) · ${tierText(d.tier, L)} · ${d.year} · ${d.packId}`);
  ctx.print(
    `${tr(L, "Bước hiện tại", "State")}: ${d.stateLabel[L]} · ${tr(L, "phiên bản", "version")} ${d.version}${d.deadline ? ` · ${tr(L, "hạn", "due")} ${showDate(d.deadline.dueDate, L)} (${d.deadline.workingDays} ${tr(L, "ngày làm việc", "working days")})${d.deadline.overdue ? tr(L, " QUÁ HẠN", " OVERDUE") : ""}` : ""}`,
  );
  ctx.print(
    `${tr(L, "Mức hài lòng", "Satisfaction")}: ${d.satisfactionPercent ?? "—"}% · ${tr(L, "Nợ đọng XDCB", "Capital-construction debt")}: ${d.capitalConstructionDebt ?? "—"} · ${tr(L, "Tài liệu", "Documents")}: ${d.documents.length}`,
  );
  if (d.history.length) {
    ctx.print(`\n${tr(L, "Lịch sử", "History")}:`);
    for (const h of d.history)
      ctx.print(
        `  ${showDateTime(h.at, L)} ${actionText(h.action, L)} (${h.action}): ${dossierStateText(h.from, L)} → ${dossierStateText(h.to, L)} (${h.actor.id}, ${ACTOR_ROLE_LABELS[h.actor.role]?.[L] ?? h.actor.role})${h.decision ? ` — ${tr(L, "Quyết định số", "Decision")} ${h.decision.number} ${tr(L, "ngày", "of")} ${showDate(h.decision.date, L)}` : ""}${h.note ? ` — ${h.note}` : ""}`,
      );
  }
  if (d.availableActions?.length) {
    ctx.print(`\n${tr(L, "Thao tác", "Actions")}:`);
    for (const a of d.availableActions) {
      ctx.print(`  ${a.allowed ? "✓" : "✗"} ${a.action} (${actionText(a.action, L)})${a.to ? ` → ${dossierStateText(a.to, L)}` : ""}`);
      const shown = new Set<string>();
      for (const c of a.checks)
        if (!c.passed)
          for (const r of c.reasons) {
            shown.add(r[L]);
            ctx.print(`      ✗ ${c.guard}: ${r[L]}`);
          }
      for (const r of a.reasons) if (!shown.has(r[L])) ctx.print(`      · ${r[L]}`);
    }
  }
}

async function show(ctx: Ctx, id: string): Promise<void> {
  const client = await typedClient(ctx);
  const d = (await call(ctx, client.GET("/v1/dossiers/{id}", { params: { path: { id } } }))).data as unknown as Dossier;
  if (ctx.json) return ctx.printJson(d);
  renderDossier(ctx, d);
}

/**
 * `ntm dossier advance <id> --action <a>`: applies a workflow action with the version just read
 * (If-Match); a forbidden action comes back as 409/422 with the guards' reasons and writes nothing.
 * Recognise and revoke need `--decision-number` and `--decision-date` (400 naming the field otherwise).
 * @example
 * await advance(ctx, "dos-1", { action: "self_assess", note: "Xã tự đánh giá đạt 19/19" });
 * await advance(ctx, "dos-1", { action: "recognise", decisionNumber: "125/QĐ-UBND", decisionDate: "01/12/2025" });
 */
async function advance(
  ctx: Ctx,
  id: string,
  opts: { action?: string; note?: string; ifMatch?: string; decisionNumber?: string; decisionDate?: string },
): Promise<void> {
  // The decision's date as officers write it (dd/mm/yyyy) or ISO; the server checks the rest (core checkDecision).
  const decisionDate = opts.decisionDate !== undefined ? parseDateOption(opts.decisionDate, "--decision-date") : undefined;
  const client = await typedClient(ctx);
  const d = (await call(ctx, client.GET("/v1/dossiers/{id}", { params: { path: { id } } }))).data as unknown as Dossier;
  if (!opts.action) {
    const allowed = (d.availableActions ?? []).filter((a) => a.allowed).map((a) => a.action);
    throw new CliError("invalid_input", [
      {
        where: "--action",
        message: `cần chọn thao tác; được phép lúc này / required; allowed now: ${allowed.length ? allowed.join(", ") : "(none)"}`,
      },
    ]);
  }
  type Action = paths["/v1/dossiers/{id}/transitions"]["post"]["requestBody"]["content"]["application/json"]["action"];
  const body = {
    action: opts.action as Action,
    ...(opts.note ? { note: opts.note } : {}),
    ...(opts.decisionNumber !== undefined ? { decisionNumber: opts.decisionNumber } : {}),
    ...(decisionDate !== undefined ? { decisionDate } : {}),
  };
  // With --if-match, the version the officer looked at (from `dossier show`): a transition made since is refused (412).
  let version = d.version;
  if (opts.ifMatch !== undefined) {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(opts.ifMatch);
    if (!m)
      throw new CliError("invalid_input", [
        { where: "--if-match", message: `"${opts.ifMatch}" không phải phiên bản (ví dụ 3 hoặc "3") / is not a version (such as 3 or "3")` },
      ]);
    version = Number(m[1]);
  }
  const after = (
    await call(
      ctx,
      client.POST("/v1/dossiers/{id}/transitions", { params: { path: { id } }, body, headers: { "if-match": `"${version}"` } }),
    )
  ).data as unknown as Dossier;
  if (ctx.json) return ctx.printJson(after);
  ctx.print(
    tr(
      ctx.lang,
      `Đã chuyển hồ sơ ${id}: ${d.stateLabel.vi} → ${after.stateLabel.vi}`,
      `Dossier ${id}: ${d.stateLabel.en} → ${after.stateLabel.en}`,
    ),
  );
}

/**
 * Registers `ntm dossier list|show|advance` (recognition dossiers on the server, QĐ 18/2022).
 * @example
 * registerDossier(new Command("ntm"), run);
 */
export function registerDossier(program: Command, run: Run): void {
  const dossier = program
    .command("dossier")
    .description("Hồ sơ xét công nhận trên máy chủ (QĐ 18/2022) / recognition dossiers on the server");
  dossier
    .command("list")
    .description("Danh sách hồ sơ / list dossiers")
    .option("--state <state>")
    .option("--unit <id>", "cây đơn vị / unit subtree")
    .option("--year <year>")
    .option("--tier <tier>", "standard|advanced|model")
    .action(run((ctx: Ctx, opts: { state?: string; unit?: string; year?: string; tier?: string }) => list(ctx, opts)));
  dossier
    .command("show <id>")
    .description("Xem hồ sơ, lịch sử, thao tác được phép / show a dossier, its history and allowed actions")
    .action(run((ctx: Ctx, id: string) => show(ctx, id)));
  dossier
    .command("advance <id>")
    .description("Chuyển bước hồ sơ / apply a workflow action")
    .option(
      "--action <action>",
      "self_assess | open_consultation | submit | appraise | verify | recognise | return | resume | reject | revoke",
    )
    .option("--note <text>", "ghi chú / note")
    .option("--decision-number <số>", "số quyết định (bắt buộc khi recognise, revoke) / decision number (required to recognise or revoke)")
    .option(
      "--decision-date <ngày>",
      "ngày quyết định dd/mm/yyyy (bắt buộc khi recognise, revoke) / decision date (required to recognise or revoke)",
    )
    .option(
      "--if-match <etag|version>",
      "phiên bản hồ sơ bạn đã xem (dossier show); mặc định phiên bản vừa đọc / the dossier version you looked at (default: the version just read)",
    )
    .action(
      run(
        (
          ctx: Ctx,
          id: string,
          opts: { action?: string; note?: string; ifMatch?: string; decisionNumber?: string; decisionDate?: string },
        ) => advance(ctx, id, opts),
      ),
    );
}
