import type { Command } from "commander";
import { COMMENDATION_FORMS, DECISION_LEVELS, DISCIPLINE_FORMS, EMULATION_SUBJECT_KINDS, type Lang } from "@ntm/core";
import { call, typedClient } from "../lib/client.js";
import type { Ctx } from "../lib/context.js";
import { parseDateOption, parseIntOption, showDate } from "../lib/dates.js";
import { CliError } from "../lib/exit.js";
import { tr } from "../lib/i18n.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";

type Labels = Readonly<Record<string, { vi: string; en: string }>>;
const label = (labels: Labels, code: string, lang: Lang) => labels[code]?.[lang] ?? code;

const oneOf = (raw: string | undefined, labels: Labels, option: string): string | undefined => {
  if (raw === undefined) return undefined;
  if (!(raw in labels))
    throw new CliError("invalid_input", [
      { where: option, message: `cần một trong / expected one of: ${Object.keys(labels).join(", ")}; nhận / got "${raw}"` },
    ]);
  return raw;
};
const required = (raw: string | undefined, option: string): string => {
  if (raw === undefined || raw.trim() === "") throw new CliError("invalid_input", [{ where: option, message: "bắt buộc / required" }]);
  return raw;
};

interface Subject {
  kind: string;
  id: string;
  name: string;
}
interface RecordItem {
  id: string;
  unitId: string;
  version: number;
  data: {
    form: string;
    formText?: string;
    level: string;
    issuer: string;
    decision: { number?: string; date: string };
    subject: Subject;
    achievement?: string;
    reason?: string;
    finding?: { inspectionId: string; findingIndex?: number };
  };
}
interface ListBody {
  unitId: string;
  items: RecordItem[];
  summary: { records: number; byForm: Record<string, number>; subjects: { subject: Subject; reasons: { vi: string; en: string }[] }[] };
}

/** Which area a command speaks to: commendations (khen thưởng) or criticism and discipline (phê bình, kỷ luật). */
interface Area {
  path: "/v1/commendations" | "/v1/disciplines";
  forms: Labels;
  title: { vi: string; en: string };
  /** The last column: the achievement or the reason. */
  detail: { vi: string; en: string };
}
const COMMENDATIONS: Area = {
  path: "/v1/commendations",
  forms: COMMENDATION_FORMS,
  title: { vi: "Khen thưởng", en: "Commendations" },
  detail: { vi: "Thành tích", en: "Achievement" },
};
const DISCIPLINE: Area = {
  path: "/v1/disciplines",
  forms: DISCIPLINE_FORMS,
  title: { vi: "Phê bình, kỷ luật", en: "Criticism and discipline" },
  detail: { vi: "Lý do", en: "Reason" },
};

interface ListOpts {
  unit?: string;
  year?: string;
  subjectKind?: string;
  form?: string;
}

async function list(ctx: Ctx, area: Area, opts: ListOpts): Promise<void> {
  const query = {
    ...(opts.unit ? { unitId: opts.unit } : {}),
    ...(opts.year ? { year: parseIntOption(opts.year, "--year") } : {}),
    ...(opts.subjectKind ? { subjectKind: oneOf(opts.subjectKind, EMULATION_SUBJECT_KINDS, "--subject-kind") } : {}),
    ...(opts.form ? { form: oneOf(opts.form, area.forms, "--form") } : {}),
  };
  const client = await typedClient(ctx);
  const { data } = await call(ctx, client.GET(area.path, { params: { query: query as never } }));
  const body = data as unknown as ListBody;
  if (ctx.json) return ctx.printJson(body);
  const L = ctx.lang;
  ctx.print(`${area.title[L]} · ${body.unitId}`);
  ctx.print(
    renderTable(
      [
        tr(L, "Mã", "Id"),
        tr(L, "Ngày", "Date"),
        tr(L, "Số quyết định", "Decision"),
        tr(L, "Hình thức", "Form"),
        tr(L, "Cấp", "Level"),
        tr(L, "Đối tượng", "Subject"),
        area.detail[L],
      ],
      body.items.map((i) => [
        i.id,
        showDate(i.data.decision.date, L),
        i.data.decision.number ?? "—",
        i.data.formText ?? label(area.forms, i.data.form, L),
        label(DECISION_LEVELS, i.data.level, L),
        `${i.data.subject.name} (${label(EMULATION_SUBJECT_KINDS, i.data.subject.kind, L)})`,
        (i.data.achievement ?? i.data.reason ?? "") +
          (i.data.finding ? ` [${tr(L, "kiểm tra", "inspection")} ${i.data.finding.inspectionId}]` : ""),
      ]),
      [24, 10, 18, 18, 16, 40, 60],
    ),
  );
  ctx.print(
    `${tr(L, "Tổng", "Total")}: ${body.summary.records} · ${Object.entries(body.summary.byForm)
      .map(([f, n]) => `${label(area.forms, f, L)}: ${n}`)
      .join(", ")}`,
  );
}

