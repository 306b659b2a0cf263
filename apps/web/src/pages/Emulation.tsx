import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "wouter";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import {
  COMMENDATION_FORMS,
  CONSULTATION_FORMS,
  DECISION_LEVELS,
  DISCIPLINE_FORMS,
  EMULATION_SUBJECT_KINDS,
  formatDate,
  formatNumber,
} from "@ntm/core";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import { useSession } from "../auth/session";
import { DataTable } from "../components/DataTable";
import { ProblemList, problemOf } from "../components/ProblemList";
import { ErrorState, Loading } from "../components/States";

type Lang = "vi" | "en";
type Labels = Readonly<Record<string, { vi: string; en: string }>>;
/** The fields the lists read from a record of any of the four kinds (the API's item `data`). */
interface RecordData {
  form?: string;
  formText?: string;
  level?: string;
  issuer?: string;
  decision?: { number?: string; date: string };
  subject?: { kind: string; id: string; name: string };
  achievement?: string;
  reason?: string;
  finding?: { inspectionId: string; findingIndex?: number };
  name?: string;
  kind?: string;
  period?: { from: string; to?: string };
  participants?: number | { name: string }[];
  communeUnitId?: string;
  date?: string;
  matter?: string;
  satisfaction?: { respondents: number; satisfied: number };
  dossierId?: string;
}
type Row = { id: string; unitId: string; data: RecordData };
type Answer = { unitId: string; items: Row[]; summary: Record<string, unknown> };
type Values = Record<string, string>;

const TABS = {
  commendations: "/v1/commendations",
  discipline: "/v1/disciplines",
  movements: "/v1/emulation-movements",
  consultations: "/v1/consultations",
} as const;
type Tab = keyof typeof TABS;

const MOVEMENT_KINDS: Labels = {
  movement: { vi: "Phong trào thi đua", en: "Emulation movement" },
  campaign: { vi: "Cuộc vận động", en: "Campaign" },
};

const label = (l: Labels, code: unknown, lang: Lang) => l[String(code)]?.[lang] ?? String(code ?? "");
const day = (v: unknown, lang: Lang) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, lang) : "");
const opt = (v: string | undefined) => (v && v.trim() !== "" ? v.trim() : undefined);
const int = (v: string | undefined) => (opt(v) === undefined ? undefined : Number(v));

/** The request body of a tab's form (the API and core validate it; nothing is decided here). */
function bodyOf(tab: Tab, v: Values): Record<string, unknown> {
  const subject = { kind: v.subjectKind || "unit", id: opt(v.subjectId) ?? v.unitId, name: v.subjectName ?? "" };
  const decisionDate = v.date ?? "";
  switch (tab) {
    case "commendations":
      return {
        unitId: v.unitId,
        form: v.form,
        ...(opt(v.formText) ? { formText: opt(v.formText) } : {}),
        level: v.level,
        issuer: v.issuer ?? "",
        decision: { number: v.decision ?? "", date: decisionDate },
        subject,
        achievement: v.detail ?? "",
      };
    case "discipline":
      return {
        unitId: v.unitId,
        form: v.form,
        ...(opt(v.formText) ? { formText: opt(v.formText) } : {}),
        level: v.level,
        issuer: v.issuer ?? "",
        decision: { ...(opt(v.decision) ? { number: opt(v.decision) } : {}), date: decisionDate },
        subject,
        reason: v.detail ?? "",
        ...(opt(v.inspectionId)
          ? { finding: { inspectionId: opt(v.inspectionId), ...(int(v.finding) ? { findingIndex: int(v.finding)! - 1 } : {}) } }
          : {}),
      };
    case "movements":
      return {
        unitId: v.unitId,
        kind: v.kind || "movement",
        name: v.name ?? "",
        period: { from: v.from ?? "", ...(opt(v.to) ? { to: opt(v.to) } : {}) },
        participants: (v.participants ?? "")
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const [id, ...name] = l.split(";");
            return { kind: "organisation", id: id!.trim(), name: (name.join(";").trim() || id!).trim() };
          }),
        pledges: [],
      };
    case "consultations":
      return {
        communeUnitId: v.unitId,
        year: Number((v.date ?? "").slice(0, 4)) || 0,
        date: v.date ?? "",
        matter: v.matter ?? "",
        form: v.form || "meeting",
        participants: int(v.participants) ?? 0,
        ...(opt(v.respondents) ? { satisfaction: { respondents: int(v.respondents), satisfied: int(v.satisfied) ?? 0 } } : {}),
        ...(opt(v.dossierId) ? { dossierId: opt(v.dossierId) } : {}),
      };
  }
}

