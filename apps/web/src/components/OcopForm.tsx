import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { type Issue, MESSAGES, formatReason, starsForScore, validateOcopProduct } from "@ntm/core";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import { useVersionedSave } from "../lib/useVersionedSave";
import { RecordConflict } from "./RecordConflict";

const GROUPS = ["food", "beverage", "herbal", "handicraft", "ornamental", "tourism"] as const;
const KINDS = ["cooperative", "cooperative_group", "enterprise", "household", "other"] as const;
const STATUSES = ["rated", "recognised", "revoked"] as const;

/** An OCOP product as the list returns it: the record's fields, its id and version. */
export interface OcopRecord {
  id: string;
  version: number;
  updatedBy?: string | null;
  updatedAt?: string;
  data: Record<string, unknown>;
}

interface Draft {
  name: string;
  owner: string;
  ownerKind: (typeof KINDS)[number];
  communeUnitId: string;
  group: (typeof GROUPS)[number];
  score: string;
  stars: string;
  certNumber: string;
  certDate: string;
  certExpires: string;
  status: (typeof STATUSES)[number];
}

function draftOf(r: OcopRecord | null): Draft {
  const d = (r?.data ?? {}) as {
    name?: string;
    subject?: { name?: string; kind?: Draft["ownerKind"] };
    communeUnitId?: string;
    group?: Draft["group"];
    score?: number;
    stars?: number;
    certificate?: { number?: string; date?: string; expiresOn?: string };
    status?: Draft["status"];
  };
  return {
    name: d.name ?? "",
    owner: d.subject?.name ?? "",
    ownerKind: d.subject?.kind ?? "cooperative",
    communeUnitId: d.communeUnitId ?? "",
    group: d.group ?? "food",
    score: d.score === undefined ? "" : String(d.score).replace(".", ","),
    stars: d.stars === undefined ? "" : String(d.stars),
    certNumber: d.certificate?.number ?? "",
    certDate: d.certificate?.date ?? "",
    certExpires: d.certificate?.expiresOn ?? "",
    status: d.status ?? "recognised",
  };
}

/** The request body of a draft; the score accepts a Vietnamese decimal comma ("72,5"). */
function bodyOf(d: Draft) {
  const score = Number(d.score.trim().replace(",", "."));
  return {
    name: d.name.trim(),
    subject: { name: d.owner.trim(), kind: d.ownerKind },
    communeUnitId: d.communeUnitId,
    group: d.group,
    score: d.score.trim() === "" ? Number.NaN : score,
    stars: Number(d.stars),
    ...(d.certNumber.trim() || d.certDate
      ? { certificate: { number: d.certNumber.trim(), date: d.certDate, ...(d.certExpires ? { expiresOn: d.certExpires } : {}) } }
      : {}),
    status: d.status,
  };
}

/**
 * Add or edit an OCOP product (stars, certificate date and expiry, owner); checked with core's
 * `validateOcopProduct` before sending; a stale version shows the saved record beside yours.
 */
