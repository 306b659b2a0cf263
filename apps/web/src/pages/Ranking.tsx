import { Fragment, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { CLASSIFICATION_LEVEL_LABELS, can, formatNumber, formatReason, unitTreeFromParents } from "@ntm/core";
import { api, must, type Schemas } from "../api/client";
import { useSession } from "../auth/session";
import { Empty, ErrorState, Loading } from "../components/States";
import { YearSelect } from "../components/YearSelect";
import { DEFAULT_YEAR } from "../lib/years";
import { NoPackNotice, PackInForce } from "../components/NoPack";
import { ScoringInputsForm } from "../components/ScoringInputsForm";
import { ScoringInputsFile } from "../components/SheetImport";
import { useUnits } from "../api/queries";

type RankingResult = Schemas["Ranking"];
type Kind = "unit" | "organisation" | "person";
const KINDS: readonly Kind[] = ["unit", "organisation", "person"];

/** The annual ranking: scores with components, caps and quota moves explained; commendation and criticism candidates. */
export default function Ranking() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { user } = useSession();
  const [year, setYear] = useState(DEFAULT_YEAR);
  const [open, setOpen] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>("unit");
  const [editing, setEditing] = useState<string | null>(null);
  const units = useUnits();
  const tree = useMemo(() => unitTreeFromParents(new Map((units.data ?? []).map((u) => [u.id, u.parentId]))), [units.data]);
  // Entering scoring inputs is `plan.write` on the commune, the same check the API makes (core's policy).
  const mayEnter = (unitId: string) => kind === "unit" && !!user && can(user, "plan.write", unitId, tree);
  const q = useQuery({
    queryKey: ["ranking", user?.scopeUnitId, year, kind],
    enabled: !!user,
    queryFn: (): Promise<RankingResult> =>
      must(api.GET("/v1/units/{id}/ranking", { params: { path: { id: user?.scopeUnitId ?? "" }, query: { year, kind } } })),
  });
  const level = (l: string) => CLASSIFICATION_LEVEL_LABELS[l]?.[lang] ?? l;
  const r = q.data;
  const moved = new Set((r?.quota ?? []).flatMap((g) => g.moved));
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("ranking.title")}</h1>
        <div className="toolbar">
          <label>
            {t("ranking.kind")}{" "}
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="ranking-kind">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`ranking.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <a
            className="btn"
            href={`/v1/reports/ranking.xlsx?year=${year}&kind=${kind}&unitId=${encodeURIComponent(user?.scopeUnitId ?? "")}`}
            download
          >
            {t("ranking.export")} (XLSX)
          </a>
          <a
            className="btn"
            href={`/v1/reports/ranking.docx?year=${year}&kind=${kind}&unitId=${encodeURIComponent(user?.scopeUnitId ?? "")}`}
            download
            data-testid="ranking-docx"
          >
            {t("ranking.exportDocx")} (DOCX)
          </a>
          <YearSelect value={year} onChange={setYear} />
        </div>
      </div>
      <PackInForce unitId={user?.scopeUnitId} year={year} />
      {r && r.noPack.length > 0 && <Unranked items={r.noPack} year={year} />}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !r || r.rows.length === 0 ? (
        r && r.noPack.length > 0 ? null : (
          <Empty title={t("ranking.empty")} />
        )
      ) : (
        <>
          <p className={`notice ${r.scheme.isDefault || !r.scheme.verified ? "notice-warn" : "notice-ok"}`} data-testid="ranking-scheme">
            {t("ranking.schemeLine", { id: r.scheme.id, version: r.scheme.version, regime: r.regime.id })}{" "}
            {r.scheme.isDefault ? t("ranking.defaultScheme") : ""} {!r.scheme.verified ? t("ranking.unverifiedScheme") : ""}
          </p>
          <details className="card" data-testid="ranking-rules">
            <summary>{t("ranking.rules")}</summary>
            <ul className="reasons">
              {r.reasons.map((x, i) => (
                <li key={`g${i}`}>{formatReason(x, lang)}</li>
              ))}
            </ul>
          </details>
          <section className="card" aria-labelledby="rank-h">
            <h2 id="rank-h">{t("ranking.table", { count: r.rows.length })}</h2>
            <div className="table-wrap">
              <table className="table" data-testid="ranking-table">
                <thead>
                  <tr>
                    <th scope="col">{t("ranking.rank")}</th>
                    <th scope="col">{kind === "unit" ? t("ranking.unit") : t(`ranking.kinds.${kind}`)}</th>
                    <th scope="col">{t("ranking.score")}</th>
                    <th scope="col">{t("ranking.criteria")}</th>
                    <th scope="col">{t("ranking.band")}</th>
                    <th scope="col">{t("ranking.level")}</th>
                    <th scope="col">{t("ranking.why")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.rows.map((u) => (
                    <Fragment key={u.unitId}>
                      <tr>
                        <td className="num">{u.rank}</td>
                        <th scope="row">{u.name}</th>
                        <td className="num">{formatNumber(u.score, lang)}</td>
                        <td className="num">
                          {u.criteriaMet}
                          {u.criteriaLost > 0 && <span className="change-lost"> (−{u.criteriaLost})</span>}
                        </td>
                        <td>{level(u.bandLevel)}</td>
                        <td>
                          <strong className={u.level !== u.bandLevel ? "change-lost" : ""}>{level(u.level)}</strong>
                          {moved.has(u.unitId) && <small className="badge badge-unverified">{t("ranking.quota")}</small>}
                          {u.level !== u.bandLevel && !moved.has(u.unitId) && (
                            <small className="badge badge-not_met">{t("ranking.capped")}</small>
                          )}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="btn"
                            aria-expanded={open === u.unitId}
                            onClick={() => setOpen(open === u.unitId ? null : u.unitId)}
                          >
                            {open === u.unitId ? t("ranking.hide") : t("ranking.show")}
                          </button>
                        </td>
                      </tr>
                      {open === u.unitId && (
                        <tr className="detail-row">
                          <td colSpan={7}>
                            <div className="grid-2">
                              <div>
                                <h3>{t("ranking.components")}</h3>
                                <table className="table">
                                  <tbody>
                                    {u.components.map((c) => (
                                      <tr key={c.id}>
                                        <th scope="row">
                                          {(c.reasons[0]?.params.label as { vi: string; en: string } | undefined)?.[lang] ??
                                            t(`ranking.component.${c.id}`, { defaultValue: c.id })}
                                        </th>
                                        <td className="num">{c.value === null ? "—" : formatNumber(c.value, lang)}</td>
                                        <td className="num">
                                          {formatNumber(c.points, lang)}
                                          {c.capped && <small className="muted"> ({t("ranking.capApplied")})</small>}
                                        </td>
                                      </tr>
                                    ))}
                                  </tbody>
                                </table>
                              </div>
                              <div>
                                <h3>{t("ranking.reasons")}</h3>
                                <ul className="reasons">
                                  {[...u.reasons, ...u.facts].map((x, i) => (
                                    <li key={`r${i}`}>{formatReason(x, lang)}</li>
                                  ))}
                                </ul>
                              </div>
                            </div>
                            {kind === "unit" && (
                              <div data-testid={`entered-${u.unitId}`}>
                                <h3>{t("ranking.inputs.entered")}</h3>
                                <ul className="reasons">
                                  {u.entered.map((x, i) => (
                                    <li key={`e${i}`}>{formatReason(x, lang)}</li>
                                  ))}
                                </ul>
                                {mayEnter(u.unitId) &&
                                  (editing === u.unitId ? (
                                    <ScoringInputsForm unitId={u.unitId} unitName={u.name} year={year} onDone={() => setEditing(null)} />
                                  ) : (
                                    <button type="button" className="btn" onClick={() => setEditing(u.unitId)}>
                                      {t("ranking.inputs.open")}
                                    </button>
                                  ))}
                              </div>
                            )}
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {kind === "unit" && user && (
            <ScoringInputsFile unitId={user.scopeUnitId} year={year} canWrite={r.rows.some((row) => mayEnter(row.unitId))} />
          )}
          <div className="grid-2">
            <Candidates title={t("ranking.commendations")} items={r.commendations} rows={r.rows} lang={lang} />
            <Candidates title={t("ranking.criticisms")} items={r.criticisms} rows={r.rows} lang={lang} />
          </div>
        </>
      )}
    </div>
  );
}

function Candidates({
  title,
  items,
  rows,
  lang,
}: {
  title: string;
  items: RankingResult["commendations"];
  rows: RankingResult["rows"];
  lang: "vi" | "en";
}) {
  const { t } = useTranslation();
  const name = new Map(rows.map((r) => [r.unitId, r.name]));
  return (
    <section className="card">
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("ranking.noCandidates")}</p>
      ) : (
        <ul className="reasons">
          {items.map((c) => (
            <li key={c.unitId}>
              <strong>
                #{c.rank} {name.get(c.unitId)}
              </strong>
              : {c.reasons.map((r) => formatReason(r, lang)).join("; ")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Communes with no pack adopted for the year: listed apart, not ranked, never counted as not met. */
function Unranked({ items, year }: { items: RankingResult["noPack"]; year: number }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="unranked-h" data-testid="ranking-no-pack">
      <NoPackNotice year={year} reasons={items.flatMap((c) => c.reasons)} />
      <h2 id="unranked-h">{t("noPack.ranking", { count: items.length, year })}</h2>
      <ul className="chips">
        {items.map((c) => (
          <li key={c.unitId}>{c.name}</li>
        ))}
      </ul>
    </section>
  );
}
