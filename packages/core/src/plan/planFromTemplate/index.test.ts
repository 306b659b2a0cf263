import { describe, expect, it } from "vitest";
import { DISTRICT_PLAN_63 } from "../districtPlan63/index.js";
import { validatePlan } from "../validatePlan/index.js";
import { planFromTemplate } from "./index.js";

const unit = { id: "d-01", name: "Huyện An Hòa" };

describe("planFromTemplate", () => {
  it("copies the Directive 63 plan for a unit, with its own id, number and date, and the unit's bodies tied to the unit", () => {
    const r = planFromTemplate("directive-63", { id: "p-1", unit, number: "05-KH/HU", date: "2025-01-20" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const p = r.value;
    expect([p.id, p.number, p.date, p.template, p.tasks.map((t) => t.code), p.reportingDuties.length]).toEqual([
      "p-1",
      "05-KH/HU",
      "2025-01-20",
      "directive-63",
      DISTRICT_PLAN_63.tasks.map((t) => t.code),
      6,
    ]);
    expect(p.assignees.filter((a) => a.unitId === "d-01").map((a) => a.id)).toEqual([
      "btv-huyen-uy",
      "ubnd-huyen",
      "ban-tuyen-giao-huyen-uy",
      "ubmttq-huyen",
      "to-chuc-ctxh-huyen",
      "ubkt-huyen-uy",
    ]);
    expect(DISTRICT_PLAN_63.assignees.some((a) => a.unitId)).toBe(false); // the template itself is untouched
  });

  it("links vocational training (II.6) to criterion 12 Lao động as well as 13", () => {
    const r = planFromTemplate("directive-63", { id: "p-1", unit });
    expect(r.ok && r.value.tasks.find((t) => t.code === "II.6")?.links.criteria).toEqual(["12", "13"]);
  });

  it("makes a blank draft running to the end of the current year, with the issuing body as its only assignee", () => {
    const r = planFromTemplate("blank", { id: "p-2", unit: { id: "c-1", name: "Xã An Lộc" }, asOf: "2026-03-02" });
    expect(r).toEqual({
      ok: true,
      value: {
        id: "p-2",
        number: null,
        date: null,
        title: { vi: "Kế hoạch của Xã An Lộc", en: "Plan of Xã An Lộc" },
        issuer: { assigneeId: "issuer", name: { vi: "Xã An Lộc", en: "Xã An Lộc" } },
        basis: [],
        period: { start: null, end: "2026-12-31" },
        purposes: [],
        tasks: [],
        assignments: [],
        assignees: [{ id: "issuer", kind: "other", name: { vi: "Xã An Lộc", en: "Xã An Lộc" }, unitId: "c-1" }],
        reportingDuties: [],
        recipients: [],
        signer: null,
        template: "blank",
      },
    });
    expect(validatePlan(r.ok ? r.value : null).ok).toBe(true);
  });

  it("keeps an implementing plan's parent link", () => {
    const r = planFromTemplate("blank", { id: "p-3", unit, asOf: "2025-05-01", parent: { planId: "p-1", organisationId: "ubnd-huyen" } });
    expect(r.ok && r.value.parent).toEqual({ planId: "p-1", organisationId: "ubnd-huyen" });
  });

  it("refuses an unknown template and a blank plan without an end date, naming the field", () => {
    const bad = planFromTemplate("directive-99", { id: "x", unit });
    const noEnd = planFromTemplate("blank", { id: "x", unit });
    expect([bad.ok ? null : bad.issues.map((i) => [i.code, i.path]), noEnd.ok ? null : noEnd.issues.map((i) => [i.code, i.path])]).toEqual([
      [["plan.unknown_template", ["template"]]],
      [["plan.period_end_required", ["period", "end"]]],
    ]);
  });
});
