import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { STEERING_MEMBER_FIELDS, STEERING_ROLES, formatDate, validateSteeringMember } from "@ntm/core";
import { api, must } from "../api/client";
import type { Unit } from "../api/types";
import type { FieldLabels, PathProblem } from "../lib/fieldProblems";
import { useVersionedSave } from "../lib/useVersionedSave";
import { Field as FramedField, FormFrame } from "./FormFrame";
import { RecordConflict } from "./RecordConflict";

type Lang = "vi" | "en";
const ROLES = Object.keys(STEERING_ROLES) as (keyof typeof STEERING_ROLES)[];
type Field = keyof typeof STEERING_MEMBER_FIELDS;

/** A member as the API lists it. */
export interface SteeringItem {
  id: string;
  unitId: string;
  unitName: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  active: boolean;
  data: {
    fullName: string;
    position: string;
    organisation: string;
    role: string;
    phone?: string;
    termStart: string;
    termEnd?: string;
    communeUnitIds: string[];
    note?: string;
  };
  communes: { unitId: string; name: string }[];
}

interface Draft {
  unitId: string;
  fullName: string;
  position: string;
  organisation: string;
  role: string;
  phone: string;
  termStart: string;
  termEnd: string;
  communeUnitIds: string[];
  note: string;
}

function draftOf(r: SteeringItem | null, unitId: string): Draft {
  return {
    unitId: r?.unitId ?? unitId,
    fullName: r?.data.fullName ?? "",
    position: r?.data.position ?? "",
    organisation: r?.data.organisation ?? "",
    role: r?.data.role ?? "member",
    phone: r?.data.phone ?? "",
    termStart: r?.data.termStart ?? "",
    termEnd: r?.data.termEnd ?? "",
    communeUnitIds: r?.data.communeUnitIds ?? [],
    note: r?.data.note ?? "",
  };
}

