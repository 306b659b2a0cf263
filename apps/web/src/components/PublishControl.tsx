import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { api, must } from "../api/client";
import { usePublications } from "../api/queries";
import type { Unit } from "../api/types";
import { ConfirmDialog } from "./ConfirmDialog";
import { ProblemList, problemOf } from "./ProblemList";

/**
 * Publishing a year's results for a unit from the overview (for those allowed: the API's
 * `results.publish`): the current state, and publish or withdraw after a confirmation that says what
 * becomes public. Both are audited by the API.
 */
export function PublishControl({
  unitId,
  unitName,
  year,
  units,
}: {
  unitId: string;
  unitName: string;
  year: number;
  units: readonly Unit[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const pubs = usePublications();
  const [asking, setAsking] = useState<"publish" | "withdraw" | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; text: string } | ({ ok: false } & ReturnType<typeof problemOf>) | null>(null);
  if (pubs.isPending || pubs.isError) return null;
  const parent = new Map(units.map((u) => [u.id, u.parentId ?? null]));
  const publishedAt = (id: string) => pubs.data.items.some((p) => p.unitId === id && p.year === year);
  const own = publishedAt(unitId);
  let inheritedFrom: string | null = null;
  for (let p = parent.get(unitId) ?? null; p && !inheritedFrom; p = parent.get(p) ?? null) if (publishedAt(p)) inheritedFrom = p;
  const vars = { year, unit: unitName };

  async function go() {
    setBusy(true);
    try {
      if (asking === "publish") {
        await must(api.POST("/v1/publications", { body: { unitId, year } }));
        setResult({ ok: true, text: t("publish.done", vars) });
      } else {
        await must(api.DELETE("/v1/publications/{id}/{year}", { params: { path: { id: unitId, year } } }));
        setResult({ ok: true, text: t("publish.withdrawn", vars) });
      }
      await qc.invalidateQueries({ queryKey: ["public"] });
    } catch (err) {
      setResult({ ok: false, ...problemOf(err) });
    } finally {
      setBusy(false);
      setAsking(null);
    }
  }

  return (
    <section className="card publish-control" aria-live="polite" data-testid="publish-control">
      <p>
        <strong data-testid="publish-state">{own || inheritedFrom ? t("publish.published", vars) : t("publish.notPublished", vars)}</strong>
        {!own && inheritedFrom && (
          <> · {t("publish.inherited", { unit: units.find((u) => u.id === inheritedFrom)?.name ?? inheritedFrom })}</>
        )}
      </p>
      <div className="toolbar">
        {own ? (
          <button type="button" className="btn btn-ghost" onClick={() => setAsking("withdraw")}>
            {t("publish.withdraw")}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => setAsking("publish")}>
            {t("publish.publish")}
          </button>
        )}
      </div>
      {result?.ok && (
        <p className="notice notice-ok" role="status">
          {result.text}
        </p>
      )}
      {result && !result.ok && <ProblemList title={t("publish.failed")} message={result.message} problems={result.problems} />}
      <ConfirmDialog
        open={asking !== null}
        title={asking === "withdraw" ? t("publish.withdrawTitle", vars) : t("publish.confirmTitle", vars)}
        confirmLabel={t("publish.confirm")}
        cancelLabel={t("publish.cancel")}
        busy={busy}
        onConfirm={() => void go()}
        onCancel={() => setAsking(null)}
        testId="publish-confirm"
      >
        <p>{asking === "withdraw" ? t("publish.withdrawBody", vars) : t("publish.confirmBody", vars)}</p>
      </ConfirmDialog>
    </section>
  );
}
