import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { type Issue, type RecommendationStatus, formatDate, validateInspectionRecord } from "@ntm/core";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import { useVersionedSave } from "../lib/useVersionedSave";
import { type ListedRecord, RecordConflict } from "./RecordConflict";

const REC_STATUSES: readonly RecommendationStatus[] = ["open", "in_progress", "done"];

/** One recommendation (kiến nghị) and its follow-up, tied to a finding by index or to none. */
interface RecDraft {
  id: string;
  finding: number | null;
  text: string;
  remedy: string;
  responsible: string;
  dueDate: string;
  status: RecommendationStatus;
  doneOn: string;
}

interface Draft {
  unitId: string;
  subjectKind: "unit" | "organisation";
  organisation: string;
  date: string;
  kind: "inspection" | "supervision";
  conductedBy: string;
  findings: string[];
  recs: RecDraft[];
}

type Stored = {
  unitId?: string;
  subject?: { kind: "unit" | "organisation"; id: string; name: string };
  date?: string;
  kind?: Draft["kind"];
  conductedBy?: string;
  findings?: string[];
  recommendations?: {
    id: string;
    text: string;
    responsible: string;
    dueDate: string;
    status: RecommendationStatus;
    doneOn?: string;
    finding?: number;
    remedy?: string;
  }[];
};

function draftOf(r: ListedRecord | null): Draft {
  const d = (r?.data ?? {}) as Stored;
  return {
    unitId: d.unitId ?? r?.unitId ?? "",
    subjectKind: d.subject?.kind ?? "unit",
    organisation: d.subject?.kind === "organisation" ? d.subject.name : "",
    date: d.date ?? "",
    kind: d.kind ?? "inspection",
    conductedBy: d.conductedBy ?? "",
    findings: d.findings ?? [],
    recs: (d.recommendations ?? []).map((x) => ({
      id: x.id,
      finding: x.finding ?? null,
      text: x.text,
      remedy: x.remedy ?? "",
      responsible: x.responsible,
      dueDate: x.dueDate,
      status: x.status,
      doneOn: x.doneOn ?? "",
    })),
  };
}

/** An organisation's id from its name: lower case, no tone marks, words joined by "-". */
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function bodyOf(d: Draft, unitName: (id: string) => string) {
  const subject =
    d.subjectKind === "unit"
      ? { kind: "unit" as const, id: d.unitId, name: d.unitId ? unitName(d.unitId) : "" }
      : { kind: "organisation" as const, id: d.organisation.trim() ? `org-${slug(d.organisation)}` : "", name: d.organisation.trim() };
  return {
    unitId: d.unitId,
    subject,
    date: d.date,
    kind: d.kind,
    ...(d.conductedBy.trim() ? { conductedBy: d.conductedBy.trim() } : {}),
    findings: d.findings.map((f) => f.trim()),
    recommendations: d.recs.map((x) => ({
      id: x.id,
      text: x.text.trim(),
      responsible: x.responsible.trim(),
      dueDate: x.dueDate,
      status: x.status,
      ...(x.doneOn ? { doneOn: x.doneOn } : {}),
      ...(x.finding !== null ? { finding: x.finding } : {}),
      ...(x.remedy.trim() ? { remedy: x.remedy.trim() } : {}),
    })),
  };
}

/** The next free recommendation id ("kn-1", "kn-2", …). */
function nextRecId(recs: readonly RecDraft[]): string {
  const used = new Set(recs.map((r) => r.id));
  let n = recs.length + 1;
  while (used.has(`kn-${n}`)) n++;
  return `kn-${n}`;
}

/**
 * Add or edit an inspection or supervision record (kiểm tra, giám sát) with its findings (kết luận)
 * and the follow-up of each (kiến nghị, việc khắc phục, người chịu trách nhiệm, hạn, trạng thái):
 * checked with core's `validateInspectionRecord` before sending; a stale version shows the saved
 * record beside yours.
 */
