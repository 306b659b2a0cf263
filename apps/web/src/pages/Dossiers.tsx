import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  DOSSIER_STATE_LABELS,
  DOSSIER_STATE_ORDER,
  RECOGNITION_ACTION_LABELS,
  DEFAULT_RECOGNITION_CONFIG,
  formatDate,
  formatMoney,
  formatNumber,
  formatReason,
  TWO_TIER_FROM,
  roleMay,
  type AvailableAction,
  type RecognitionDossier,
} from "@ntm/core";
import { ApiError } from "../api/http";
import { api, must, mustWithEtag } from "../api/client";
import { useUnits } from "../api/queries";
import { Empty, ErrorState, Loading } from "../components/States";
import { DossierFacts } from "../components/DossierFacts";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { CreateDossier, DossierAttachments, DossierEvaluation, DossierHistory } from "../components/DossierRecords";
import { useSession } from "../auth/session";
import { pickLang } from "../lib/text";

/** A dossier as the list shows it, with the actions the signed-in user may take (when the API sends them). */
type DossierRow = RecognitionDossier & {
  unitName?: string;
  version?: number;
  actions?: AvailableAction[];
  availableActions?: AvailableAction[];
};

/** Recognition dossiers by step; the selected one shows only the actions the role may take, and why others are blocked. */
export default function Dossiers() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const units = useUnits();
  const q = useQuery({
    queryKey: ["dossiers"],
    queryFn: async () => (await must(api.GET("/v1/dossiers"))).items as unknown as DossierRow[],
  });
  const [selected, setSelected] = useState<string | null>(null);
  const { user } = useSession();
  const mayCreate = !!user && roleMay(user.role, "dossier.self_assess");
  const [creating, setCreating] = useState(false);
  const names = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const byState = useMemo(() => {
    const m = new Map<string, DossierRow[]>();
    for (const d of q.data ?? []) m.set(d.state, [...(m.get(d.state) ?? []), d]);
    return m;
  }, [q.data]);
  const states = [...DOSSIER_STATE_ORDER, ...[...byState.keys()].filter((s) => !(DOSSIER_STATE_ORDER as readonly string[]).includes(s))];
  const current = q.data?.find((d) => d.id === selected) ?? null;
  const label = (labels: Record<string, { vi: string; en: string }>, k: string) => labels[k]?.[lang] ?? k;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("dossiers.title")}</h1>
        <a className="btn btn-ghost" href="/v1/dossiers/export?format=xlsx" download data-testid="dossier-export">
          {t("sheetImport.dossierExport")}
        </a>
        {mayCreate && !creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t("records.dossier.create")}
          </button>
        )}
      </div>
      <p className="notice" data-testid="two-tier-notice">
        {t("records.dossier.twoTier", { date: formatDate(TWO_TIER_FROM, lang) })}
      </p>
      {creating && (
        <section className="card">
          <CreateDossier
            onCreated={(id) => {
              setCreating(false);
              setSelected(id);
            }}
          />
        </section>
      )}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <Empty title={t("dossiers.empty")} />
      ) : (
        <>
          <div className="board" role="list" aria-label={t("dossiers.board")}>
            {states
              // The district appraisal column (ended 01/7/2025) shows only while a dossier still sits there.
              .filter(
                (s) => (byState.get(s)?.length ?? 0) > 0 || ((DOSSIER_STATE_ORDER as readonly string[]).includes(s) && s !== "appraised"),
              )
              .map((s) => (
                <section key={s} className="board-col" role="listitem" aria-labelledby={`col-${s}`}>
                  <h2 id={`col-${s}`}>
                    {label(DOSSIER_STATE_LABELS, s)} <span className="muted">({byState.get(s)?.length ?? 0})</span>
                  </h2>
                  {(byState.get(s) ?? []).map((d) => (
                    <button
                      key={d.id}
                      type="button"
                      className={`dossier-card ${d.id === selected ? "active" : ""}`}
                      aria-pressed={d.id === selected}
                      onClick={() => setSelected(d.id)}
                      data-testid={`dossier-${d.id}`}
                    >
                      <strong>{d.unitName ?? names.get(d.unitId) ?? d.unitId}</strong>
                      <span className="muted small">
                        {t(`tier.${d.tier}`, { defaultValue: d.tier })} · {d.year}
                      </span>
                    </button>
                  ))}
                </section>
              ))}
          </div>
          {current ? (
            <DossierDetail key={current.id} dossier={current} name={current.unitName ?? names.get(current.unitId) ?? current.unitId} />
          ) : (
            <p className="muted">{t("dossiers.pick")}</p>
          )}
        </>
      )}
    </div>
  );
}

