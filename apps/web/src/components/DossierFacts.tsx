import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { DOSSIER_DOCUMENT_LABELS, type DossierDocument } from "@ntm/core";
import { ApiError } from "../api/http";
import { api, must } from "../api/client";
import { checkField } from "../lib/fields";
import { pickLang } from "../lib/text";

const DOCUMENTS = Object.keys(DOSSIER_DOCUMENT_LABELS) as DossierDocument[];

interface Facts {
  id: string;
  documents: DossierDocument[];
  satisfactionPercent: number | null;
  capitalConstructionDebt: string | number | bigint | null;
  councilVote: { for: number; against: number; members: number } | null;
}

/**
 * The facts the recognition guards read (documents present, residents' satisfaction, outstanding
 * capital-construction debt), edited with If-Match; the API decides who may save them.
 */
export function DossierFacts({ dossier, etag, reviewer }: { dossier: Facts; etag: string | null; reviewer: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const [docs, setDocs] = useState<DossierDocument[]>(dossier.documents);
  const [satisfaction, setSatisfaction] = useState(dossier.satisfactionPercent === null ? "" : String(dossier.satisfactionPercent));
  const [debt, setDebt] = useState(dossier.capitalConstructionDebt === null ? "" : String(dossier.capitalConstructionDebt));
  const [vote, setVote] = useState({
    for: String(dossier.councilVote?.for ?? ""),
    against: String(dossier.councilVote?.against ?? ""),
    members: String(dossier.councilVote?.members ?? ""),
  });
  const voteFilled = vote.for.trim() !== "" || vote.against.trim() !== "" || vote.members.trim() !== "";
  const voteOk = !voteFilled || [vote.for, vote.against, vote.members].every((v) => /^\d+$/.test(v.trim()));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const sat = checkField("percent", satisfaction);
  const debtOk = debt.trim() === "" || /^\d+$/.test(debt.trim());

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!sat.ok || !debtOk || !voteOk) return;
    setMsg(null);
    try {
      await must(
        api.PATCH("/v1/dossiers/{id}", {
          params: { path: { id: dossier.id } },
          body: {
            documents: docs,
            satisfactionPercent: sat.value as number | null,
            capitalConstructionDebt: debt.trim() === "" ? null : debt.trim(),
            ...(reviewer && voteFilled
              ? { councilVote: { for: Number(vote.for), against: Number(vote.against), members: Number(vote.members) } }
              : {}),
          },
          ...(etag ? { headers: { "if-match": etag } } : {}),
        }),
      );
      setMsg({ ok: true, text: t("dossiers.factsSaved") });
      await qc.invalidateQueries({ queryKey: ["dossiers"] });
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setMsg({ ok: false, text: t("dossiers.factsStale") });
      else
        setMsg({
          ok: false,
          text:
            err instanceof ApiError
              ? [pickLang(err.message, lang), ...err.fieldProblems.map((f) => pickLang(f.message, lang))].join(" · ")
              : String(err),
        });
    }
  }

  return (
    <form className="dossier-facts" onSubmit={(e) => void save(e)} aria-labelledby="facts-h">
      <h3 id="facts-h">{t("dossiers.facts")}</h3>
      <fieldset>
        <legend>{t("dossiers.documents")}</legend>
        {DOCUMENTS.map((d) => (
          <label key={d} className="check">
            <input
              type="checkbox"
              checked={docs.includes(d)}
              onChange={(e) => setDocs(e.target.checked ? [...docs, d] : docs.filter((x) => x !== d))}
            />
            {DOSSIER_DOCUMENT_LABELS[d]?.[lang] ?? d}
          </label>
        ))}
      </fieldset>
      <div className="toolbar">
        <label className="field">
          <span>{t("dossiers.satisfaction")} (%)</span>
          <input inputMode="decimal" value={satisfaction} onChange={(e) => setSatisfaction(e.target.value)} aria-invalid={!sat.ok} />
          {!sat.ok && <span className="field-error">{t(`entry.err.${sat.error}`)}</span>}
        </label>
        <label className="field">
          <span>{t("dossiers.debt")}</span>
          <input inputMode="numeric" value={debt} onChange={(e) => setDebt(e.target.value)} aria-invalid={!debtOk} />
          {!debtOk && <span className="field-error">{t("dossiers.debtDigits")}</span>}
        </label>
      </div>
      {reviewer && (
        <fieldset className="vote">
          <legend>{t("dossiers.vote")}</legend>
          {(["for", "against", "members"] as const).map((k) => (
            <label key={k} className="field">
              <span>{t(`dossiers.vote_${k}`)}</span>
              <input
                inputMode="numeric"
                value={vote[k]}
                onChange={(e) => setVote({ ...vote, [k]: e.target.value })}
                aria-invalid={!voteOk}
              />
            </label>
          ))}
          {!voteOk && <span className="field-error">{t("dossiers.voteDigits")}</span>}
        </fieldset>
      )}
      <button type="submit" className="btn">
        {t("dossiers.saveFacts")}
      </button>
      {msg && (
        <p className={`notice ${msg.ok ? "notice-ok" : "notice-error"}`} role={msg.ok ? "status" : "alert"}>
          {msg.text}
        </p>
      )}
    </form>
  );
}
