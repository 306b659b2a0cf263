import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { HOUSE_STATUSES, type HouseStatus, formatDate, formatMoney, parseDong, validateHouse } from "@ntm/core";
import { api, must } from "../api/client";
import { useUnits } from "../api/queries";
import type { FieldLabels } from "../lib/fieldProblems";
import { useVersionedSave } from "../lib/useVersionedSave";
import { Field, FormFrame } from "./FormFrame";
import { type ListedRecord, RecordConflict, groupDong } from "./RecordConflict";

const STATUSES = Object.keys(HOUSE_STATUSES) as HouseStatus[];

interface Draft {
  communeUnitId: string;
  hamletUnitId: string;
  household: string;
  status: HouseStatus;
  supportAmount: string;
  completedOn: string;
}

function draftOf(r: ListedRecord | null): Draft {
  const d = (r?.data ?? {}) as Partial<Record<keyof Draft, string>>;
  return {
    communeUnitId: d.communeUnitId ?? "",
    hamletUnitId: d.hamletUnitId ?? "",
    household: d.household ?? "",
    status: (d.status as HouseStatus | undefined) ?? "temporary",
    supportAmount: d.supportAmount && d.supportAmount !== "0" ? groupDong(d.supportAmount) : "",
    completedOn: d.completedOn ?? "",
  };
}

/** The request body of a draft: empty optional fields left out, support as typed ("60.000.000") read as whole đồng. */
function bodyOf(d: Draft) {
  const amount = d.supportAmount.trim() === "" ? undefined : parseDong(d.supportAmount);
  return {
    communeUnitId: d.communeUnitId,
    ...(d.hamletUnitId ? { hamletUnitId: d.hamletUnitId } : {}),
    ...(d.household.trim() ? { household: d.household.trim() } : {}),
    status: d.status,
    // A bad amount is sent as typed so core's check names it.
    ...(amount === undefined ? {} : { supportAmount: amount.ok ? amount.value.toString() : d.supportAmount.trim() }),
    ...(d.completedOn ? { completedOn: d.completedOn } : {}),
  };
}

/**
 * Add or edit a house of the temporary-housing programme (xóa nhà tạm, nhà dột nát): checked with
 * core's `validateHouse` before sending (support in whole đồng, a completion date only for a
 * completed house); a stale version shows the saved record beside yours.
 */
export function HousingForm({ record, onDone }: { record: ListedRecord | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const units = useUnits();
  const communes = (units.data ?? []).filter((u) => u.level === "commune");
  const [d, setD] = useState<Draft>(() => draftOf(record));
  const hamlets = (units.data ?? []).filter((u) => u.level === "hamlet" && u.parentId === d.communeUnitId);
  // The body's paths and the labels the officer sees (server problems and core's checks name these).
  const labels: FieldLabels = useMemo(
    () =>
      Object.fromEntries(
        (["communeUnitId", "hamletUnitId", "household", "status", "supportAmount", "completedOn"] as const).map((k) => [
          k,
          t(`records.housing.field.${k}`),
        ]),
      ),
    [t],
  );
  const { errors, fieldErrors, report, theirs, busy, send, dismiss } = useVersionedSave<ListedRecord>({
    version: record?.version ?? 0,
    labels,
    readTheirs: record
      ? async () =>
          ((await must(api.GET("/v1/housing"))) as unknown as { items: ListedRecord[] }).items.find((x) => x.id === record.id) ?? null
      : undefined,
  });
  const set = (k: keyof Draft) => (e: { target: { value: string } }) =>
    setD((cur) => ({ ...cur, [k]: e.target.value, ...(k === "communeUnitId" ? { hamletUnitId: "" } : {}) }));

  async function save(e?: FormEvent, atVersion?: number) {
    e?.preventDefault();
    const body = bodyOf(d);
    const checked = validateHouse({ ...body, id: record?.id ?? "new" });
    if (!checked.ok) {
      const fields = [...new Set(checked.issues.map((i) => String(i.path[0] ?? "")))];
      report(fields.map((f) => ({ path: f, message: t(`records.housing.check.${f}`, { defaultValue: t("records.invalid") }) })));
      return;
    }
    await send(async (ifMatch) => {
      if (record)
        await must(
          api.PUT("/v1/housing/{id}", {
            params: { path: { id: record.id } },
            body: body as never,
            headers: { "if-match": ifMatch },
          }),
        );
      else await must(api.POST("/v1/housing", { body: body as never }));
      await qc.invalidateQueries({ queryKey: ["list", "housing"] });
      onDone();
    }, atVersion);
  }

  const summary = (x: Draft) => (
    <dl className="facts">
      <dt>{t("records.housing.field.household")}</dt>
      <dd>{x.household || "—"}</dd>
      <dt>{t("records.housing.field.status")}</dt>
      <dd>{HOUSE_STATUSES[x.status][lang]}</dd>
      <dt>{t("records.housing.field.supportAmount")}</dt>
      <dd>{x.supportAmount ? formatMoney(BigInt(x.supportAmount.replace(/\D/g, "") || "0"), lang) : "—"}</dd>
      <dt>{t("records.housing.field.completedOn")}</dt>
      <dd>{x.completedOn ? formatDate(x.completedOn, lang) : "—"}</dd>
    </dl>
  );

  return (
    <FormFrame
      testId="housing-form"
      headingId="housing-form-h"
      title={record ? t("records.housing.edit") : t("records.housing.add")}
      busy={busy}
      errors={errors}
      fieldErrors={fieldErrors}
      onSubmit={(e) => void save(e)}
      onCancel={onDone}
      conflict={
        theirs && (
          <RecordConflict
            testId="housing-conflict"
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
      <Field name="hamletUnitId" label={labels.hamletUnitId}>
        <select value={d.hamletUnitId} onChange={set("hamletUnitId")} name="hamletUnitId">
          <option value="">—</option>
          {hamlets.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="household" label={labels.household}>
        <input value={d.household} onChange={set("household")} name="household" />
      </Field>
      <Field name="status" label={labels.status}>
        <select value={d.status} onChange={set("status")} name="status">
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {HOUSE_STATUSES[s][lang]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="supportAmount" label={labels.supportAmount}>
        <input inputMode="numeric" value={d.supportAmount} onChange={set("supportAmount")} name="supportAmount" placeholder="60.000.000" />
      </Field>
      <Field name="completedOn" label={labels.completedOn}>
        <input type="date" value={d.completedOn} onChange={set("completedOn")} name="completedOn" />
      </Field>
    </FormFrame>
  );
}
