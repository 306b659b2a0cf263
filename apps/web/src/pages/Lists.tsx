import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "wouter";
import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { formatDate, formatMoney, formatNumber } from "@ntm/core";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import { DataTable } from "../components/DataTable";
import { EChart } from "../components/EChart";
import { ErrorState, Loading } from "../components/States";
import { localName } from "../lib/text";
import { useSession } from "../auth/session";
import { OcopForm, type OcopRecord } from "../components/OcopForm";
import { ResourceForm } from "../components/ResourceForm";
import { HousingForm } from "../components/HousingForm";
import { InspectionForm } from "../components/InspectionForm";
import { roleMay } from "@ntm/core";
import { RecordExportLink, RecordImport } from "../components/RecordImport";

const KINDS = {
  ocop: () => must(api.GET("/v1/ocop-products")),
  resources: () => must(api.GET("/v1/contributions")),
  housing: () => must(api.GET("/v1/housing")),
  inspections: () => must(api.GET("/v1/inspections")),
} as const;
type Kind = keyof typeof KINDS;
type Lang = "vi" | "en";
type Row = { id: string; unitId: string; data: Record<string, unknown>; status?: unknown };
type Answer = { asOf: string; unitId: string; items: Row[]; summary: Record<string, unknown> };

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const dong = (v: unknown, lang: Lang) => {
  try {
    return v === null || v === undefined || v === "" ? "" : formatMoney(BigInt(String(v)), lang);
  } catch {
    return str(v);
  }
};
const date = (v: unknown, lang: Lang) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) ? formatDate(v, lang) : str(v));

/** OCOP products, resource contributions, housing and inspections: totals, a chart and a sortable, filterable list each. */
export default function Lists() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === "en" ? "en" : "vi";
  const { kind } = useParams<{ kind: string }>();
  const k = (kind in KINDS ? kind : "ocop") as Kind;
  const units = useUnits();
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const q = useQuery({ queryKey: ["list", k], queryFn: async () => (await KINDS[k]()) as unknown as Answer });
  const { can, user } = useSession();
  // Who writes each kind: values writers (OCOP, resources, housing); the Inspection Committee (inspections).
  const canWrite = k === "inspections" ? !!user && roleMay(user.role, "inspection.write") : can.editValues;
  // The OCOP record being edited: null for a new one, undefined when the form is closed.
  const [editing, setEditing] = useState<OcopRecord | null | undefined>(undefined);
  // A form left open on one tab does not follow to the next.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the tab (k) changes
  useEffect(() => setEditing(undefined), [k]);
  const columns = useMemo(() => {
    const cols = columnsFor(
      k,
      lang,
      (key, o) => String(o ? t(key, o) : t(key)),
      (id) => unitName.get(id) ?? id,
    );
    if (k === "resources" || !canWrite) return cols;
    const edit: ColumnDef<Row, unknown> = {
      id: "edit",
      header: t("records.actions"),
      enableSorting: false,
      cell: (c) => (
        <button type="button" className="btn" onClick={() => setEditing(c.row.original as unknown as OcopRecord)}>
          {t("records.edit")}
        </button>
      ),
    };
    return [...cols, edit];
  }, [k, lang, t, unitName, canWrite]);
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
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Summary kind={k} answer={q.data} lang={lang} />
          {k === "resources" && can.editValues && (
            <section className="card">
              {editing === undefined ? (
                <button type="button" className="btn btn-primary" onClick={() => setEditing(null)}>
                  {t("records.resources.add")}
                </button>
              ) : (
                <ResourceForm onDone={() => setEditing(undefined)} />
              )}
            </section>
          )}
          {k === "ocop" && can.editValues && (
            <section className="card">
              {editing === undefined ? (
                <button type="button" className="btn btn-primary" onClick={() => setEditing(null)}>
                  {t("records.ocop.add")}
                </button>
              ) : (
                <OcopForm key={editing?.id ?? "new"} record={editing} onDone={() => setEditing(undefined)} />
              )}
            </section>
          )}
          {(k === "housing" || k === "inspections") && canWrite && (
            <section className="card">
              {editing === undefined ? (
                <button type="button" className="btn btn-primary" onClick={() => setEditing(null)}>
                  {t(k === "housing" ? "records.housing.add" : "records.inspection.add")}
                </button>
              ) : k === "housing" ? (
                <HousingForm key={editing?.id ?? "new"} record={editing} onDone={() => setEditing(undefined)} />
              ) : (
                <InspectionForm key={editing?.id ?? "new"} record={editing} onDone={() => setEditing(undefined)} />
              )}
            </section>
          )}
          <RecordImport key={k} kind={k} />
          {/* Those who may not import still export (the import card holds the link for the others). */}
          {!canWrite && (
            <p className="toolbar">
              <RecordExportLink kind={k} />
            </p>
          )}
          <section className="card">
            <DataTable
              key={`${k}-${unitName.size}-${lang}`}
              data={q.data.items}
              columns={columns}
              label={t(`lists.${k}`)}
              testId={`list-${k}`}
            />
          </section>
        </>
      )}
    </div>
  );
}

