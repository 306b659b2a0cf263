import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { type Action, roleMay } from "@ntm/core";
import { api, must } from "../api/client";
import { useSession } from "../auth/session";
import { pickLang } from "../lib/text";
import { problemOf } from "./ProblemList";

type Kind = "ocop" | "resources" | "housing" | "inspections" | "steering";
type Report = { dryRun: boolean; rows: number; imported: number; ids: string[] };
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/**
 * Each kind's template file name, where its file routes live, what a role needs to import it, and the
 * queries an import makes stale.
 */
const KINDS: Record<Kind, { file: string; base: string; template: string; action: Action; queryKey: string[] }> = {
  ocop: {
    file: "mau-san-pham-ocop",
    base: "/v1/ocop",
    template: "/v1/ocop/template.xlsx",
    action: "values.write",
    queryKey: ["list", "ocop"],
  },
  resources: {
    file: "mau-huy-dong-nguon-luc",
    base: "/v1/resources",
    template: "/v1/resources/template.xlsx",
    action: "values.write",
    queryKey: ["list", "resources"],
  },
  housing: {
    file: "mau-nha-o",
    base: "/v1/housing",
    template: "/v1/housing/template.xlsx",
    action: "values.write",
    queryKey: ["list", "housing"],
  },
  inspections: {
    file: "mau-kiem-tra-giam-sat",
    base: "/v1/inspections",
    template: "/v1/inspections/template.xlsx",
    action: "inspection.write",
    queryKey: ["list", "inspections"],
  },
  // The register's list and coverage both change.
  steering: {
    file: "mau-thanh-vien-ban-chi-dao",
    base: "/v1/steering-members",
    template: "/v1/steering-members/template",
    action: "plan.write",
    queryKey: ["steering"],
  },
};

/** POST /v1/{kind}/import (the register: /v1/steering-members/import) with the file as the body (the typed client's paths are literal, one per kind). */
function send(kind: Kind, file: File, dryRun: boolean): Promise<Report> {
  const xlsx = /\.xlsx$/i.test(file.name);
  const init = {
    params: { query: dryRun ? { dryRun: "1" as const } : {} },
    body: file as unknown as string,
    bodySerializer: (b: unknown) => b as Blob,
    headers: { "content-type": xlsx ? XLSX_TYPE : "text/csv" },
  } as never;
  if (kind === "ocop") return must(api.POST("/v1/ocop/import", init));
  if (kind === "resources") return must(api.POST("/v1/resources/import", init));
  if (kind === "housing") return must(api.POST("/v1/housing/import", init));
  if (kind === "steering") return must(api.POST("/v1/steering-members/import", init));
  return must(api.POST("/v1/inspections/import", init));
}

/**
 * "Xuất tệp": the records the list shows as an XLSX in the template's columns (GET /v1/{kind}/export,
 * your scope), which imports back. The server names the file (Vietnamese, with the unit and the date).
 */
export function RecordExportLink({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  return (
    <a className="btn btn-ghost" href={`${KINDS[kind].base}/export?format=xlsx`} download data-testid="record-export">
      {t("recordImport.export")}
    </a>
  );
}

/**
 * Records of a kind from a file (XLSX/CSV): the template ("Tải mẫu"), the export ("Xuất tệp"), a check of the whole file first
 * (a dry run: every bad row in a table with its row, column and message), then the import, all or
 * nothing. Shown to the roles that may write the kind (core `roleMay`).
 */
export function RecordImport({ kind }: { kind: Kind }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const { user } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<
    { step: "checked"; rows: number } | { step: "done"; imported: number } | ({ step: "refused" } & ReturnType<typeof problemOf>) | null
  >(null);
  if (!user || !roleMay(user.role, KINDS[kind].action)) return null;

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    try {
      const r = await send(kind, file, dryRun);
      setState(dryRun ? { step: "checked", rows: r.rows } : { step: "done", imported: r.imported });
      if (!dryRun) await qc.invalidateQueries({ queryKey: KINDS[kind].queryKey });
    } catch (err) {
      setState({ step: "refused", ...problemOf(err) });
    } finally {
      setBusy(false);
    }
  }

  const id = `record-import-${kind}`;
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="record-import">
      <h2 id={`${id}-h`}>{t("recordImport.title")}</h2>
      <p className="muted">{t("recordImport.hint")}</p>
      <p className="toolbar">
        <a className="btn btn-ghost" href={KINDS[kind].template} download={`${KINDS[kind].file}.xlsx`}>
          {t("recordImport.template")}
        </a>
        <a className="btn btn-ghost" href={`${KINDS[kind].template}?format=csv`} download={`${KINDS[kind].file}.csv`}>
          {t("recordImport.templateCsv")}
        </a>
        <RecordExportLink kind={kind} />
      </p>
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
          disabled={!file || busy || state?.step !== "checked"}
          onClick={() => void run(false)}
        >
          {state?.step === "checked" ? t("recordImport.importRows", { count: state.rows }) : t("recordImport.import")}
        </button>
      </div>
      {busy && <p className="muted">{t("recordImport.working")}</p>}
      {state?.step === "checked" && (
        <p className="notice notice-ok" role="status" data-testid="record-import-checked">
          {t("recordImport.checked", { count: state.rows })}
        </p>
      )}
      {state?.step === "done" && (
        <p className="notice notice-ok" role="status" data-testid="record-import-done">
          {t("recordImport.done", { count: state.imported })}
        </p>
      )}
      {state?.step === "refused" && (
        <div className="notice notice-error" role="alert" data-testid="record-import-errors">
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
