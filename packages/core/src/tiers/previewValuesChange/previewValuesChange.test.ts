import { describe, expect, it } from "vitest";
import { compilePack } from "../../evaluation/compilePack.js";
import { getPack } from "../../packs/registry.js";
import { commune, passingValues } from "../../_testing/builders.js";
import { previewValuesChange } from "./index.js";

const ladder = ["example.province-demo.2021-2025", "example.province-demo-advanced.2021-2025", "example.province-demo-model.2021-2025"].map(
  (id) => compilePack(getPack(id)!),
);

/** Values that meet every tier of the ladder (each pack's passing values, highest last). */
function modelDoc() {
  const docs = ladder.map((p) => passingValues(p.pack, commune(), 2024));
  return { ...docs[0]!, values: Object.assign({}, ...docs.map((d) => d.values)) as Record<string, number | boolean | null> };
}

describe("previewValuesChange", () => {
  it("says a model commune falls to not standard when its income drops below the threshold", () => {
    const saved = modelDoc();
    const typed = { ...saved, values: { ...saved.values, "10": 1 } };
    const p = previewValuesChange(ladder, saved, typed);
    expect([p.before.tierReached, p.after.tierReached, p.tierChanged]).toEqual(["model", null, true]);
    expect(p.criterionChanges).toEqual([{ id: "10", before: "met", after: "not_met" }]);
    expect(p.indicatorChanges).toEqual([{ id: "10", before: "met", after: "not_met" }]);
    expect(p.indicators["10"]).toMatchObject({ status: "not_met", actual: 1, comparator: ">=" });
    expect(typeof p.indicators["10"]?.required).toBe("number");
  });

  it("reports no change when the typed values equal the saved ones", () => {
    const saved = modelDoc();
    const p = previewValuesChange(ladder, saved, { ...saved, values: { ...saved.values } });
    expect([p.tierChanged, p.criterionChanges, p.indicatorChanges]).toEqual([false, [], []]);
  });

  it("shows a cleared value as missing, the criterion as indeterminate, never as not met", () => {
    const saved = modelDoc();
    const p = previewValuesChange(ladder, saved, { ...saved, values: { ...saved.values, "10": null } });
    expect(p.indicators["10"]?.status).toBe("missing");
    expect(p.criterionChanges).toEqual([{ id: "10", before: "met", after: "indeterminate" }]);
    expect(p.after.tierReached).toBe(null);
  });

  it("gives every indicator of the ladder a result, also those only in higher tiers", () => {
    const saved = modelDoc();
    const ids = new Set(ladder.flatMap((p) => p.indicators.map((i) => i.indicator.id)));
    expect(Object.keys(previewValuesChange(ladder, saved, saved).indicators).sort()).toEqual([...ids].sort());
  });
});
