import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "wouter";
import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { getJson } from "../api/http";
import { endpoints } from "../api/endpoints";
import { DataTable } from "../components/DataTable";
import { ErrorState, Loading } from "../components/States";
import { itemsOf } from "../lib/items";

const KINDS = { ocop: endpoints.ocop, resources: endpoints.contributions, housing: endpoints.housing, inspections: endpoints.inspections } as const;
type Kind = keyof typeof KINDS;

type Row = Record<string, unknown>;

function flat(r: Row): Row {
  const d = r["data"];
  return d && typeof d === "object" && !Array.isArray(d) ? { ...(d as Row), ...r, data: undefined } : r;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** OCOP products, resource contributions, housing and inspections: one sortable, filterable list each. */
export default function Lists() {
  const { t } = useTranslation();
  const { kind } = useParams<{ kind: string }>();
  const k = (kind in KINDS ? kind : "ocop") as Kind;
  const q = useQuery({ queryKey: ["list", k], queryFn: async () => itemsOf<Row>(await getJson<unknown>(KINDS[k]())).map(flat) });
  const columns = useMemo<ColumnDef<Row, unknown>[]>(() => {
    const keys = new Set<string>();
    for (const r of (q.data ?? []).slice(0, 50)) for (const [key, v] of Object.entries(r)) if (v !== undefined && typeof v !== "object" && !["version", "createdAt", "updatedAt", "updatedBy"].includes(key)) keys.add(key);
    return [...keys].slice(0, 10).map((key) => ({ id: key, accessorFn: (r: Row) => r[key] as unknown, header: t(`field.${key}`, { defaultValue: key }), cell: (c) => cellText(c.getValue()) }));
  }, [q.data, t]);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t(`lists.${k}`)}</h1>
      </div>
      <nav className="tabs" aria-label={t("nav.lists")}>
        {(Object.keys(KINDS) as Kind[]).map((x) => (
          <Link key={x} href={`/lists/${x}`} className={`tab ${x === k ? "active" : ""}`} aria-current={x === k ? "page" : undefined}>
            {t(`lists.${x}`)}
          </Link>
        ))}
      </nav>
      <section className="card">{q.isPending ? <Loading /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : <DataTable data={q.data} columns={columns} label={t(`lists.${k}`)} />}</section>
    </div>
  );
}
