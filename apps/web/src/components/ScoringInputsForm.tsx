import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  SCORING_INPUT_FIELDS,
  SCORING_INPUT_LABELS,
  TASK_COUNT_LABELS,
  type ScoringInputField,
  type ScoringInputs,
  checkScoringInputs,
  formatReason,
  formatScoringInput,
  parseDong,
  parseVietnameseNumber,
} from "@ntm/core";
import { api, must, type Schemas } from "../api/client";
import type { FieldLabels } from "../lib/fieldProblems";
import { vnDateTime } from "../lib/text";
import { type Versioned, useVersionedSave } from "../lib/useVersionedSave";
import { Field, FormFrame } from "./FormFrame";
import { RecordConflict, groupDong } from "./RecordConflict";
import { ErrorState, Loading } from "./States";

type Stored = Schemas["ScoringInputsRecord"];
const TASK_KEYS = ["assigned", "done", "onTime", "exceeding"] as const;
const COUNT_FIELDS = ["programmeTargetsMet", "programmeTargetsTotal", "reportsOnTime", "reportsTotal", "reportsOverdue"] as const;
type Discipline = "" | "no" | "yes" | "yes_self";

/** The form as typed: numbers as text (Vietnamese style), one evidence note per input. */
interface Draft {
  counts: Record<string, string>;
  resourcesPlanned: string;
  discipline: Discipline;
  evidence: Partial<Record<ScoringInputField, string>>;
}

const num = (n: number | undefined) => (n === undefined ? "" : String(n));

function draftOf(i: ScoringInputs): Draft {
  const counts: Record<string, string> = {};
  for (const k of TASK_KEYS) counts[`tasks.${k}`] = num(i.tasks?.[k]);
  for (const f of COUNT_FIELDS) counts[f] = num(i[f]);
  const d = i.discipline;
  return {
    counts,
    resourcesPlanned: i.resourcesPlanned ? groupDong(i.resourcesPlanned) : "",
    discipline: !d ? "" : !d.disciplined ? "no" : d.selfCorrected ? "yes_self" : "yes",
    evidence: Object.fromEntries(Object.entries(i.evidence ?? {}).filter(([, v]) => v !== undefined)) as Draft["evidence"],
  };
}

/**
 * The request body of a draft, with the problems the form finds before core's check: a count that is
 * not a whole number ≥ 0, a partial task set, money that is not whole đồng (keyed by the input's path).
 */
function bodyOf(d: Draft): { body: Record<string, unknown>; problems: Record<string, "count" | "tasks" | "money"> } {
  const problems: Record<string, "count" | "tasks" | "money"> = {};
  const read = (key: string): number | undefined => {
    const raw = (d.counts[key] ?? "").trim();
    if (raw === "") return undefined;
    const n = parseVietnameseNumber(raw);
    if (n === undefined || !Number.isInteger(n) || n < 0) problems[key] = "count";
    return n;
  };
  const body: Record<string, unknown> = {};
  const tasks = Object.fromEntries(TASK_KEYS.map((k) => [k, read(`tasks.${k}`)]));
  if (TASK_KEYS.some((k) => tasks[k] !== undefined)) {
    for (const k of TASK_KEYS) if (tasks[k] === undefined) problems[`tasks.${k}`] = "tasks";
    body.tasks = tasks;
  }
  for (const f of COUNT_FIELDS) {
    const v = read(f);
    if (v !== undefined) body[f] = v;
  }
  if (d.resourcesPlanned.trim() !== "") {
    const m = parseDong(d.resourcesPlanned);
    if (!m.ok || m.value < 0n) problems.resourcesPlanned = "money";
    else body.resourcesPlanned = m.value.toString();
  }
  if (d.discipline !== "") body.discipline = { disciplined: d.discipline !== "no", selfCorrected: d.discipline === "yes_self" };
  const evidence = Object.fromEntries(Object.entries(d.evidence).filter(([, v]) => v?.trim()));
  if (Object.keys(evidence).length > 0) body.evidence = evidence;
  return { body, problems };
}

/**
 * "Số liệu chấm điểm": a unit's scoring inputs for a year with the evidence behind each. Numbers are
 * read the Vietnamese way (core `parseVietnameseNumber`, `parseDong`), checked with core
 * `checkScoringInputs` (message at the field), saved over the version read (If-Match); a stale save
 * shows the saved inputs beside yours. Saving refreshes the ranking.
 */
