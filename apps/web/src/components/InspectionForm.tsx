import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { type Issue, type RecommendationStatus, formatDate, validateInspectionRecord } from "@ntm/core";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import type { FieldLabels } from "../lib/fieldProblems";
import { useVersionedSave } from "../lib/useVersionedSave";
import { Field, FormFrame } from "./FormFrame";
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
  const field = (k: string) => t(`records.inspection.field.${k}`);
  // The body's paths and the labels the officer sees, each finding and recommendation by its number
  // ("Kiến nghị 2 — Hạn khắc phục"): server problems and core's checks name these.
  const labels: FieldLabels = {
    ...Object.fromEntries(["kind", "date", "unitId", "subject", "conductedBy", "findings", "recommendations"].map((k) => [k, field(k)])),
    ...Object.fromEntries(
      d.findings.map((_, i) => [`findings.${i}`, `${t("records.inspection.findingN", { n: i + 1 })}: ${field("findings")}`]),
    ),
    ...Object.fromEntries(
      d.recs.flatMap((_, i) =>
        ["id", "text", "remedy", "responsible", "dueDate", "status", "doneOn", "finding"].map((k) => [
          `recommendations.${i}.${k}`,
          `${t("records.inspection.recN", { n: i + 1 })} — ${field(k === "finding" ? "findings" : k)}`,
        ]),
      ),
    ),
  };
  const { errors, fieldErrors, report, theirs, busy, send, dismiss } = useVersionedSave<ListedRecord>({
    version: record?.version ?? 0,
    labels,
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

  /** What a core issue says, in the catalog's words (the frame names the finding, recommendation or field). */
  const issueText = (i: Issue): string =>
    t(`records.inspection.check.${i.code.replace(/\./g, "_")}`, {
      defaultValue: i.code === "too_small" ? t("records.inspection.check.empty") : t("records.invalid"),
    });

  async function save(e?: FormEvent, atVersion?: number) {
    e?.preventDefault();
    const body = bodyOf(d, unitName);
    const { unitId, ...rec } = body;
    const checked = validateInspectionRecord({ ...rec, id: record?.id ?? "new" });
    const problems = unitId ? [] : [{ path: "unitId", message: t("records.inspection.check.empty") }];
    if (!checked.ok) problems.push(...checked.issues.map((i) => ({ path: i.path.join("."), message: issueText(i) })));
    if (problems.length > 0) {
      report(problems);
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
      <Field name={`recommendations.${n - 1}.text`} label={field("text")}>
        <input value={r.text} onChange={(e) => setRec(r.id, { text: e.target.value })} name={`rec-${n}-text`} />
      </Field>
      <Field name={`recommendations.${n - 1}.remedy`} label={field("remedy")}>
        <input value={r.remedy} onChange={(e) => setRec(r.id, { remedy: e.target.value })} name={`rec-${n}-remedy`} />
      </Field>
      <Field name={`recommendations.${n - 1}.responsible`} label={field("responsible")}>
        <input value={r.responsible} onChange={(e) => setRec(r.id, { responsible: e.target.value })} name={`rec-${n}-responsible`} />
      </Field>
      <Field name={`recommendations.${n - 1}.dueDate`} label={field("dueDate")}>
        <input type="date" value={r.dueDate} onChange={(e) => setRec(r.id, { dueDate: e.target.value })} name={`rec-${n}-dueDate`} />
      </Field>
      <Field name={`recommendations.${n - 1}.status`} label={field("status")}>
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
      </Field>
      {r.status === "done" && (
        <Field name={`recommendations.${n - 1}.doneOn`} label={field("doneOn")}>
          <input type="date" value={r.doneOn} onChange={(e) => setRec(r.id, { doneOn: e.target.value })} name={`rec-${n}-doneOn`} />
        </Field>
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
    <FormFrame
      testId="inspection-form"
      headingId="inspection-form-h"
      title={record ? t("records.inspection.edit") : t("records.inspection.add")}
      busy={busy}
      errors={errors}
      fieldErrors={fieldErrors}
      onSubmit={(e) => void save(e)}
      onCancel={onDone}
      conflict={
        theirs && (
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
        )
      }
    >
      <Field name="kind" label={field("kind")}>
        <select value={d.kind} onChange={set("kind")} name="kind">
          <option value="inspection">{t("inspections.kinds.inspection")}</option>
          <option value="supervision">{t("inspections.kinds.supervision")}</option>
        </select>
      </Field>
      <Field name="date" label={field("date")}>
        <input type="date" value={d.date} onChange={set("date")} name="date" />
      </Field>
      <Field name="unitId" label={field("unitId")}>
        <select value={d.unitId} onChange={set("unitId")} name="unitId">
          <option value="">—</option>
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="subjectKind" label={field("subjectKind")}>
        <select value={d.subjectKind} onChange={set("subjectKind")} name="subjectKind">
          <option value="unit">{t("records.inspection.subjectUnit")}</option>
          <option value="organisation">{t("records.inspection.subjectOrganisation")}</option>
        </select>
      </Field>
      {d.subjectKind === "organisation" && (
        <Field name="subject" label={field("organisation")}>
          <input value={d.organisation} onChange={set("organisation")} name="organisation" placeholder="Chi bộ thôn 1" />
        </Field>
      )}
      <Field name="conductedBy" label={field("conductedBy")}>
        <input value={d.conductedBy} onChange={set("conductedBy")} name="conductedBy" placeholder="Ủy ban Kiểm tra Huyện ủy" />
      </Field>
      <h3>{t("records.inspection.field.findings")}</h3>
      {d.findings.length === 0 && <p className="muted">{t("records.inspection.noFindings")}</p>}
      {d.findings.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a finding is its place in the record (recommendations point to it by index)
        <fieldset key={i} className="bulk-form" data-testid={`finding-${i + 1}`}>
          <legend>{t("records.inspection.findingN", { n: i + 1 })}</legend>
          <Field name={`findings.${i}`} label={field("finding")}>
            <textarea value={f} onChange={(e) => setFinding(i, e.target.value)} name={`finding-${i + 1}`} rows={2} />
          </Field>
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
    </FormFrame>
  );
}
