import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { type Schemas, api, must } from "../api/client";
import { pickLang } from "../lib/text";
import { problemOf } from "./ProblemList";

/** What the server answers a sheet import: how many things the file changes, and which. */
export type SheetReport = { dryRun: boolean; changed: string[]; unchanged: number };

/**
 * A file of values kept per existing thing (a plan's task progress, the communes' scoring inputs), the
 * way RecordImport handles record files: the pre-filled template ("Tải mẫu"), the export, a check of the
 * whole file first (a dry run: every bad row in a table with its row, column and message), then the
 * import, all or nothing. The import controls only when `canWrite`.
 */
export function SheetImport(props: {
  id: string;
  title: string;
  hint: string;
  /** The template's and export's URL without `format`. */
  templateHref: string;
  exportHref: string;
  canWrite: boolean;
  send: (file: File, dryRun: boolean) => Promise<SheetReport>;
  onDone: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<
    | { step: "checked"; changed: string[]; unchanged: number }
    | { step: "done"; changed: string[] }
    | ({ step: "refused" } & ReturnType<typeof problemOf>)
    | null
  >(null);
  const { id } = props;

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    try {
      const r = await props.send(file, dryRun);
      setState(dryRun ? { step: "checked", changed: r.changed, unchanged: r.unchanged } : { step: "done", changed: r.changed });
      if (!dryRun) await props.onDone();
    } catch (err) {
      setState({ step: "refused", ...problemOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid={id}>
      <h2 id={`${id}-h`}>{props.title}</h2>
      <p className="muted">{props.hint}</p>
      <p className="toolbar">
        <a className="btn btn-ghost" href={`${props.templateHref}?format=xlsx`} download>
          {t("recordImport.template")}
        </a>
        <a className="btn btn-ghost" href={`${props.templateHref}?format=csv`} download>
          {t("recordImport.templateCsv")}
        </a>
        <a className="btn btn-ghost" href={`${props.exportHref}?format=xlsx`} download data-testid={`${id}-export`}>
          {t("recordImport.export")}
        </a>
      </p>
      {props.canWrite && (
        <div className="bulk-form">
          <label className="field">
            <span>{t("recordImport.file")}</span>
            <input
              type="file"
              name={`${id}-file`}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setState(null);
              }}
            />
          </label>
          <button type="button" className="btn" disabled={!file || busy} onClick={() => void run(true)}>
            {t("recordImport.check")}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!file || busy || state?.step !== "checked" || state.changed.length === 0}
            onClick={() => void run(false)}
          >
            {state?.step === "checked" ? t("sheetImport.importRows", { count: state.changed.length }) : t("recordImport.import")}
          </button>
        </div>
      )}
      {busy && <p className="muted">{t("recordImport.working")}</p>}
      {state?.step === "checked" && (
        <p className="notice notice-ok" role="status" data-testid={`${id}-checked`}>
          {t("sheetImport.checked", { count: state.changed.length, unchanged: state.unchanged, list: state.changed.join(", ") })}
        </p>
      )}
      {state?.step === "done" && (
        <p className="notice notice-ok" role="status" data-testid={`${id}-done`}>
          {t("sheetImport.done", { count: state.changed.length, list: state.changed.join(", ") })}
        </p>
      )}
      {state?.step === "refused" && (
        <div className="notice notice-error" role="alert" data-testid={`${id}-errors`}>
          <p>
            <strong>{t("recordImport.refused")}</strong> {pickLang(state.message, lang)}
          </p>
          {state.problems.length > 0 && (
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
                  {state.problems.map((p, i) => (
                    <tr key={i}>
                      <td className="num">{p.row ?? "—"}</td>
                      <td>{p.column ?? "—"}</td>
                      <td>{pickLang(p.message, lang)}</td>
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

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The request init of a file body (the typed client sends it as is). */
const fileInit = (file: File, dryRun: boolean, path: Record<string, unknown>) =>
  ({
    params: { path, query: dryRun ? { dryRun: "1" as const } : {} },
    body: file as unknown as string,
    bodySerializer: (b: unknown) => b as Blob,
    headers: { "content-type": /\.xlsx$/i.test(file.name) ? XLSX_TYPE : "text/csv" },
  }) as never;

/**
 * The plan board's progress file: template pre-filled with the tasks, export, and the import of many
 * tasks' progress at once (POST /v1/plans/{id}/progress/import).
 */
export function TaskProgressFile({ planId, canWrite }: { planId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const base = `/v1/plans/${encodeURIComponent(planId)}/progress`;
  return (
    <SheetImport
      id="task-progress-file"
      title={t("sheetImport.progressTitle")}
      hint={t("sheetImport.progressHint")}
      templateHref={`${base}/template`}
      exportHref={`${base}/export`}
      canWrite={canWrite}
      send={async (file, dryRun) => {
        const r: Schemas["TaskProgressImportReport"] = await must(
          api.POST("/v1/plans/{id}/progress/import", fileInit(file, dryRun, { id: planId })),
        );
        return { dryRun: r.dryRun, changed: r.codes, unchanged: r.unchanged };
      }}
      onDone={() => qc.invalidateQueries({ queryKey: ["plan", planId] })}
    />
  );
}

/**
 * The ranking page's scoring inputs file of the communes under a unit for a year (POST
 * /v1/units/{id}/scoring-inputs/{year}/import).
 */
export function ScoringInputsFile({ unitId, year, canWrite }: { unitId: string; year: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const base = `/v1/units/${encodeURIComponent(unitId)}/scoring-inputs/${year}`;
  return (
    <SheetImport
      id="scoring-inputs-file"
      title={t("sheetImport.scoringTitle", { year })}
      hint={t("sheetImport.scoringHint")}
      templateHref={`${base}/template`}
      exportHref={`${base}/export`}
      canWrite={canWrite}
      send={async (file, dryRun) => {
        const r: Schemas["ScoringInputsImportReport"] = await must(
          api.POST("/v1/units/{id}/scoring-inputs/{year}/import", fileInit(file, dryRun, { id: unitId, year })),
        );
        return { dryRun: r.dryRun, changed: r.unitIds, unchanged: r.unchanged };
      }}
      onDone={() => qc.invalidateQueries({ queryKey: ["ranking"] })}
    />
  );
}
