import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { STEERING_MEMBER_FIELDS, STEERING_ROLES, formatDate } from "@ntm/core";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import type { Unit } from "../api/types";
import { useSession } from "../auth/session";
import { DataTable } from "../components/DataTable";
import { RecordImport } from "../components/RecordImport";
import { ErrorState, Loading } from "../components/States";
import { SteeringForm, type SteeringItem } from "../components/SteeringForm";

type Lang = "vi" | "en";
interface Coverage {
  asOf: string;
  unitId: string;
  unitName: string;
  communes: { unitId: string; name: string; members: { id: string; fullName: string; role: string; position: string }[] }[];
  unsupported: { unitId: string; name: string }[];
}

const roleText = (role: string, lang: Lang) => STEERING_ROLES[role as keyof typeof STEERING_ROLES]?.[lang] ?? "—";

/** The units of the user's scope: the scope unit and everything under it. */
function scopeUnits(units: readonly Unit[], rootId: string): Unit[] {
  const out: Unit[] = [];
  const walk = (id: string) => {
    for (const u of units.filter((x) => x.parentId === id)) {
      out.push(u);
      walk(u.id);
    }
  };
  const root = units.find((u) => u.id === rootId);
  if (root) out.push(root);
  walk(rootId);
  return out;
}

/**
 * Ban Chỉ đạo (plan II.3): the members of the steering committee, the communes each supports (names),
 * the communes no member supports flagged, a form to add or edit a member, and the register as a file
 * (template, import, export).
 */
export default function Steering() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === "en" ? "en" : "vi";
  const { user, can } = useSession();
  const units = useUnits();
  const all = units.data ?? [];
  const mine = useMemo(() => (user ? scopeUnits(all, user.scopeUnitId) : []), [all, user]);
  const committeeUnits = mine.filter((u) => u.level === "province" || u.level === "district");
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const root = unitId ?? user?.scopeUnitId ?? "";
  const list = useQuery({
    queryKey: ["steering", "list"],
    queryFn: async () => (await must(api.GET("/v1/steering-members", { params: { query: {} } }))) as unknown as { items: SteeringItem[] },
  });
  const coverage = useQuery({
    queryKey: ["steering", "coverage", root],
    enabled: root !== "",
    queryFn: async () =>
      (await must(api.GET("/v1/steering-members/coverage", { params: { query: { districtId: root } } }))) as unknown as Coverage,
  });
  // The member being edited: null for a new one, undefined when the form is closed.
  const [editing, setEditing] = useState<SteeringItem | null | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const mayWrite = can.planWrite && committeeUnits.length > 0;
  const defaultUnit = committeeUnits.find((u) => u.id === root)?.id ?? committeeUnits.find((u) => u.level === "district")?.id ?? "";

  const columns = useMemo<ColumnDef<SteeringItem, unknown>[]>(() => {
    const f = (k: keyof typeof STEERING_MEMBER_FIELDS) => STEERING_MEMBER_FIELDS[k][lang];
    const cols: ColumnDef<SteeringItem, unknown>[] = [
      { id: "fullName", header: f("fullName"), accessorFn: (r) => r.data.fullName },
      { id: "role", header: t("steering.role"), accessorFn: (r) => roleText(r.data.role, lang) },
      { id: "position", header: t("steering.positionOrg"), accessorFn: (r) => `${r.data.position}, ${r.data.organisation}` },
      { id: "unit", header: t("steering.committee"), accessorFn: (r) => r.unitName },
      {
        id: "communes",
        header: f("communeUnitIds"),
        accessorFn: (r) => r.communes.map((c) => c.name).join(", ") || "—",
      },
      {
        id: "term",
        header: t("steering.term"),
        accessorFn: (r) =>
          `${formatDate(r.data.termStart, lang)} – ${r.data.termEnd ? formatDate(r.data.termEnd, lang) : "…"}${r.active ? "" : ` (${t("steering.notInTerm")})`}`,
      },
      { id: "phone", header: f("phone"), accessorFn: (r) => r.data.phone ?? "—" },
    ];
    if (!mayWrite) return cols;
    return [
      ...cols,
      {
        id: "edit",
        header: t("records.actions"),
        enableSorting: false,
        cell: (c) => (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setSaved(null);
              setEditing(c.row.original);
            }}
            aria-label={`${t("records.edit")}: ${c.row.original.data.fullName}`}
          >
            {t("records.edit")}
          </button>
        ),
      },
    ];
  }, [lang, t, mayWrite]);

  if (units.isPending || list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const cov = coverage.data;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("steering.title")}</h1>
      </div>
      <p className="muted">{t("steering.intro")}</p>
      <section className="card" aria-labelledby="steering-coverage-h">
        <h2 id="steering-coverage-h">{t("steering.coverageTitle")}</h2>
        {committeeUnits.length > 1 && (
          <label className="field">
            <span>{t("steering.unit")}</span>
            <select value={root} onChange={(e) => setUnitId(e.target.value)} name="coverageUnit">
              {committeeUnits.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {coverage.isPending ? (
          <Loading />
        ) : coverage.isError ? (
          <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />
        ) : cov ? (
          <>
            <div
              className={`notice ${cov.unsupported.length ? "notice-warn" : "notice-ok"}`}
              data-testid="steering-unsupported"
              role="status"
            >
              {cov.unsupported.length ? (
                <>
                  <p>
                    {t("steering.unsupported", {
                      count: cov.unsupported.length,
                      total: cov.communes.length,
                      date: formatDate(cov.asOf, lang),
                    })}
                  </p>
                  <ul>
                    {cov.unsupported.map((u) => (
                      <li key={u.unitId}>{u.name}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{t("steering.allSupported", { total: cov.communes.length })}</p>
              )}
            </div>
            <div className="table-wrap">
              <table className="table" data-testid="steering-coverage">
                <caption className="sr-only">{t("steering.coverageTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("steering.commune")}</th>
                    <th scope="col">{t("steering.supportedBy")}</th>
                  </tr>
                </thead>
                <tbody>
                  {cov.communes.map((c) => (
                    <tr key={c.unitId}>
                      <th scope="row">{c.name}</th>
                      <td>
                        {c.members.length ? (
                          c.members.map((m) => `${m.fullName} (${roleText(m.role, lang)})`).join("; ")
                        ) : (
                          <span className="badge badge-not_met">{t("steering.none")}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </section>
      {mayWrite && (
        <section className="card">
          {saved && (
            <p className="notice notice-ok" role="status" data-testid="steering-saved">
              {saved}
            </p>
          )}
          {editing === undefined ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                setSaved(null);
                setEditing(null);
              }}
            >
              {t("steering.add")}
            </button>
          ) : (
            <SteeringForm
              key={editing?.id ?? "new"}
              record={editing}
              units={all}
              committeeUnits={committeeUnits}
              defaultUnitId={defaultUnit}
              onDone={(item) => {
                setEditing(undefined);
                if (item) setSaved(t("steering.saved", { name: item.data.fullName, version: item.version }));
              }}
            />
          )}
        </section>
      )}
      {/* Template, export and import of the register (shown to the roles that may write it). */}
      <RecordImport kind="steering" />
      <section className="card" aria-labelledby="steering-members-h">
        <h2 id="steering-members-h">{t("steering.membersTitle", { count: list.data.items.length })}</h2>
        <DataTable
          key={lang}
          data={list.data.items}
          columns={columns}
          label={t("steering.membersTitle", { count: list.data.items.length })}
          testId="steering-members"
        />
      </section>
    </div>
  );
}
