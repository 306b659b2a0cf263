import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { formatDate } from "@ntm/core";
import { api, must } from "../api/client";
import { YEARS } from "../lib/years";
import { TierBadge } from "./Badges";
import { ErrorState, Loading } from "./States";

/**
 * Diễn biến qua các năm: a commune's tier and criteria met per year (GET /v1/units/{id}/trend). For a
 * commune formed by the 2025 merger, the years before it took effect show each former commune's own
 * result, labelled with its name: tiers are pass/fail per commune and are never combined (core's
 * trendSourceOf decides which years).
 */
export function CommuneTrend({ unitId }: { unitId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const from = YEARS[0]!;
  const to = YEARS[YEARS.length - 1]!;
  const q = useQuery({
    queryKey: ["unit-trend", unitId, from, to],
    queryFn: () => must(api.GET("/v1/units/{id}/trend", { params: { path: { id: unitId }, query: { from, to } } })),
  });
  return (
    <section className="card" aria-labelledby="commune-trend-h" data-testid="commune-trend">
      <h2 id="commune-trend-h">{t("commune.trendTitle")}</h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("commune.trendYear")}</th>
              <th scope="col">{t("commune.trendResult")}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.years.map((y) => (
              <tr key={y.year} data-testid={`trend-${y.year}`}>
                <td>{y.year}</td>
                <td>
                  {y.source === "predecessors" ? (
                    <>
                      <p className="small muted">
                        {t("commune.trendBeforeMerger", { date: y.reason ? formatDate(y.reason.params.effectiveFrom, lang) : "" })}
                      </p>
                      <ul>
                        {(y.predecessors ?? []).map((p) => (
                          <li key={p.unitId}>
                            {p.name}: <TierBadge tier={p.tierReached} />{" "}
                            {p.criteriaMet === null ? t("commune.trendNoData") : t("commune.trendCriteria", { n: p.criteriaMet })}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <>
                      <TierBadge tier={y.tierReached} />{" "}
                      {y.criteriaMet === null ? t("commune.trendNoData") : t("commune.trendCriteria", { n: y.criteriaMet })}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