function DossierDetail({ dossier: d, name }: { dossier: DossierRow; name: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const { can, user } = useSession();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<AvailableAction | null>(null);
  const [decisionNo, setDecisionNo] = useState("");
  const [decisionDate, setDecisionDate] = useState("");
  // The dossier's detail carries the actions the signed-in user may take, with every guard's verdict.
  const detail = useQuery({
    queryKey: ["dossier", d.id, d.version],
    // Keep showing the last answer while the new version loads, so the forms below stay mounted.
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const r = await mustWithEtag(api.GET("/v1/dossiers/{id}", { params: { path: { id: d.id } } }));
      return { actions: r.data.availableActions as unknown as AvailableAction[], etag: r.etag };
    },
  });
  const actions = { ...detail, data: detail.data?.actions };
  const label = (labels: Record<string, { vi: string; en: string }>, k: string) => labels[k]?.[lang] ?? k;

  async function run(action: string) {
    setConfirming(null);
    setBusy(true);
    setError(null);
    try {
      const etag = detail.data?.etag ?? (d.version !== undefined ? `"${d.version}"` : undefined);
      await must(
        api.POST("/v1/dossiers/{id}/transitions", {
          params: { path: { id: d.id } },
          body: {
            action: action as AvailableAction["action"],
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(takesDecision(action) ? { decisionNumber: decisionNo.trim(), decisionDate } : {}),
          },
          ...(etag ? { headers: { "if-match": etag } } : {}),
        }),
      );
      setNote("");
      setDecisionNo("");
      setDecisionDate("");
      setDone(label(RECOGNITION_ACTION_LABELS, action));
      await qc.invalidateQueries({ queryKey: ["dossiers"] });
    } catch (e) {
      setError(
        e instanceof ApiError
          ? [pickLang(e.message, lang), ...e.fieldProblems.map((f) => pickLang(f.message, lang))].join(" · ")
          : String(e),
      );
    } finally {
      setBusy(false);
    }
  }

  // Recognition and revocation are taken by a decision: its number and date are fields of the step (core decides which steps).
  const takesDecision = (action: string) => DEFAULT_RECOGNITION_CONFIG.decisionActions.includes(action as AvailableAction["action"]);
  // An action blocked only because it needs a written reason becomes possible once a note is typed.
  const needsNoteOnly = (a: AvailableAction) =>
    !a.allowed && a.reasons.length > 0 && a.reasons.every((r) => r.code === "workflow.note_required");
  const allowed = (actions.data ?? []).filter((a) => a.allowed || needsNoteOnly(a));
  const blocked = (actions.data ?? []).filter((a) => !a.allowed && !needsNoteOnly(a));
  return (
    <section className="card" aria-labelledby="dossier-h" data-testid="dossier-detail">
      <h2 id="dossier-h">
        {name} · {t(`tier.${d.tier}`, { defaultValue: d.tier })} · {d.year}
      </h2>
      <p>
        {t("dossiers.state")}: <strong data-testid="dossier-state">{label(DOSSIER_STATE_LABELS, d.state)}</strong> ·{" "}
        {t("dossiers.satisfaction")}: {d.satisfactionPercent === null ? "—" : `${formatNumber(d.satisfactionPercent, lang)}%`} ·{" "}
        {t("dossiers.debt")}: {d.capitalConstructionDebt === null ? "—" : formatMoney(d.capitalConstructionDebt, lang)}
      </p>
      <div className="grid-2">
        <div>
          <h3>{t("dossiers.actions")}</h3>
          {actions.isPending || detail.isPlaceholderData ? (
            <Loading />
          ) : actions.isError ? (
            <ErrorState error={actions.error} />
          ) : (
            <>
              {allowed.length === 0 ? (
                <p className="muted">{t("dossiers.noActions")}</p>
              ) : (
                <>
                  <label className="field">
                    <span>{t("dossiers.note")}</span>
                    <input value={note} onChange={(e) => setNote(e.target.value)} />
                  </label>
                  <div className="toolbar">
                    {allowed.map((a) => (
                      <button
                        key={a.action}
                        type="button"
                        className={`btn ${a.allowed ? "btn-primary" : ""}`}
                        disabled={busy || detail.isPlaceholderData || (needsNoteOnly(a) && !note.trim())}
                        title={needsNoteOnly(a) ? a.reasons.map((r) => formatReason(r, lang)).join("; ") : undefined}
                        onClick={() => setConfirming(a)}
                      >
                        {label(RECOGNITION_ACTION_LABELS, a.action)}
                        {needsNoteOnly(a) ? ` (${t("dossiers.needsNote")})` : ""}
                      </button>
                    ))}
                  </div>
                </>
              )}
              <ConfirmDialog
                open={confirming !== null}
                title={confirming ? label(RECOGNITION_ACTION_LABELS, confirming.action) : ""}
                confirmLabel={t("records.dossier.confirm")}
                cancelLabel={t("records.cancel")}
                busy={busy}
                confirmDisabled={!!confirming && takesDecision(confirming.action) && (!decisionNo.trim() || !decisionDate)}
                onConfirm={() => confirming && void run(confirming.action)}
                onCancel={() => setConfirming(null)}
                testId="dossier-confirm"
              >
                {confirming && (
                  <>
                    <p>
                      {t("records.dossier.willMove", {
                        name,
                        from: label(DOSSIER_STATE_LABELS, d.state),
                        to: confirming.to ? label(DOSSIER_STATE_LABELS, confirming.to) : "—",
                      })}
                    </p>
                    <p className="muted">{t("records.dossier.recorded", { who: user?.displayName ?? user?.username ?? "" })}</p>
                    {takesDecision(confirming.action) && (
                      <>
                        <label className="field">
                          <span>
                            {confirming.action === "revoke" ? t("records.dossier.revocationNumber") : t("records.dossier.decisionNumber")}
                          </span>
                          <input
                            required
                            name="decisionNumber"
                            value={decisionNo}
                            onChange={(e) => setDecisionNo(e.target.value)}
                            placeholder="125/QĐ-UBND"
                          />
                        </label>
                        <label className="field">
                          <span>{t("records.dossier.decisionDate")}</span>
                          <input
                            type="date"
                            required
                            name="decisionDate"
                            value={decisionDate}
                            onChange={(e) => setDecisionDate(e.target.value)}
                          />
                        </label>
                        {decisionNo.trim() && decisionDate && (
                          <p data-testid="dossier-decision-preview">
                            {t("records.dossier.decisionNote", { number: decisionNo.trim(), date: formatDate(decisionDate, lang) })}
                          </p>
                        )}
                      </>
                    )}
                    {note.trim() && (
                      <p>
                        {t("dossiers.note")}: {note.trim()}
                      </p>
                    )}
                  </>
                )}
              </ConfirmDialog>
              {blocked.length > 0 && (
                <>
                  <h4>{t("dossiers.blocked")}</h4>
                  <ul className="reasons" data-testid="dossier-blocked">
                    {blocked.map((a) => (
                      <li key={a.action}>
                        <strong>{label(RECOGNITION_ACTION_LABELS, a.action)}</strong>:{" "}
                        {a.reasons.map((r) => formatReason(r, lang)).join("; ")}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {done && (
                <p className="notice notice-ok" role="status">
                  {t("dossiers.done", { action: done })}
                </p>
              )}
              {error && (
                <p className="notice notice-error" role="alert">
                  {error}
                </p>
              )}
            </>
          )}
        </div>
        <div>
          {can.editValues && detail.data && (
            <DossierFacts
              key={d.id}
              dossier={d as unknown as Parameters<typeof DossierFacts>[0]["dossier"]}
              etag={detail.data.etag}
              reviewer={user?.role === "province_officer" || user?.role === "district_officer" || user?.role === "admin"}
            />
          )}
          <DossierEvaluation dossier={d} />
          <DossierAttachments
            dossierId={d.id}
            canAttach={!!user && (roleMay(user.role, "dossier.self_assess") || roleMay(user.role, "dossier.review"))}
          />
          <h3>{t("dossiers.history")}</h3>
          <DossierHistory dossierId={d.id} history={d.history} />
        </div>
      </div>
    </section>
  );
}
