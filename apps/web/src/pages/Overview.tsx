import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "wouter";
import { formatNumber, formatReason } from "@ntm/core";
import { useSession } from "../auth/session";
import { useOverview, useUnits } from "../api/queries";
import { Empty, ErrorState, Loading } from "../components/States";
import { YearSelect } from "../components/YearSelect";
import { PublishControl } from "../components/PublishControl";
import { UnverifiedMarker } from "../components/Badges";
import { HeatLegend, HeatMap } from "../components/HeatMap";
import { EChart } from "../components/EChart";
import { countByTier, countUndetermined, filterCommunes, TIER_BUCKETS, type CommuneSort, type TierBucket } from "../lib/rollup";
import { DEFAULT_YEAR } from "../lib/years";
import { NoPackNotice, usePackName } from "../components/NoPack";

const LOST_PREVIEW = 20;
const TIER_COLORS: Record<string, string> = {
  none: "#b8bec6",
  standard: "#2f7d4f",
  advanced: "#1f5fa8",
  model: "#7a3fa0",
  modern: "#b5651d",
  noPack: "#e0b84c",
};

/** A bar of the tier charts: a tier bucket, or the communes with no pack adopted (their own category, never "Chưa đạt"). */
type Bucket = TierBucket | "noPack";
const bucketsOf = (noPack: number): Bucket[] => [...TIER_BUCKETS, ...(noPack > 0 ? (["noPack"] as const) : [])];
const bucketLabel = (t: (key: string) => string, k: Bucket) => (k === "noPack" ? t("noPack.bucket") : t(`tier.${k}`));