export function ScoringInputsForm({
  unitId,
  unitName,
  year,
  onDone,
}: {
  unitId: string;
  unitName: string;
  year: number;
  onDone: () => void;
}) {
  const q = useQuery({
    queryKey: ["scoring-inputs", unitId, year],
    queryFn: (): Promise<Stored> => must(api.GET("/v1/units/{id}/scoring-inputs/{year}", { params: { path: { id: unitId, year } } })),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return <Editor key={`${unitId}-${year}`} stored={q.data} unitName={unitName} onDone={onDone} />;
}

function Editor({ stored, unitName, onDone }: { stored: Stored; unitName: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(() => draftOf(stored.inputs as ScoringInputs));
  const path = { id: stored.unitId, year: stored.year };
  // The body's paths and the labels the officer sees (server problems and core's checks name these).
  const labels: FieldLabels = useMemo(() => {
    const evidence = t("ranking.inputs.evidence");
    return {
      ...Object.fromEntries(SCORING_INPUT_FIELDS.map((f) => [f, SCORING_INPUT_LABELS[f][lang]])),
      ...Object.fromEntries(TASK_KEYS.map((k) => [`tasks.${k}`, `${SCORING_INPUT_LABELS.tasks[lang]}: ${TASK_COUNT_LABELS[k][lang]}`])),
      evidence,
      ...Object.fromEntries(SCORING_INPUT_FIELDS.map((f) => [`evidence.${f}`, `${evidence}: ${SCORING_INPUT_LABELS[f][lang]}`])),
    };
  }, [t, lang]);
  const { version, errors, fieldErrors, report, theirs, busy, send, dismiss } = useVersionedSave<Stored & Versioned>({
    version: stored.version,
    readTheirs: async () => (await must(api.GET("/v1/units/{id}/scoring-inputs/{year}", { params: { path } }))) as Stored & Versioned,
    labels,
  });
  const setCount = (key: string) => (e: { target: { value: string } }) =>
    setD((c) => ({ ...c, counts: { ...c.counts, [key]: e.target.value } }));
  const setEvidence = (f: ScoringInputField) => (e: { target: { value: string } }) =>
    setD((c) => ({ ...c, evidence: { ...c.evidence, [f]: e.target.value } }));

  async function save(e?: FormEvent, atVersion = version) {
    e?.preventDefault();
    const { body, problems } = bodyOf(d);
    const local = Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, t(`ranking.inputs.problem.${p}`)]));
    const checked = checkScoringInputs(body);
    const fromCore = checked.ok
      ? {}
      : Object.fromEntries(
          checked.issues.map((i) => {
            const text = i.code.startsWith("scoring_inputs.")
              ? formatReason({ code: i.code, path: [...i.path], params: i.params ?? {} }, lang)
              : t("records.invalid");
            return [i.path.join("."), text];
          }),
        );
    const all = { ...fromCore, ...local };
    if (Object.keys(all).length > 0 || !checked.ok) {
      report(Object.entries(all).map(([p, message]) => ({ path: p, message })));
      return;
    }
    await send(async (ifMatch) => {
      await must(
        api.PUT("/v1/units/{id}/scoring-inputs/{year}", {
          params: { path },
          body: checked.value as never,
          headers: { "if-match": ifMatch },
        }),
      );
      await qc.invalidateQueries({ queryKey: ["ranking"] });
      await qc.invalidateQueries({ queryKey: ["scoring-inputs", stored.unitId, stored.year] });
      onDone();
    }, atVersion);
  }

  const evidenceInput = (f: ScoringInputField) => (
    <Field name={`evidence.${f}`} bare>
      <input
        name={`evidence.${f}`}
        value={d.evidence[f] ?? ""}
        onChange={setEvidence(f)}
        placeholder={t("ranking.inputs.evidenceHint")}
        aria-label={`${t("ranking.inputs.evidence")}: ${SCORING_INPUT_LABELS[f][lang]}`}
      />
    </Field>
  );
  const summary = (x: Draft) => {
    const { body } = bodyOf(x);
    const ev = body.evidence as Partial<Record<ScoringInputField, string>> | undefined;
    return (
      <dl className="facts">
        {SCORING_INPUT_FIELDS.map((f) => (
          <div key={f}>
            <dt>{SCORING_INPUT_LABELS[f][lang]}</dt>
            <dd>
              {formatScoringInput(f, body[f], lang)}
              {ev?.[f] ? ` (${ev[f]})` : ""}
            </dd>
          </div>
        ))}
      </dl>
    );
  };

  return (
    <FormFrame
      testId="scoring-form"
      headingId="scoring-form-h"
      headingLevel={3}
      title={t("ranking.inputs.title", { unit: unitName, year: stored.year })}
      intro={
        <p className="muted">
          {stored.version === 0
            ? t("ranking.inputs.none")
            : t("ranking.inputs.savedBy", {
                version: stored.version,
                who: stored.updatedByName ?? stored.updatedBy ?? "—",
                at: stored.updatedAt ? vnDateTime(stored.updatedAt, lang) : "—",
              })}
        </p>
      }
      busy={busy}
      errors={errors}
      fieldErrors={fieldErrors}
      onSubmit={(e) => void save(e)}
      onCancel={onDone}
      conflict={
        theirs && (
          <RecordConflict
            testId="scoring-conflict"
            who={theirs.updatedByName ?? theirs.updatedBy}
            at={theirs.updatedAt ?? undefined}
            yours={summary(d)}
            theirs={summary(draftOf(theirs.inputs as ScoringInputs))}
            busy={busy}
            onKeepMine={() => void save(undefined, theirs.version)}
            onTakeTheirs={() => {
              setD(draftOf(theirs.inputs as ScoringInputs));
              dismiss();
            }}
          />
        )
      }
    >
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("ranking.inputs.field")}</th>
            <th scope="col">{t("ranking.inputs.value")}</th>
            <th scope="col">{t("ranking.inputs.evidence")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{SCORING_INPUT_LABELS.tasks[lang]}</th>
            <td>
              {TASK_KEYS.map((k) => (
                <Field key={k} name={`tasks.${k}`} label={TASK_COUNT_LABELS[k][lang]}>
                  <input inputMode="numeric" name={`tasks.${k}`} value={d.counts[`tasks.${k}`] ?? ""} onChange={setCount(`tasks.${k}`)} />
                </Field>
              ))}
            </td>
            <td>{evidenceInput("tasks")}</td>
          </tr>
          {COUNT_FIELDS.map((f) => (
            <tr key={f}>
              <th scope="row">
                <label htmlFor={`scoring-${f}`}>{SCORING_INPUT_LABELS[f][lang]}</label>
              </th>
              <td>
                <Field name={f} bare>
                  <input id={`scoring-${f}`} inputMode="numeric" name={f} value={d.counts[f] ?? ""} onChange={setCount(f)} />
                </Field>
              </td>
              <td>{evidenceInput(f)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <label htmlFor="scoring-resourcesPlanned">{SCORING_INPUT_LABELS.resourcesPlanned[lang]}</label>
            </th>
            <td>
              <Field name="resourcesPlanned" bare>
                <input
                  id="scoring-resourcesPlanned"
                  inputMode="numeric"
                  name="resourcesPlanned"
                  placeholder="5.000.000.000"
                  value={d.resourcesPlanned}
                  onChange={(e) => setD((c) => ({ ...c, resourcesPlanned: e.target.value }))}
                />
              </Field>
            </td>
            <td>{evidenceInput("resourcesPlanned")}</td>
          </tr>
          <tr>
            <th scope="row">
              <label htmlFor="scoring-discipline">{SCORING_INPUT_LABELS.discipline[lang]}</label>
            </th>
            <td>
              <Field name="discipline" bare>
                <select
                  id="scoring-discipline"
                  name="discipline"
                  value={d.discipline}
                  onChange={(e) => setD((c) => ({ ...c, discipline: e.target.value as Discipline }))}
                >
                  {(["", "no", "yes", "yes_self"] as const).map((v) => (
                    <option key={v} value={v}>
                      {t(`ranking.inputs.discipline.${v || "unset"}`)}
                    </option>
                  ))}
                </select>
              </Field>
            </td>
            <td>{evidenceInput("discipline")}</td>
          </tr>
        </tbody>
      </table>
    </FormFrame>
  );
}
