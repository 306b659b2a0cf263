import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { can as coreCan, LADDER_TIERS, TIER_LABELS, unitTreeFromParents, type Tier } from "@ntm/core";
import { api, mustWithEtag, type Schemas } from "../api/client";
import { ApiError } from "../api/http";
import { usePackUse, useUnits } from "../api/queries";
import { useSession } from "../auth/session";
import { ConfirmDialog } from "./ConfirmDialog";
import { ErrorState, Loading } from "./States";
import { adoptionBody, adoptionPeriod, fieldOf, type AdoptionForm } from "../lib/adoption";
import { fieldMessage } from "../lib/issues";
import { localName, pickLang } from "../lib/text";
import { YEARS } from "../lib/years";

type PackSummary = Schemas["PackSummary"];
type Adoption = Schemas["PackAdoption"];
const LEVELS = ["commune", "hamlet", "district"] as const;

/**
 * Áp dụng bộ tiêu chí: which pack each year of each tier uses in the user's scope (a year × tier
 * table), the adoptions, and the form that adopts a pack for a scope, tier and period (If-Match on
 * edit and withdrawal). Actions show only where @ntm/core's access policy allows them; the API decides
 * again on every write.
 */
export function PackAdoptions({ packs }: { packs: readonly PackSummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { user } = useSession();
  const units = useUnits();
  const scope = user?.scopeUnitId;
  const use = usePackUse(scope, YEARS[0] ?? 2021, YEARS.at(-1) ?? 2026);
  const qc = useQueryClient();
  const tree = useMemo(() => unitTreeFromParents(new Map((units.data ?? []).map((u) => [u.id, u.parentId]))), [units.data]);
  const unitName = (id: string | null) =>
    id === null ? t("adoption.installation") : ((units.data ?? []).find((u) => u.id === id)?.name ?? id);
  // Installation-wide: admins only; a scope: `packs.upload` inside the user's scope (core's policy).
  const mayAdopt = (scopeUnitId: string | null) =>
    !!user && (scopeUnitId === null ? user.role === "admin" : coreCan(user, "packs.upload", scopeUnitId, tree));
  const title = (id: string) => {
    const p = packs.find((x) => x.id === id);
    return p ? localName(p.title, lang) : id;
  };
  const [editing, setEditing] = useState<Adoption | null>(null);
  const [removing, setRemoving] = useState<Adoption | null>(null);
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const refresh = () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "packs" && q.queryKey[0] !== "pack" });

  async function remove(a: Adoption) {
    try {
      await mustWithEtag(
        // The route does not declare If-Match in its OpenAPI parameters: sent as a plain header.
        api.DELETE("/v1/pack-adoptions/{id}", { params: { path: { id: a.id } }, headers: { "if-match": `"${a.version}"` } }),
      );
      setNotice({ kind: "ok", text: t("adoption.deleted") });
    } catch (e) {
      setNotice({ kind: "error", text: e instanceof ApiError ? pickLang(e.message, lang) : String(e) });
    } finally {
      setRemoving(null);
      await refresh();
    }
  }

  if (!user) return null;
  const items = use.data?.items ?? [];
  const canAdoptHere = mayAdopt(scope ?? null) || user.role === "admin";
  return (
    <section className="card" aria-labelledby="adoption-h" data-testid="pack-adoptions">
      <h2 id="adoption-h">{t("adoption.title")}</h2>
      <p className="muted small">{t("adoption.hint")}</p>
      {use.isPending ? (
        <Loading />
      ) : use.isError ? (
        <ErrorState error={use.error} onRetry={() => void use.refetch()} />
      ) : (
        <>
          <h3>{t("adoption.table", { unit: unitName(scope ?? null) })}</h3>
          <div className="table-wrap">
            <table className="table" data-testid="adoption-years">
              <thead>
                <tr>
                  <th scope="col">{t("adoption.year")}</th>
                  {LADDER_TIERS.map((tier) => (
                    <th key={tier} scope="col">
                      {TIER_LABELS[tier][lang]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(use.data.years ?? []).map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    {LADDER_TIERS.map((tier) => {
                      const cell = y.tiers[tier];
                      return (
                        <td key={tier} data-testid={`use-${y.year}-${tier}`} title={cell?.reason ?? cell?.packId ?? ""}>
                          {cell?.packId ? (
                            <>
                              {title(cell.packId)} <small className="muted">({cell.packId})</small>
                            </>
                          ) : (
                            <span className="muted">{t("adoption.none")}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t("adoption.list")}</h3>
          {items.length === 0 ? (
            <p className="muted">{t("adoption.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="adoption-list">
                <thead>
                  <tr>
                    <th scope="col">{t("adoption.pack")}</th>
                    <th scope="col">{t("adoption.scope")}</th>
                    <th scope="col">{t("adoption.tier")}</th>
                    <th scope="col">{t("adoption.level")}</th>
                    <th scope="col">{t("adoption.period")}</th>
                    <th scope="col">{t("adoption.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr key={a.id} data-testid={`adoption-${a.id}`}>
                      <th scope="row">
                        {title(a.packId)} <small className="muted">({a.packId})</small>
                      </th>
                      <td>{unitName(a.scopeUnitId)}</td>
                      <td>{TIER_LABELS[a.tier][lang]}</td>
                      <td>{t(`packs.level.${a.level}`, { defaultValue: a.level })}</td>
                      <td>{adoptionPeriod(a, t("adoption.open"))}</td>
                      <td>
                        {mayAdopt(a.scopeUnitId) && (
                          <span className="toolbar">
                            <button type="button" className="btn" onClick={() => setEditing(a)}>
                              {t("adoption.edit")}
                            </button>
                            <button type="button" className="btn" onClick={() => setRemoving(a)}>
                              {t("adoption.delete")}
                            </button>
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {notice && (
        <p className={`notice ${notice.kind === "ok" ? "notice-ok" : "notice-error"}`} role="status" data-testid="adoption-notice">
          {notice.text}
        </p>
      )}
      {canAdoptHere && (
        <AdoptionEditor
          key={editing ? `${editing.id}-${editing.version}` : "new"}
          packs={packs}
          editing={editing}
          scopes={[...(scope ? [scope] : []), ...(user.role === "admin" ? [null] : [])].filter((s) => mayAdopt(s))}
          unitName={unitName}
          onDone={async (text) => {
            setEditing(null);
            setNotice(text ? { kind: "ok", text } : null);
            await refresh();
          }}
          onStale={async () => {
            setNotice({ kind: "error", text: t("adoption.stale") });
            setEditing(null);
            await refresh();
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t("adoption.delete")}
        confirmLabel={t("adoption.delete")}
        cancelLabel={t("adoption.cancel")}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
        testId="adoption-confirm"
      >
        <p>
          {removing && t("adoption.deleteConfirm", { pack: title(removing.packId), period: adoptionPeriod(removing, t("adoption.open")) })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** The adoption form: new, or editing one adoption (PATCH with its version as If-Match). Errors are shown by field. */
function AdoptionEditor({
  packs,
  editing,
  scopes,
  unitName,
  onDone,
  onStale,
}: {
  packs: readonly PackSummary[];
  editing: Adoption | null;
  scopes: (string | null)[];
  unitName: (id: string | null) => string;
  onDone: (message: string | null) => Promise<void>;
  onStale: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const first = packs[0];
  const [form, setForm] = useState<AdoptionForm>(() =>
    editing
      ? {
          packId: editing.packId,
          scopeUnitId: editing.scopeUnitId,
          tier: editing.tier,
          level: editing.level,
          from: String(editing.from),
          to: editing.to === undefined ? "" : String(editing.to),
        }
      : {
          packId: first?.id ?? "",
          scopeUnitId: scopes[0] ?? null,
          tier: (first?.tier as Tier | undefined) ?? "standard",
          level: (first?.level as AdoptionForm["level"] | undefined) ?? "commune",
          from: "",
          to: "",
        },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<AdoptionForm>) => setForm((f) => ({ ...f, ...patch }));
  const pickPack = (id: string) => {
    const p = packs.find((x) => x.id === id);
    set({
      packId: id,
      ...(p && (LADDER_TIERS as readonly string[]).includes(p.tier) ? { tier: p.tier as Tier } : {}),
      ...(p && (LEVELS as readonly string[]).includes(p.level) ? { level: p.level as AdoptionForm["level"] } : {}),
    });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    const body = adoptionBody(form);
    if (!body.ok) {
      setErrors(Object.fromEntries(body.errors.map((x) => [x.field, x[lang]])));
      return;
    }
    setBusy(true);
    try {
      if (editing) {
        const { scopeUnitId: _scope, ...patch } = body.value;
        await mustWithEtag(
          api.PATCH("/v1/pack-adoptions/{id}", {
            params: { path: { id: editing.id } },
            headers: { "if-match": `"${editing.version}"` },
            body: { ...patch, to: body.value.to ?? null },
          }),
        );
      } else {
        await mustWithEtag(api.POST("/v1/pack-adoptions", { body: body.value }));
      }
      await onDone(t("adoption.saved"));
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        await onStale();
        return;
      }
      if (err instanceof ApiError) {
        const byField: Record<string, string> = {};
        for (const f of err.fieldProblems) {
          const key = fieldOf(f.path);
          byField[key] = [byField[key], fieldMessage(f, lang)].filter(Boolean).join("; ");
        }
        setErrors(byField);
        setMessage(pickLang(err.message, lang));
      } else setMessage(String(err));
    } finally {
      setBusy(false);
    }
  }

  const err = (name: string) =>
    errors[name] ? (
      <small className="field-error" id={`adopt-${name}-err`} role="alert">
        {errors[name]}
      </small>
    ) : null;
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `adopt-${name}-err` } : {});
  return (
    <form className="adoption-form" onSubmit={(e) => void submit(e)} noValidate data-testid="adoption-form">
      <h3>{editing ? t("adoption.editing", { id: editing.id }) : t("adoption.adopt")}</h3>
      {message && (
        <p className="notice notice-error" role="alert" data-testid="adoption-error">
          {message}
        </p>
      )}
      <label className="field">
        <span>{t("adoption.pack")}</span>
        <select value={form.packId} onChange={(e) => pickPack(e.target.value)} {...invalid("packId")}>
          {packs.map((p) => (
            <option key={p.id} value={p.id}>
              {localName(p.title, lang)} ({p.id})
            </option>
          ))}
        </select>
        {err("packId")}
      </label>
      <label className="field">
        <span>{t("adoption.scope")}</span>
        <select
          value={form.scopeUnitId ?? ""}
          disabled={editing !== null}
          onChange={(e) => set({ scopeUnitId: e.target.value === "" ? null : e.target.value })}
          {...invalid("scopeUnitId")}
        >
          {(editing ? [editing.scopeUnitId] : scopes).map((s) => (
            <option key={s ?? ""} value={s ?? ""}>
              {unitName(s)}
            </option>
          ))}
        </select>
        {err("scopeUnitId")}
      </label>
      <label className="field">
        <span>{t("adoption.tier")}</span>
        <select value={form.tier} onChange={(e) => set({ tier: e.target.value as Tier })} {...invalid("tier")}>
          {LADDER_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {TIER_LABELS[tier][lang]}
            </option>
          ))}
        </select>
        {err("tier")}
      </label>
      <label className="field">
        <span>{t("adoption.level")}</span>
        <select value={form.level} onChange={(e) => set({ level: e.target.value as AdoptionForm["level"] })} {...invalid("level")}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`packs.level.${l}`)}
            </option>
          ))}
        </select>
        {err("level")}
      </label>
      <label className="field">
        <span>{t("adoption.from")}</span>
        <input inputMode="numeric" value={form.from} onChange={(e) => set({ from: e.target.value })} {...invalid("from")} />
        {err("from")}
      </label>
      <label className="field">
        <span>{t("adoption.to")}</span>
        <input inputMode="numeric" value={form.to} onChange={(e) => set({ to: e.target.value })} {...invalid("to")} />
        {err("to")}
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? t("adoption.save") : t("adoption.adopt")}
        </button>
        {editing && (
          <button type="button" className="btn" onClick={() => void onDone(null)}>
            {t("adoption.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