/**
 * Thi đua, khen thưởng, phê bình, kỷ luật (plan II.4) and lấy ý kiến nhân dân (II.5): a list and a form for
 * each record kind. Core and the API validate every record; refused fields are listed by name.
 */
export default function Emulation() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === "en" ? "en" : "vi";
  const { tab: raw } = useParams<{ tab?: string }>();
  const tab = (raw && raw in TABS ? raw : "commendations") as Tab;
  const { can } = useSession();
  const units = useUnits();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["emulation", tab],
    queryFn: async () => (await must(api.GET(TABS[tab] as "/v1/commendations"))) as unknown as Answer,
  });
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const columns = useMemo(() => columnsFor(tab, lang, t, (id) => unitName.get(id) ?? id), [tab, lang, t, unitName]);

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("emulation.title")}</h1>
      </div>
      <nav className="tabs" aria-label={t("emulation.title")}>
        {(Object.keys(TABS) as Tab[]).map((x) => (
          <Link
            key={x}
            href={`/emulation/${x}`}
            className={`tab ${x === tab ? "active" : ""}`}
            aria-current={x === tab ? "page" : undefined}
          >
            {t(`emulation.tabs.${x}`)}
          </Link>
        ))}
      </nav>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <section className="card">
          <p>{t("emulation.count", { n: q.data.items.length })}</p>
          <DataTable
            key={`${tab}-${lang}-${unitName.size}`}
            data={q.data.items}
            columns={columns}
            label={t(`emulation.tabs.${tab}`)}
            testId={`emulation-${tab}`}
          />
        </section>
      )}
      {(tab === "commendations" || tab === "discipline") && (
        <FilesCard
          path={tab === "commendations" ? "/v1/commendations" : "/v1/disciplines"}
          canWrite={can.editValues}
          onSaved={() => void qc.invalidateQueries({ queryKey: ["emulation", tab] })}
        />
      )}
      {can.editValues && (
        <RecordForm
          key={tab}
          tab={tab}
          lang={lang}
          units={(units.data ?? []).map((u) => ({ id: u.id, name: u.name, level: u.level }))}
          onSaved={() => void qc.invalidateQueries({ queryKey: ["emulation", tab] })}
        />
      )}
    </div>
  );
}

function columnsFor(tab: Tab, lang: Lang, t: (k: string) => string, unitName: (id: string) => string): ColumnDef<Row, unknown>[] {
  const col = (id: string, header: string, get: (d: RecordData, r: Row) => unknown): ColumnDef<Row, unknown> => ({
    id,
    header,
    accessorFn: (r) => get(r.data, r),
  });
  const subject = col(
    "subject",
    t("emulation.subject"),
    (d) => `${d.subject?.name ?? ""} (${label(EMULATION_SUBJECT_KINDS, d.subject?.kind, lang)})`,
  );
  switch (tab) {
    case "commendations":
    case "discipline": {
      const forms = tab === "commendations" ? COMMENDATION_FORMS : DISCIPLINE_FORMS;
      return [
        col("date", t("emulation.date"), (d) => day(d.decision?.date, lang)),
        col("decision", t("emulation.decision"), (d) => d.decision?.number ?? "—"),
        col("form", t("emulation.form"), (d) => d.formText ?? label(forms, d.form, lang)),
        col("level", t("emulation.level"), (d) => `${label(DECISION_LEVELS, d.level, lang)} · ${d.issuer ?? ""}`),
        subject,
        col(
          "detail",
          t(tab === "commendations" ? "emulation.achievement" : "emulation.reason"),
          (d) => `${d.achievement ?? d.reason ?? ""}${d.finding ? ` (${t("emulation.inspection")} ${d.finding.inspectionId})` : ""}`,
        ),
      ];
    }
    case "movements":
      return [
        col("name", t("emulation.name"), (d) => d.name),
        col("kind", t("emulation.kind"), (d) => label(MOVEMENT_KINDS, d.kind, lang)),
        col("period", t("emulation.period"), (d) => `${day(d.period?.from, lang)} – ${day(d.period?.to, lang) || "…"}`),
        col("unit", t("emulation.unit"), (_d, r) => unitName(r.unitId)),
        col("participants", t("emulation.participants"), (d) =>
          Array.isArray(d.participants) ? d.participants.map((p) => p.name).join(", ") : "",
        ),
      ];
    case "consultations":
      return [
        col("date", t("emulation.date"), (d) => day(d.date, lang)),
        col("unit", t("emulation.commune"), (d) => unitName(d.communeUnitId ?? "")),
        col("matter", t("emulation.matter"), (d) => d.matter),
        col("form", t("emulation.form"), (d) => label(CONSULTATION_FORMS, d.form, lang)),
        col("participants", t("emulation.participants"), (d) =>
          formatNumber(typeof d.participants === "number" ? d.participants : 0, lang),
        ),
        col("satisfaction", t("emulation.satisfaction"), (d) =>
          d.satisfaction ? `${d.satisfaction.satisfied}/${d.satisfaction.respondents}` : t("emulation.noSurvey"),
        ),
        col("dossier", t("emulation.dossier"), (d) => d.dossierId ?? ""),
      ];
  }
}