interface AddOpts {
  unit?: string;
  form?: string;
  formText?: string;
  level?: string;
  issuer?: string;
  decision?: string;
  date?: string;
  subjectKind?: string;
  subjectId?: string;
  subjectName?: string;
  achievement?: string;
  reason?: string;
  inspection?: string;
  finding?: string;
}

async function add(ctx: Ctx, area: Area, opts: AddOpts): Promise<void> {
  const isCommendation = area === COMMENDATIONS;
  const unitId = required(opts.unit, "--unit");
  const record = {
    unitId,
    form: oneOf(required(opts.form, "--form"), area.forms, "--form"),
    ...(opts.formText ? { formText: opts.formText } : {}),
    level: oneOf(required(opts.level, "--level"), DECISION_LEVELS, "--level"),
    issuer: required(opts.issuer, "--issuer"),
    decision: {
      ...(isCommendation ? { number: required(opts.decision, "--decision") } : opts.decision ? { number: opts.decision } : {}),
      date: parseDateOption(required(opts.date, "--date"), "--date"),
    },
    subject: {
      kind: oneOf(opts.subjectKind ?? "unit", EMULATION_SUBJECT_KINDS, "--subject-kind"),
      id: opts.subjectId ?? unitId,
      name: required(opts.subjectName, "--subject-name"),
    },
    ...(isCommendation
      ? { achievement: required(opts.achievement, "--achievement") }
      : {
          reason: required(opts.reason, "--reason"),
          ...(opts.inspection
            ? {
                finding: {
                  inspectionId: opts.inspection,
                  ...(opts.finding ? { findingIndex: parseIntOption(opts.finding, "--finding") - 1 } : {}),
                },
              }
            : {}),
        }),
  };
  const client = await typedClient(ctx);
  const { data } = await call(ctx, client.POST(area.path, { body: record as never }));
  const item = data as unknown as RecordItem;
  if (ctx.json) return ctx.printJson(item);
  ctx.print(`${tr(ctx.lang, "Đã lưu", "Saved")} ${item.id} (${tr(ctx.lang, "phiên bản", "version")} ${item.version})`);
}

function register(program: Command, run: Run, name: string, area: Area, describe: string): void {
  const cmd = program.command(name).description(describe);
  cmd
    .command("list")
    .description(`${area.title.vi} trên máy chủ / ${area.title.en.toLowerCase()} on the server`)
    .option("--unit <id>", "cây đơn vị (mặc định phạm vi của bạn) / unit subtree (default: your scope)")
    .option("--year <year>", "năm của quyết định / year of the decision")
    .option("--subject-kind <kind>", Object.keys(EMULATION_SUBJECT_KINDS).join(" | "))
    .option("--form <form>", Object.keys(area.forms).join(" | "))
    .action(run((ctx: Ctx, opts: ListOpts) => list(ctx, area, opts)));
  const addCmd = cmd
    .command("add")
    .description(`Thêm ${area.title.vi.toLowerCase()} / add a record`)
    .option("--unit <id>", "đơn vị lưu hồ sơ / the unit the record is filed under")
    .option("--form <form>", Object.keys(area.forms).join(" | "))
    .option("--form-text <text>", 'tên hình thức khi --form other / the form\'s name for "other"')
    .option("--level <level>", Object.keys(DECISION_LEVELS).join(" | "))
    .option("--issuer <text>", "người, cơ quan quyết định / who decided, e.g. 'Chủ tịch UBND tỉnh'")
    .option("--decision <number>", "số quyết định / decision number")
    .option("--date <date>", "ngày quyết định dd/mm/yyyy / decision date")
    .option("--subject-kind <kind>", `${Object.keys(EMULATION_SUBJECT_KINDS).join(" | ")} (mặc định / default unit)`)
    .option("--subject-id <id>", "mã đối tượng (mặc định --unit) / subject id (default: --unit)")
    .option("--subject-name <name>", "tên đối tượng / subject name");
  if (area === COMMENDATIONS) addCmd.option("--achievement <text>", "thành tích / achievement");
  else
    addCmd
      .option("--reason <text>", "lý do / reason")
      .option("--inspection <id>", "cuộc kiểm tra liên quan / the inspection record it follows from")
      .option("--finding <n>", "nội dung phát hiện thứ n (từ 1) / the n-th finding (from 1)");
  addCmd.action(run((ctx: Ctx, opts: AddOpts) => add(ctx, area, opts)));
}

/**
 * Registers `ntm commendations list|add` and `ntm discipline list|add` (server records of plan II.4).
 * @example
 * registerEmulation(program, run);
 */
export function registerEmulation(program: Command, run: Run): void {
  register(program, run, "commendations", COMMENDATIONS, "Khen thưởng tổ chức, cá nhân (II.4) / commendations given");
  register(program, run, "discipline", DISCIPLINE, "Phê bình, kỷ luật (II.4) / criticism and discipline");
}