/** The request body: blank optional fields are left out (create) or cleared with null (edit). */
function bodyOf(d: Draft, clear: boolean): Record<string, unknown> {
  const opt = (v: string) => (v.trim() === "" ? (clear ? null : undefined) : v.trim());
  const out: Record<string, unknown> = {
    unitId: d.unitId,
    fullName: d.fullName.trim(),
    position: d.position.trim(),
    organisation: d.organisation.trim(),
    role: d.role,
    phone: opt(d.phone),
    termStart: d.termStart,
    termEnd: opt(d.termEnd),
    communeUnitIds: d.communeUnitIds,
    note: opt(d.note),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** The field of an issue path or an API path such as "$.communeUnitIds[1]". */
/**
 * Add or edit a steering-committee member and the communes the member supports (plan II.3): checked
 * with core's `validateSteeringMember` (communes under the committee's unit) before sending; a stale
 * version shows the saved member beside yours, to keep either.
 */
export function SteeringForm({
  record,
  units,
  committeeUnits,
  defaultUnitId,
  onDone,
}: {
  record: SteeringItem | null;
  units: readonly Unit[];
  committeeUnits: readonly Unit[];
  defaultUnitId: string;
  onDone: (saved: SteeringItem | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(() => draftOf(record, defaultUnitId));
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });
  const name = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  // The communes under the committee's unit (the unit itself when it is one).
  const communes = useMemo(() => {
    const under = (id: string): Unit[] => {
      const kids = units.filter((u) => u.parentId === id);
      return kids.flatMap((k) => [k, ...under(k.id)]);
    };
    const self = units.find((u) => u.id === d.unitId);
    return [...(self ? [self] : []), ...under(d.unitId)].filter((u) => u.level === "commune");
  }, [units, d.unitId]);
  const label = (f: Field) => STEERING_MEMBER_FIELDS[f][lang];
  // The body's paths and the labels the officer sees (server problems and core's checks name these).
  const labels: FieldLabels = useMemo(
    () => Object.fromEntries((Object.keys(STEERING_MEMBER_FIELDS) as Field[]).map((f) => [f, STEERING_MEMBER_FIELDS[f][lang]])),
    [lang],
  );
  /** What a problem says, from its code (core's and the API's codes share the catalog's wording). */
  const messageOf = (p: PathProblem) => t(`steering.errors.${(p.code ?? "").replace(/^.*\./, "")}`, { defaultValue: t("records.invalid") });

  const { errors, fieldErrors, report, theirs, busy, send, dismiss } = useVersionedSave<SteeringItem>({
    version: record?.version ?? 0,
    readTheirs: record
      ? async () =>
          (await must(api.GET("/v1/steering-members/{id}", { params: { path: { id: record.id }, query: {} } }))) as unknown as SteeringItem
      : undefined,
    labels,
    messageOf,
  });

  function toggle(id: string) {
    setD({ ...d, communeUnitIds: d.communeUnitIds.includes(id) ? d.communeUnitIds.filter((x) => x !== id) : [...d.communeUnitIds, id] });
  }

  async function save(e?: FormEvent, atVersion?: number) {
    e?.preventDefault();
    const checked = validateSteeringMember({ ...bodyOf(d, false), id: record?.id ?? "new" }, { communeIds: communes.map((c) => c.id) });
    if (!checked.ok) {
      report(checked.issues.map((i) => ({ path: i.path.join("."), message: "", code: i.code })));
      return;
    }
    await send(async (ifMatch) => {
      const saved = record
        ? await must(
            api.PATCH("/v1/steering-members/{id}", {
              params: { path: { id: record.id } },
              body: bodyOf(d, true) as never,
              headers: { "if-match": ifMatch },
            }),
          )
        : await must(api.POST("/v1/steering-members", { body: bodyOf(d, false) as never }));
      await qc.invalidateQueries({ queryKey: ["steering"] });
      onDone(saved as unknown as SteeringItem);
    }, atVersion);
  }

  const summary = (x: Draft) => ({
    [label("fullName")]: x.fullName,
    [label("role")]: STEERING_ROLES[x.role as keyof typeof STEERING_ROLES]?.[lang] ?? "—",
    [label("position")]: x.position,
    [label("organisation")]: x.organisation,
    [label("communeUnitIds")]: x.communeUnitIds.map((c) => name.get(c) ?? c).join(", ") || "—",
    [label("termStart")]: x.termStart ? formatDate(x.termStart, lang) : "—",
    [label("termEnd")]: x.termEnd ? formatDate(x.termEnd, lang) : "—",
  });

  return (
    <FormFrame
      testId="steering-form"
      headingId="steering-form-h"
      title={record ? t("steering.edit") : t("steering.add")}
      busy={busy}
      errors={errors}
      fieldErrors={fieldErrors}
      errorsTestId="steering-errors"
      onSubmit={(e) => void save(e)}
      onCancel={() => onDone(null)}
      conflict={
        theirs && (
          <RecordConflict
            testId="steering-conflict"
            who={theirs.updatedBy}
            at={theirs.updatedAt}
            yours={<Summary rows={summary(d)} />}
            theirs={<Summary rows={summary(draftOf(theirs, defaultUnitId))} />}
            busy={busy}
            onKeepMine={() => void save(undefined, theirs.version)}
            onTakeTheirs={() => {
              setD(draftOf(theirs, defaultUnitId));
              dismiss();
            }}
          />
        )
      }
    >
      <FramedField name="unitId" label={label("unitId")}>
        <select value={d.unitId} onChange={(e) => setD({ ...d, unitId: e.target.value, communeUnitIds: [] })} name="unitId">
          {committeeUnits.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </FramedField>
      <FramedField name="fullName" label={label("fullName")}>
        <input value={d.fullName} onChange={set("fullName")} name="fullName" autoComplete="off" />
      </FramedField>
      <FramedField name="position" label={label("position")}>
        <input value={d.position} onChange={set("position")} name="position" placeholder={t("steering.positionHint")} />
      </FramedField>
      <FramedField name="organisation" label={label("organisation")}>
        <input value={d.organisation} onChange={set("organisation")} name="organisation" />
      </FramedField>
      <FramedField name="role" label={label("role")}>
        <select value={d.role} onChange={set("role")} name="role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {STEERING_ROLES[r][lang]}
            </option>
          ))}
        </select>
      </FramedField>
      <FramedField name="phone" label={label("phone")}>
        <input type="tel" value={d.phone} onChange={set("phone")} name="phone" placeholder="0912 345 678" />
      </FramedField>
      <FramedField name="termStart" label={label("termStart")}>
        <input type="date" value={d.termStart} onChange={set("termStart")} name="termStart" />
      </FramedField>
      <FramedField name="termEnd" label={label("termEnd")}>
        <input type="date" value={d.termEnd} onChange={set("termEnd")} name="termEnd" />
      </FramedField>
      <fieldset className="field steering-communes" aria-describedby={fieldErrors.communeUnitIds ? "steering-communes-error" : undefined}>
        <legend>{label("communeUnitIds")}</legend>
        {communes.length === 0 && <p className="muted">{t("steering.noCommunes")}</p>}
        {communes.map((c) => (
          <label key={c.id} className="check">
            <input type="checkbox" checked={d.communeUnitIds.includes(c.id)} onChange={() => toggle(c.id)} /> {c.name}
          </label>
        ))}
        {fieldErrors.communeUnitIds && (
          <small className="field-error" id="steering-communes-error" data-testid="error-communeUnitIds">
            {fieldErrors.communeUnitIds}
          </small>
        )}
      </fieldset>
      <FramedField name="note" label={label("note")}>
        <textarea value={d.note} onChange={set("note")} name="note" rows={2} />
      </FramedField>
    </FormFrame>
  );
}

function Summary({ rows }: { rows: Record<string, string> }) {
  return (
    <dl className="facts">
      {Object.entries(rows).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
