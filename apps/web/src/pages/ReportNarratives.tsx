import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, mustWithEtag } from "../api/client";
import { useUnits } from "../api/queries";
import { useSession } from "../auth/session";
import { ProblemList, problemOf } from "../components/ProblemList";
import { ErrorState, Loading } from "../components/States";

const PARTS = ["shortcomings", "causes", "directions", "recommendations"] as const;
type Part = (typeof PARTS)[number];
type Narrative = Record<Part, string[]>;

/**
 * Nhận định của báo cáo: the parts of the progress report the office writes (II hạn chế, nguyên nhân; III
 * phương hướng; IV kiến nghị), per unit and report period, one paragraph per line. Saved with the version
 * it was loaded at (If-Match); the DOCX report prints what is saved.
 */
export default function ReportNarratives() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const units = useUnits();
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState(user?.scopeUnitId ?? "");
  const [period, setPeriod] = useState("2025S1");
  const [text, setText] = useState<Record<Part, string>>({ shortcomings: "", causes: "", directions: "", recommendations: "" });
  const [notice, setNotice] = useState<{ ok: true; version: number } | ({ ok: false } & ReturnType<typeof problemOf>) | null>(null);
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ["report-narratives", unitId, period],
    enabled: !!unitId && /^\d{4}(S[12]|Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(period),
    queryFn: () => mustWithEtag(api.GET("/v1/report-narratives", { params: { query: { unitId, period } } })),
  });
  useEffect(() => {
    if (!q.data) return;
    const d = q.data.data.data as Narrative;
    setText({
      shortcomings: d.shortcomings.join("\n"),
      causes: d.causes.join("\n"),
      directions: d.directions.join("\n"),
      recommendations: d.recommendations.join("\n"),
    });
  }, [q.data]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!q.data) return;
    setBusy(true);
    const lines = (s: string) =>
      s
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    try {
      const r = await mustWithEtag(
        api.PUT("/v1/report-narratives", {
          params: { query: { unitId, period } },
          body: {
            shortcomings: lines(text.shortcomings),
            causes: lines(text.causes),
            directions: lines(text.directions),
            recommendations: lines(text.recommendations),
          },
          headers: { "if-match": q.data.etag ?? '"0"' },
        }),
      );
      setNotice({ ok: true, version: r.data.version });
      await qc.invalidateQueries({ queryKey: ["report-narratives", unitId, period] });
    } catch (err) {
      setNotice({ ok: false, ...problemOf(err) });
    } finally {
      setBusy(false);
    }
  }

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorState error={units.error} />;
  const choices = units.data.filter((u) => u.level !== "hamlet");
  const docx = `/v1/reports/progress.docx?period=${encodeURIComponent(period)}&format=party&unitId=${encodeURIComponent(unitId)}`;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("narratives.title")}</h1>
      </div>
      <form className="card form" onSubmit={(e) => void save(e)} noValidate data-testid="narratives-form">
        <label className="field">
          <span>{t("narratives.unit")}</span>
          <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {choices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.id})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("narratives.period")}</span>
          <input value={period} onChange={(e) => setPeriod(e.target.value.trim())} placeholder="2025S1" />
        </label>
        {q.isError && <ErrorState error={q.error} />}
        {q.isPending && q.fetchStatus !== "idle" && <Loading />}
        {q.data && (
          <p className="muted">
            {q.data.data.version === 0
              ? t("narratives.none")
              : t("narratives.version", { version: q.data.data.version, by: q.data.data.updatedBy ?? "" })}
          </p>
        )}
        {PARTS.map((p) => (
          <label key={p} className="field">
            <span>{t(`narratives.${p}`)}</span>
            <textarea
              name={p}
              rows={5}
              value={text[p]}
              onChange={(e) => setText((o) => ({ ...o, [p]: e.target.value }))}
              disabled={!can.planWrite}
            />
          </label>
        ))}
        <p className="muted">{t("narratives.hint")}</p>
        <div className="form-actions">
          {can.planWrite && (
            <button type="submit" className="btn btn-primary" disabled={busy || !q.data}>
              {t("narratives.save")}
            </button>
          )}
          <a className="btn" href={docx}>
            {t("narratives.download")}
          </a>
        </div>
        {notice?.ok && (
          <p className="notice" role="status">
            {t("narratives.saved", { version: notice.version })}
          </p>
        )}
        {notice && !notice.ok && <ProblemList title={t("narratives.refused")} message={notice.message} problems={notice.problems} />}
      </form>
    </div>
  );
}
