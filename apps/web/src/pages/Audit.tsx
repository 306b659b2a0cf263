import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { auditActionLabel, auditEntityLabel } from "@ntm/core";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import { Empty, ErrorState, Loading } from "../components/States";
import { changedIds, fieldText } from "../lib/fields";
import { vnDateTime } from "../lib/text";

type Entry = {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  unitId: string | null;
  before: unknown;
  after: unknown;
};

function valuesOf(x: unknown): Record<string, unknown> {
  const v = x && typeof x === "object" ? (x as Record<string, unknown>)["values"] : undefined;
  return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
}

function show(v: unknown): string {
  return typeof v === "number" || typeof v === "boolean" || v === null
    ? fieldText(v as number | boolean | null) || "—"
    : v === undefined
      ? "—"
      : String(v);
}

/** What an entry is about, as people name it: the record's own name (product, member, household, inspected body), else its unit's name. */
function subjectOf(e: Entry, unitName: (id: string) => string | undefined): string {
  const snap = (e.after ?? e.before) as Record<string, unknown> | null;
  // Record writes keep `{ data, version }`; other entries keep the object itself.
  const data = (snap?.["data"] && typeof snap["data"] === "object" ? snap["data"] : snap) as Record<string, unknown> | null;
  const sub = data?.["subject"] as Record<string, unknown> | undefined;
  const named = [data?.["name"], data?.["fullName"], data?.["household"], data?.["title"], sub?.["name"]].find(
    (x): x is string => typeof x === "string" && x.trim() !== "",
  );
  const unit = e.unitId ? unitName(e.unitId) : undefined;
  return named ?? unit ?? "";
}

/** The append-only audit log (who, when, what, before → after), for admins and the Inspection Committee. */
export default function Audit() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const units = useUnits();
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name;
  const before = pages.at(-1);
  const q = useQuery({
    queryKey: ["audit", before],
    queryFn: async () =>
      (await must(api.GET("/v1/audit", { params: { query: { limit: 50, ...(before !== undefined ? { before } : {}) } } })))
        .items as unknown as Entry[],
  });
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("audit.title")}</h1>
      </div>
      <section className="card">
        {q.isPending ? (
          <Loading />
        ) : q.isError ? (
          <ErrorState error={q.error} />
        ) : q.data.length === 0 ? (
          <Empty title={t("audit.empty")} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t("audit.at")}</th>
                  <th scope="col">{t("audit.who")}</th>
                  <th scope="col">{t("audit.action")}</th>
                  <th scope="col">{t("audit.what")}</th>
                  <th scope="col">{t("audit.changes")}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.map((e) => {
                  const a = valuesOf(e.before);
                  const b = valuesOf(e.after);
                  const ids = changedIds(a, b);
                  return (
                    <tr key={e.id}>
                      <td className="num">{vnDateTime(e.at, lang)}</td>
                      <td>{e.actorName ?? "—"}</td>
                      <td>{auditActionLabel(e.action, lang)}</td>
                      <td>
                        {auditEntityLabel(e.entityType, lang)} {subjectOf(e, unitName)}
                      </td>
                      <td className="small">
                        {ids.length === 0
                          ? e.before === null
                            ? t("audit.created")
                            : "—"
                          : ids
                              .slice(0, 6)
                              .map((id) => `${id}: ${show(a[id])} → ${show(b[id])}`)
                              .join("; ") + (ids.length > 6 ? ` … (+${ids.length - 6})` : "")}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <nav className="pager" aria-label={t("table.pages")}>
          <button type="button" className="btn" disabled={pages.length < 2} onClick={() => setPages(pages.slice(0, -1))}>
            {t("audit.newer")}
          </button>
          <button
            type="button"
            className="btn"
            disabled={!q.data || q.data.length < 50}
            onClick={() => setPages([...pages, q.data?.at(-1)?.id])}
          >
            {t("audit.older")}
          </button>
        </nav>
      </section>
    </div>
  );
}
