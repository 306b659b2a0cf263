/**
 * The write forms of the units page: edit or move a unit (PATCH with If-Match; a 412 shows what the
 * other person saved and offers to reload, never overwrites), add a unit below (POST), delete an empty
 * unit (DELETE with If-Match; a 409 says what still refers to it). Field problems of the API's
 * problem+json answer appear next to their fields.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { KNOWN_UNIT_FLAGS, REGIONS, UNIT_LEVEL_LABELS } from "@ntm/core";
import { ApiError } from "../api/http";
import { api, mustWithEtag } from "../api/client";
import { fetchUnitRecord, invalidateUnits, optional } from "../api/queries";
import {
  changedFields,
  checkUnitForm,
  childLevels,
  findNode,
  flattenTree,
  formOf,
  newUnitBody,
  problemsByField,
  suggestUnitId,
  unitPatch,
  unitProblems,
  type UnitField,
  type UnitForm,
  type UnitLevel,
  type UnitNode,
  type UnitProblem,
  type UnitRecord,
} from "../lib/unitTree";
import { localName, pickLang } from "../lib/text";

/** A message of the page about the last write (shown above the unit's details). */
export interface UnitNotice {
  kind: "ok" | "error";
  text: string;
}

type FieldErrors = Partial<Record<UnitField, string[]>>;
interface Failure {
  text: string;
  /** Problems not tied to a field of the form. */
  other: string[];
}

function useLang(): "vi" | "en" {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "vi";
}

/** Turns a failed write into the form's field errors and its message above the fields. */
function useFailureText() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const problemText = (p: UnitProblem) => {
    const key = p.code ? `units.code.${p.code.replace(/\./g, "_")}` : "";
    return key && i18n.exists(key) ? t(key) : pickLang(p.message, lang);
  };
  return (e: unknown): { fields: FieldErrors; failure: Failure } => {
    if (!(e instanceof ApiError))
      return {
        fields: {},
        failure: { text: e instanceof Error ? (e.message === "Failed to fetch" ? t("state.offline") : e.message) : String(e), other: [] },
      };
    const sorted = problemsByField(unitProblems(e.problem));
    const fields: FieldErrors = {};
    for (const [f, ps] of Object.entries(sorted.fields)) fields[f as UnitField] = ps.map(problemText);
    return { fields, failure: { text: pickLang(e.message, lang), other: sorted.other.map(problemText) } };
  };
}

/** The ids and ARIA attributes of one field with its hint and errors. */
function aria(id: string, hint: string | undefined, errors: readonly string[] | undefined) {
  const by = [hint ? `${id}-hint` : "", errors?.length ? `${id}-err` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": by || undefined };
}

function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  errors?: readonly string[] | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`field ${errors?.length ? "has-error" : ""}`}>
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      {children}
      {hint && (
        <small id={`${id}-hint`} className="muted small">
          {hint}
        </small>
      )}
      {errors && errors.length > 0 && (
        <span id={`${id}-err`} className="field-error" role="alert">
          {errors.join(" ")}
        </span>
      )}
    </div>
  );
}

