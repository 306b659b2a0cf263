import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { getJson } from "../api/http";
import { endpoints } from "../api/endpoints";
import { ErrorState, Loading, Empty } from "../components/States";
import { itemsOf } from "../lib/items";

/** Placeholder until the API route exists. */
export default function Page() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ["Ranking"], queryFn: async () => itemsOf<Record<string, unknown>>(await getJson<unknown>(endpoints.ranking())) });
  return (
    <div className="page">
      <h1>{t("nav.ranking")}</h1>
      <section className="card">{q.isPending ? <Loading /> : q.isError ? <ErrorState error={q.error} /> : q.data.length === 0 ? <Empty title={t("table.empty")} /> : <pre>{JSON.stringify(q.data.slice(0, 5), null, 2)}</pre>}</section>
    </div>
  );
}
