import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useSearch } from "wouter";
import { DISTRICT_PLAN_63, describePeriod, formatDate, formatReason, parsePeriod, type ReportStatusItem } from "@ntm/core";
import { ApiError } from "../api/http";
import { api, must } from "../api/client";
import { useSession } from "../auth/session";
import { optional } from "../api/queries";
import { Empty, ErrorState, Loading } from "../components/States";
import { type BoardTask, TaskBoard } from "../components/TaskBoard";
import { TaskProgressFile } from "../components/SheetImport";
import { localName, pickLang } from "../lib/text";
import { DEFAULT_YEAR, YEARS } from "../lib/years";

const STATES = ["overdue", "late", "pending", "submitted"] as const;

/** Today's date in Vietnam (UTC+7), as the API reads "as of" dates. */
function today(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

type Localized = { vi: string; en: string };

/** "2025S1" → "6 tháng đầu năm 2025"; the raw text when it does not parse. */
function periodText(period: string, lang: "vi" | "en"): string {
  const p = parsePeriod(period);
  return p.ok ? describePeriod(p.value, lang) : period;
}
interface AssigneeOut {
  id: string;
  kind: string;
  name: Localized;
  supportsUnitIds?: string[];
}
/** GET /v1/plans/{id} (PlanRecord); the shipped plan of @ntm/core is shaped the same way below. */
interface PlanRecord {
  id: string;
  plan: { title: Localized; number: string | null; date: string | null; period?: { start: string | null; end: string } };
  tasks: {
    code: string;
    title: Localized;
    body: string;
    assigneeBasis: string;
    lead: AssigneeOut[];
    coordinating: AssigneeOut[];
    links: { criteria?: string[]; indicators?: string[] };
  }[];
  assignees: AssigneeOut[];
  steeringMembers: { id: string; name: Localized; communes: { id: string; name: string }[] }[];
}

/** The plan shipped with @ntm/core, in the API's PlanRecord shape (read only). */
function shippedRecord(): PlanRecord {
  const p = DISTRICT_PLAN_63;
  const byId = new Map(p.assignees.map((a) => [a.id, { id: a.id, kind: a.kind, name: a.name }]));
  const who = (id: string): AssigneeOut => byId.get(id) ?? { id, kind: "other", name: { vi: id, en: id } };
  return {
    id: p.id,
    plan: { title: p.title, number: p.number, date: p.date },
    tasks: p.tasks.map((t) => ({
      code: t.code,
      title: t.title,
      body: t.body,
      assigneeBasis: t.assigneeBasis,
      lead: t.lead.map(who),
      coordinating: t.coordinating.map(who),
      links: t.links,
    })),
    assignees: [...byId.values()],
    steeringMembers: [],
  };
}

/** The plan board: tasks and assignees, due/late/overdue reports, and submitting a report. */
export default function Plan() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { can } = useSession();
  const [asOf, setAsOf] = useState(today);
  const [period, setPeriod] = useState(String(DEFAULT_YEAR));
  // The chosen plan lives in the address (?plan=…), so a link or a reload opens the same plan.
  const search = useSearch();
  const [, navigate] = useLocation();
  const chosen = new URLSearchParams(search).get("plan");
  const setChosen = (id: string) => navigate(`/plan?plan=${encodeURIComponent(id)}`, { replace: true });
  const plans = useQuery({ queryKey: ["plans"], queryFn: async () => (await optional(must(api.GET("/v1/plans"))))?.items ?? [] });
  const planId = (chosen && plans.data?.some((p) => p.id === chosen) ? chosen : null) ?? plans.data?.[0]?.id ?? null;
  const record = useQuery({
    queryKey: ["plan", planId],
    enabled: !!planId,
    queryFn: async () => (await must(api.GET("/v1/plans/{id}", { params: { path: { id: planId ?? "" } } }))) as unknown as PlanRecord,
  });
  // When the API serves no plan in scope, show the plan shipped with @ntm/core (Directive 63-CT/TU), read only.
  const fromApi = !!planId;
  const plan: PlanRecord = record.data ?? shippedRecord();
  const assignee = useMemo(() => new Map(plan.assignees.map((a) => [a.id, a])), [plan]);
  const reports = useQuery({
    queryKey: ["reports", planId, period, asOf],
    enabled: !!planId,
    queryFn: async () =>
      (await must(api.GET("/v1/plans/{id}/due-reports", { params: { path: { id: planId ?? "" }, query: { period, asOf } } })))
        .items as unknown as ReportStatusItem[],
  });
  const [filter, setFilter] = useState<string>("all");
  const who = (id: string) => localName(assignee.get(id)?.name, lang) || id;
  const counts = useMemo(
    () => Object.fromEntries(STATES.map((s) => [s, (reports.data ?? []).filter((r) => r.status === s).length])),
    [reports.data],
  );
  const shown = (reports.data ?? []).filter((r) => filter === "all" || r.status === filter);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t("plan.title")}</h1>
          <p className="muted">
            {localName(plan.plan.title, lang)}
            {plan.plan.number ? ` · ${plan.plan.number}` : ""}
            {plan.plan.date ? ` · ${formatDate(plan.plan.date, lang)}` : ""}
          </p>
        </div>
        {(plans.data?.length ?? 0) > 1 && (
          <label className="field-inline">
            <span>{t("plan.which")}</span>
            <select value={planId ?? ""} onChange={(e) => setChosen(e.target.value)}>
              {plans.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {localName(p.title, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {plans.isSuccess && !fromApi && <p className="notice notice-warn">{t("plan.shippedNotice")}</p>}
      {(can.planWrite || can.planImplement) && (
        <div className="toolbar">
          <Link className="btn btn-primary" href="/plan/new">
            {t("plan.create")}
          </Link>
          {planId && (
            <Link className="btn" href={`/plan/edit/${encodeURIComponent(planId)}`}>
              {t("planEditor.editTitle")}
            </Link>
          )}
        </div>
      )}
      {fromApi && (
        <div className="toolbar">
          <a
            className="btn"
            href={`/v1/reports/progress.docx?period=${encodeURIComponent(period)}&format=party&unitId=${encodeURIComponent(plans.data?.find((p) => p.id === planId)?.unitId ?? "")}`}
            download
          >
            {t("export.progressParty")} (DOCX)
          </a>
          <a
            className="btn"
            href={`/v1/reports/progress.docx?period=${encodeURIComponent(period)}&format=state&unitId=${encodeURIComponent(plans.data?.find((p) => p.id === planId)?.unitId ?? "")}`}
            download
          >
            {t("export.progressState")} (DOCX)
          </a>
        </div>
      )}
      {record.isError && <ErrorState error={record.error} />}
      <section className="card" aria-labelledby="reports-h">
        <div className="section-head">
          <h2 id="reports-h">{t("plan.reports", { date: formatDate(asOf, lang) })}</h2>
          <div className="toolbar">
            <label className="field-inline">
              <span>{t("plan.period")}</span>
              <select value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="period-select">
                {YEARS.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <label className="field-inline">
              <span>{t("plan.asOf")}</span>
              <input type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
            </label>
          </div>
          <div className="toolbar" role="group" aria-label={t("common.filter")}>
            {(["all", ...STATES] as const).map((s) => (
              <button
                key={s}
                type="button"
                className={`btn ${filter === s ? "btn-primary" : ""}`}
                aria-pressed={filter === s}
                onClick={() => setFilter(s)}
              >
                {t(`plan.state.${s}`)}
                {s !== "all" && reports.data ? ` (${counts[s] ?? 0})` : ""}
              </button>
            ))}
          </div>
        </div>
        {!planId ? (
          <Empty title={t("plan.noPlan")} />
        ) : reports.isPending ? (
          <Loading />
        ) : reports.isError ? (
          <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
        ) : shown.length === 0 ? (
          <Empty title={t("plan.noReports")} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="reports-table">
              <thead>
                <tr>
                  <th scope="col">{t("plan.report")}</th>
                  <th scope="col">{t("plan.assignee")}</th>
                  <th scope="col">{t("plan.period")}</th>
                  <th scope="col">{t("plan.deadline")}</th>
                  <th scope="col">{t("plan.status")}</th>
                  <th scope="col">{t("plan.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{localName(r.title, lang)}</th>
                    <td>{localName(r.assigneeName, lang) || who(r.assigneeId)}</td>
                    <td>{periodText(r.period, lang)}</td>
                    <td>{formatDate(r.deadline, lang)}</td>
                    <td>
                      <span className={`badge report-${r.status}`}>{t(`plan.state.${r.status}`)}</span>
                      {r.workingDaysLate > 0 && <small className="muted"> {t("plan.daysLate", { count: r.workingDaysLate })}</small>}
                    </td>
                    <td className="reason">
                      {r.reasons.map((x, k) => (
                        <span key={k} className="reason-line">
                          {formatReason(x, lang)}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {can.planWrite && planId && (
          <SubmitReport
            planId={planId}
            items={(reports.data ?? []).filter((r) => r.status === "pending" || r.status === "overdue")}
            who={who}
          />
        )}
      </section>
      <TaskBoard
        planId={fromApi ? planId : null}
        tasks={plan.tasks as BoardTask[]}
        assignees={plan.assignees}
        canWrite={can.planWrite && fromApi}
      />
      {fromApi && planId && <TaskProgressFile planId={planId} canWrite={can.planWrite} />}
      <section className="card" aria-labelledby="members-h">
        <h2 id="members-h">{t("plan.members")}</h2>
        {/* The register is the one record of who supports which commune; the plan reads it. */}
        <p className="muted" data-testid="steering-members-source">
          {t("plan.membersSource")} <Link href="/steering">{t("plan.membersLink")}</Link>.
        </p>
        {plan.steeringMembers.length === 0 ? (
          <p className="muted">{t("plan.noMembers")}</p>
        ) : (
          <ul className="chips" data-testid="steering-members">
            {plan.steeringMembers.map((a) => (
              <li key={a.id}>
                <strong>{localName(a.name, lang)}</strong>: {a.communes.map((c) => c.name).join(", ")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function SubmitReport({ planId, items, who }: { planId: string; items: ReportStatusItem[]; who: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const [key, setKey] = useState("");
  const [date, setDate] = useState(today);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const item = items.find((i) => i.key === key);
    if (!item) return;
    try {
      await must(
        api.POST("/v1/plans/{id}/reports", {
          params: { path: { id: planId } },
          body: { dutyId: item.dutyId, assigneeId: item.assigneeId, period: item.period, submittedOn: date },
        }),
      );
      setMsg({ ok: true, text: t("plan.submitted") });
      await qc.invalidateQueries({ queryKey: ["reports"] });
    } catch (err) {
      setMsg({ ok: false, text: err instanceof ApiError ? pickLang(err.message, lang) : String(err) });
    }
  }
  return (
    <form className="bulk-form submit-report" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t("plan.submitWhich")}</span>
        <select required value={key} onChange={(e) => setKey(e.target.value)} disabled={items.length === 0}>
          <option value="">{items.length === 0 ? t("plan.nothingToSubmit") : "—"}</option>
          {items.map((i) => (
            <option key={i.key} value={i.key}>
              {localName(i.title, lang)} · {who(i.assigneeId)} · {periodText(i.period, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("plan.submittedOn")}</span>
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary">
        {t("plan.submit")}
      </button>
      {msg && (
        <p className={`notice ${msg.ok ? "notice-ok" : "notice-error"}`} role={msg.ok ? "status" : "alert"}>
          {msg.text}
        </p>
      )}
    </form>
  );
}
