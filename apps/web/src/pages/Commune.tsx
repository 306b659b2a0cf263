import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "wouter";
import { formatNumber, formatReason, type IndicatorResult } from "@ntm/core";
import { NoPackError, useCommune } from "../api/commune";
import { NoPackNotice } from "../components/NoPack";
import type { Unit } from "../api/types";
import { CommuneTrend } from "../components/CommuneTrend";
import { useSession } from "../auth/session";
import { StatusBadge, TierBadge, UnverifiedMarker } from "../components/Badges";
import { Empty, ErrorState, Loading } from "../components/States";
import { localName } from "../lib/text";
import { booleanWords } from "../lib/fields";
import { YEARS } from "../lib/years";

const CMP: Record<string, string> = { ">=": "≥", "<=": "≤", "==": "=" };

function show(v: number | boolean | null | undefined, lang: "vi" | "en", required?: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return v ? booleanWords(required, lang).yes : booleanWords(required, lang).no;
  return formatNumber(v, lang);
}

/** A commune: every criterion and indicator, the changes since last year, revocation, hamlets and the gap. */
export default function Commune() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { id } = useParams<{ id: string }>();
  const { can } = useSession();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [openAll, setOpenAll] = useState<boolean | null>(null);
  const q = useCommune(id, year);
  const names = useMemo(() => {
    const m = new Map<string, { name: { vi: string; en: string }; unit?: string; kind?: string }>();
    for (const c of [...(q.data?.gapPack?.criteria ?? []), ...(q.data?.pack?.criteria ?? [])]) {
      m.set(c.id, { name: c.name });
      for (const i of c.indicators) m.set(i.id, { name: i.name, kind: i.kind, ...(i.unit ? { unit: i.unit } : {}) });
    }
    return m;
  }, [q.data?.pack, q.data?.gapPack]);

  if (q.isPending) return <Loading />;
  if (q.isError)
    return q.error instanceof NoPackError ? (
      <CommuneNoPack e={q.error} onYear={setYear} />
    ) : (
      <ErrorState error={q.error} onRetry={() => void q.refetch()} />
    );
  const { unit, ancestors, hamlets, evaluation: ev, yoy, revocation, gap, gapPack, notes } = q.data;
  const label = (cid: string) => localName(names.get(cid)?.name, lang) || cid;
  const fmtValue = (i: IndicatorResult, v: number | boolean | null) => {
    const u = names.get(i.id)?.unit ?? (names.get(i.id)?.kind === "percent" ? "%" : "");
    const s = show(v, lang, i.required);
    return s !== "—" && typeof v === "number" && u ? `${s}${u === "%" ? "%" : ` ${u}`}` : s;
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="crumbs">
            {ancestors.map((a, i) => (
              <span key={a.id}>
                {i > 0 && " › "}
                {can.overview && a.level !== "hamlet" ? <Link href={`/overview/${encodeURIComponent(a.id)}`}>{a.name}</Link> : a.name}
              </span>
            ))}
          </p>
          <h1 data-testid="commune-name">{unit.name}</h1>
          <p className="muted" data-testid="pack-in-force">
            {t("commune.packLine", {
              pack: q.data.pack?.title ? `${localName(q.data.pack.title, lang)} (${ev.packId})` : ev.packId,
              year: ev.year,
            })}
            {ev.variant ? ` · ${t("commune.variant", { v: ev.variant })}` : ""}
          </p>
        </div>
        <div className="toolbar">
          <CommuneYear value={year ?? ev.year} years={q.data.years} onChange={setYear} />
          <a className="btn" href={`/v1/units/${encodeURIComponent(unit.id)}/criteria-sheet.pdf?year=${ev.year}`} download>
            {t("export.sheet")} (PDF)
          </a>
          {can.editValues && (
            <Link className="btn btn-primary" href={`/data-entry/${encodeURIComponent(unit.id)}?year=${ev.year}`}>
              {t("commune.edit")}
            </Link>
          )}
        </div>
      </div>

      <div className="stats">
        <div className="stat">
          <span className="stat-label">{t("commune.status")}</span>
          <StatusBadge status={ev.status} />
        </div>
        <div className="stat">
          <span className="stat-label">{t("commune.criteriaMet")}</span>
          <strong className="stat-value" data-testid="criteria-met">
            {ev.criteriaMet}/{ev.criteriaTotal}
          </strong>
        </div>
        <div className="stat">
          <span className="stat-label">{t("commune.tierEvaluated")}</span>
          <TierBadge tier={q.data.tierReached} />
        </div>
        <div className="stat">
          <span className="stat-label">{t("commune.unverified")}</span>
          {ev.example || ev.unverifiedCount > 0 ? (
            <UnverifiedMarker example={ev.example} count={ev.unverifiedCount} />
          ) : (
            <span>{t("commune.allVerified")}</span>
          )}
        </div>
      </div>

      <div className="grid-2">
        <section className="card" aria-labelledby="yoy-h">
          <h2 id="yoy-h">{t("commune.yoyTitle")}</h2>
          {!yoy ? (
            <p className="muted">{t("commune.noPrevious")}</p>
          ) : yoy.gained.length + yoy.lost.length + yoy.other.length === 0 ? (
            <p className="muted">{t("commune.noChange", { from: yoy.fromYear, to: yoy.toYear })}</p>
          ) : (
            <ul className="changes" data-testid="yoy">
              {yoy.lost.map((c) => (
                <li key={`l${c.criterionId}`} className="change-lost">
                  ▼ {t("commune.lost")}: {c.criterionId} {label(c.criterionId)}
                </li>
              ))}
              {yoy.gained.map((c) => (
                <li key={`g${c.criterionId}`} className="change-gained">
                  ▲ {t("commune.gained")}: {c.criterionId} {label(c.criterionId)}
                </li>
              ))}
              {yoy.other.map((c) => (
                <li key={`o${c.criterionId}`}>
                  • {c.criterionId} {label(c.criterionId)}: {t(`status.${c.from}`)} → {t(`status.${c.to}`)}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className={`card ${revocation.revoke ? "card-danger" : ""}`} aria-labelledby="rev-h">
          <h2 id="rev-h">{t("commune.revocationTitle")}</h2>
          <p data-testid="revocation">
            <strong>{revocation.revoke ? t("commune.revoke") : t("commune.noRevoke")}</strong> (
            {t("commune.failedShare", { pct: formatNumber(Math.round(revocation.failedShare * 1000) / 10, lang) })})
          </p>
          <ul className="reasons">
            {revocation.reasons.map((r, i) => (
              <li key={i}>{formatReason(r, lang)}</li>
            ))}
          </ul>
        </section>
      </div>

      <CommuneTrend unitId={unit.id} />

      <section className="card" aria-labelledby="gap-h">
        <h2 id="gap-h">
          {gap?.met
            ? t("commune.tierTitle")
            : gapPack && gapPack.id !== ev.packId
              ? t("commune.gapNextTitle", { pack: localName(gapPack.title, lang) })
              : t("commune.gapTitle")}
        </h2>
        {!gap ? (
          <Empty title={t("commune.noGap")} />
        ) : gap.met ? (
          <p>
            {gapPack && gapPack.id !== ev.packId ? t("commune.topTier", { pack: localName(gapPack.title, lang) }) : t("commune.gapMet")}
          </p>
        ) : (
          <ul className="gap-list" data-testid="gap">
            {gap.criteriaToGain.length > 0 && (
              <li>{t("commune.toGain", { list: gap.criteriaToGain.map((c) => `${c} ${label(c)}`).join("; ") })}</li>
            )}
            {gap.notMet.map((g) => (
              <li key={g.id}>
                {g.id} {label(g.id)}:{" "}
                {t("commune.gapLine", {
                  actual: show(g.actual, lang, g.required),
                  cmp: CMP[g.comparator] ?? g.comparator,
                  required: show(g.required, lang, g.required),
                })}
              </li>
            ))}
            {gap.missing.length > 0 && <li>{t("commune.missingList", { list: gap.missing.join(", ") })}</li>}
            {gap.unknownThreshold.length > 0 && <li>{t("commune.unknownList", { list: gap.unknownThreshold.join(", ") })}</li>}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="crit-h">
        <div className="section-head">
          <h2 id="crit-h">{t("commune.criteriaTitle")}</h2>
          <div className="toolbar">
            <button type="button" className="btn" onClick={() => setOpenAll(true)}>
              {t("commune.expandAll")}
            </button>
            <button type="button" className="btn" onClick={() => setOpenAll(false)}>
              {t("commune.collapseAll")}
            </button>
          </div>
        </div>
        {ev.criteria.length === 0 ? (
          <Empty title={t("commune.noCriteria")} />
        ) : (
          <div className="criteria">
            {ev.criteria.map((c) => (
              <details
                key={`${c.id}-${String(openAll)}`}
                className={`criterion crit-${c.status}`}
                open={openAll ?? c.status !== "met"}
                data-testid={`criterion-${c.id}`}
              >
                <summary>
                  <span className="crit-id">{c.id}</span>
                  <span className="crit-name">
                    {label(c.id)}
                    {c.key && <small className="badge badge-key">{t("commune.key")}</small>}
                  </span>
                  <StatusBadge status={c.status} />
                </summary>
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t("commune.indicator")}</th>
                        <th scope="col">{t("commune.actual")}</th>
                        <th scope="col">{t("commune.required")}</th>
                        <th scope="col">{t("commune.gap")}</th>
                        <th scope="col">{t("commune.statusCol")}</th>
                        <th scope="col">{t("commune.reason")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.indicators.map((i) => (
                        <tr key={i.id} data-testid={`indicator-${i.id}`}>
                          <th scope="row">
                            <span className="ind-id">{i.id}</span> {label(i.id) !== i.id ? label(i.id) : ""}
                            {i.derived && <small className="muted"> ({t("commune.derived")})</small>}
                          </th>
                          <td className="num">{fmtValue(i, i.actual)}</td>
                          <td className="num">
                            {i.required === null ? "—" : `${CMP[i.comparator] ?? i.comparator} ${fmtValue(i, i.required)}`}
                            {!i.verified && (
                              <span
                                className="unverified-dot"
                                role="img"
                                title={t("unverified.tooltip")}
                                aria-label={t("unverified.short")}
                              >
                                {" "}
                                ⚠
                              </span>
                            )}
                          </td>
                          <td className="num">{i.gap === undefined || i.gap === 0 ? "" : formatNumber(i.gap, lang)}</td>
                          <td>
                            <StatusBadge status={i.status} />
                          </td>
                          <td className="reason">
                            {i.reasons.map((r, k) => (
                              <span key={k} className="reason-line">
                                {formatReason(r, lang)}
                              </span>
                            ))}
                            {notes[i.id] && (
                              <span className="reason-line evidence-note" data-testid={`note-${i.id}`}>
                                <small className="muted">{t("commune.evidence")}:</small> {notes[i.id]}
                              </span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            ))}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="hamlets-h">
        <h2 id="hamlets-h">{t("commune.hamletsTitle", { count: hamlets.length })}</h2>
        {hamlets.length === 0 ? (
          <p className="muted">{t("commune.noHamlets")}</p>
        ) : (
          <ul className="chips">
            {hamlets.map((h) => (
              <li key={h.id}>
                {h.name}
                {h.flags && h.flags.length > 0 ? <small className="muted"> ({h.flags.join(", ")})</small> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The commune page's year picker: the programme years and the years the commune has values for. */
function CommuneYear({ value, years, onChange }: { value: number; years: readonly number[]; onChange: (y: number) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field-inline">
      <span>{t("common.year")}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {[...new Set([...YEARS, ...years])].sort().map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A commune in a year with no pack adopted: its name, the other years, and the reason; no verdict. */
function CommuneNoPack({ e, onYear }: { e: NoPackError; onYear: (y: number) => void }) {
  const { can } = useSession();
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="crumbs">
            {e.ancestors.map((a: Unit, i) => (
              <span key={a.id}>
                {i > 0 && " › "}
                {can.overview && a.level !== "hamlet" ? <Link href={`/overview/${encodeURIComponent(a.id)}`}>{a.name}</Link> : a.name}
              </span>
            ))}
          </p>
          <h1 data-testid="commune-name">{e.unit.name}</h1>
        </div>
        <div className="toolbar">
          <CommuneYear value={e.year} years={e.years} onChange={onYear} />
        </div>
      </div>
      <NoPackNotice year={e.year} reasons={e.reasons} />
    </div>
  );
}