/** The overview of a province or district: tiers, heat map, programme targets, criteria lost. */
export default function Overview() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { user, can } = useSession();
  const params = useParams<{ unitId?: string }>();
  const [, navigate] = useLocation();
  const unitId = params.unitId ?? user?.scopeUnitId;
  const [year, setYear] = useState<number>(DEFAULT_YEAR);
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<CommuneSort>("name");
  const [showAllLost, setShowAllLost] = useState(false);
  const units = useUnits();
  const { rollup, view: data, lostReady, trend: trendData, trendPending } = useOverview(unitId, year, units.isError ? [] : units.data);
  const rows = useMemo(() => (data ? filterCommunes(data.communes, query, sort) : []), [data, query, sort]);
  const tiers = useMemo(() => (data ? countByTier(data.communes) : null), [data]);
  // Communes that cannot be judged yet: their own categories, never counted as "Chưa đạt chuẩn".
  const undetermined = useMemo(() => (data ? countUndetermined(data.communes) : null), [data]);
  const areas = (units.data ?? []).filter((u) => u.level === "province" || u.level === "district");
  const lost = useMemo(() => (data ? data.communes.filter((c) => (c.lost?.length ?? 0) > 0) : []), [data]);
  const packName = usePackName();
  // Communes with no pack adopted for the year: their own category, never counted as "Chưa đạt".
  const noPack = rollup.data?.noPack ?? { count: 0, communes: [] };
  const noPackReasons = useMemo(() => noPack.communes.flatMap((c) => c.reasons), [noPack]);
  const buckets = bucketsOf(noPack.count);
  const bucketCount = (k: Bucket) => (k === "noPack" ? noPack.count : (tiers?.[k] ?? 0));

  const option = useMemo(() => {
    if (!tiers) return null;
    const count = (k: Bucket) => (k === "noPack" ? noPack.count : tiers[k]);
    const bars = bucketsOf(noPack.count);
    return {
      aria: { enabled: true },
      tooltip: { trigger: "item" },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: bars.map((k) => bucketLabel(t, k)), inverse: true },
      series: [
        {
          type: "bar",
          name: t("overview.communes"),
          data: bars.map((k) => ({ value: count(k), itemStyle: { color: TIER_COLORS[k] } })),
          label: { show: true, position: "right" },
        },
      ],
    };
  }, [tiers, noPack.count, t]);

  const trendOption = useMemo(
    () =>
      trendData && trendData.length > 1
        ? {
            aria: { enabled: true },
            tooltip: { trigger: "axis" },
            legend: { bottom: 0, type: "scroll" },
            grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
            xAxis: { type: "category", data: trendData.map((r) => String(r.year)) },
            yAxis: { type: "value", minInterval: 1 },
            series: [
              ...[...TIER_BUCKETS, "noPack" as const].map((k) => ({
                type: "bar",
                stack: "tiers",
                name: bucketLabel(t, k),
                itemStyle: { color: TIER_COLORS[k] },
                data: trendData.map((r) => r[k]),
              })),
              // Not judged yet (chưa có số liệu, chưa rõ ngưỡng): their own series, never in "Chưa đạt chuẩn".
              ...(["missing", "unknown_threshold"] as const).map((k) => ({
                type: "bar",
                stack: "tiers",
                name: t(`overview.undetermined.${k}`),
                itemStyle: { color: k === "missing" ? "#9aa3ad" : "#d9a93a", decal: { symbol: "rect" } },
                data: trendData.map((r) => r.undetermined?.[k] ?? 0),
              })),
            ],
          }
        : null,
    [trendData, t],
  );
  const exportHref = (what: "values" | "evaluations", format: "csv" | "xlsx") =>
    // CSV for Vietnamese Excel (`;`, decimal comma, BOM); the machine CSV stays available through the API.
    `/v1/units/${encodeURIComponent(unitId ?? "")}/export/${what}?year=${year}&format=${format}${format === "csv" ? "&dialect=vi" : ""}`;

  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {t("overview.title")}
          {data?.unitName ? `: ${data.unitName}` : ""}
        </h1>
        <div className="toolbar">
          {areas.length > 1 && (
            <label className="field-inline">
              <span>{t("overview.area")}</span>
              <select value={unitId ?? ""} onChange={(e) => navigate(`/overview/${encodeURIComponent(e.target.value)}`)}>
                {areas.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.level === "district" ? "— " : ""}
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <YearSelect value={year} onChange={setYear} />
        </div>
      </div>
      {can.publishResults && unitId && units.data && (
        <PublishControl
          unitId={unitId}
          unitName={data?.unitName ?? units.data.find((u) => u.id === unitId)?.name ?? unitId}
          year={year}
          units={units.data}
        />
      )}
      {rollup.isPending ? (
        <Loading />
      ) : rollup.isError ? (
        <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : !data || (data.communes.length === 0 && noPack.count === 0) ? (
        <Empty title={t("overview.empty")} hint={t("overview.emptyHint")} />
      ) : (
        <>
          {rollup.data?.packId && (
            <p className="muted" data-testid="pack-in-force">
              {t("noPack.packLine", { year, pack: packName(rollup.data.packId) })}
              {rollup.data.ladder.length > 1 &&
                ` · ${t("noPack.ladderLine", { list: rollup.data.ladder.map((l) => `${t(`tier.${l.tier}`)}: ${l.packId}`).join("; ") })}`}
            </p>
          )}
          {noPack.count > 0 && (
            <NoPackNotice year={year} reasons={noPackReasons} detail={t("noPack.count", { count: noPack.count, year })} />
          )}
          {(data.example || (data.unverifiedCount ?? 0) > 0) && (
            <p className="notice notice-warn" data-testid="unverified-notice">
              <UnverifiedMarker
                {...(data.example !== undefined ? { example: data.example } : {})}
                {...(data.unverifiedCount !== undefined ? { count: data.unverifiedCount } : {})}
              />{" "}
              {data.example ? t("unverified.exampleLong") : t("unverified.long")}
            </p>
          )}
          <div className="grid-2">
            <section className="card" aria-labelledby="tiers-h">
              <h2 id="tiers-h">{t("overview.byTier", { count: data.communes.length + noPack.count })}</h2>
              {option && (
                <EChart option={option} height={200} label={buckets.map((k) => `${bucketLabel(t, k)}: ${bucketCount(k)}`).join(", ")} />
              )}
              <ul className="tier-summary">
                {buckets.map((k) => (
                  <li key={k}>
                    <span className={k === "noPack" ? "badge badge-unverified" : `badge tier-${k}`}>{bucketLabel(t, k)}</span>{" "}
                    <strong data-testid={k === "noPack" ? "tier-count-no-pack" : `tier-count-${k}`}>{bucketCount(k)}</strong>
                  </li>
                ))}
                {(["missing", "unknown_threshold"] as const).map((k) => (
                  <li key={k}>
                    <span className={`badge badge-${k}`}>{t(`overview.undetermined.${k}`)}</span>{" "}
                    <strong data-testid={`undetermined-count-${k}`}>{undetermined?.[k] ?? 0}</strong>
                  </li>
                ))}
              </ul>
            </section>
            <section className="card" aria-labelledby="targets-h">
              <h2 id="targets-h">{t("overview.targets")}</h2>
              {data.communes.length === 0 ? (
                // No commune evaluated (no pack adopted): a target is not "0% ✗", it is not measured.
                <p className="muted" data-testid="targets-no-pack">
                  {t("noPack.title", { year })}
                </p>
              ) : data.targets && data.targets.length > 0 ? (
                <ul className="targets">
                  {data.targets.map((g) => {
                    const pct = g.id === "min_criteria" ? null : Math.min(100, (100 * g.actual) / Math.max(g.required, 1));
                    return (
                      <li key={g.id} className={g.met ? "target-met" : "target-not-met"}>
                        <div className="target-line">
                          <span>{t(`target.${g.id}`, { defaultValue: g.id })}</span>
                          <strong>
                            {g.id === "min_criteria"
                              ? t("overview.belowMin", { count: g.actual, min: g.required })
                              : `${g.actual.toLocaleString(lang)}% / ${g.required}%`}{" "}
                            {g.met ? "✓" : "✗"}
                          </strong>
                        </div>
                        {pct !== null && (
                          <div
                            className="progress"
                            role="progressbar"
                            aria-valuemin={0}
                            aria-valuemax={g.required}
                            aria-valuenow={g.actual}
                            aria-label={t(`target.${g.id}`, { defaultValue: g.id })}
                          >
                            <span style={{ width: `${pct}%` }} />
                          </div>
                        )}
                        <small className="muted">
                          {g.reasons
                            .map((r) => formatReason(r, lang).replaceAll(g.id, t(`target.${g.id}`, { defaultValue: g.id })))
                            .join(" ")}
                        </small>
                      </li>
                    );
                  })}
                  {data.incomeVs2020 && (
                    <li
                      className={data.incomeVs2020.met ? "target-met" : data.incomeVs2020.available ? "target-not-met" : "target-unknown"}
                      data-testid="target-income"
                    >
                      <div className="target-line">
                        <span>{t("target.income")}</span>
                        <strong>
                          {data.incomeVs2020.available && data.incomeVs2020.current !== null && data.incomeVs2020.required !== null
                            ? `${formatNumber(data.incomeVs2020.current, lang)} / ${formatNumber(data.incomeVs2020.required, lang)} ${data.incomeVs2020.met ? "✓" : "✗"}`
                            : t("overview.incomeUnavailable")}
                        </strong>
                      </div>
                      <small className="muted">{data.incomeVs2020.reasons.map((r) => formatReason(r, lang)).join(" ")}</small>
                    </li>
                  )}
                </ul>
              ) : (
                <Empty title={t("overview.noTargets")} />
              )}
            </section>
          </div>
          <section className="card" aria-labelledby="trend-h">
            <h2 id="trend-h">{t("overview.trend")}</h2>
            {trendPending ? (
              <Loading />
            ) : trendOption ? (
              <EChart
                option={trendOption}
                height={240}
                label={(trendData ?? [])
                  .map((r) => `${r.year}: ${[...TIER_BUCKETS, "noPack" as const].map((k) => `${bucketLabel(t, k)} ${r[k]}`).join(", ")}`)
                  .join("; ")}
              />
            ) : (
              <p className="muted">{t("overview.noTrend")}</p>
            )}
          </section>
          {data.communes.length > 0 && (
            <section className="card" aria-labelledby="lost-h">
              <h2 id="lost-h">{t("overview.lostTitle", { count: lost.length })}</h2>
              {!lostReady ? (
                <Loading />
              ) : lost.length === 0 ? (
                <p className="muted">{t("overview.noneLost")}</p>
              ) : (
                <ul className="chips" data-testid="lost-list">
                  {(showAllLost ? lost : lost.slice(0, LOST_PREVIEW)).map((c) => (
                    <li key={c.unitId}>
                      <Link href={`/communes/${encodeURIComponent(c.unitId)}`}>{c.name}</Link>:{" "}
                      {t("overview.lostCriteria", { list: c.lost?.join(", ") })}
                    </li>
                  ))}
                </ul>
              )}
              {lost.length > LOST_PREVIEW && (
                <button type="button" className="btn" aria-expanded={showAllLost} onClick={() => setShowAllLost(!showAllLost)}>
                  {showAllLost ? t("overview.showFewer") : t("overview.showAllLost", { count: lost.length })}
                </button>
              )}
            </section>
          )}
          <section className="card export-bar" aria-labelledby="export-h">
            <h2 id="export-h">{t("export.title")}</h2>
            <div className="toolbar">
              <a className="btn" href={exportHref("evaluations", "xlsx")} download>
                {t("export.evaluations")} (XLSX)
              </a>
              <a className="btn" href={exportHref("evaluations", "csv")} download>
                {t("export.evaluations")} (CSV)
              </a>
              <a className="btn" href={exportHref("values", "xlsx")} download>
                {t("export.values")} (XLSX)
              </a>
              <a className="btn" href={exportHref("values", "csv")} download>
                {t("export.values")} (CSV)
              </a>
              <a className="btn" href={`/v1/reports/criteria.xlsx?year=${year}&unitId=${encodeURIComponent(unitId ?? "")}`} download>
                {t("export.criteriaTable")} (XLSX)
              </a>
            </div>
          </section>
          {noPack.count > 0 && (
            <section className="card" aria-labelledby="nopack-h">
              <h2 id="nopack-h">
                {t("noPack.bucket")} ({noPack.count})
              </h2>
              <ul className="chips" data-testid="no-pack-list">
                {noPack.communes.map((c) => (
                  <li key={c.unitId}>
                    <Link href={`/communes/${encodeURIComponent(c.unitId)}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {data.communes.length > 0 && (
            <section className="card" aria-labelledby="hm-h">
              <div className="section-head">
                <h2 id="hm-h">{t("overview.heatmap")}</h2>
                <div className="toolbar">
                  <label className="field-inline">
                    <span>{t("common.search")}</span>
                    <input
                      type="search"
                      value={query}
                      onChange={(e) => setQuery(e.target.value)}
                      placeholder={t("overview.searchPlaceholder")}
                    />
                  </label>
                  <label className="field-inline">
                    <span>{t("common.sort")}</span>
                    <select value={sort} onChange={(e) => setSort(e.target.value as CommuneSort)}>
                      <option value="name">{t("overview.sortName")}</option>
                      <option value="criteriaMet">{t("overview.sortMet")}</option>
                      <option value="lost">{t("overview.sortLost")}</option>
                    </select>
                  </label>
                </div>
              </div>
              <HeatLegend />
              {rows.length === 0 ? <Empty title={t("overview.noMatch")} /> : <HeatMap rollup={data} rows={rows} />}
              <p className="muted small">{t("overview.showing", { count: rows.length, total: data.communes.length })}</p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
