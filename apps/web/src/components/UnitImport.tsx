import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { api, must } from "../api/client";
import { invalidateUnits } from "../api/queries";
import { ProblemList, problemOf } from "./ProblemList";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The unit tree from a file: template downloads (CSV, XLSX) and an all-or-nothing upload whose report
 * says what was created, changed or left as it was; a refused file lists its rows and columns.
 */
export function UnitImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<
    { ok: true; rows: number; created: number; updated: number; unchanged: number } | ({ ok: false } & ReturnType<typeof problemOf>) | null
  >(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const xlsx = /\.xlsx$/i.test(file.name);
      const r = await must(
        api.POST("/v1/units/import", {
          params: { query: { format: xlsx ? "xlsx" : "csv" } },
          body: file as unknown as string,
          bodySerializer: (b: unknown) => b as Blob,
          headers: { "content-type": xlsx ? XLSX_TYPE : "text/csv" },
        }),
      );
      setResult({ ok: true, rows: r.rows, created: r.created.length, updated: r.updated.length, unchanged: r.unchanged.length });
      await invalidateUnits(qc);
    } catch (err) {
      setResult({ ok: false, ...problemOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="unit-import-h" data-testid="unit-import">
      <h2 id="unit-import-h">{t("unitImport.title")}</h2>
      <p className="muted">{t("unitImport.hint")}</p>
      <p className="toolbar">
        <a className="btn btn-ghost" href="/v1/units/template?format=csv" download="mau-don-vi.csv">
          {t("unitImport.templateCsv")}
        </a>
        <a className="btn btn-ghost" href="/v1/units/template?format=xlsx" download="mau-don-vi.xlsx">
          {t("unitImport.templateXlsx")}
        </a>
      </p>
      <form className="bulk-form" onSubmit={submit}>
        <label className="field">
          <span>{t("unitImport.file")}</span>
          <input
            type="file"
            name="unit-file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!file || busy}>
          {busy ? t("unitImport.uploading") : t("unitImport.upload")}
        </button>
      </form>
      {result?.ok && (
        <p className="notice notice-ok" role="status" data-testid="unit-import-done">
          {t("unitImport.done", result)}
        </p>
      )}
      {result && !result.ok && (
        <ProblemList title={t("unitImport.failed")} message={result.message} problems={result.problems} testId="unit-import-errors" />
      )}
    </section>
  );
}
