import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import {
  TASK_PROGRESS_STATUS_LABELS,
  type TaskProgress,
  type TaskProgressStatus,
  describePeriod,
  formatDate,
  parsePeriod,
  parseTaskProgress,
  taskDeadlineStatus,
} from "@ntm/core";
import { api, must } from "../api/client";
import { localName } from "../lib/text";
import { DEFAULT_YEAR, YEARS } from "../lib/years";
import type { FieldLabels } from "../lib/fieldProblems";
import { useVersionedSave } from "../lib/useVersionedSave";
import { Field, FormFrame } from "./FormFrame";
import { RecordConflict } from "./RecordConflict";

type Localized = { vi: string; en: string };
interface Assignee {
  id: string;
  name: Localized;
}
/** A task as GET /v1/plans/{id} returns it (with its progress and version). */
export interface BoardTask {
  code: string;
  title: Localized;
  body?: string;
  lead: Assignee[];
  coordinating: Assignee[];
  links: { criteria?: string[]; indicators?: string[] };
  progress?: (Omit<TaskProgress, "status"> & { status: TaskProgressStatus }) | null;
  version?: number;
  updatedAt?: string;
  updatedBy?: string | null;
}

const STATUSES = Object.keys(TASK_PROGRESS_STATUS_LABELS) as TaskProgressStatus[];

/** Today's date in Vietnam (UTC+7). */
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

function periodText(period: string, lang: "vi" | "en"): string {
  const p = parsePeriod(period);
  return p.ok ? describePeriod(p.value, lang) : period;
}

/**
 * The plan board: every task with its status, share done, result, evidence and deadline (on the
 * Vietnamese working-day calendar, core `taskDeadlineStatus`), overdue badges, filters by organisation
 * and by criterion, and a progress form (core `parseTaskProgress`; a stale version shows yours and theirs).
 */
