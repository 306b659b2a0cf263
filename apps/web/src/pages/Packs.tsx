import { useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { formatDate } from "@ntm/core";
import { ApiError, type FieldProblem } from "../api/http";
import { api, must, type Schemas } from "../api/client";
import { usePack, usePackSummaries } from "../api/queries";
import { PackAdoptions } from "../components/PackAdoptions";
import { incompleteCoverage, sourceRef } from "../lib/provenance";
import { fieldMessage } from "../lib/issues";
import { useSession } from "../auth/session";
import { Empty, ErrorState, Loading } from "../components/States";
import { thresholdText } from "../lib/threshold";
import { localName, pickLang } from "../lib/text";

type PackSummary = Schemas["PackSummary"];

/** The criteria packs: national and provincial, verified markers per threshold, and the upload of a provincial pack. */
export default function Packs() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { can } = useSession();
  const list = usePackSummaries();
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? list.data?.[0]?.id ?? null;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("packs.title")}</h1>
      </div>
      <p className="notice notice-warn">{t("packs.policy")}</p>
      <div className="packs-layout">
        <section className="card" aria-labelledby="packs-h">
          <h2 id="packs-h">{t("packs.list")}</h2>
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : list.data.length === 0 ? (
            <Empty title={t("packs.none")} />
          ) : (
            <ul className="pack-list" data-testid="pack-list">
              {list.data.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className={`pack-item ${p.id === current ? "active" : ""}`}
                    aria-pressed={p.id === current}
                    onClick={() => setSelected(p.id)}
                  >
                    <strong>{localName(p.title, lang)}</strong>
                    <span className="muted small">
                      {p.id} · v{p.version} · {t(`packs.level.${p.level}`, { defaultValue: p.level })} ·{" "}
                      {t(`tier.${p.tier}`, { defaultValue: p.tier })} · {t("packs.criteriaCount", { count: p.criteriaCount })}
                    </span>
                    <span className="small" data-testid={`pack-provenance-${p.id}`}>
                      {t("packsExtra.provenance", p.provenance)}
                    </span>
                    <span>
                      {p.example && <span className="badge badge-unverified">⚠ {t("unverified.example")}</span>}{" "}
                      <CoverageBadge coverage={p.coverage} />{" "}
                      <span className="badge badge-missing">{p.shipped ? t("packs.shipped") : t("packs.uploaded")}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {can.uploadPack && <PackUpload />}
        </section>
        <section className="card" aria-labelledby="pack-detail-h">
          {current ? <PackDetail id={current} summary={list.data?.find((p) => p.id === current)} /> : <Empty title={t("packs.pick")} />}
        </section>
      </div>
      {list.data && list.data.length > 0 && <PackAdoptions packs={list.data} />}
    </div>
  );
}

/** "bộ tiêu chí chưa đầy đủ (50/57 chỉ tiêu)" for a pack that encodes fewer indicators than its legal set. */
function CoverageBadge({ coverage }: { coverage: PackSummary["coverage"] | undefined }) {
  const { t } = useTranslation();
  const c = incompleteCoverage(coverage);
  return c ? <span className="badge badge-unverified">⚠ {t("packsExtra.incomplete", c)}</span> : null;
}

/** A source reference; an unread legal text is said so in the reader's language (not the packs' English marker). */
function SourceRef({ text }: { text: string | undefined }) {
  const { t } = useTranslation();
  const s = sourceRef(text);
  return (
    <>
      {s.ref}
      {s.notRetrieved && <small className="badge badge-unverified">{t("packsExtra.notRetrieved")}</small>}
    </>
  );
}

