import { startTransition, useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { type Classification182, type IndicatorResult, type UnitValues, DEFAULT_JUMP_SHARE, formatDate, valueJumps } from "@ntm/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams, useSearch } from "wouter";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/http";
import { api, must, mustWithEtag } from "../api/client";
import { NoPackError, useCommune } from "../api/commune";
import { NoPackNotice, PackInForce } from "../components/NoPack";
import { useUnits } from "../api/queries";
import { useSession } from "../auth/session";
import type { PackView, UnitValuesDoc } from "../api/types";
import { fetchPack } from "../api/queries";
import { Empty, ErrorState, Loading } from "../components/States";
import { YearSelect } from "../components/YearSelect";
import { StatusBadge } from "../components/Badges";
import { BulkUpload } from "../components/BulkUpload";
import { Completeness } from "../components/Completeness";
import { booleanWords, changedIds, checkField, fieldText, requiredBoolean, type FieldKind } from "../lib/fields";
import { localName, pickLang } from "../lib/text";
import { changeSummary, jumpText, thresholdLabel } from "../lib/entryPreview";

/** The preview's evaluation (pack schema, compilation, ladder walk): loaded beside the data, not before the form. */
type EntryEngine = typeof import("../lib/entryEngine");
const loadEngine = () => import("../lib/entryEngine");

type Values = Record<string, number | boolean | null>;
type Notes = Record<string, string>;

/** Where the jump-warning share is kept in the browser. */
const JUMP_KEY = "ntm.entry.jumpPercent";

/** The longest evidence note the API accepts per indicator (apps/api NOTE_MAX_LENGTH). */
const NOTE_MAX_LENGTH = 1000;

interface Conflict {
  mine: Values;
  mineNotes: Notes;
  theirs: UnitValuesDoc;
  etag: string | null;
}

/** Data entry: pick a commune and year, edit indicator values, save with If-Match; bulk upload below. */
export default function DataEntry() {
  const { t } = useTranslation();
  const { id } = useParams<{ id?: string }>();
  const search = useSearch();
  const [, navigate] = useLocation();
  const { user, can } = useSession();
  const units = useUnits();
  const year = Number(new URLSearchParams(search).get("year")) || 2025;
  const communes = (units.data ?? []).filter((u) => u.level === "commune");
  // The share of last year's value a value may move by before a warning (the officer's setting, kept in this browser).
  const [jumpPercent, setJumpPercent] = useState(() => Number(localStorage.getItem(JUMP_KEY)) || DEFAULT_JUMP_SHARE * 100);
  const unitId = id ?? (user?.scopeUnitId && communes.some((c) => c.id === user.scopeUnitId) ? user.scopeUnitId : undefined);

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("entry.title")}</h1>
        <div className="toolbar">
          <label className="field-inline">
            <span>{t("entry.commune")}</span>
            <select value={unitId ?? ""} onChange={(e) => navigate(`/data-entry/${encodeURIComponent(e.target.value)}?year=${year}`)}>
              <option value="" disabled>
                {t("entry.pickCommune")}
              </option>
              {communes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <YearSelect value={year} onChange={(y) => navigate(`/data-entry/${encodeURIComponent(unitId ?? "")}?year=${y}`)} />
          <label className="field-inline">
            <span>{t("entry.jumpShare")}</span>
            <input
              type="number"
              min={1}
              max={1000}
              step={1}
              className="input-narrow"
              value={jumpPercent}
              onChange={(e) => {
                const v = Math.round(Number(e.target.value));
                if (Number.isFinite(v) && v >= 1 && v <= 1000) {
                  setJumpPercent(v);
                  localStorage.setItem(JUMP_KEY, String(v));
                }
              }}
            />
            <span>%</span>
          </label>
          {/* Which share is in force, and that it is this browser's own setting (not shared with other officers). */}
          <p className="muted" data-testid="jump-in-force">
            {t("entry.jumpInForce", {
              percent: jumpPercent,
              source: jumpPercent === DEFAULT_JUMP_SHARE * 100 ? t("entry.jumpDefault") : t("entry.jumpCustom"),
            })}{" "}
            {jumpPercent !== DEFAULT_JUMP_SHARE * 100 && (
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => {
                  setJumpPercent(DEFAULT_JUMP_SHARE * 100);
                  localStorage.removeItem(JUMP_KEY);
                }}
              >
                {t("entry.jumpReset", { percent: DEFAULT_JUMP_SHARE * 100 })}
              </button>
            )}
          </p>
          <a href="#bulk-h" className="btn">
            {t("bulk.jump")}
          </a>
        </div>
      </div>
      {unitId && <PackInForce unitId={unitId} year={year} />}
      {unitId ? (
        <ValuesForm key={`${unitId}-${year}`} unitId={unitId} year={year} jumpShare={jumpPercent / 100} />
      ) : units.isPending ? (
        <Loading />
      ) : (
        <Empty title={t("entry.pickCommune")} hint={t("entry.pickHint")} />
      )}
      {can.approveValues && user?.scopeUnitId && <Completeness scopeId={user.scopeUnitId} year={year} />}
      <BulkUpload year={year} unitId={unitId} />
    </div>
  );
}