export function TaskBoard({
  planId,
  tasks,
  assignees,
  canWrite,
}: {
  planId: string | null;
  tasks: BoardTask[];
  assignees: Assignee[];
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const [org, setOrg] = useState("");
  const [criterion, setCriterion] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const asOf = today();
  const criteria = useMemo(() => [...new Set(tasks.flatMap((x) => x.links.criteria ?? []))].sort((a, b) => Number(a) - Number(b)), [tasks]);
  const shown = tasks.filter(
    (x) =>
      (!org || [...x.lead, ...x.coordinating].some((a) => a.id === org)) && (!criterion || (x.links.criteria ?? []).includes(criterion)),
  );
  const overdueCount = tasks.filter((x) => x.progress && taskDeadlineStatus(x.progress, asOf)?.overdue).length;
  const task = tasks.find((x) => x.code === editing);
  return (
    <section className="card" aria-labelledby="board-h">
      <div className="section-head">
        <h2 id="board-h">{t("records.board.title", { count: tasks.length })}</h2>
        {overdueCount > 0 && (
          <span className="badge report-overdue" data-testid="overdue-count">
            {t("records.board.overdueCount", { count: overdueCount })}
          </span>
        )}
        <div className="toolbar">
          <label className="field-inline">
            <span>{t("records.board.org")}</span>
            <select value={org} onChange={(e) => setOrg(e.target.value)} data-testid="board-org">
              <option value="">{t("records.all")}</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {localName(a.name, lang)}
                </option>
              ))}
            </select>
          </label>
          <label className="field-inline">
            <span>{t("records.board.criterion")}</span>
            <select value={criterion} onChange={(e) => setCriterion(e.target.value)} data-testid="board-criterion">
              <option value="">{t("records.all")}</option>
              {criteria.map((c) => (
                <option key={c} value={c}>
                  {t("plan.criterion", { id: c })}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="task-board">
          <thead>
            <tr>
              <th scope="col">{t("records.board.task")}</th>
              <th scope="col">{t("plan.lead")}</th>
              <th scope="col">{t("plan.status")}</th>
              <th scope="col">{t("records.board.percent")}</th>
              <th scope="col">{t("records.board.result")}</th>
              <th scope="col">{t("plan.deadline")}</th>
              {canWrite && planId && <th scope="col">{t("records.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((x) => {
              const p = x.progress;
              const dl = p ? taskDeadlineStatus(p, asOf) : null;
              return (
                <tr key={x.code} data-testid={`task-${x.code}`}>
                  <th scope="row">
                    <span className="crit-id">{x.code}</span> {localName(x.title, lang)}
                    {x.body && (
                      <details>
                        <summary className="muted small">{t("records.board.details")}</summary>
                        <p className="small">{x.body}</p>
                        {x.coordinating.length > 0 && (
                          <p className="small">
                            {t("plan.coordinating")}: {x.coordinating.map((a) => localName(a.name, lang)).join(", ")}
                          </p>
                        )}
                      </details>
                    )}
                  </th>
                  <td>{x.lead.map((a) => localName(a.name, lang)).join(", ") || "—"}</td>
                  <td>
                    {p ? (
                      <span className={`badge task-${p.status}`}>{TASK_PROGRESS_STATUS_LABELS[p.status][lang]}</span>
                    ) : (
                      <span className="muted">{t("records.board.noProgress")}</span>
                    )}
                    {p && <small className="muted"> · {periodText(p.period, lang)}</small>}
                  </td>
                  <td>{p?.percentDone !== undefined ? `${p.percentDone}%` : "—"}</td>
                  <td className="reason">
                    {p?.result ?? "—"}
                    {p?.evidence && (
                      <small className="reason-line">
                        {t("records.board.evidence")}: {p.evidence}
                      </small>
                    )}
                  </td>
                  <td>
                    {dl ? (
                      <>
                        {formatDate(dl.dueDate, lang)}
                        {dl.overdue ? (
                          <span className="badge report-overdue"> {t("records.board.overdue", { count: -dl.workingDaysLeft })}</span>
                        ) : p?.status !== "done" ? (
                          <small className="muted"> {t("records.board.daysLeft", { count: dl.workingDaysLeft })}</small>
                        ) : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  {canWrite && planId && (
                    <td>
                      <button
                        type="button"
                        className="btn"
                        onClick={() => setEditing(x.code)}
                        aria-label={t("records.board.recordFor", { code: x.code })}
                      >
                        {t("records.board.record")}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="muted">{t("records.board.noneMatch")}</p>}
      {task && planId && <ProgressForm key={task.code} planId={planId} task={task} onDone={() => setEditing(null)} />}
    </section>
  );
}

interface Draft {
  status: TaskProgressStatus;
  result: string;
  period: string;
  percentDone: string;
  evidence: string;
  deadline: string;
}

const draftOf = (p: BoardTask["progress"]): Draft => ({
  status: p?.status ?? "in_progress",
  result: p?.result ?? "",
  period: p?.period ?? String(DEFAULT_YEAR),
  percentDone: p?.percentDone === undefined ? "" : String(p.percentDone),
  evidence: p?.evidence ?? "",
  deadline: p?.deadline ?? "",
});

/** The body a draft sends: empty optional fields left out. */
function bodyOf(d: Draft): unknown {
  return {
    status: d.status,
    result: d.result.trim(),
    period: d.period,
    ...(d.percentDone.trim() !== "" ? { percentDone: Number(d.percentDone) } : {}),
    ...(d.evidence.trim() !== "" ? { evidence: d.evidence.trim() } : {}),
    ...(d.deadline ? { deadline: d.deadline } : {}),
  };
}

function ProgressForm({ planId, task, onDone }: { planId: string; task: BoardTask; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(() => draftOf(task.progress));
  // The body's paths and the labels the officer sees (server problems and core's checks name these).
  const labels: FieldLabels = useMemo(
    () =>
      Object.fromEntries(
        (["status", "period", "percentDone", "result", "evidence", "deadline"] as const).map((k) => [k, t(`records.board.field.${k}`)]),
      ),
    [t],
  );
  const {
    errors,
    fieldErrors,
    report,
    theirs: conflict,
    busy,
    send,
    dismiss,
    version,
  } = useVersionedSave<BoardTask>({
    version: task.version ?? 1,
    readTheirs: async () =>
      ((await must(api.GET("/v1/plans/{id}", { params: { path: { id: planId } } }))) as unknown as { tasks: BoardTask[] }).tasks.find(
        (x) => x.code === task.code,
      ) ?? null,
    labels,
  });
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });

  async function save(e?: FormEvent, atVersion?: number) {
    e?.preventDefault();
    const checked = parseTaskProgress(bodyOf(d));
    if (!checked.ok) {
      const fields = [...new Set(checked.issues.map((i) => String(i.path[0] ?? "")))];
      report(fields.map((f) => ({ path: f, message: t(`records.board.check.${f}`, { defaultValue: t("records.invalid") }) })));
      return;
    }
    await send(async (ifMatch) => {
      await must(
        api.PUT("/v1/plans/{id}/tasks/{code}/progress", {
          params: { path: { id: planId, code: task.code } },
          body: bodyOf(d) as never,
          headers: { "if-match": ifMatch },
        }),
      );
      await qc.invalidateQueries({ queryKey: ["plan", planId] });
      onDone();
    }, atVersion);
  }

  const periods = YEARS.flatMap((y) => [String(y), `${y}S1`, `${y}S2`]);
  return (
    <FormFrame
      testId="progress-form"
      headingId="progress-h"
      headingLevel={3}
      title={t("records.board.formTitle", { code: task.code, title: localName(task.title, lang) })}
      busy={busy}
      errors={errors}
      fieldErrors={fieldErrors}
      noValidate={false}
      onSubmit={(e) => void save(e)}
      onCancel={onDone}
      conflict={
        conflict && (
          <RecordConflict
            testId="progress-conflict"
            who={conflict.updatedBy}
            at={conflict.updatedAt}
            yours={<ProgressSummary p={bodyOf(d) as BoardTask["progress"]} />}
            theirs={<ProgressSummary p={conflict.progress} />}
            busy={busy}
            onKeepMine={() => void save(undefined, conflict.version ?? version)}
            onTakeTheirs={() => {
              setD(draftOf(conflict.progress));
              dismiss();
            }}
          />
        )
      }
    >
      <Field name="status" label={t("plan.status")}>
        <select value={d.status} onChange={set("status")} name="status">
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {TASK_PROGRESS_STATUS_LABELS[s][lang]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="period" label={t("plan.period")}>
        <select value={d.period} onChange={set("period")} name="period">
          {!periods.includes(d.period) && <option value={d.period}>{periodText(d.period, lang)}</option>}
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodText(p, lang)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="percentDone" label={t("records.board.percent")}>
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          inputMode="numeric"
          value={d.percentDone}
          onChange={set("percentDone")}
          name="percentDone"
        />
      </Field>
      <Field name="result" label={t("records.board.result")}>
        <textarea required value={d.result} onChange={set("result")} name="result" rows={3} />
      </Field>
      <Field name="evidence" label={t("records.board.evidence")}>
        <input value={d.evidence} onChange={set("evidence")} name="evidence" />
      </Field>
      <Field name="deadline" label={t("plan.deadline")}>
        <input type="date" value={d.deadline} onChange={set("deadline")} name="deadline" />
      </Field>
    </FormFrame>
  );
}

function ProgressSummary({ p }: { p: BoardTask["progress"] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  if (!p) return <p className="muted">{t("records.board.noProgress")}</p>;
  return (
    <dl className="facts">
      <dt>{t("plan.status")}</dt>
      <dd>{TASK_PROGRESS_STATUS_LABELS[p.status][lang]}</dd>
      <dt>{t("records.board.percent")}</dt>
      <dd>{p.percentDone !== undefined ? `${p.percentDone}%` : "—"}</dd>
      <dt>{t("records.board.result")}</dt>
      <dd>{p.result}</dd>
      <dt>{t("records.board.evidence")}</dt>
      <dd>{p.evidence ?? "—"}</dd>
      <dt>{t("plan.deadline")}</dt>
      <dd>{p.deadline ? formatDate(p.deadline, lang) : "—"}</dd>
    </dl>
  );
}
