import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { MESSAGES, RESOURCE_SOURCES, describePeriod, parsePeriod } from "@ntm/core";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import { type FieldLabels, type PathProblem, fieldKey } from "../lib/fieldProblems";
import { fieldMessage } from "../lib/issues";
import { useVersionedSave } from "../lib/useVersionedSave";
import { Field, FormFrame } from "./FormFrame";
import { YEARS } from "../lib/years";

type Source = keyof typeof RESOURCE_SOURCES;
const MEASURE: Record<string, { vi: string; en: string }> = {
  dong: { vi: "đồng", en: "đồng" },
  m2: { vi: "m²", en: "m²" },
  days: { vi: "ngày công", en: "labour days" },
};

/**
 * Add one resource mobilised (money in whole đồng, land in m², labour days) for a unit and a period;
 * the amount is read as officers write it ("1.250.000"); the API checks it with core's rules and a
 * refused field is shown beside it under its label.
 */
export function ResourceForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const units = useUnits();
  const choices = (units.data ?? []).filter((u) => u.level === "commune" || u.level === "district");
  const [unitId, setUnitId] = useState("");
  const [period, setPeriod] = useState(String(YEARS.at(-2) ?? 2025));
  const [source, setSource] = useState<Source>("people_cash");
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const unit = unitId || (choices[0]?.id ?? "");
  const labels: FieldLabels = useMemo(
    () => ({
      unitId: t("records.resources.unit"),
      period: t("records.resources.period"),
      source: t("records.resources.source"),
      amount: t("records.resources.amount"),
      note: t("records.resources.note"),
    }),
    [t],
  );
  // What was sent, by field: core's wording of an amount problem quotes the value ("12,5").
  const sent: Record<string, string> = { unitId: unit, period, source, amount: amount.trim(), note: note.trim() };
  const messageOf = (p: PathProblem): string => {
    const wording = p.code ? MESSAGES[p.code] : undefined;
    return wording ? wording[lang]({ input: sent[fieldKey(p.path)] ?? "" }, lang) : fieldMessage(p, lang);
  };
  // A new record only: no version to match, so the saver's If-Match is not sent.
  const { errors, fieldErrors, busy, send } = useVersionedSave({ version: 0, labels, messageOf });
  const periods = YEARS.flatMap((y) => [String(y), `${y}S1`, `${y}S2`]);
  const periodText = (p: string) => {
    const r = parsePeriod(p);
    return r.ok ? describePeriod(r.value, lang) : p;
  };
  async function save(e: FormEvent) {
    e.preventDefault();
    await send(async () => {
      await must(
        api.POST("/v1/contributions", {
          body: { unitId: unit, period, source, amount: amount.trim(), ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      );
      await qc.invalidateQueries({ queryKey: ["list", "resources"] });
      onDone();
    });
  }
  return (
    <FormFrame
      testId="resource-form"
      headingId="resource-form-h"
      title={t("records.resources.add")}
      busy={busy}
      errors={errors}
      fieldErrors={fieldErrors}
      noValidate={false}
      onSubmit={(e) => void save(e)}
      onCancel={onDone}
    >
      <Field name="unitId" label={labels.unitId}>
        <select value={unit} onChange={(e) => setUnitId(e.target.value)} name="unitId">
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="period" label={labels.period}>
        <select value={period} onChange={(e) => setPeriod(e.target.value)} name="period">
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodText(p)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="source" label={labels.source}>
        <select value={source} onChange={(e) => setSource(e.target.value as Source)} name="source">
          {(Object.keys(RESOURCE_SOURCES) as Source[]).map((s) => (
            <option key={s} value={s}>
              {RESOURCE_SOURCES[s][lang]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="amount" label={`${labels.amount} (${MEASURE[RESOURCE_SOURCES[source].measure]?.[lang]})`}>
        <input
          required
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          name="amount"
          placeholder="1.250.000"
        />
      </Field>
      <Field name="note" label={labels.note}>
        <input value={note} onChange={(e) => setNote(e.target.value)} name="note" />
      </Field>
    </FormFrame>
  );
}
