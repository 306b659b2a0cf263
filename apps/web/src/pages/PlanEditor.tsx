import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "wouter";
import type { Plan, PlanTask } from "@ntm/core";
import { ApiError, type FieldProblem } from "../api/http";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import { useSession } from "../auth/session";
import { ErrorState, Loading } from "../components/States";
import { localName, pickLang } from "../lib/text";

/** GET /v1/plans/{id}/document: core's Plan with the stored version (the ETag). */
interface PlanDocument {
  id: string;
  unitId: string;
  parentPlanId: string | null;
  version: number;
  plan: Plan;
}

const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/** A failed save as the page shows it: a conflict (412) or the API's message and field problems. */
interface SaveError {
  conflict: boolean;
  message: string;
  fields: FieldProblem[];
}

function saveErrorOf(err: unknown, lang: "vi" | "en"): SaveError {
  if (err instanceof ApiError) return { conflict: err.status === 412, message: pickLang(err.message, lang), fields: err.fieldProblems };
  return { conflict: false, message: String(err), fields: [] };
}

function Problems({ error }: { error: SaveError | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{error.conflict ? t("planEditor.conflict") : error.message}</strong>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((f, i) => (
            <li key={i}>
              <code>{f.path}</code>: {pickLang(f.message, lang)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Tạo kế hoạch": a plan for a unit from the Directive 63 template or blank. */
export function PlanCreate() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const [, navigate] = useLocation();
  const { can } = useSession();
  // Without plan.write a user writes only implementing plans (plan.implement): a parent plan is required.
  const parentRequired = !can.planWrite;
  const units = useUnits();
  const [unitId, setUnitId] = useState("");
  const [template, setTemplate] = useState("directive-63");
  const [number, setNumber] = useState("");
  const [date, setDate] = useState("");
  const [parentPlanId, setParentPlanId] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [error, setError] = useState<SaveError | null>(null);
  const [busy, setBusy] = useState(false);
  const plans = useQuery({ queryKey: ["plans"], queryFn: async () => (await must(api.GET("/v1/plans"))).items });
  const candidates = (units.data ?? []).filter((u) => u.level !== "hamlet");
  const chosenParent = parentPlanId || (parentRequired ? (plans.data?.[0]?.id ?? "") : "");
  // The parent's assignees: the organisation (a commune's government, a department, a mass organisation) writing this plan.
  const parentDoc = useQuery({
    queryKey: ["plan-document", chosenParent],
    enabled: !!chosenParent,
    queryFn: async () =>
      (await must(api.GET("/v1/plans/{id}/document", { params: { path: { id: chosenParent } } }))) as unknown as PlanDocument,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        unitId: unitId || candidates[0]?.id || "",
        template,
        ...(number ? { number } : {}),
        ...(date ? { date } : {}),
        ...(chosenParent ? { parentPlanId: chosenParent } : {}),
        ...(chosenParent && organisationId ? { organisationId } : {}),
      };
      const doc = (await must(api.POST("/v1/plans", { body }))) as unknown as PlanDocument;
      navigate(`/plan/edit/${encodeURIComponent(doc.id)}`);
    } catch (err) {
      setError(saveErrorOf(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("planEditor.createTitle")}</h1>
      </div>
      {units.isLoading && <Loading />}
      <form className="card form" onSubmit={submit}>
        <label className="field">
          <span>{t("planEditor.unit")}</span>
          <select value={unitId || candidates[0]?.id || ""} onChange={(e) => setUnitId(e.target.value)}>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.id})
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend>{t("planEditor.template")}</legend>
          <label>
            <input
              type="radio"
              name="template"
              value="directive-63"
              checked={template === "directive-63"}
              onChange={() => setTemplate("directive-63")}
            />{" "}
            {t("planEditor.templateDirective63")}
          </label>
          <label>
            <input type="radio" name="template" value="blank" checked={template === "blank"} onChange={() => setTemplate("blank")} />{" "}
            {t("planEditor.templateBlank")}
          </label>
        </fieldset>
        <label className="field">
          <span>{t("planEditor.parent")}</span>
          <select
            value={chosenParent}
            onChange={(e) => {
              setParentPlanId(e.target.value);
              setOrganisationId("");
            }}
          >
            {!parentRequired && <option value="">{t("planEditor.noParent")}</option>}
            {(plans.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {localName(p.title, lang)} ({p.unitId})
              </option>
            ))}
          </select>
        </label>
        {chosenParent && (
          <label className="field">
            <span>{t("planEditor.organisation")}</span>
            <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
              <option value="">{t("planEditor.noOrganisation")}</option>
              {(parentDoc.data?.plan.assignees ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {localName(a.name, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t("planEditor.number")}</span>
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="05-KH/HU" />
        </label>
        <label className="field">
          <span>{t("planEditor.date")}</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <Problems error={error} />
        <button className="btn btn-primary" type="submit" disabled={busy || candidates.length === 0}>
          {t("planEditor.create")}
        </button>
      </form>
    </div>
  );
}

interface ProposalOut {
  id: string;
  fromPlanId: string | null;
  taskCodes: string[];
  summary: string;
  status: "proposed" | "accepted" | "refused";
  proposedBy: string;
  decision: { outcome: string; reason: string; by: string } | null;
  version: number;
}

/**
 * Adjustment proposals to a plan: an implementing plan proposes to its parent (III.1), and the
 * plan's owner accepts or refuses each one with a reason.
 */
function Proposals({ planId, parentPlanId }: { planId: string; parentPlanId: string | null }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const mine = useQuery({
    queryKey: ["plan-proposals", planId],
    queryFn: async () =>
      (await must(api.GET("/v1/plans/{id}/proposals", { params: { path: { id: planId } } }))).items as unknown as ProposalOut[],
  });
  const [summary, setSummary] = useState("");
  const [taskCodes, setTaskCodes] = useState("");
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<SaveError | null>(null);
  const [sent, setSent] = useState(false);
  const propose = async (e: FormEvent) => {
    e.preventDefault();
    if (!parentPlanId) return;
    setError(null);
    setSent(false);
    try {
      const parent = (await must(
        api.GET("/v1/plans/{id}/document", { params: { path: { id: parentPlanId } } }),
      )) as unknown as PlanDocument;
      await must(
        api.POST("/v1/plans/{id}/proposals", {
          params: { path: { id: parentPlanId } },
          body: { summary, taskCodes: list(taskCodes), fromPlanId: planId },
          headers: { "if-match": `"${parent.version}"` },
        }),
      );
      setSummary("");
      setTaskCodes("");
      setSent(true);
    } catch (err) {
      setError(saveErrorOf(err, lang));
    }
  };
  const decide = async (p: ProposalOut, decision: "accept" | "refuse") => {
    setError(null);
    try {
      await must(
        api.POST("/v1/plans/{id}/proposals/{pid}/decision", {
          params: { path: { id: planId, pid: p.id } },
          body: { decision, reason: reasons[p.id] ?? "" },
          headers: { "if-match": `"${p.version}"` },
        }),
      );
      await qc.invalidateQueries({ queryKey: ["plan-proposals", planId] });
      await qc.invalidateQueries({ queryKey: ["plan-document", planId] });
    } catch (err) {
      setError(saveErrorOf(err, lang));
    }
  };
  return (
    <section className="card">
      <h2>{t("planEditor.proposals")}</h2>
      <ul data-testid="plan-proposals">
        {(mine.data ?? []).map((p) => (
          <li key={p.id}>
            <strong>{t(`planEditor.status.${p.status}`)}</strong> · {p.summary} ({p.taskCodes.join(", ") || "—"}; {p.proposedBy})
            {p.decision && ` — ${p.decision.by}: ${p.decision.reason}`}
            {p.status === "proposed" && can.planWrite && (
              <span className="toolbar">
                <input
                  aria-label={t("planEditor.reason")}
                  placeholder={t("planEditor.reason")}
                  value={reasons[p.id] ?? ""}
                  onChange={(e) => setReasons((r) => ({ ...r, [p.id]: e.target.value }))}
                />
                <button type="button" className="btn" onClick={() => void decide(p, "accept")}>
                  {t("planEditor.accept")}
                </button>
                <button type="button" className="btn" onClick={() => void decide(p, "refuse")}>
                  {t("planEditor.refuse")}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {(mine.data?.length ?? 0) === 0 && <p className="muted">{t("planEditor.noProposals")}</p>}
      {parentPlanId && (
        <form className="form" onSubmit={propose}>
          <h3>{t("planEditor.proposeTitle", { id: parentPlanId })}</h3>
          <label className="field">
            <span>{t("planEditor.proposalSummary")}</span>
            <textarea rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />
          </label>
          <label className="field">
            <span>{t("planEditor.proposalTasks")}</span>
            <input value={taskCodes} onChange={(e) => setTaskCodes(e.target.value)} placeholder="II.6" />
          </label>
          <button className="btn" type="submit">
            {t("planEditor.propose")}
          </button>
          {sent && (
            <p className="notice notice-ok" role="status">
              {t("planEditor.proposed")}
            </p>
          )}
        </form>
      )}
      <Problems error={error} />
    </section>
  );
}

/** The editable part of a task in the form (lists as comma-separated text). */
interface TaskDraft {
  code: string;
  titleVi: string;
  titleEn: string;
  body: string;
  lead: string;
  coordinating: string;
  criteria: string;
  /** The parent plan's task codes this task carries out (an implementing plan's tasks only). */
  implements: string;
}

const draftOf = (t: PlanTask): TaskDraft => ({
  code: t.code,
  titleVi: t.title.vi,
  titleEn: t.title.en,
  body: t.body,
  lead: t.lead.join(", "),
  coordinating: t.coordinating.join(", "),
  criteria: t.links.criteria.join(", "),
  implements: (t.implements ?? []).join(", "),
});

function taskOf(d: TaskDraft, before: PlanTask | undefined): PlanTask {
  const { implements: _before, ...kept } = before ?? ({} as Partial<PlanTask>);
  const base: PlanTask = before
    ? (kept as PlanTask)
    : {
        code: d.code,
        title: { vi: "", en: "" },
        body: "",
        lead: [],
        coordinating: [],
        assigneeBasis: "stated",
        deliverables: [],
        links: { criteria: [], indicators: [], targets: [] },
        reportingCadence: null,
      };
  return {
    ...base,
    code: d.code.trim(),
    title: { vi: d.titleVi, en: d.titleEn },
    body: d.body,
    lead: list(d.lead),
    coordinating: list(d.coordinating),
    links: { ...base.links, criteria: list(d.criteria) },
    ...(list(d.implements).length ? { implements: list(d.implements) } : {}),
  };
}

/** Editing a plan's number, date and tasks; every save sends If-Match and shows a conflict (412). */
export function PlanEdit() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { id = "" } = useParams<{ id: string }>();
  const qc = useQueryClient();
  const doc = useQuery({
    queryKey: ["plan-document", id],
    queryFn: async () => (await must(api.GET("/v1/plans/{id}/document", { params: { path: { id } } }))) as unknown as PlanDocument,
  });
  const [number, setNumber] = useState("");
  const [date, setDate] = useState("");
  const [tasks, setTasks] = useState<TaskDraft[]>([]);
  const [error, setError] = useState<SaveError | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const history = useQuery({
    queryKey: ["plan-versions", id, doc.data?.version],
    enabled: !!doc.data,
    queryFn: async () => (await must(api.GET("/v1/plans/{id}/versions", { params: { path: { id } } }))).items,
  });
  useEffect(() => {
    if (!doc.data) return;
    setNumber(doc.data.plan.number ?? "");
    setDate(doc.data.plan.date ?? "");
    setTasks(doc.data.plan.tasks.map(draftOf));
  }, [doc.data]);
  if (doc.isLoading) return <Loading />;
  if (doc.error || !doc.data) return <ErrorState error={doc.error} />;
  const current = doc.data;
  const setTask = (i: number, patch: Partial<TaskDraft>) => setTasks((ts) => ts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const before = new Map(current.plan.tasks.map((x) => [x.code, x]));
    const body = { number: number.trim() || null, date: date || null, tasks: tasks.map((d) => taskOf(d, before.get(d.code))) };
    try {
      const next = (await must(
        api.PATCH("/v1/plans/{id}", { params: { path: { id } }, body: body as never, headers: { "if-match": `"${current.version}"` } }),
      )) as unknown as PlanDocument;
      setSaved(next.version);
      qc.setQueryData(["plan-document", id], next);
      void qc.invalidateQueries({ queryKey: ["plan"] });
    } catch (err) {
      setError(saveErrorOf(err, lang));
    }
  };
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t("planEditor.editTitle")}</h1>
          <p className="muted">
            {localName(current.plan.title, lang)} · {t("planEditor.version", { version: current.version })}
            {current.parentPlanId ? ` · ${t("planEditor.implements", { id: current.parentPlanId })}` : ""}
          </p>
        </div>
        <div className="toolbar">
          <a className="btn" href={`/v1/plans/${encodeURIComponent(id)}/export?format=xlsx`} download>
            XLSX
          </a>
          <a className="btn" href={`/v1/plans/${encodeURIComponent(id)}/export?format=json`} download>
            JSON
          </a>
          <Link className="btn" href="/plan">
            {t("planEditor.back")}
          </Link>
        </div>
      </div>
      <form className="card form" onSubmit={save}>
        <label className="field">
          <span>{t("planEditor.number")}</span>
          <input name="number" value={number} onChange={(e) => setNumber(e.target.value)} />
        </label>
        <label className="field">
          <span>{t("planEditor.date")}</span>
          <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <h2>{t("planEditor.tasks")}</h2>
        {tasks.map((d, i) => (
          <fieldset key={i} className="card task-edit">
            <legend>{d.code || t("planEditor.newTask")}</legend>
            <label className="field">
              <span>{t("planEditor.code")}</span>
              <input value={d.code} onChange={(e) => setTask(i, { code: e.target.value })} />
            </label>
            <label className="field">
              <span>{t("planEditor.titleVi")}</span>
              <input value={d.titleVi} onChange={(e) => setTask(i, { titleVi: e.target.value })} />
            </label>
            <label className="field">
              <span>{t("planEditor.titleEn")}</span>
              <input value={d.titleEn} onChange={(e) => setTask(i, { titleEn: e.target.value })} />
            </label>
            <label className="field">
              <span>{t("planEditor.body")}</span>
              <textarea rows={3} value={d.body} onChange={(e) => setTask(i, { body: e.target.value })} />
            </label>
            <label className="field">
              <span>{t("planEditor.lead")}</span>
              <input value={d.lead} onChange={(e) => setTask(i, { lead: e.target.value })} />
            </label>
            <label className="field">
              <span>{t("planEditor.coordinating")}</span>
              <input value={d.coordinating} onChange={(e) => setTask(i, { coordinating: e.target.value })} />
            </label>
            <label className="field">
              <span>{t("planEditor.criteria")}</span>
              <input value={d.criteria} onChange={(e) => setTask(i, { criteria: e.target.value })} />
            </label>
            {current.parentPlanId && (
              <label className="field">
                <span>{t("planEditor.implementsTasks")}</span>
                <input value={d.implements} onChange={(e) => setTask(i, { implements: e.target.value })} />
              </label>
            )}
            <button type="button" className="btn" onClick={() => setTasks((ts) => ts.filter((_, j) => j !== i))}>
              {t("planEditor.removeTask")}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() =>
            setTasks((ts) => [
              ...ts,
              {
                code: "",
                titleVi: "",
                titleEn: "",
                body: "",
                lead: current.plan.issuer.assigneeId,
                coordinating: "",
                criteria: "",
                implements: "",
              },
            ])
          }
        >
          {t("planEditor.addTask")}
        </button>
        <Problems error={error} />
        {error?.conflict && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setError(null);
              void doc.refetch();
            }}
          >
            {t("planEditor.reload")}
          </button>
        )}
        {saved !== null && (
          <p className="notice notice-ok" role="status">
            {t("planEditor.saved", { version: saved })}
          </p>
        )}
        <button className="btn btn-primary" type="submit">
          {t("planEditor.save")}
        </button>
      </form>
      <Proposals planId={id} parentPlanId={current.parentPlanId} />
      <section className="card">
        <h2>{t("planEditor.history")}</h2>
        <ol data-testid="plan-history">
          {(history.data ?? []).map((v) => (
            <li key={v.version}>
              {t("planEditor.version", { version: v.version })} · {v.createdBy ?? "—"} · {v.createdAt.slice(0, 10)}
              {v.changes.length > 0 && `: ${v.changes.map((c) => c.path.join(" › ")).join("; ")}`}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
