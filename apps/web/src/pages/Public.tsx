import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "wouter";
import type { ColumnDef } from "@tanstack/react-table";
import { usePack, usePublicEvaluation, usePublicRollup, usePublications } from "../api/queries";
import { ApiError } from "../api/http";
import type { ApiRollup, EvaluationResult } from "../api/types";
import { StatusBadge, TierBadge, UnverifiedMarker } from "../components/Badges";
import { DataTable } from "../components/DataTable";
import { Empty, ErrorState, Loading } from "../components/States";
import { countByTier, TIER_BUCKETS, tierBucketOf } from "../lib/rollup";
import { groupPublications, parseYear, pickPublished, publicFailure, type PublishedUnit } from "../lib/publications";
import { localName } from "../lib/text";
import { NoPackNotice } from "../components/NoPack";

type CommuneRow = ApiRollup["communes"][number];

const base = (unitId: string, year: number) => `/cong-khai/${encodeURIComponent(unitId)}/${year}`;

/**
 * Published results for citizens and the press, without sign-in (/cong-khai): the published units and
 * years, a year's roll-up, and a commune's evaluation. Only published years are offered.
 */
export default function Public() {
  const { t } = useTranslation();
  const params = useParams<{ unitId?: string; year?: string; communeId?: string }>();
  const [, navigate] = useLocation();
  const pubs = usePublications();
  const units = useMemo(() => groupPublications(pubs.data?.items ?? []), [pubs.data]);
  const { unit, year, yearPublished } = pickPublished(units, params.unitId, parseYear(params.year));

  return (
    <div className="page" data-testid="public-page">
      <div className="page-head">
        <h1>{t("public.title")}</h1>
        {unit && (
          <div className="toolbar">
            {units.length > 1 && (
              <label className="field-inline">
                <span>{t("public.unit")}</span>
                <select value={unit.unitId} onChange={(e) => navigate(`/cong-khai/${encodeURIComponent(e.target.value)}`)}>
                  {units.map((u) => (
                    <option key={u.unitId} value={u.unitId}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="field-inline">
              <span>{t("public.year")}</span>
              <select
                data-testid="public-year"
                value={yearPublished && year !== null ? year : ""}
                onChange={(e) => navigate(base(unit.unitId, Number(e.target.value)))}
              >
                {!yearPublished && <option value="">—</option>}
                {unit.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </div>
      <p className="muted">{t("public.intro")}</p>
      {pubs.isPending ? (
        <Loading />
      ) : pubs.isError ? (
        <ErrorState error={pubs.error} onRetry={() => void pubs.refetch()} />
      ) : units.length === 0 ? (
        <Empty title={t("public.nothing")} hint={t("public.nothingHint")} />
      ) : !unit || year === null || !yearPublished ? (
        <PublicFailure status={404} />
      ) : params.communeId ? (
        <PublicCommune area={unit} year={year} communeId={params.communeId} />
      ) : (
        <PublicRollup area={unit} year={year} />
      )}
      <p className="muted small">
        <Link href="/sign-in">{t("public.signIn")}</Link>
      </p>
    </div>
  );
}

/** A refused public read in the visitor's words (404: not published; 403: not public). */
function PublicFailure({ status, error }: { status: number | undefined; error?: unknown }) {
  const { t } = useTranslation();
  const kind = publicFailure(status);
  if (kind === "error") return <ErrorState error={error} />;
  return (
    <div className="state state-error" role="alert" data-testid="public-failure">
      <div className="state-icon" aria-hidden="true">
        !
      </div>
      <p className="state-title">{t(`public.${kind}`)}</p>
      <p className="state-hint">{t(`public.${kind}Hint`)}</p>
    </div>
  );
}

function statusOf(e: unknown): number | undefined {
  return e instanceof ApiError ? e.status : undefined;
}

/** The example/unverified notice, as the overview shows it. */
function ExampleNotice({ example, unverified }: { example: boolean; unverified: number }) {
  const { t } = useTranslation();
  if (!example && unverified === 0) return null;
  return (
    <p className="notice notice-warn" data-testid="unverified-notice">
      <UnverifiedMarker example={example} count={unverified} /> {example ? t("unverified.exampleLong") : t("unverified.long")}
    </p>
  );
}

/** A published year's roll-up: counts by tier and each commune's criteria met and tier. */
function PublicRollup({ area, year }: { area: PublishedUnit; year: number }) {
  const { t } = useTranslation();
  const q = usePublicRollup(area.unitId, year);
  const rollupPack = usePack(q.data?.packId ?? undefined).data;
  const tiers = useMemo(() => (q.data ? countByTier(q.data.communes.map((c) => ({ tier: c.tierReached }))) : null), [q.data]);
  const columns = useMemo<ColumnDef<CommuneRow, unknown>[]>(
    () => [
      {
        id: "name",
        header: t("public.commune"),
        accessorFn: (c) => c.name,
        cell: ({ row }) => <Link href={`${base(area.unitId, year)}/${encodeURIComponent(row.original.unitId)}`}>{row.original.name}</Link>,
      },
      {
        id: "criteriaMet",
        header: t("public.criteriaMet"),
        accessorFn: (c) => c.criteriaMet,
        cell: ({ row }) => `${row.original.criteriaMet}/${row.original.criteriaTotal}`,
      },
      {
        id: "tier",
        header: t("public.tier"),
        accessorFn: (c) => TIER_BUCKETS.indexOf(tierBucketOf(c.tierReached)),
        cell: ({ row }) => <TierBadge tier={row.original.tierReached} />,
      },
    ],
    [t, area.unitId, year],
  );
  if (q.isPending) return <Loading />;
  if (q.isError) return <PublicFailure status={statusOf(q.error)} error={q.error} />;
  const r = q.data;
  return (
    <>
      <h2>{t("public.rollupTitle", { year, name: area.name })}</h2>
      {r.packId && <PackLine year={year} packId={r.packId} title={rollupPack?.title} />}
      {r.noPack.count > 0 && (
        <NoPackNotice
          year={year}
          reasons={r.noPack.communes.flatMap((c) => c.reasons)}
          detail={t("noPack.count", { count: r.noPack.count, year })}
          testId="public-no-pack"
        />
      )}
      <ExampleNotice example={r.example} unverified={0} />
      <section className="card" aria-labelledby="pub-tiers-h">
        <h3 id="pub-tiers-h">{t("public.byTier", { count: r.communes.length + r.noPack.count })}</h3>
        <ul className="tier-summary">
          {TIER_BUCKETS.map((k) => (
            <li key={k}>
              <span className={`badge tier-${k}`}>{t(`tier.${k}`)}</span>{" "}
              <strong data-testid={`public-tier-count-${k}`}>{tiers?.[k] ?? 0}</strong>
            </li>
          ))}
          {r.noPack.count > 0 && (
            <li>
              <span className="badge badge-unverified">{t("noPack.bucket")}</span>{" "}
              <strong data-testid="public-tier-count-no-pack">{r.noPack.count}</strong>
            </li>
          )}
        </ul>
      </section>
      <section className="card" aria-labelledby="pub-communes-h">
        <h3 id="pub-communes-h">{t("public.communes")}</h3>
        {r.communes.length === 0 ? (
          <Empty title={t("public.noCommunes")} />
        ) : (
          <DataTable data={r.communes} columns={columns} label={t("public.communes")} pageSize={50} testId="public-communes" />
        )}
      </section>
    </>
  );
}

/** A commune's published evaluation: each criterion and its status. */
function PublicCommune({ area, year, communeId }: { area: PublishedUnit; year: number; communeId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const q = usePublicEvaluation(communeId, year);
  // The commune's name comes from the area's roll-up (usually cached from the list).
  const rollup = usePublicRollup(area.unitId, year);
  const listed = rollup.data?.communes.find((c) => c.unitId === communeId);
  const name = listed?.name ?? communeId;
  // Criterion names from the pack (a public document); the ids alone when it cannot be read.
  const pack = usePack(q.data && q.data.status !== "no_pack" ? q.data.packId : undefined).data;
  const columns = useMemo<ColumnDef<EvaluationResult["criteria"][number], unknown>[]>(() => {
    const names = new Map(pack?.criteria.map((c) => [c.id, c.name]) ?? []);
    return [
      {
        id: "criterion",
        header: t("public.criterion"),
        accessorFn: (c) => c.id,
        sortingFn: "alphanumeric",
        cell: ({ row }) => (
          <span>
            <strong>{row.original.id}</strong> {localName(names.get(row.original.id), lang)}
            {row.original.key && <small className="muted"> ({t("public.key")})</small>}
          </span>
        ),
      },
      {
        id: "status",
        header: t("public.status"),
        accessorFn: (c) => c.status,
        cell: ({ row }) => <StatusBadge status={row.original.status} />,
      },
      {
        id: "indicators",
        header: t("public.indicatorsMet"),
        accessorFn: (c) => c.indicators.filter((i) => i.status === "met").length,
        cell: ({ row }) => `${row.original.indicators.filter((i) => i.status === "met").length}/${row.original.indicators.length}`,
      },
    ];
  }, [pack, t, lang]);
  if (q.isPending) return <Loading />;
  if (q.isError) return <PublicFailure status={statusOf(q.error)} error={q.error} />;
  const ev = q.data;
  // No pack adopted for the year: the reason ("Chưa áp dụng bộ tiêu chí cho năm …"), never a verdict.
  if (ev.status === "no_pack")
    return (
      <>
        <p>
          <Link href={base(area.unitId, year)}>{t("public.back", { year })}</Link>
        </p>
        <h2 data-testid="public-commune-name">{t("public.communeTitle", { name, year })}</h2>
        <NoPackNotice year={year} reasons={ev.reasons} testId="public-no-pack" />
      </>
    );
  return (
    <>
      <p>
        <Link href={base(area.unitId, year)}>{t("public.back", { year })}</Link>
      </p>
      <h2 data-testid="public-commune-name">{t("public.communeTitle", { name, year })}</h2>
      <PackLine year={year} packId={ev.packId} title={pack?.title} />
      <ExampleNotice example={ev.example} unverified={ev.unverifiedCount} />
      <section className="card">
        <p>
          <StatusBadge status={ev.status} /> {listed && <TierBadge tier={listed.tierReached} />}{" "}
          <strong data-testid="public-criteria-met">
            {ev.criteriaMet}/{ev.criteriaTotal}
          </strong>{" "}
          {t("public.criteriaMet").toLowerCase()}
        </p>
        <DataTable data={ev.criteria} columns={columns} label={t("public.criteria")} pageSize={50} testId="public-criteria" />
      </section>
    </>
  );
}

/** "Bộ tiêu chí áp dụng năm 2024: <title> (<id>)": the pack a published result was evaluated with. */
function PackLine({ year, packId, title }: { year: number; packId: string; title: { vi: string; en: string } | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <p className="muted" data-testid="pack-in-force">
      {t("noPack.packLine", { year, pack: title ? `${localName(title, lang)} (${packId})` : packId })}
    </p>
  );
}