function ValuesForm({ unitId, year, jumpShare }: { unitId: string; year: number; jumpShare: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const commune = useCommune(unitId, year);
  const units = useUnits();
  // The commune's name: from its evaluation view when loaded, else from the unit list (the form does
  // not wait for the evaluation, its packs and gaps).
  const unitName = commune.data?.unit.name ?? units.data?.find((u) => u.id === unitId)?.name;
  const [engine, setEngine] = useState<EntryEngine | null>(null);
  useEffect(() => {
    let live = true;
    void loadEngine().then((m) => {
      // A transition: compiling the ladder and the first preview never hold up typing or the first render.
      if (live) startTransition(() => setEngine(m));
    });
    return () => {
      live = false;
    };
  }, []);
  const values = useQuery({
    queryKey: ["values", unitId, year],
    queryFn: async () => {
      const r = await mustWithEtag(api.GET("/v1/units/{id}/values/{year}", { params: { path: { id: unitId, year } } }));
      return { doc: r.data, etag: r.etag ?? `"${r.data.version}"` };
    },
  });
  const [text, setText] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Notes>({});
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string; fields?: { path: string; message: string }[] } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [etag, setEtag] = useState<string | null>(null);

  useEffect(() => {
    if (values.data) {
      const init: Record<string, string> = {};
      for (const [k, v] of Object.entries(values.data.doc.values ?? {})) init[k] = fieldText(v);
      setText(init);
      setNotes({ ...(values.data.doc.notes ?? {}) });
      setEtag(values.data.etag);
    }
  }, [values.data]);

  // What the API's evaluation reads (values with hamlets, 18.2 classification, adopted ladder, last
  // year's values): core evaluates the typed values over it in the browser, as the roll-up will.
  const input = useQuery({
    queryKey: ["evaluation-input", unitId, year],
    queryFn: () => must(api.GET("/v1/units/{id}/values/{year}/evaluation-input", { params: { path: { id: unitId, year } } })),
  });
  const ladder = useQuery({
    queryKey: ["ladder", ...(input.data?.ladder ?? [])],
    enabled: !!input.data,
    staleTime: Infinity,
    queryFn: () => Promise.all((input.data?.ladder ?? []).map((id) => fetchPack(qc, id))),
  });
  // The badges and the tier preview follow the form's first render (deferred): the inputs come first.
  const previewLadder = useDeferredValue(ladder.data);
  const compiled = useMemo(() => {
    try {
      return engine && previewLadder ? engine.compileLadder(previewLadder) : null;
    } catch {
      return null;
    }
  }, [engine, previewLadder]);
  const indicators = useMemo(() => ladderIndicators(ladder.data ?? []), [ladder.data]);
  const kinds = useMemo(() => new Map(indicators.map((i) => [i.id, i.kind as FieldKind])), [indicators]);
  const checks = useMemo(() => {
    const out: Record<string, ReturnType<typeof checkField>> = {};
    for (const i of indicators) out[i.id] = checkField(i.kind, text[i.id] ?? "");
    return out;
  }, [indicators, text]);
  const errors = Object.entries(checks).filter(([, c]) => !c.ok);
  const savedValues = values.data?.doc.values;
  // The values the form would save: what is stored, overridden by every field that reads well.
  const typed = useMemo(() => {
    const out: Values = { ...(savedValues ?? {}) };
    for (const i of indicators) {
      if (i.derive) continue;
      const c = checks[i.id];
      if (c?.ok) out[i.id] = c.value;
    }
    return out;
  }, [savedValues, indicators, checks]);
  const preview = useMemo(() => {
    if (!compiled || compiled.length === 0 || !input.data) return null;
    const saved = { ...(input.data.doc as unknown as UnitValues), values: savedValues ?? {} };
    return engine?.previewEdit(compiled, saved, typed, input.data.classification as Classification182 | null) ?? null;
  }, [engine, compiled, input.data, savedValues, typed]);
  const jumps = useMemo(
    () => new Map(valueJumps(input.data?.previousValues ?? {}, typed, { maxShare: jumpShare }).map((j) => [j.id, j] as const)),
    [input.data, typed, jumpShare],
  );
  const changed = useMemo(() => changedIds(savedValues ?? {}, typed).filter((id) => kinds.has(id)), [savedValues, typed, kinds]);
  const notesChanged = Object.keys({ ...notes, ...(values.data?.doc.notes ?? {}) }).filter(
    (id) => (notes[id] ?? "").trim() !== ((values.data?.doc.notes ?? {})[id] ?? ""),
  );
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Ctrl+S (⌘S) saves from anywhere on the page.
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const [openNotes, setOpenNotes] = useState<Set<string>>(new Set());
  const { user, can } = useSession();
  const lock = useQuery({
    queryKey: ["values-lock", unitId, year],
    queryFn: () => must(api.GET("/v1/units/{id}/values/{year}/lock", { params: { path: { id: unitId, year } } })),
  });
  const locked = lock.data?.locked === true;
  const mayApprove = can.approveValues && user?.scopeUnitId !== unitId;
  async function setLock(on: boolean) {
    setMessage(null);
    try {
      // If-Match: the values version the officer saw with the lock (412 if they changed since).
      const path = { params: { path: { id: unitId, year }, header: { "if-match": `"${lock.data?.version ?? 0}"` } } };
      await must(on ? api.PUT("/v1/units/{id}/values/{year}/lock", path) : api.DELETE("/v1/units/{id}/values/{year}/lock", path));
      await qc.invalidateQueries({ queryKey: ["values-lock", unitId, year] });
      await qc.invalidateQueries({ queryKey: ["completeness"] });
      setMessage({ kind: "ok", text: t(on ? "entry.lockedNow" : "entry.unlockedNow", { year }) });
    } catch (e) {
      setMessage({ kind: "error", text: e instanceof ApiError ? pickLang(e.message, lang) : String(e) });
    }
  }

  // No pack adopted for the year: say so; the form has no pack to check the values against.
  if (commune.error instanceof NoPackError)
    return <NoPackNotice year={year} reasons={commune.error.reasons} detail={t("noPack.entry")} testId="entry-no-pack" />;
  if (commune.isError) return <ErrorState error={commune.error} />;
  if (values.isPending || input.isPending || ladder.isPending || unitName === undefined) return <Loading />;
  if (input.isError) return <ErrorState error={input.error} onRetry={() => void input.refetch()} />;
  if (ladder.isError) return <ErrorState error={ladder.error} />;
  if (values.isError && !(values.error instanceof ApiError && values.error.status === 404))
    return <ErrorState error={values.error} onRetry={() => void values.refetch()} />;
  // No indicators: no pack for the year (the commune view then says why) or an empty one.
  if (indicators.length === 0) return commune.isPending ? <Loading /> : <Empty title={t("entry.noPack")} />;

  const collect = (): Values => typed;
  const summary = preview ? changeSummary(unitName, preview) : "";
  const changedJumps = changed.flatMap((id) => {
    const j = jumps.get(id);
    return j ? [j] : [];
  });

  async function save(vals: Values, noteMap: Notes, ifMatch: string | null) {
    setSaving(true);
    setMessage(null);
    const what = summary;
    try {
      const r = await mustWithEtag(
        api.PUT("/v1/units/{id}/values/{year}", {
          params: { path: { id: unitId, year }, ...(ifMatch ? { header: { "if-match": ifMatch } } : {}) },
          body: {
            values: vals,
            inputs: values.data?.doc.inputs ?? {},
            notApplicable: values.data?.doc.notApplicable ?? [],
            notes: noteMap,
          },
        }),
      );
      setEtag(r.etag ?? `"${r.data.version}"`);
      setConflict(null);
      setNotes(r.data.notes);
      await qc.invalidateQueries({ queryKey: ["commune", unitId] });
      // The lock's ETag is the values version: re-read it so an approval names the version just saved.
      await qc.invalidateQueries({ queryKey: ["values-lock", unitId, year] });
      await qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith("rollup") });
      await qc.invalidateQueries({ queryKey: ["evaluation-input", unitId] });
      await qc.invalidateQueries({ queryKey: ["values", unitId, year] });
      setMessage({ kind: "ok", text: what ? t("entry.savedChange", { year, summary: what }) : t("entry.savedYear", { year }) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        const cur = await mustWithEtag(api.GET("/v1/units/{id}/values/{year}", { params: { path: { id: unitId, year } } }));
        setConflict({ mine: vals, mineNotes: noteMap, theirs: cur.data, etag: cur.etag ?? `"${cur.data.version}"` });
      } else if (e instanceof ApiError) {
        setMessage({ kind: "error", text: pickLang(e.message, lang), fields: e.fieldProblems });
      } else setMessage({ kind: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (errors.length) {
      setMessage({ kind: "error", text: t("entry.fixErrors", { count: errors.length }) });
      document.getElementById(`f-${errors[0]?.[0] ?? ""}`)?.focus();
      return;
    }
    void save(collect(), notes, etag);
  }

  let lastCriterion = "";
  return (
    <form className="card" id="values-form" ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="form-h">
      <div className="section-head">
        <h2 id="form-h">
          {unitName} · {year}
        </h2>
        <Link href={`/communes/${encodeURIComponent(unitId)}`}>{t("entry.viewCommune")}</Link>
      </div>
      <p className="muted small">
        {t("entry.ladderNote")}{" "}
        {t("entry.versionLine", { version: values.data?.doc.version ?? "—", by: values.data?.doc.updatedBy ?? "—" })}
      </p>
      {(locked || mayApprove) && (
        <div className={`notice ${locked ? "notice-warn" : ""}`} data-testid="lock-state">
          <p>
            {locked
              ? t("entry.lockedText", {
                  year,
                  by: lock.data?.lockedByName ?? lock.data?.lockedBy ?? "—",
                  date: lock.data?.lockedAt ? formatDate(lock.data.lockedAt.slice(0, 10), "vi") : "—",
                })
              : t("entry.openText", { year })}
          </p>
          {mayApprove && (
            <button type="button" className="btn" onClick={() => void setLock(!locked)}>
              {locked ? t("entry.unlock", { year }) : t("entry.approve", { year })}
            </button>
          )}
        </div>
      )}
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          kinds={kinds}
          onUseTheirs={() => {
            const init: Record<string, string> = {};
            for (const [k, v] of Object.entries(conflict.theirs.values)) init[k] = fieldText(v);
            setText(init);
            setNotes({ ...conflict.theirs.notes });
            setEtag(conflict.etag);
            setConflict(null);
            setMessage({ kind: "ok", text: t("entry.tookTheirs") });
          }}
          onOverwrite={() => void save(conflict.mine, conflict.mineNotes, conflict.etag)}
        />
      )}
      <fieldset className="entry-grid" disabled={locked}>
        <legend className="sr-only">{t("entry.valuesLegend", { year })}</legend>
        {indicators.map((i) => {
          const head = i.criterionId !== lastCriterion;
          lastCriterion = i.criterionId;
          const c = checks[i.id];
          const err = c && !c.ok ? t(`entry.err.${c.error}`) : null;
          const fid = `f-${i.id}`;
          return (
            <div key={i.id} className="entry-row-wrap">
              {head && (
                <h3 className="entry-crit">
                  {i.criterionId}. {localName(i.criterionName, lang)}
                </h3>
              )}
              <div className={`entry-row ${err ? "has-error" : ""}`}>
                <label htmlFor={fid} className="entry-label">
                  <span className="ind-id">{i.id}</span> {localName(i.name, lang)}
                  <small className="muted"> ({i.unit && i.unit !== "%" ? i.unit : t(`kind.${i.kind}`)})</small>
                </label>
                {i.derive ? (
                  <output id={fid} className="derived">
                    {t("entry.derived")}
                  </output>
                ) : i.kind === "boolean" ? (
                  <select id={fid} name={i.id} value={text[i.id] ?? ""} onChange={(e) => setText({ ...text, [i.id]: e.target.value })}>
                    <option value="">—</option>
                    <option value="Đạt">{booleanWords(requiredBoolean(i.threshold), lang).yes}</option>
                    <option value="Không">{booleanWords(requiredBoolean(i.threshold), lang).no}</option>
                  </select>
                ) : (
                  <input
                    id={fid}
                    name={i.id}
                    inputMode="decimal"
                    value={text[i.id] ?? ""}
                    aria-invalid={!!err}
                    aria-describedby={err ? `${fid}-err` : undefined}
                    onChange={(e) => setText({ ...text, [i.id]: e.target.value })}
                  />
                )}
                <FieldBadge result={preview?.indicators[i.id]} fid={fid} />
                {jumps.has(i.id) && (
                  <span className="field-warning" data-testid={`jump-${i.id}`}>
                    ⚠ {t("entry.jump", { text: jumpText(jumps.get(i.id)!) })}
                  </span>
                )}
                {err && (
                  <span id={`${fid}-err`} className="field-error" role="alert">
                    {err}
                  </span>
                )}
              </div>
              {i.derive ? null : openNotes.has(i.id) ? (
                <div className="entry-note">
                  <label htmlFor={`n-${i.id}`} className="small muted">
                    {t("entry.noteLabel")} ({i.id})
                  </label>
                  <input
                    id={`n-${i.id}`}
                    name={`note-${i.id}`}
                    type="text"
                    maxLength={NOTE_MAX_LENGTH}
                    placeholder={t("entry.notePlaceholder")}
                    value={notes[i.id] ?? ""}
                    onChange={(e) => setNotes({ ...notes, [i.id]: e.target.value })}
                  />
                </div>
              ) : (
                <div className="entry-note">
                  <button
                    type="button"
                    className="btn btn-note"
                    aria-expanded="false"
                    aria-controls={`n-${i.id}`}
                    onClick={() => {
                      setOpenNotes(new Set([...openNotes, i.id]));
                      requestAnimationFrame(() => document.getElementById(`n-${i.id}`)?.focus());
                    }}
                  >
                    {notes[i.id] ? t("entry.noteEdit", { id: i.id }) : t("entry.noteAdd", { id: i.id })}
                  </button>
                  {notes[i.id] && <span className="small muted entry-note-text">{notes[i.id]}</span>}
                </div>
              )}
            </div>
          );
        })}
      </fieldset>
      {message && (
        <div
          className={`notice ${message.kind === "ok" ? "notice-ok" : "notice-error"}`}
          role={message.kind === "ok" ? "status" : "alert"}
          data-testid="save-message"
        >
          <p>{message.text}</p>
          {message.fields && message.fields.length > 0 && (
            <ul>
              {message.fields.map((f, k) => (
                <li key={k}>
                  <code>{f.path}</code>: {pickLang(f.message, lang)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="sticky-bar" role="region" aria-label={t("entry.pendingRegion")} data-testid="pending-bar">
        <div className="sticky-bar-text">
          {changed.length + notesChanged.length === 0 ? (
            <span className="muted">{t("entry.noPending")}</span>
          ) : (
            <>
              <strong>{t("entry.pending", { count: changed.length + notesChanged.length, year })}</strong>{" "}
              <span data-testid="pending-summary">{summary || t("entry.noResultChange")}</span>
              {changedJumps.length > 0 && <span className="field-warning"> · ⚠ {changedJumps.map(jumpText).join("; ")}</span>}
            </>
          )}
          {errors.length > 0 && <span className="field-error"> · {t("entry.fixErrors", { count: errors.length })}</span>}
        </div>
        <button type="submit" className="btn btn-primary" disabled={saving || locked} aria-keyshortcuts="Control+S">
          {saving ? t("state.working") : t("entry.save")}
        </button>
      </div>
    </form>
  );
}

function ConflictPanel({
  conflict,
  kinds,
  onUseTheirs,
  onOverwrite,
}: {
  conflict: Conflict;
  kinds: Map<string, FieldKind>;
  onUseTheirs: () => void;
  onOverwrite: () => void;
}) {
  const { t } = useTranslation();
  const ids = changedIds(conflict.mine, conflict.theirs.values).filter((id) => kinds.has(id) && id in conflict.mine);
  const theirNotes = conflict.theirs.notes ?? {};
  const noteIds = [...new Set([...Object.keys(conflict.mineNotes), ...Object.keys(theirNotes)])]
    .filter((id) => (conflict.mineNotes[id] ?? "").trim() !== (theirNotes[id] ?? ""))
    .sort();
  return (
    <section className="notice notice-error conflict" role="alert" aria-labelledby="conflict-h" data-testid="conflict">
      <h3 id="conflict-h">{t("entry.conflictTitle")}</h3>
      <p>{t("entry.conflictText", { by: conflict.theirs.updatedBy ?? t("entry.someone"), version: conflict.theirs.version })}</p>
      {ids.length + noteIds.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("commune.indicator")}</th>
              <th scope="col">{t("entry.yours")}</th>
              <th scope="col">{t("entry.theirs")}</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => (
              <tr key={id}>
                <th scope="row">{id}</th>
                <td>{fieldText(conflict.mine[id]) || "—"}</td>
                <td>
                  <strong>{fieldText(conflict.theirs.values[id]) || "—"}</strong>
                </td>
              </tr>
            ))}
            {noteIds.map((id) => (
              <tr key={`note-${id}`}>
                <th scope="row">{t("entry.noteRow", { id })}</th>
                <td>{conflict.mineNotes[id]?.trim() || "—"}</td>
                <td>
                  <strong>{theirNotes[id] || "—"}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("entry.conflictSame")}</p>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onUseTheirs}>
          {t("entry.useTheirs")}
        </button>
        <button type="button" className="btn btn-danger" onClick={onOverwrite}>
          {t("entry.overwrite")}
        </button>
      </div>
    </section>
  );
}

/**
 * The indicators of a tier ladder (standard → advanced → model), each once, in criterion order.
 * @example
 * ladderIndicators([standardPack, advancedPack]).map((i) => i.id) // ["1.1", "1.2", …]
 */
function ladderIndicators(packs: readonly PackView[]) {
  const seen = new Set<string>();
  const byCriterion = new Map<
    string,
    {
      criterionId: string;
      criterionName: { vi: string; en: string };
      items: (PackView["criteria"][number]["indicators"][number] & { criterionId: string; criterionName: { vi: string; en: string } })[];
    }
  >();
  for (const p of packs)
    for (const c of p.criteria) {
      const group = byCriterion.get(c.id) ?? { criterionId: c.id, criterionName: c.name, items: [] };
      byCriterion.set(c.id, group);
      for (const i of c.indicators) {
        if (seen.has(i.id)) continue;
        seen.add(i.id);
        group.items.push({ ...i, criterionId: c.id, criterionName: c.name });
      }
    }
  return [...byCriterion.values()].flatMap((g) => g.items);
}

/** The badge beside a field: the status of what is typed, with the threshold ("≥ 56", "chưa rõ ngưỡng"). */
function FieldBadge({ result, fid }: { result: IndicatorResult | undefined; fid: string }) {
  const { t } = useTranslation();
  if (!result) return <span className="entry-status" />;
  return (
    <span className="entry-status" id={`${fid}-status`} data-testid={`${fid}-status`} aria-live="polite">
      <StatusBadge status={result.status} />
      <span className="entry-threshold small">
        {result.status === "missing" ? `${t("entry.noData")} · ` : ""}
        {result.status === "not_applicable" ? "" : `${t("entry.threshold")} ${thresholdLabel(result)}`}
      </span>
    </span>
  );
}
