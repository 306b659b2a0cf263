import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { type Issue, MESSAGES, formatReason, starsForScore, validateOcopProduct } from "@ntm/core";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import type { FieldLabels } from "../lib/fieldProblems";
import { useVersionedSave } from "../lib/useVersionedSave";
import { Field, FormFrame } from "./FormFrame";
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
  // The body's paths and the labels the officer sees (server problems and core's checks name these).
  const labels: FieldLabels = useMemo(() => {
    const f = (k: string) => t(`records.ocop.field.${k}`);
    return {
      name: f("name"),
      subject: f("subject"),
      "subject.name": f("subject"),
      "subject.kind": f("ownerKind"),
      communeUnitId: f("communeUnitId"),
      group: f("group"),
      score: f("score"),
      stars: f("stars"),
      certificate: f("certificateNumber"),
      "certificate.number": f("certificateNumber"),
      "certificate.date": f("certificateDate"),
      "certificate.expiresOn": f("expiresOn"),
      status: f("status"),
    };
  }, [t]);
  const { errors, fieldErrors, report, theirs, busy, send, dismiss } = useVersionedSave<OcopRecord>({
    version: record?.version ?? 0,
    labels,
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

  /** A core issue's wording from the catalog (never core's English message); the frame names the field. */
  function issueText(i: Issue): string {
    return MESSAGES[i.code]
      ? formatReason({ code: i.code, path: [...i.path], params: i.params ?? {} }, lang)
      : t(i.code === "too_small" ? "records.inspection.check.empty" : "records.invalid");
  }

  async function save(e?: FormEvent, atVersion?: number) {
    e?.preventDefault();
    const body = bodyOf(d);
    const checked = validateOcopProduct({ ...body, id: record?.id ?? "new" });
    if (!checked.ok) {
      report(checked.issues.map((i) => ({ path: i.path.join("."), message: issueText(i) })));
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
    <FormFrame
      testId="ocop-form"
      headingId="ocop-form-h"
      title={record ? t("records.ocop.edit") : t("records.ocop.add")}
      busy={busy}
      errors={errors}
      fieldErrors={fieldErrors}
      noValidate={false}
      onSubmit={(e) => void save(e)}
      onCancel={onDone}
      conflict={
        theirs && (
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
        )
      }
    >
      <Field name="name" label={labels.name}>
        <input required value={d.name} onChange={set("name")} name="name" />
      </Field>
      <Field name="subject.name" label={labels["subject.name"]}>
        <input required value={d.owner} onChange={set("owner")} name="owner" />
      </Field>
      <Field name="subject.kind" label={labels["subject.kind"]}>
        <select value={d.ownerKind} onChange={set("ownerKind")} name="ownerKind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`records.ocop.kind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="communeUnitId" label={labels.communeUnitId}>
        <select required value={d.communeUnitId} onChange={set("communeUnitId")} name="communeUnitId">
          <option value="">—</option>
          {communes.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="group" label={labels.group}>
        <select value={d.group} onChange={set("group")} name="group">
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`ocop.group.${g}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="score" label={labels.score}>
        <input required inputMode="decimal" value={d.score} onChange={set("score")} name="score" placeholder="72,5" />
      </Field>
      <Field
        name="stars"
        label={labels.stars}
        hint={suggested !== null && <small className="muted">{t("records.ocop.suggested", { stars: suggested })}</small>}
      >
        <select required value={d.stars} onChange={set("stars")} name="stars">
          <option value="">—</option>
          {[1, 2, 3, 4, 5].map((s) => (
            <option key={s} value={String(s)}>
              {"★".repeat(s)} ({s})
            </option>
          ))}
        </select>
      </Field>
      <Field name="certificate.number" label={labels["certificate.number"]}>
        <input value={d.certNumber} onChange={set("certNumber")} name="certNumber" placeholder="12/QĐ-UBND" />
      </Field>
      <Field name="certificate.date" label={labels["certificate.date"]}>
        <input type="date" value={d.certDate} onChange={set("certDate")} name="certDate" />
      </Field>
      <Field name="certificate.expiresOn" label={labels["certificate.expiresOn"]}>
        <input type="date" value={d.certExpires} onChange={set("certExpires")} name="certExpires" />
      </Field>
      <Field name="status" label={labels.status}>
        <select value={d.status} onChange={set("status")} name="status">
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`records.ocop.status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
    </FormFrame>
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
