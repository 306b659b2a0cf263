import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  ACTOR_ROLE_LABELS,
  DOSSIER_DOCUMENT_LABELS,
  DOSSIER_STATE_LABELS,
  RECOGNITION_ACTION_LABELS,
  formatDate,
  formatNumber,
  type RecognitionDossier,
} from "@ntm/core";
import { ApiError, onCsrfToken } from "../api/http";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import { pickLang, vnDateTime } from "../lib/text";
import { DEFAULT_YEAR, YEARS } from "../lib/years";

type Lang = "vi" | "en";
const langOf = (l: string): Lang => (l === "en" ? "en" : "vi");
const label = (labels: Record<string, { vi: string; en: string }>, k: string, lang: Lang) => labels[k]?.[lang] ?? k;
const errorText = (e: unknown, lang: Lang) =>
  e instanceof ApiError ? [pickLang(e.message, lang), ...e.fieldProblems.map((f) => pickLang(f.message, lang))].join(" · ") : String(e);

/** Bytes as "12,3 kB" / "1,5 MB" with a Vietnamese decimal comma. */
function sizeText(n: number, lang: Lang): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${formatNumber(Math.round((n / 1024) * 10) / 10, lang)} kB`;
  return `${formatNumber(Math.round((n / 1024 / 1024) * 10) / 10, lang)} MB`;
}

/** Create a draft dossier for a commune or hamlet in scope (commune officers; the API decides). */
export function CreateDossier({ onCreated }: { onCreated: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const units = useUnits();
  const choices = (units.data ?? []).filter((u) => u.level === "commune" || u.level === "hamlet");
  const [unitId, setUnitId] = useState("");
  const [tier, setTier] = useState<"standard" | "advanced" | "model">("standard");
  const [year, setYear] = useState(String(DEFAULT_YEAR));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const out = await must(api.POST("/v1/dossiers", { body: { unitId: unitId || (choices[0]?.id ?? ""), tier, year: Number(year) } }));
      await qc.invalidateQueries({ queryKey: ["dossiers"] });
      onCreated(out.id);
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="bulk-form" onSubmit={(e) => void submit(e)} aria-labelledby="create-dossier-h" data-testid="create-dossier">
      <h2 id="create-dossier-h">{t("records.dossier.create")}</h2>
      <label className="field">
        <span>{t("records.dossier.unit")}</span>
        <select value={unitId || (choices[0]?.id ?? "")} onChange={(e) => setUnitId(e.target.value)} name="unitId">
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("records.dossier.tier")}</span>
        <select value={tier} onChange={(e) => setTier(e.target.value as typeof tier)} name="tier">
          {(["standard", "advanced", "model"] as const).map((x) => (
            <option key={x} value={x}>
              {t(`tier.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("records.dossier.year")}</span>
        <select value={year} onChange={(e) => setYear(e.target.value)} name="year">
          {YEARS.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy || choices.length === 0}>
        {t("records.dossier.createButton")}
      </button>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

interface Attachment {
  id: string;
  name: string;
  kind: string | null;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdBy: string | null;
}

