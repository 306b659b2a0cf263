import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { formatDate } from "@ntm/core";
import { api, must } from "../api/client";
import { ErrorState, Loading } from "./States";

/**
 * Reporting completeness for district and province officers: which communes of their scope have entered
 * the year's values, who has not, and which are approved (locked). The API counts with core's
 * `reportingCompleteness`.
 */
export function Completeness({ scopeId, year }: { scopeId: string; year: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ["completeness", scopeId, year],
    queryFn: () => must(api.GET("/v1/units/{id}/completeness", { params: { path: { id: scopeId }, query: { year } } })),
  });
  return (
    <section className="card" aria-labelledby="completeness-h" data-testid="completeness">
      <h2 id="completeness-h">{t("completeness.title", { year })}</h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <p>
            {t("completeness.counts", {
              complete: q.data.counts.complete,
              partial: q.data.counts.partial,
              none: q.data.counts.none,
              noPack: q.data.counts.noPack,
            })}
          </p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("entry.commune")}</th>
                  <th scope="col">{t("completeness.state")}</th>
                  <th scope="col" className="num">
                    {t("completeness.entered")}
                  </th>
                  <th scope="col">{t("completeness.lastSaved")}</th>
                  <th scope="col">{t("completeness.lock")}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.communes.map((c) => (
                  <tr key={c.unitId} data-testid={`completeness-${c.unitId}`}>
                    <th scope="row">
                      <Link href={`/data-entry/${encodeURIComponent(c.unitId)}?year=${year}`}>{c.name}</Link>
                    </th>
                    <td>{t(`completeness.states.${c.state}`)}</td>
                    <td className="num">
                      {c.entered}/{c.expected}
                    </td>
                    <td>{c.updatedAt ? `${formatDate(c.updatedAt.slice(0, 10), "vi")} · ${c.updatedBy ?? "—"}` : "—"}</td>
                    <td>{c.locked ? t("completeness.locked") : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
