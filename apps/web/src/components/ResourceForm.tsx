import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { RESOURCE_SOURCES, describePeriod, parsePeriod } from "@ntm/core";
import { ApiError } from "../api/http";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import { pickLang } from "../lib/text";
import { YEARS } from "../lib/years";

type Source = keyof typeof RESOURCE_SOURCES;
const MEASURE: Record<string, { vi: string; en: string }> = {
  dong: { vi: "đồng", en: "đồng" },
  m2: { vi: "m²", en: "m²" },
  days: { vi: "ngày công", en: "labour days" },
};

/**
 * Add one resource mobilised (money in whole đồng, land in m², labour days) for a unit and a period;
 * the amount is read as officers write it ("1.250.000"); the API checks it with core's rules.
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
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const periods = YEARS.flatMap((y) => [String(y), `${y}S1`, `${y}S2`]);
  const periodText = (p: string) => {
    const r = parsePeriod(p);
    return r.ok ? describePeriod(r.value, lang) : p;
  };
  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    try {
      await must(
        api.POST("/v1/contributions", {
          body: {
            unitId: unitId || (choices[0]?.id ?? ""),
            period,
            source,
            amount: amount.trim(),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      );
      await qc.invalidateQueries({ queryKey: ["list", "resources"] });
      onDone();
    } catch (err) {
      setErrors(
        err instanceof ApiError
          ? [pickLang(err.message, lang), ...err.fieldProblems.map((f) => `${f.path}: ${pickLang(f.message, lang)}`)]
          : [String(err)],
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="bulk-form" onSubmit={(e) => void save(e)} aria-labelledby="resource-form-h" data-testid="resource-form">
      <h2 id="resource-form-h">{t("records.resources.add")}</h2>
      <label className="field">
        <span>{t("records.resources.unit")}</span>
        <select value={unitId || (choices[0]?.id ?? "")} onChange={(e) => setUnitId(e.target.value)} name="unitId">
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("records.resources.period")}</span>
        <select value={period} onChange={(e) => setPeriod(e.target.value)} name="period">
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodText(p)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("records.resources.source")}</span>
        <select value={source} onChange={(e) => setSource(e.target.value as Source)} name="source">
          {(Object.keys(RESOURCE_SOURCES) as Source[]).map((s) => (
            <option key={s} value={s}>
              {RESOURCE_SOURCES[s][lang]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>
          {t("records.resources.amount")} ({MEASURE[RESOURCE_SOURCES[source].measure]?.[lang]})
        </span>
        <input
          required
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          name="amount"
          placeholder="1.250.000"
        />
      </label>
      <label className="field">
        <span>{t("records.resources.note")}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} name="note" />
      </label>
      {errors.length > 0 && (
        <div className="notice notice-error" role="alert">
          {errors.map((x) => (
            <p key={x}>{x}</p>
          ))}
        </div>
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