export function OcopForm({ record, onDone }: { record: OcopRecord | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const units = useUnits();
  const communes = (units.data ?? []).filter((u) => u.level === "commune");
  const [d, setD] = useState<Draft>(() => draftOf(record));
  const { errors, setErrors, theirs, busy, send, dismiss } = useVersionedSave<OcopRecord>({
    version: record?.version ?? 0,
    readTheirs: record
      ? async () =>
          ((await must(api.GET("/v1/ocop-products"))) as unknown as { items: OcopRecord[] }).items.find((x) => x.id === record.id) ?? null
      : undefined,
  });
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });
  const suggested = (() => {
    const s = Number(d.score.replace(",", "."));
    return d.score.trim() !== "" && s >= 0 && s <= 100 ? starsForScore(s) : null;
  })();

  /** A core issue in the reader's language: the field's name, then the catalog's wording (never core's English message). */
  function issueText(i: Issue): string {
    const field = t(`records.ocop.field.${String(i.path[i.path.length - 1] === "expiresOn" ? "expiresOn" : (i.path[0] ?? ""))}`, {
      defaultValue: t("records.invalid"),
    });
    const what = MESSAGES[i.code]
      ? formatReason({ code: i.code, path: [...i.path], params: i.params ?? {} }, lang)
      : t(i.code === "too_small" ? "records.inspection.check.empty" : "records.invalid");
    return `${field}: ${what}`;
  }

  async function save(e?: FormEvent, atVersion?: number) {
    e?.preventDefault();
    const body = bodyOf(d);
    const checked = validateOcopProduct({ ...body, id: record?.id ?? "new" });
    if (!checked.ok) {
      setErrors([...new Set(checked.issues.map(issueText))]);
      return;
    }
    await send(async (ifMatch) => {
      if (record)
        await must(
          api.PUT("/v1/ocop-products/{id}", {
            params: { path: { id: record.id } },
            body: body as never,
            headers: { "if-match": ifMatch },
          }),
        );
      else await must(api.POST("/v1/ocop-products", { body: body as never }));
      await qc.invalidateQueries({ queryKey: ["list", "ocop"] });
      onDone();
    }, atVersion);
  }

  return (
    <form className="bulk-form" onSubmit={(e) => void save(e)} aria-labelledby="ocop-form-h" data-testid="ocop-form">
      <h2 id="ocop-form-h">{record ? t("records.ocop.edit") : t("records.ocop.add")}</h2>
      <label className="field">
        <span>{t("records.ocop.field.name")}</span>
        <input required value={d.name} onChange={set("name")} name="name" />
      </label>
      <label className="field">
        <span>{t("records.ocop.field.subject")}</span>
        <input required value={d.owner} onChange={set("owner")} name="owner" />
      </label>
      <label className="field">
        <span>{t("records.ocop.field.ownerKind")}</span>
        <select value={d.ownerKind} onChange={set("ownerKind")} name="ownerKind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`records.ocop.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("records.ocop.field.communeUnitId")}</span>
        <select required value={d.communeUnitId} onChange={set("communeUnitId")} name="communeUnitId">
          <option value="">—</option>
          {communes.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("records.ocop.field.group")}</span>
        <select value={d.group} onChange={set("group")} name="group">
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`ocop.group.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("records.ocop.field.score")}</span>
        <input required inputMode="decimal" value={d.score} onChange={set("score")} name="score" placeholder="72,5" />
      </label>
      <label className="field">
        <span>{t("records.ocop.field.stars")}</span>
        <select required value={d.stars} onChange={set("stars")} name="stars">
          <option value="">—</option>
          {[1, 2, 3, 4, 5].map((s) => (
            <option key={s} value={String(s)}>
              {"★".repeat(s)} ({s})
            </option>
          ))}
        </select>
        {suggested !== null && <small className="muted">{t("records.ocop.suggested", { stars: suggested })}</small>}
      </label>
      <label className="field">
        <span>{t("records.ocop.field.certificateNumber")}</span>
        <input value={d.certNumber} onChange={set("certNumber")} name="certNumber" placeholder="12/QĐ-UBND" />
      </label>
      <label className="field">
        <span>{t("records.ocop.field.certificateDate")}</span>
        <input type="date" value={d.certDate} onChange={set("certDate")} name="certDate" />
      </label>
      <label className="field">
        <span>{t("records.ocop.field.expiresOn")}</span>
        <input type="date" value={d.certExpires} onChange={set("certExpires")} name="certExpires" />
      </label>
      <label className="field">
        <span>{t("records.ocop.field.status")}</span>
        <select value={d.status} onChange={set("status")} name="status">
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`records.ocop.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {errors.length > 0 && (
        <div className="notice notice-error" role="alert">
          {errors.map((x) => (
            <p key={x}>{x}</p>
          ))}
        </div>
      )}
      {theirs && (
        <RecordConflict
          testId="ocop-conflict"
          who={theirs.updatedBy}
          at={theirs.updatedAt}
          yours={<OcopSummary d={d} />}
          theirs={<OcopSummary d={draftOf(theirs)} />}
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

function OcopSummary({ d }: { d: Draft }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t("records.ocop.field.name")}</dt>
      <dd>{d.name}</dd>
      <dt>{t("records.ocop.field.subject")}</dt>
      <dd>{d.owner}</dd>
      <dt>{t("records.ocop.field.stars")}</dt>
      <dd>{d.stars}</dd>
      <dt>{t("records.ocop.field.score")}</dt>
      <dd>{d.score}</dd>
      <dt>{t("records.ocop.field.certificateNumber")}</dt>
      <dd>{d.certNumber || "—"}</dd>
    </dl>
  );
}