export function InspectionForm({ record, onDone }: { record: ListedRecord | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const units = useUnits();
  const choices = (units.data ?? []).filter((u) => u.level === "commune" || u.level === "district" || u.level === "hamlet");
  const unitName = (id: string) => (units.data ?? []).find((u) => u.id === id)?.name ?? id;
  const [d, setD] = useState<Draft>(() => draftOf(record));
  const { errors, setErrors, theirs, busy, send, dismiss } = useVersionedSave<ListedRecord>({
    version: record?.version ?? 0,
    readTheirs: record
      ? async () =>
          ((await must(api.GET("/v1/inspections"))) as unknown as { items: ListedRecord[] }).items.find((x) => x.id === record.id) ?? null
      : undefined,
  });
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD((cur) => ({ ...cur, [k]: e.target.value }));
  const setFinding = (i: number, text: string) => setD((cur) => ({ ...cur, findings: cur.findings.map((f, j) => (j === i ? text : f)) }));
  const setRec = (id: string, patch: Partial<RecDraft>) =>
    setD((cur) => ({
      ...cur,
      recs: cur.recs.map((x) => {
        if (x.id !== id) return x;
        const next = { ...x, ...patch };
        // A done date belongs to a done recommendation only.
        return next.status === "done" ? next : { ...next, doneOn: "" };
      }),
    }));
  const addFinding = () => setD((cur) => ({ ...cur, findings: [...cur.findings, ""] }));
  const removeFinding = (i: number) =>
    setD((cur) => ({
      ...cur,
      findings: cur.findings.filter((_, j) => j !== i),
      // Its follow-ups go with it; later findings move up one place.
      recs: cur.recs
        .filter((x) => x.finding !== i)
        .map((x) => (x.finding !== null && x.finding > i ? { ...x, finding: x.finding - 1 } : x)),
    }));
  const addRec = (finding: number | null) =>
    setD((cur) => ({
      ...cur,
      recs: [
        ...cur.recs,
        { id: nextRecId(cur.recs), finding, text: "", remedy: "", responsible: "", dueDate: "", status: "open", doneOn: "" },
      ],
    }));
  const removeRec = (id: string) => setD((cur) => ({ ...cur, recs: cur.recs.filter((x) => x.id !== id) }));

  /** An issue in words: the finding or recommendation it is about, the field, what is wrong. */
  function issueText(i: Issue): string {
    const [head, index, field] = i.path;
    const where =
      head === "findings" && typeof index === "number"
        ? `${t("records.inspection.findingN", { n: index + 1 })}: `
        : head === "recommendations" && typeof index === "number"
          ? `${t("records.inspection.recN", { n: index + 1 })} — `
          : "";
    const name = String(head === "recommendations" ? (field ?? "") : head === "subject" ? "subject" : (head ?? ""));
    const what = t(`records.inspection.check.${i.code.replace(/\./g, "_")}`, {
      defaultValue: i.code === "too_small" ? t("records.inspection.check.empty") : t("records.invalid"),
    });
    return `${where}${t(`records.inspection.field.${name}`, { defaultValue: name })}: ${what}`;
  }

  async function save(e?: FormEvent, atVersion?: number) {
    e?.preventDefault();
    const body = bodyOf(d, unitName);
    const { unitId, ...rec } = body;
    const checked = validateInspectionRecord({ ...rec, id: record?.id ?? "new" });
    const problems = [...(unitId ? [] : [`${t("records.inspection.field.unitId")}: ${t("records.inspection.check.empty")}`])];
    if (!checked.ok) problems.push(...new Set(checked.issues.map(issueText)));
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    await send(async (ifMatch) => {
      if (record)
        await must(
          api.PUT("/v1/inspections/{id}", {
            params: { path: { id: record.id } },
            body: body as never,
            headers: { "if-match": ifMatch },
          }),
        );
      else await must(api.POST("/v1/inspections", { body: body as never }));
      await qc.invalidateQueries({ queryKey: ["list", "inspections"] });
      onDone();
    }, atVersion);
  }

  const statusText = (s: RecommendationStatus) => t(`records.inspection.status.${s}`);
  const summary = (x: Draft) => (
    <dl className="facts">
      <dt>{t("records.inspection.field.date")}</dt>
      <dd>{x.date ? formatDate(x.date, lang) : "—"}</dd>
      <dt>{t("records.inspection.field.findings")}</dt>
      <dd>{x.findings.join("; ") || "—"}</dd>
      <dt>{t("records.inspection.followUp")}</dt>
      <dd>
        {x.recs.map((r) => `${r.text || "—"}: ${statusText(r.status)}${r.doneOn ? ` (${formatDate(r.doneOn, lang)})` : ""}`).join("; ") ||
          "—"}
      </dd>
    </dl>
  );

  const recFields = (r: RecDraft, n: number) => (
    <fieldset key={r.id} className="bulk-form" data-testid={`rec-${n}`}>
      <legend>{t("records.inspection.recN", { n })}</legend>
      <label className="field">
        <span>{t("records.inspection.field.text")}</span>
        <input value={r.text} onChange={(e) => setRec(r.id, { text: e.target.value })} name={`rec-${n}-text`} />
      </label>
      <label className="field">
        <span>{t("records.inspection.field.remedy")}</span>
        <input value={r.remedy} onChange={(e) => setRec(r.id, { remedy: e.target.value })} name={`rec-${n}-remedy`} />
      </label>
      <label className="field">
        <span>{t("records.inspection.field.responsible")}</span>
        <input value={r.responsible} onChange={(e) => setRec(r.id, { responsible: e.target.value })} name={`rec-${n}-responsible`} />
      </label>
      <label className="field">
        <span>{t("records.inspection.field.dueDate")}</span>
        <input type="date" value={r.dueDate} onChange={(e) => setRec(r.id, { dueDate: e.target.value })} name={`rec-${n}-dueDate`} />
      </label>
      <label className="field">
        <span>{t("records.inspection.field.status")}</span>
        <select
          value={r.status}
          onChange={(e) => setRec(r.id, { status: e.target.value as RecommendationStatus })}
          name={`rec-${n}-status`}
        >
          {REC_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusText(s)}
            </option>
          ))}
        </select>
      </label>
      {r.status === "done" && (
        <label className="field">
          <span>{t("records.inspection.field.doneOn")}</span>
          <input type="date" value={r.doneOn} onChange={(e) => setRec(r.id, { doneOn: e.target.value })} name={`rec-${n}-doneOn`} />
        </label>
      )}
      <button type="button" className="btn btn-ghost" onClick={() => removeRec(r.id)}>
        {t("records.inspection.removeRec", { n })}
      </button>
    </fieldset>
  );
  // Recommendations are numbered in the record's order, whichever finding they follow up.
  const numberOf = (id: string) => d.recs.findIndex((x) => x.id === id) + 1;
  const unlinked = d.recs.filter((x) => x.finding === null);

  return (
    <form className="bulk-form" onSubmit={(e) => void save(e)} aria-labelledby="inspection-form-h" data-testid="inspection-form" noValidate>
      <h2 id="inspection-form-h">{record ? t("records.inspection.edit") : t("records.inspection.add")}</h2>
      <label className="field">
        <span>{t("records.inspection.field.kind")}</span>
        <select value={d.kind} onChange={set("kind")} name="kind">
          <option value="inspection">{t("inspections.kinds.inspection")}</option>
          <option value="supervision">{t("inspections.kinds.supervision")}</option>
        </select>
      </label>
      <label className="field">
        <span>{t("records.inspection.field.date")}</span>
        <input type="date" value={d.date} onChange={set("date")} name="date" />
      </label>
      <label className="field">
        <span>{t("records.inspection.field.unitId")}</span>
        <select value={d.unitId} onChange={set("unitId")} name="unitId">
          <option value="">—</option>
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("records.inspection.field.subjectKind")}</span>
        <select value={d.subjectKind} onChange={set("subjectKind")} name="subjectKind">
          <option value="unit">{t("records.inspection.subjectUnit")}</option>
          <option value="organisation">{t("records.inspection.subjectOrganisation")}</option>
        </select>
      </label>
      {d.subjectKind === "organisation" && (
        <label className="field">
          <span>{t("records.inspection.field.organisation")}</span>
          <input value={d.organisation} onChange={set("organisation")} name="organisation" placeholder="Chi bộ thôn 1" />
        </label>
      )}
      <label className="field">
        <span>{t("records.inspection.field.conductedBy")}</span>
        <input value={d.conductedBy} onChange={set("conductedBy")} name="conductedBy" placeholder="Ủy ban Kiểm tra Huyện ủy" />
      </label>
      <h3>{t("records.inspection.field.findings")}</h3>
      {d.findings.length === 0 && <p className="muted">{t("records.inspection.noFindings")}</p>}
      {d.findings.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a finding is its place in the record (recommendations point to it by index)
        <fieldset key={i} className="bulk-form" data-testid={`finding-${i + 1}`}>
          <legend>{t("records.inspection.findingN", { n: i + 1 })}</legend>
          <label className="field">
            <span>{t("records.inspection.field.finding")}</span>
            <textarea value={f} onChange={(e) => setFinding(i, e.target.value)} name={`finding-${i + 1}`} rows={2} />
          </label>
          {d.recs.filter((x) => x.finding === i).map((x) => recFields(x, numberOf(x.id)))}
          <div className="toolbar">
            <button type="button" className="btn" onClick={() => addRec(i)}>
              {t("records.inspection.addRec")}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => removeFinding(i)}>
              {t("records.inspection.removeFinding", { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      {unlinked.length > 0 && (
        <>
          <h3>{t("records.inspection.general")}</h3>
          {unlinked.map((x) => recFields(x, numberOf(x.id)))}
        </>
      )}
      <div className="toolbar">
        <button type="button" className="btn" onClick={addFinding}>
          {t("records.inspection.addFinding")}
        </button>
      </div>
      {errors.length > 0 && (
        <div className="notice notice-error" role="alert">
          {errors.map((x) => (
            <p key={x}>{x}</p>
          ))}
        </div>
      )}
      {theirs && (
        <RecordConflict
          testId="inspection-conflict"
          who={theirs.updatedBy}
          at={theirs.updatedAt}
          yours={summary(d)}
          theirs={summary(draftOf(theirs))}
          busy={busy}
          onKeepMine={() => void save(undefined, theirs.version)}
          onTakeTheirs={() => {
            setD(draftOf(theirs));
            dismiss();
          }}
        />
      )}
      <div className="toolbar">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("records.save")}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t("records.cancel")}
        </button>
      </div>
    </form>
  );
}