function FailureNotice({ failure }: { failure: Failure | null }) {
  if (!failure) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="unit-form-error">
      <p>{failure.text}</p>
      {failure.other.length > 0 && (
        <ul>
          {failure.other.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Name, parent (moves), region, commune group (communes only), flags and sort, shared by the edit and add forms. */
function UnitFields({
  prefix,
  level,
  form,
  setForm,
  errors,
  parents,
  sortHint,
}: {
  prefix: string;
  level: UnitLevel;
  form: UnitForm;
  setForm: (f: UnitForm) => void;
  errors: FieldErrors;
  parents?: readonly UnitNode[] | undefined;
  sortHint: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = (f: string) => `${prefix}-${f}`;
  const flags = [...KNOWN_UNIT_FLAGS, ...form.flags.filter((f) => !(KNOWN_UNIT_FLAGS as readonly string[]).includes(f))];
  return (
    <>
      <Field id={id("name")} label={t("units.field.name")} errors={errors.name}>
        <input
          {...aria(id("name"), undefined, errors.name)}
          name="name"
          type="text"
          maxLength={200}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
      </Field>
      {parents && (
        <Field id={id("parentId")} label={t("units.field.parentId")} hint={t("units.hint.parentId")} errors={errors.parentId}>
          <select
            {...aria(id("parentId"), t("units.hint.parentId"), errors.parentId)}
            name="parentId"
            value={form.parentId}
            onChange={(e) => setForm({ ...form, parentId: e.target.value })}
          >
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({localName(UNIT_LEVEL_LABELS[p.level], lang)}, {p.id})
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id={id("region")} label={t("units.field.region")} hint={t("units.hint.region")} errors={errors.region}>
        <select
          {...aria(id("region"), t("units.hint.region"), errors.region)}
          name="region"
          value={form.region}
          onChange={(e) => setForm({ ...form, region: e.target.value })}
        >
          <option value="">{t("units.none")}</option>
          {form.region && !(form.region in REGIONS) && <option value={form.region}>{form.region}</option>}
          {Object.entries(REGIONS).map(([code, name]) => (
            <option key={code} value={code}>
              {code} · {localName(name, lang)}
            </option>
          ))}
        </select>
      </Field>
      {(level === "commune" || form.communeGroup !== "") && (
        <Field
          id={id("communeGroup")}
          label={t("units.field.communeGroup")}
          hint={t("units.hint.communeGroup")}
          errors={errors.communeGroup}
        >
          <select
            {...aria(id("communeGroup"), t("units.hint.communeGroup"), errors.communeGroup)}
            name="communeGroup"
            value={form.communeGroup}
            onChange={(e) => setForm({ ...form, communeGroup: e.target.value })}
          >
            <option value="">{t("units.none")}</option>
            {["1", "2", "3"].map((n) => (
              <option key={n} value={n}>
                {t("units.group", { n })}
              </option>
            ))}
          </select>
        </Field>
      )}
      <fieldset className="unit-flags" aria-describedby={errors.flags?.length ? id("flags-err") : undefined}>
        <legend>{t("units.field.flags")}</legend>
        {flags.map((f) => (
          <label key={f} className="check">
            <input
              type="checkbox"
              name="flags"
              value={f}
              checked={form.flags.includes(f)}
              onChange={(e) => setForm({ ...form, flags: e.target.checked ? [...form.flags, f] : form.flags.filter((x) => x !== f) })}
            />
            {t(`units.flag.${f}`, { defaultValue: f })}
          </label>
        ))}
        {errors.flags && errors.flags.length > 0 && (
          <span id={id("flags-err")} className="field-error" role="alert">
            {errors.flags.join(" ")}
          </span>
        )}
      </fieldset>
      <Field id={id("sort")} label={t("units.field.sort")} hint={sortHint} errors={errors.sort}>
        <input
          {...aria(id("sort"), sortHint, errors.sort)}
          name="sort"
          type="number"
          inputMode="numeric"
          min={0}
          max={1_000_000}
          step={1}
          value={form.sort}
          onChange={(e) => setForm({ ...form, sort: e.target.value })}
        />
      </Field>
    </>
  );
}

/** Local checks as field errors in the user's language. */
function localErrors(t: (k: string) => string, form: UnitForm, newId?: string): FieldErrors {
  return Object.fromEntries(Object.entries(checkUnitForm(form, newId)).map(([f, code]) => [f, [t(`units.err.${code}`)]]));
}

function focusFirst(prefix: string, errors: FieldErrors) {
  const first = (["id", "name", "parentId", "region", "communeGroup", "sort"] as const).find((f) => errors[f]?.length);
  if (first) document.getElementById(`${prefix}-${first}`)?.focus();
}

interface Conflict {
  mine: UnitForm;
  theirs: UnitRecord;
  etag: string;
}

/**
 * Edits or moves one unit. The form keeps the version it was opened on; a save sends it as If-Match,
 * and a 412 shows the other person's saved fields beside the user's and offers to reload them.
 */
export function EditUnitForm({
  record,
  etag,
  tree,
  parentOptions,
  onNotice,
}: {
  record: UnitRecord;
  etag: string;
  tree: UnitNode;
  parentOptions: readonly UnitNode[] | undefined;
  onNotice: (n: UnitNotice) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const describe = useFailureText();
  const [base, setBase] = useState({ record, etag });
  const [form, setForm] = useState(() => formOf(record));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = Object.keys(unitPatch(base.record, form)).length > 0;

  // A newer version read in the background replaces an untouched form; edits in progress are kept
  // (their save then meets the 412 and the conflict panel). An older read (a refetch still under way
  // after a save or reload) changes nothing.
  useEffect(() => {
    if (record.version > base.record.version && !dirty && !conflict) {
      setBase({ record, etag });
      setForm(formOf(record));
    }
  }, [record, etag, base.record.version, dirty, conflict]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    const local = localErrors(t, form);
    setErrors(local);
    if (Object.keys(local).length) {
      setFailure({ text: t("units.err.fix"), other: [] });
      focusFirst("e", local);
      return;
    }
    const patch = unitPatch(base.record, form);
    if (Object.keys(patch).length === 0) {
      setFailure(null);
      setStatus(t("units.edit.nothing"));
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const r = await mustWithEtag(
        api.PATCH("/v1/units/{id}", { params: { path: { id: base.record.id }, header: { "if-match": base.etag } }, body: patch }),
      );
      setBase({ record: r.data, etag: r.etag ?? `"${r.data.version}"` });
      setForm(formOf(r.data));
      const parent = patch.parentId ? (findNode(tree, patch.parentId)?.name ?? patch.parentId) : null;
      onNotice({
        kind: "ok",
        text: parent ? t("units.edit.moved", { name: r.data.name, parent }) : t("units.edit.saved", { name: r.data.name }),
      });
      await invalidateUnits(qc);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 412 || err.status === 404)) {
        const fresh = await optional(fetchUnitRecord(base.record.id));
        if (fresh) setConflict({ mine: form, theirs: fresh.data.unit, etag: fresh.etag ?? `"${fresh.data.unit.version}"` });
        else setFailure({ text: t("units.conflict.gone"), other: [] });
      } else {
        const d = describe(err);
        setErrors(d.fields);
        setFailure(d.failure);
        focusFirst("e", d.fields);
      }
    } finally {
      setSaving(false);
    }
  }

  function reload(c: Conflict) {
    setBase({ record: c.theirs, etag: c.etag });
    setForm(formOf(c.theirs));
    setConflict(null);
    setErrors({});
    setFailure(null);
    setStatus(t("units.conflict.reloaded", { version: c.theirs.version }));
    void invalidateUnits(qc);
  }

  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="unit-edit-h" data-testid="unit-edit">
      <h2 id="unit-edit-h">{t("units.edit.title")}</h2>
      {conflict && <ConflictPanel conflict={conflict} tree={tree} onReload={() => reload(conflict)} />}
      <FailureNotice failure={failure} />
      <UnitFields
        prefix="e"
        level={base.record.level}
        form={form}
        setForm={setForm}
        errors={errors}
        parents={parentOptions}
        sortHint={t("units.hint.sort")}
      />
      {status && (
        <p className="notice notice-ok" role="status">
          {status}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving || !!conflict}>
          {saving ? t("state.working") : t("units.edit.save")}
        </button>
      </div>
    </form>
  );
}

function ConflictPanel({ conflict, tree, onReload }: { conflict: Conflict; tree: UnitNode; onReload: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const theirs = formOf(conflict.theirs);
  const show = (f: keyof UnitForm, form: UnitForm) => {
    if (f === "flags") return form.flags.map((x) => t(`units.flag.${x}`, { defaultValue: x })).join(", ") || "—";
    if (f === "parentId") return form.parentId ? `${findNode(tree, form.parentId)?.name ?? form.parentId}` : "—";
    if (f === "region") return form.region ? `${form.region} · ${localName(REGIONS[form.region as keyof typeof REGIONS], lang)}` : "—";
    if (f === "communeGroup") return form.communeGroup ? t("units.group", { n: form.communeGroup }) : "—";
    return form[f] || "—";
  };
  const rows = changedFields(conflict.mine, theirs);
  return (
    <section className="notice notice-error conflict" role="alert" aria-labelledby="unit-conflict-h" data-testid="unit-conflict">
      <h3 id="unit-conflict-h">{t("units.conflict.title")}</h3>
      <p>{t("units.conflict.text", { version: conflict.theirs.version })}</p>
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("units.conflict.field")}</th>
              <th scope="col">{t("units.conflict.yours")}</th>
              <th scope="col">{t("units.conflict.theirs")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f}>
                <th scope="row">{t(`units.field.${f}`)}</th>
                <td>{show(f, conflict.mine)}</td>
                <td>
                  <strong>{show(f, theirs)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={onReload}>
          {t("units.conflict.reload")}
        </button>
      </div>
    </section>
  );
}

/** Adds a unit below `parent`: the level among those allowed there, a suggested id, the parent's region. */
export function AddUnitForm({
  parent,
  tree,
  onNotice,
  onCreated,
}: {
  parent: UnitNode;
  tree: UnitNode;
  onNotice: (n: UnitNotice) => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const describe = useFailureText();
  const levels = childLevels(parent.level);
  // Since two-tier government a province's new units are communes: the lowest allowed level first.
  const [level, setLevel] = useState<UnitLevel>(levels[levels.length - 1] ?? "hamlet");
  const suggest = (l: UnitLevel) =>
    suggestUnitId(
      parent.id,
      l,
      flattenTree(tree).map((u) => u.id),
    );
  const [newId, setNewId] = useState(() => suggest(level));
  const [idEdited, setIdEdited] = useState(false);
  const empty: UnitForm = { name: "", parentId: parent.id, region: parent.region ?? "", communeGroup: "", flags: [], sort: "" };
  const [form, setForm] = useState<UnitForm>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local = localErrors(t, form, newId.trim());
    setErrors(local);
    if (Object.keys(local).length) {
      setFailure({ text: t("units.err.fix"), other: [] });
      focusFirst("a", local);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const r = await mustWithEtag(api.POST("/v1/units", { body: newUnitBody(parent.id, newId, level, form) }));
      onNotice({ kind: "ok", text: t("units.add.done", { name: r.data.name, id: r.data.id }) });
      await invalidateUnits(qc);
      onCreated(r.data.id);
    } catch (err) {
      const d = describe(err);
      setErrors(d.fields);
      setFailure(d.failure);
      focusFirst("a", d.fields);
    } finally {
      setSaving(false);
    }
  }

  if (levels.length === 0) return null;
  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="unit-add-h" data-testid="unit-add">
      <h2 id="unit-add-h">{t("units.add.title")}</h2>
      <p className="muted small">{t("units.add.under", { name: parent.name })}</p>
      <FailureNotice failure={failure} />
      <Field id="a-level" label={t("units.field.level")} errors={errors.level}>
        <select
          {...aria("a-level", undefined, errors.level)}
          name="level"
          value={level}
          onChange={(e) => {
            const l = e.target.value as UnitLevel;
            setLevel(l);
            if (!idEdited) setNewId(suggest(l));
          }}
        >
          {levels.map((l) => (
            <option key={l} value={l}>
              {localName(UNIT_LEVEL_LABELS[l], lang)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="a-id" label={t("units.field.id")} hint={t("units.hint.id")} errors={errors.id}>
        <input
          {...aria("a-id", t("units.hint.id"), errors.id)}
          name="id"
          type="text"
          maxLength={64}
          autoCapitalize="none"
          spellCheck={false}
          value={newId}
          onChange={(e) => {
            setNewId(e.target.value);
            setIdEdited(true);
          }}
        />
      </Field>
      <UnitFields prefix="a" level={level} form={form} setForm={setForm} errors={errors} sortHint={t("units.hint.sortNew")} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t("state.working") : t("units.add.submit")}
        </button>
      </div>
    </form>
  );
}

/**
 * Deletes a unit after a confirmation. A unit with units below it cannot be deleted (the API would
 * answer 409); data, users or dossiers still attached come back as the API's 409 and are listed.
 */
export function DeleteUnit({
  node,
  record,
  etag,
  onNotice,
  onDeleted,
  onReload,
}: {
  node: UnitNode;
  record: UnitRecord;
  etag: string;
  onNotice: (n: UnitNotice) => void;
  onDeleted: (parentId: string | null) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const describe = useFailureText();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [stale, setStale] = useState(false);
  const [working, setWorking] = useState(false);

  async function remove() {
    setWorking(true);
    setFailure(null);
    try {
      const r = await api.DELETE("/v1/units/{id}", { params: { path: { id: record.id }, header: { "if-match": etag } } });
      if (!r.response.ok)
        throw new ApiError(r.response.status, (r.error && typeof r.error === "object" ? r.error : {}) as Record<string, unknown>);
      onNotice({ kind: "ok", text: t("units.del.done", { name: record.name }) });
      onDeleted(record.parentId);
      qc.removeQueries({ queryKey: ["unit", record.id] });
      await invalidateUnits(qc);
    } catch (err) {
      setConfirming(false);
      if (err instanceof ApiError && err.status === 412) setStale(true);
      else setFailure(describe(err).failure);
    } finally {
      setWorking(false);
    }
  }

  return (
    <section className="card" aria-labelledby="unit-del-h" data-testid="unit-delete">
      <h2 id="unit-del-h">{t("units.del.title")}</h2>
      <p className="muted small">{t("units.del.hint")}</p>
      {stale && (
        <div className="notice notice-error" role="alert" data-testid="unit-delete-conflict">
          <p>
            <strong>{t("units.conflict.title")}.</strong> {t("units.del.stale")}
          </p>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setStale(false);
              onReload();
            }}
          >
            {t("units.conflict.reload")}
          </button>
        </div>
      )}
      <FailureNotice failure={failure} />
      {node.children.length > 0 ? (
        <p data-testid="unit-delete-blocked">{t("units.del.hasChildren", { name: record.name, count: node.children.length })}</p>
      ) : confirming ? (
        <div className="notice notice-warn" role="group" aria-labelledby="unit-del-q">
          <p id="unit-del-q">{t("units.del.confirm", { name: record.name, id: record.id })}</p>
          <div className="form-actions">
            <button type="button" className="btn btn-danger" disabled={working} onClick={() => void remove()}>
              {working ? t("state.working") : t("units.del.yes")}
            </button>
            <button type="button" className="btn" disabled={working} onClick={() => setConfirming(false)}>
              {t("units.del.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn-danger" disabled={stale} onClick={() => setConfirming(true)}>
          {t("units.del.button")}
        </button>
      )}
    </section>
  );
}
