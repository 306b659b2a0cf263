import { type Result, fail, ok } from "../../errors/index.js";
import type { IsoDate, LocalizedText } from "../../schemas/common.js";
import { DISTRICT_PLAN_63 } from "../districtPlan63/index.js";
import type { AssigneeKind, Plan, PlanSigner } from "../schemas.js";
import { validatePlan } from "../validatePlan/index.js";

/** The templates a plan can start from: the Directive 63 district plan, or an empty plan. */
export const PLAN_TEMPLATES = ["directive-63", "blank"] as const;
export type PlanTemplateId = (typeof PLAN_TEMPLATES)[number];

/** What a new plan needs to know besides its template. */
export interface PlanFromTemplateOptions {
  /** The new plan's id. */
  id: string;
  /** The administrative unit whose plan it is; its bodies in the template get this `unitId`. */
  unit: { id: string; name: string };
  /** Today (the caller's clock): a blank plan without `periodEnd` runs to the end of this year. */
  asOf?: IsoDate;
  number?: string | null;
  date?: IsoDate | null;
  title?: LocalizedText;
  /** A blank plan's issuing body (default: the unit, kind "other"). */
  issuer?: { name: LocalizedText; kind?: AssigneeKind };
  periodEnd?: IsoDate;
  signer?: PlanSigner | null;
  /** For an implementing plan (III.1 "cụ thể hóa"): the parent plan and the organisation writing it. */
  parent?: { planId: string; organisationId?: string };
}

// The bodies of the Directive 63 template that are bodies of the plan's own unit.
const UNIT_BODIES = new Set([
  "btv-huyen-uy",
  "ubnd-huyen",
  "ban-tuyen-giao-huyen-uy",
  "ubmttq-huyen",
  "to-chuc-ctxh-huyen",
  "ubkt-huyen-uy",
]);

const optional = (o: PlanFromTemplateOptions) => ({
  ...(o.number !== undefined ? { number: o.number } : {}),
  ...(o.date !== undefined ? { date: o.date } : {}),
  ...(o.title ? { title: o.title } : {}),
  ...(o.signer !== undefined ? { signer: o.signer } : {}),
  ...(o.parent ? { parent: o.parent } : {}),
});

const BUILDERS: Record<PlanTemplateId, (o: PlanFromTemplateOptions) => Result<Plan>> = {
  "directive-63": (o) => {
    const base = JSON.parse(JSON.stringify(DISTRICT_PLAN_63)) as Plan;
    return ok({
      ...base,
      id: o.id,
      template: "directive-63",
      assignees: base.assignees.map((a) => (UNIT_BODIES.has(a.id) ? { ...a, unitId: o.unit.id } : a)),
      ...(o.periodEnd ? { period: { ...base.period, end: o.periodEnd } } : {}),
      ...optional(o),
    });
  },
  blank: (o) => {
    const end = o.periodEnd ?? (o.asOf ? `${o.asOf.slice(0, 4)}-12-31` : undefined);
    if (!end)
      return fail("invalid_input", [
        { code: "plan.period_end_required", path: ["period", "end"], message: "a blank plan needs periodEnd or asOf", params: {} },
      ]);
    const issuerName = o.issuer?.name ?? { vi: o.unit.name, en: o.unit.name };
    return ok({
      id: o.id,
      number: null,
      date: null,
      title: { vi: `Kế hoạch của ${issuerName.vi}`, en: `Plan of ${issuerName.en}` },
      issuer: { assigneeId: "issuer", name: issuerName },
      basis: [],
      period: { start: null, end },
      purposes: [],
      tasks: [],
      assignments: [],
      assignees: [{ id: "issuer", kind: o.issuer?.kind ?? "other", name: issuerName, unitId: o.unit.id }],
      reportingDuties: [],
      recipients: [],
      signer: null,
      template: "blank",
      ...optional(o),
    });
  },
};

/**
 * A new plan for a unit from a template: "directive-63" copies the district plan implementing
 * Directive 63-CT/TU (tasks, assignees, reporting duties; its cadences and deadlines stay labelled as
 * software defaults) and gives the unit's own bodies the unit's id; "blank" is an empty draft whose
 * only assignee is the issuing body. Fails with `plan.unknown_template` or the plan's validation issues.
 * @example
 * planFromTemplate("directive-63", { id: "p-1", unit: { id: "d-01", name: "Huyện An Hòa" } }).ok // true
 * planFromTemplate("blank", { id: "p-2", unit: { id: "c-1", name: "Xã An Lộc" }, asOf: "2026-03-02" })
 * // { ok: true, value: { ..., period: { start: null, end: "2026-12-31" }, tasks: [] } }
 */
export function planFromTemplate(template: string, options: PlanFromTemplateOptions): Result<Plan> {
  const build = (BUILDERS as Record<string, ((o: PlanFromTemplateOptions) => Result<Plan>) | undefined>)[template];
  if (!build)
    return fail("invalid_input", [
      {
        code: "plan.unknown_template",
        path: ["template"],
        message: `no plan template "${template}"`,
        params: { id: template, known: PLAN_TEMPLATES.join(", ") },
      },
    ]);
  const built = build(options);
  return built.ok ? validatePlan(built.value) : built;
}