function PackDetail({ id, summary }: { id: string; summary: PackSummary | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const q = usePack(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} />;
  const p = q.data;
  const all = p.criteria.flatMap((c) => c.indicators);
  const unverified = all.filter((i) => !i.verified).length;
  return (
    <>
      <h2 id="pack-detail-h">{localName(p.title, lang)}</h2>
      <p className="muted">
        {p.legalBasis?.map((b, k) => (
          <span key={`${b.ref}-${k}`}>
            {k > 0 && "; "}
            <SourceRef text={b.ref} />
            {b.date ? ` (${formatDate(b.date, lang)})` : ""}
          </span>
        ))}
        {p.example ? ` · ${t("unverified.example")}` : ""}
      </p>
      <p data-testid="pack-verified">
        <strong>{t("packs.verifiedCount", { verified: all.length - unverified, total: all.length })}</strong>
      </p>
      {summary && (
        <p data-testid="pack-provenance">
          {t("packsExtra.provenance", summary.provenance)} <CoverageBadge coverage={summary.coverage} />
        </p>
      )}
      {summary?.coverage && incompleteCoverage(summary.coverage) && summary.coverage.note && (
        <p className="muted small">{localName(summary.coverage.note, lang)}</p>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("commune.indicator")}</th>
              <th scope="col">{t("packs.threshold")}</th>
              <th scope="col">{t("packs.verified")}</th>
              <th scope="col">{t("packs.source")}</th>
            </tr>
          </thead>
          {p.criteria.map((c) => (
            <tbody key={c.id}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={4}>
                  {c.id}. {localName(c.name, lang)}
                </th>
              </tr>
              {c.indicators.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <span className="ind-id">{i.id}</span> {localName(i.name, lang)}
                  </th>
                  <td>
                    {i.threshold && !("all" in i.threshold && i.threshold.all === null) ? (
                      thresholdText(i.threshold, i.comparator ?? ">=", lang)
                    ) : (
                      <span className="muted">{t("packsExtra.unknownThreshold")}</span>
                    )}
                  </td>
                  <td>
                    {i.verified ? (
                      <span className="badge badge-met">✓ {t("packs.yes")}</span>
                    ) : (
                      <span className="badge badge-unverified" title={t("unverified.tooltip")}>
                        ⚠ {i.verifiedVariants?.length ? t("packs.partly", { list: i.verifiedVariants.join(", ") }) : t("unverified.short")}
                      </span>
                    )}
                  </td>
                  <td className="small">
                    <SourceRef text={i.source?.ref} />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}

function PackUpload() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; id: string } | { ok: false; message: string; fields: FieldProblem[] } | null>(null);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setResult(null);
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch (err) {
      setResult({
        ok: false,
        message: t("packs.badJson", { file: file.name, error: err instanceof Error ? err.message : String(err) }),
        fields: [],
      });
      return;
    }
    setBusy(true);
    try {
      const r = await must(api.POST("/v1/packs", { body: doc as Record<string, unknown> }));
      setResult({ ok: true, id: r.id });
      await qc.invalidateQueries({ queryKey: ["packs"] });
    } catch (err) {
      if (err instanceof ApiError) setResult({ ok: false, message: pickLang(err.message, lang), fields: err.fieldProblems });
      else setResult({ ok: false, message: String(err), fields: [] });
    } finally {
      setBusy(false);
      e.target.value = "";
    }
  }

  return (
    <div className="pack-upload">
      <h3>{t("packs.upload")}</h3>
      <p className="muted small">{t("packs.uploadHint")}</p>
      <label className="field">
        <span>{t("packs.file")}</span>
        <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} disabled={busy} />
      </label>
      {busy && <progress aria-label={t("state.working")} />}
      {result?.ok && (
        <p className="notice notice-ok" role="status">
          {t("packs.uploaded_ok", { id: result.id })}
        </p>
      )}
      {result && !result.ok && (
        <div className="notice notice-error" role="alert" data-testid="pack-errors">
          <p>{result.message}</p>
          {result.fields.length > 0 && (
            <ul>
              {result.fields.map((f, k) => (
                <li key={k}>
                  <code>{f.path}</code>: {fieldMessage(f, lang)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