/** The files attached to a dossier: list with size and checksum, download, and upload (PDF, images, DOCX). */
export function DossierAttachments({ dossierId, canAttach }: { dossierId: string; canAttach: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const files = useQuery({
    queryKey: ["attachments", dossierId],
    queryFn: async () =>
      (await must(api.GET("/v1/dossiers/{id}/attachments", { params: { path: { id: dossierId } } }))).items as Attachment[],
  });
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState("");
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  async function upload(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setMsg(null);
    try {
      // The typed client sends JSON; the file goes as the raw body, with the session's CSRF header.
      const res = await fetch(
        `/v1/dossiers/${encodeURIComponent(dossierId)}/attachments?name=${encodeURIComponent(file.name)}${kind ? `&kind=${kind}` : ""}`,
        { method: "POST", headers: { "content-type": "application/octet-stream", "x-csrf-token": csrf() }, body: file },
      );
      const out = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new ApiError(res.status, out);
      setMsg({ ok: true, text: t("records.dossier.attached", { name: file.name, sha: String(out["sha256"]).slice(0, 12) }) });
      if (input.current) input.current.value = "";
      await qc.invalidateQueries({ queryKey: ["attachments", dossierId] });
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div data-testid="dossier-attachments">
      <h3>{t("records.dossier.files")}</h3>
      {(files.data ?? []).length === 0 ? (
        <p className="muted">{t("records.dossier.noFiles")}</p>
      ) : (
        <ul className="reasons">
          {(files.data ?? []).map((f) => (
            <li key={f.id}>
              <a href={`/v1/dossiers/${encodeURIComponent(dossierId)}/attachments/${encodeURIComponent(f.id)}`} download={f.name}>
                {f.name}
              </a>{" "}
              <small className="muted">
                {f.kind ? `${label(DOSSIER_DOCUMENT_LABELS, f.kind, lang)} · ` : ""}
                {sizeText(f.size, lang)} · SHA-256 <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code> · {f.createdBy ?? "—"},{" "}
                {vnDateTime(f.createdAt, lang)}
              </small>
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <form className="bulk-form" onSubmit={(e) => void upload(e)}>
          <label className="field">
            <span>{t("records.dossier.file")}</span>
            <input ref={input} type="file" required accept=".pdf,.png,.jpg,.jpeg,.docx,application/pdf,image/png,image/jpeg" name="file" />
          </label>
          {/* Label by id, not by wrapping: a wrapping label's text would include every option's. */}
          <div className="field">
            <label htmlFor={`kind-${dossierId}`}>
              <span>{t("records.dossier.kind")}</span>
            </label>
            <select id={`kind-${dossierId}`} value={kind} onChange={(e) => setKind(e.target.value)} name="kind">
              <option value="">—</option>
              {Object.keys(DOSSIER_DOCUMENT_LABELS).map((k) => (
                <option key={k} value={k}>
                  {label(DOSSIER_DOCUMENT_LABELS, k, lang)}
                </option>
              ))}
            </select>
          </div>
          <small className="muted">{t("records.dossier.limits")}</small>
          <button type="submit" className="btn" disabled={busy}>
            {t("records.dossier.attach")}
          </button>
          {msg && (
            <p className={`notice ${msg.ok ? "notice-ok" : "notice-error"}`} role={msg.ok ? "status" : "alert"}>
              {msg.text}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

// The session's CSRF token (double-submit), followed as the typed client follows it.
let csrfToken = "";
onCsrfToken((token) => {
  csrfToken = token ?? "";
});
const csrf = () => csrfToken;

/** The unit's evaluation for the dossier's pack and year, with a link to the commune page. */
export function DossierEvaluation({ dossier }: { dossier: Pick<RecognitionDossier, "unitId" | "year" | "packId"> }) {
  const { t } = useTranslation();
  const ev = useQuery({
    queryKey: ["dossier-eval", dossier.unitId, dossier.year, dossier.packId],
    queryFn: async () =>
      (await must(
        api.GET("/v1/units/{id}/evaluation", {
          params: { path: { id: dossier.unitId }, query: { year: dossier.year, pack: dossier.packId } },
        }),
      )) as unknown as { status: string; criteriaMet?: number; criteriaTotal?: number; criteriaNotMet?: number },
  });
  return (
    <div data-testid="dossier-evaluation">
      <h3>{t("records.dossier.evaluation")}</h3>
      {ev.data ? (
        <p>
          {ev.data.status === "no_pack"
            ? t("records.dossier.noPack")
            : t("records.dossier.evaluationSummary", {
                met: ev.data.criteriaMet ?? 0,
                total: ev.data.criteriaTotal ?? 0,
                status: t(`records.dossier.evalStatus.${ev.data.status}`, { defaultValue: t("records.dossier.evalStatus.indeterminate") }),
              })}{" "}
          <Link href={`/communes/${encodeURIComponent(dossier.unitId)}?year=${dossier.year}`}>{t("records.dossier.openEvaluation")}</Link>
        </p>
      ) : ev.isError ? (
        <p className="muted">{t("records.dossier.evaluationUnavailable")}</p>
      ) : (
        <p className="muted">…</p>
      )}
    </div>
  );
}

/** Who did each step and when, by name (GET /v1/dossiers/{id}/actors), with the role and the note. */
export function DossierHistory({ dossierId, history }: { dossierId: string; history: RecognitionDossier["history"] }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const names = useQuery({
    queryKey: ["dossier-actors", dossierId, history.length],
    enabled: history.length > 0,
    queryFn: async () =>
      new Map(
        (await must(api.GET("/v1/dossiers/{id}/actors", { params: { path: { id: dossierId } } }))).items.map((u) => [u.id, u.displayName]),
      ),
  });
  if (history.length === 0) return <p className="muted">{t("dossiers.noHistory")}</p>;
  return (
    <ol className="reasons" data-testid="dossier-history">
      {history.map((h, i) => (
        <li key={i}>
          <strong>{vnDateTime(h.at, lang)}</strong>: {label(RECOGNITION_ACTION_LABELS, h.action, lang)} (
          {label(DOSSIER_STATE_LABELS, h.from, lang)} → {label(DOSSIER_STATE_LABELS, h.to, lang)}) —{" "}
          {names.data?.get(h.actor.id) ?? t("records.dossier.someone")} ({label(ACTOR_ROLE_LABELS, h.actor.role, lang)})
          {h.decision && (
            <>
              {" · "}
              <span data-testid="dossier-decision">
                {t("records.dossier.decisionNote", { number: h.decision.number, date: formatDate(h.decision.date, lang) })}
              </span>
            </>
          )}
          {h.note ? `: ${h.note}` : ""}
        </li>
      ))}
    </ol>
  );
}