function columnsFor(
  k: Kind,
  lang: Lang,
  t: (key: string, o?: { defaultValue: string }) => string,
  unit: (id: string) => string,
): ColumnDef<Row, unknown>[] {
  const col = (id: string, header: string, get: (r: Row) => unknown, show?: (v: unknown) => string): ColumnDef<Row, unknown> => ({
    id,
    header,
    accessorFn: get,
    cell: (c) => (show ? show(c.getValue()) : str(c.getValue())),
  });
  const d = (r: Row, key: string) => r.data[key];
  if (k === "ocop")
    return [
      col("name", t("field.name"), (r) => d(r, "name")),
      col("unit", t("field.unitId"), (r) => unit(str(d(r, "communeUnitId") ?? r.unitId))),
      col("group", t("field.group"), (r) => t(`ocop.group.${str(d(r, "group"))}`, { defaultValue: str(d(r, "group")) })),
      col("score", t("field.score"), (r) => d(r, "score")),
      col(
        "stars",
        t("field.stars"),
        (r) => d(r, "stars"),
        (v) => (v ? `${"★".repeat(Number(v))} (${str(v)})` : ""),
      ),
      col(
        "certificate",
        t("ocop.certificate"),
        (r) => (d(r, "certificate") as { date?: string } | undefined)?.date,
        (v) => date(v, lang),
      ),
      col(
        "validity",
        t("field.status"),
        (r) => (r.status as { validity?: string } | undefined)?.validity,
        (v) => t(`ocop.validity.${str(v)}`, { defaultValue: str(v) }),
      ),
      col(
        "expires",
        t("ocop.expires"),
        (r) => (r.status as { expiresOn?: string } | undefined)?.expiresOn,
        (v) => date(v, lang),
      ),
    ];
  if (k === "resources")
    return [
      col("unit", t("field.unitId"), (r) => unit(r.unitId)),
      col("period", t("field.period"), (r) => d(r, "period")),
      col(
        "source",
        t("field.source"),
        (r) => localName(d(r, "label") as { vi: string; en: string } | undefined, lang) || str(d(r, "source")),
      ),
      {
        ...col("amount", t("field.amount"), (r) => Number(d(r, "amount") ?? 0)),
        cell: (c) =>
          c.row.original.data["measure"] === "dong"
            ? dong(c.row.original.data["amount"], lang)
            : `${formatNumber(Number(c.row.original.data["amount"] ?? 0), lang)} ${t(
                `resources.measure.${str(c.row.original.data["measure"])}`,
                {
                  defaultValue: str(c.row.original.data["measure"]),
                },
              )}`,
      },
    ];
  if (k === "housing")
    return [
      col("household", t("housing.household"), (r) => d(r, "household")),
      col("unit", t("field.unitId"), (r) => unit(str(d(r, "communeUnitId") ?? r.unitId))),
      col("hamlet", t("housing.hamlet"), (r) => unit(str(d(r, "hamletUnitId") ?? ""))),
      col(
        "status",
        t("field.status"),
        // The house's own status is a field of the record (`status` beside `data` is what the API computes).
        (r) => d(r, "status"),
        (v) => t(`housing.status.${str(v)}`, { defaultValue: str(v) }),
      ),
      col(
        "completed",
        t("housing.completedOn"),
        (r) => d(r, "completedOn"),
        (v) => date(v, lang),
      ),
      {
        ...col("support", t("housing.support"), (r) => Number(d(r, "supportAmount") ?? 0)),
        cell: (c) => dong(c.row.original.data["supportAmount"], lang),
      },
    ];
  return [
    col(
      "date",
      t("inspections.date"),
      (r) => d(r, "date"),
      (v) => date(v, lang),
    ),
    col(
      "kind",
      t("inspections.kind"),
      (r) => d(r, "kind"),
      (v) => t(`inspections.kinds.${str(v)}`, { defaultValue: str(v) }),
    ),
    col("subject", t("inspections.subject"), (r) => (d(r, "subject") as { name?: string } | undefined)?.name),
    col("by", t("inspections.by"), (r) => d(r, "conductedBy")),
    col("findings", t("inspections.findings"), (r) => (d(r, "findings") as unknown[] | undefined)?.length ?? 0),
    col(
      "open",
      t("inspections.open"),
      (r) => ((d(r, "recommendations") as { status?: string }[] | undefined) ?? []).filter((x) => x.status !== "done").length,
    ),
  ];
}