function RecordForm({
  tab,
  lang,
  units,
  onSaved,
}: {
  tab: Tab;
  lang: Lang;
  units: { id: string; name: string; level: string }[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const choices = tab === "consultations" ? units.filter((u) => u.level === "commune") : units;
  const first = choices.find((u) => u.id === user?.scopeUnitId)?.id ?? choices[0]?.id ?? "";
  const defaults: Values = {
    unitId: first,
    form: tab === "commendations" ? "bang_khen" : tab === "discipline" ? "criticism" : "meeting",
    level: "district",
    subjectKind: "unit",
    kind: "movement",
  };
  const [v, setV] = useState<Values>(defaults);
  const [notice, setNotice] = useState<{ ok: true; id: string } | ({ ok: false } & ReturnType<typeof problemOf>) | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const text = (k: string, key: string, type = "text") => (
    <label className="field">
      <span>{t(key)}</span>
      <input name={k} type={type} value={v[k] ?? ""} onChange={set(k)} />
    </label>
  );
  const select = (k: string, key: string, labels: Labels) => (
    <label className="field">
      <span>{t(key)}</span>
      <select name={k} value={v[k] ?? ""} onChange={set(k)}>
        {Object.entries(labels).map(([code, l]) => (
          <option key={code} value={code}>
            {l[lang]}
          </option>
        ))}
      </select>
    </label>
  );
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = (await must(api.POST(TABS[tab] as "/v1/commendations", { body: bodyOf(tab, v) as never }))) as unknown as Row;
      setNotice({ ok: true, id: saved.id });
      setV(defaults);
      onSaved();
    } catch (err) {
      setNotice({ ok: false, ...problemOf(err) });
    } finally {
      setBusy(false);
    }
  }
  const decisionFields = tab === "commendations" || tab === "discipline";
  // The body's fields (bodyOf) by their visible labels, so a refused field is named as the form shows it.
  const labels: Record<string, string> = {
    unitId: t("emulation.unit"),
    communeUnitId: t("emulation.commune"),
    form: t("emulation.form"),
    formText: t("emulation.formText"),
    level: t("emulation.level"),
    issuer: t("emulation.issuer"),
    "decision.number": t(tab === "commendations" ? "emulation.decision" : "emulation.decisionOptional"),
    "decision.date": t("emulation.date"),
    "subject.kind": t("emulation.subjectKind"),
    "subject.id": t("emulation.subjectId"),
    subject: t("emulation.subjectName"),
    achievement: t("emulation.achievement"),
    reason: t("emulation.reason"),
    "finding.inspectionId": t("emulation.inspectionId"),
    finding: t("emulation.finding"),
    kind: t("emulation.kind"),
    name: t("emulation.name"),
    "period.from": t("emulation.from"),
    "period.to": t("emulation.to"),
    participants: t(tab === "movements" ? "emulation.participantLines" : "emulation.participants"),
    year: t("emulation.date"),
    date: t("emulation.date"),
    matter: t("emulation.matter"),
    "satisfaction.respondents": t("emulation.respondents"),
    "satisfaction.satisfied": t("emulation.satisfied"),
    dossierId: t("emulation.dossier"),
  };
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="emulation-form-h" data-testid="emulation-form">
      <h2 id="emulation-form-h">{t(`emulation.add.${tab}`)}</h2>
      <label className="field">
        <span>{t(tab === "consultations" ? "emulation.commune" : "emulation.unit")}</span>
        <select name="unitId" value={v.unitId} onChange={set("unitId")}>
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.id})
            </option>
          ))}
        </select>
      </label>
      {decisionFields && (
        <>
          {select("form", "emulation.form", tab === "commendations" ? COMMENDATION_FORMS : DISCIPLINE_FORMS)}
          {text("formText", "emulation.formText")}
          {select("level", "emulation.level", DECISION_LEVELS)}
          {text("issuer", "emulation.issuer")}
          {text("decision", tab === "commendations" ? "emulation.decision" : "emulation.decisionOptional")}
          {text("date", "emulation.date", "date")}
          {select("subjectKind", "emulation.subjectKind", EMULATION_SUBJECT_KINDS)}
          {text("subjectId", "emulation.subjectId")}
          {text("subjectName", "emulation.subjectName")}
          {text("detail", tab === "commendations" ? "emulation.achievement" : "emulation.reason")}
        </>
      )}
      {tab === "discipline" && (
        <>
          {text("inspectionId", "emulation.inspectionId")}
          {text("finding", "emulation.finding", "number")}
        </>
      )}
      {tab === "movements" && (
        <>
          {select("kind", "emulation.kind", MOVEMENT_KINDS)}
          {text("name", "emulation.name")}
          {text("from", "emulation.from", "date")}
          {text("to", "emulation.to", "date")}
          <label className="field">
            <span>{t("emulation.participantLines")}</span>
            <textarea name="participants" rows={4} value={v.participants ?? ""} onChange={set("participants")} />
          </label>
        </>
      )}
      {tab === "consultations" && (
        <>
          {text("date", "emulation.date", "date")}
          {text("matter", "emulation.matter")}
          {select("form", "emulation.form", CONSULTATION_FORMS)}
          {text("participants", "emulation.participants", "number")}
          {text("respondents", "emulation.respondents", "number")}
          {text("satisfied", "emulation.satisfied", "number")}
          {text("dossierId", "emulation.dossier")}
          <p className="muted">{t("emulation.noThreshold")}</p>
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("emulation.save")}
        </button>
      </div>
      {notice?.ok && (
        <p className="notice" role="status">
          {t("emulation.saved", { id: notice.id })}
        </p>
      )}
      {notice && !notice.ok && (
        <ProblemList
          title={t("emulation.refused")}
          message={notice.message}
          problems={notice.problems}
          labels={labels}
          testId="emulation-problems"
        />
      )}
    </form>
  );
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Export links (CSV, XLSX) and an all-or-nothing import whose refusal names row and column. */
function FilesCard({ path, canWrite, onSaved }: { path: "/v1/commendations" | "/v1/disciplines"; canWrite: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: true; n: number } | ({ ok: false } & ReturnType<typeof problemOf>) | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      const xlsx = /\.xlsx$/i.test(file.name);
      const r = await must(
        api.POST(`${path}/import` as "/v1/commendations/import", {
          body: file as unknown as string,
          bodySerializer: (b: unknown) => b as Blob,
          headers: { "content-type": xlsx ? XLSX_TYPE : "text/csv" },
        }),
      );
      setNotice({ ok: true, n: (r as { imported: number }).imported });
      onSaved();
    } catch (err) {
      setNotice({ ok: false, ...problemOf(err) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="emulation-files-h">
      <h2 id="emulation-files-h">{t("emulation.files")}</h2>
      <p>
        <a className="btn" href={`${path}/export?format=xlsx`}>
          {t("emulation.exportXlsx")}
        </a>{" "}
        <a className="btn" href={`${path}/export?format=csv`}>
          {t("emulation.exportCsv")}
        </a>
      </p>
      {canWrite && (
        <form className="bulk-form" onSubmit={(e) => void submit(e)}>
          <label className="field">
            <span>{t("emulation.importFile")}</span>
            <input
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy || !file}>
            {t("emulation.import")}
          </button>
          <p className="muted">{t("emulation.importHint")}</p>
        </form>
      )}
      {notice?.ok && (
        <p className="notice" role="status">
          {t("emulation.imported", { n: notice.n })}
        </p>
      )}
      {notice && !notice.ok && <ProblemList title={t("emulation.refused")} message={notice.message} problems={notice.problems} />}
    </section>
  );
}
