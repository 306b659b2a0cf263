import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { ApiError, type FieldProblem } from "../api/http";
import { api, must } from "../api/client";
import { pickLang } from "../lib/text";
import { useSession } from "../auth/session";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Bulk upload of indicator values (CSV or XLSX) into the selected year, with the API's row-level error
 * report (a row of another year is refused) and the year's template to download.
 */
export function BulkUpload({ year, unitId }: { year: number; unitId?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  // The template covers the officer's whole scope (every commune in it), else the selected commune.
  const scope = user?.scopeUnitId ?? unitId;
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<
    { ok: true; count: number; unitYears: number; years: number[] } | { ok: false; message: string; rows: FieldProblem[] } | null
  >(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const xlsx = /\.xlsx$/i.test(file.name);
      // The file goes as the request body, as is (the API reads CSV text or XLSX bytes).
      const r = await must(
        api.POST("/v1/values/import", {
          params: { query: { format: xlsx ? "xlsx" : "csv", year } },
          body: file as unknown as string,
          bodySerializer: (b: unknown) => b as Blob,
          headers: { "content-type": xlsx ? XLSX_TYPE : "text/csv" },
        }),
      );
      setResult({ ok: true, count: r.rows, unitYears: r.unitYears, years: r.years });
      await qc.invalidateQueries();
    } catch (err) {
      if (err instanceof ApiError) setResult({ ok: false, message: pickLang(err.message, lang), rows: err.fieldProblems });
      else setResult({ ok: false, message: err instanceof Error ? err.message : String(err), rows: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="bulk-h">
      <h2 id="bulk-h">{t("bulk.titleYear", { year })}</h2>
      <p className="muted">{t("bulk.hint")}</p>
      <p className="muted">{t("bulk.yearHint", { year })}</p>
      {scope && (
        <p className="toolbar">
          <a className="btn" href={`/v1/units/${encodeURIComponent(scope)}/values-template?year=${year}&format=xlsx`} download>
            {t("bulk.templateXlsx", { year })}
          </a>
          <a className="btn" href={`/v1/units/${encodeURIComponent(scope)}/values-template?year=${year}&dialect=vi`} download>
            {t("bulk.templateCsv", { year })}
          </a>
        </p>
      )}
      <form className="bulk-form" onSubmit={submit}>
        <label className="field">
          <span>{t("bulk.file")}</span>
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!file || busy}>
          {busy ? t("bulk.uploading") : t("bulk.upload")}
        </button>
        {busy && <progress aria-label={t("bulk.uploading")} />}
      </form>
      {result?.ok && (
        <p className="notice notice-ok" role="status">
          {t("bulk.doneYears", { count: result.count, unitYears: result.unitYears, years: result.years.join(", ") })}
        </p>
      )}
      {result && !result.ok && (
        <div className="notice notice-error" role="alert" data-testid="bulk-errors">
          <p>
            <strong>{t("bulk.failed")}</strong> {result.message}
          </p>
          {result.rows.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("bulk.row")}</th>
                    <th scope="col">{t("bulk.column")}</th>
                    <th scope="col">{t("bulk.message")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((r, i) => (
                    <tr key={i}>
                      <td className="num">{r.row ?? "—"}</td>
                      <td>{r.column ?? r.path}</td>
                      <td>{pickLang(r.message, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