function Summary({ kind, answer, lang }: { kind: Kind; answer: Answer; lang: Lang }) {
  const { t } = useTranslation();
  const s = answer.summary;
  const stat = (label: string, value: string, testId?: string) => (
    <div className="stat" key={label}>
      <span className="stat-label">{label}</span>
      <strong className="stat-value" data-testid={testId}>
        {value}
      </strong>
    </div>
  );
  const chart = useMemo(() => {
    if (kind === "ocop") {
      const by = (s["byStars"] ?? {}) as Record<string, number>;
      const keys = Object.keys(by).sort();
      return {
        label: keys.map((k) => `${k}★: ${by[k]}`).join(", "),
        option: {
          aria: { enabled: true },
          tooltip: {},
          grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
          xAxis: { type: "category", data: keys.map((k) => `${k}★`) },
          yAxis: { type: "value", minInterval: 1 },
          series: [
            { type: "bar", data: keys.map((k) => by[k] ?? 0), itemStyle: { color: "#b7791f" }, label: { show: true, position: "top" } },
          ],
        },
      };
    }
    if (kind === "resources") {
      const by = (s["bySource"] ?? []) as { label: { vi: string; en: string }; amount: string }[];
      const million = (a: string) => Math.round(Number(BigInt(a) / 1_000_000n));
      return {
        label: by.map((b) => `${localName(b.label, lang)}: ${formatMoney(BigInt(b.amount), lang)}`).join("; "),
        option: {
          aria: { enabled: true },
          tooltip: {},
          grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
          xAxis: { type: "value", name: t("resources.millions"), nameLocation: "middle", nameGap: 28 },
          yAxis: { type: "category", data: by.map((b) => localName(b.label, lang)), inverse: true },
          series: [{ type: "bar", data: by.map((b) => million(b.amount)), itemStyle: { color: "#1f5fa8" } }],
        },
      };
    }
    if (kind === "housing") {
      const counts = ((s["rollUp"] as { counts?: Record<string, number> } | undefined)?.counts ?? {}) as Record<string, number>;
      const keys = Object.keys(counts);
      return {
        label: keys.map((k) => `${t(`housing.status.${k}`)}: ${counts[k]}`).join(", "),
        option: {
          aria: { enabled: true },
          tooltip: {},
          grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: "value", minInterval: 1 },
          yAxis: { type: "category", data: keys.map((k) => t(`housing.status.${k}`)), inverse: true },
          series: [
            {
              type: "bar",
              data: keys.map((k) => counts[k] ?? 0),
              itemStyle: { color: "#2f7d4f" },
              label: { show: true, position: "right" },
            },
          ],
        },
      };
    }
    return null;
  }, [kind, s, lang, t]);
  let stats: React.ReactNode[] = [];
  if (kind === "ocop")
    stats = [
      stat(t("ocop.products"), str(s["products"]), "ocop-products"),
      stat(t("ocop.recognised"), str(s["recognised"])),
      stat(t("ocop.renewalDue"), str(s["renewalDue"])),
      stat(t("ocop.expired"), str(s["expired"])),
      stat(t("ocop.communesMeeting"), `${str(s["communesMeetingTarget"])}/${((s["communes"] as unknown[]) ?? []).length}`),
    ];
  if (kind === "resources") {
    const tot = (s["totals"] ?? {}) as Record<string, string>;
    stats = [
      stat(t("resources.money"), dong(tot["money"], lang), "resources-total"),
      stat(t("resources.land"), `${formatNumber(Number(tot["landDonatedM2"] ?? 0), lang)} m²`),
      stat(t("resources.labour"), formatNumber(Number(tot["labourDays"] ?? 0), lang)),
      stat(t("resources.count"), str(tot["count"])),
    ];
  }
  if (kind === "housing") {
    const r = (s["rollUp"] ?? {}) as { total?: number; remaining?: number; supportDong?: string; completedShare?: { percent?: string } };
    stats = [
      stat(t("housing.total"), str(r.total)),
      stat(t("housing.remaining"), str(r.remaining)),
      stat(t("housing.completedShare"), `${str(r.completedShare?.percent).replace(".", lang === "vi" ? "," : ".")}%`),
      stat(t("housing.support"), dong(r.supportDong, lang)),
    ];
  }
  if (kind === "inspections")
    stats = [
      stat(t("inspections.records"), str(s["records"])),
      stat(t("inspections.findings"), str(s["findings"])),
      stat(t("inspections.overdue"), str(((s["overdueRecommendations"] as unknown[]) ?? []).length)),
    ];
  const overdue =
    kind === "inspections"
      ? ((s["overdueRecommendations"] ?? []) as {
          recommendationId: string;
          text: string;
          responsible: string;
          dueDate: string;
          daysOverdue: number;
        }[])
      : [];
  return (
    <>
      <p className="muted small">{t("lists.asOf", { date: formatDate(answer.asOf, lang) })}</p>
      <div className="stats">{stats}</div>
      {chart && (
        <section className="card">
          <EChart option={chart.option} height={220} label={chart.label} />
        </section>
      )}
      {overdue.length > 0 && (
        <section className="card" aria-labelledby="overdue-h">
          <h2 id="overdue-h">{t("inspections.overdueTitle", { count: overdue.length })}</h2>
          <ul className="reasons">
            {overdue.map((o) => (
              <li key={o.recommendationId}>
                {o.text} — {o.responsible}: {t("inspections.overdueLine", { date: formatDate(o.dueDate, lang), days: o.daysOverdue })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
