import { describe, expect, it } from "vitest";
import { compilePack } from "../../evaluation/compilePack.js";
import { evaluateUnit } from "../../evaluation/evaluateUnit.js";
import { getPack } from "../../packs/registry.js";
import { commune, passingValues } from "../../_testing/builders.js";
import type { UnitValues } from "../../schemas/values.js";
import { withChildStatuses } from "./index.js";

const year = 2024;
const ladder = ["example.province-demo.2021-2025", "example.province-demo-advanced.2021-2025"].map((id) => compilePack(getPack(id)!));
const district = compilePack(getPack("vn.district-ntm.2021-2025")!);
const indicator = (r: ReturnType<typeof evaluateUnit>, id: string) => r.criteria.flatMap((c) => c.indicators).find((i) => i.id === id)!;

function districtDoc(children: UnitValues["children"]): UnitValues {
  return { unit: { id: "h1", name: "Huyện A", level: "district" }, year, values: { "DK.3": 92 }, children };
}

describe("withChildStatuses", () => {
  it("rolls a district up from its communes with tier statuses chained along the ladder", () => {
    const communes = [1, 2, 3].map((k) => {
      const u = commune({ id: `x${k}`, name: `Xã ${k}`, parentId: "h1" });
      return { unit: u, values: passingValues(ladder[1]!.pack, u, year).values };
    });
    communes[2]!.values["10"] = 10; // fails income, so misses standard
    const doc = withChildStatuses(districtDoc(communes), ladder);
    expect(doc.children!.map((c) => c.statuses)).toEqual([
      { standard: "met", advanced: "met" },
      { standard: "met", advanced: "met" },
      { standard: "not_met", advanced: "not_met" },
    ]);
    expect(indicator(evaluateUnit(district, doc), "DK.1")).toMatchObject({ status: "not_met", actual: 66.666666667, required: 100 });
  });

  it("does not count a commune as advanced when it misses standard, even if it meets the advanced thresholds", () => {
    const u = commune({ id: "x1", parentId: "h1" });
    const values = passingValues(ladder[1]!.pack, u, year).values;
    // An indicator of the standard pack only, so the advanced pack alone would read met.
    const standardOnly = ladder[0]!.pack.criteria.flatMap((c) => c.indicators).find((i) => !ladder[1]!.indicatorById.has(i.id));
    const target = standardOnly?.id ?? "10";
    values[target] = standardOnly?.kind === "boolean" ? !values[target] : target === "10" ? 1 : -1;
    const [c] = withChildStatuses(districtDoc([{ unit: u, values }]), ladder).children!;
    expect(c!.statuses!.standard).toBe("not_met");
    expect(c!.statuses!.advanced).not.toBe("met");
  });

  it("takes 18.2 from the child's classification and uses the child's full document when given", () => {
    const u = commune({ id: "x1", parentId: "h1" });
    const values = passingValues(ladder[0]!.pack, u, year).values;
    delete values["18.2"];
    const full: UnitValues = { unit: u, year, values };
    const doc = withChildStatuses(districtDoc([{ unit: u, values: {} }]), ladder, {
      childDocs: new Map([["x1", full]]),
      classifications: new Map([["x1", { year: 2023, level: "good" as const }]]),
    });
    expect(doc.children![0]!.statuses!.standard).toBe("met");
    const poor = withChildStatuses(districtDoc([{ unit: u, values: {} }]), ladder, {
      childDocs: new Map([["x1", full]]),
      classifications: new Map([["x1", { year: 2023, level: "completed" as const }]]),
    });
    expect(poor.children![0]!.statuses!.standard).toBe("not_met");
  });

  it("keeps statuses the caller set and leaves a document without children alone", () => {
    const u = commune({ id: "x1", parentId: "h1" });
    const doc = withChildStatuses(districtDoc([{ unit: u, values: {}, statuses: { advanced: "met" } }]), ladder);
    expect(doc.children![0]!.statuses).toEqual({ standard: "indeterminate", advanced: "met" });
    const bare = districtDoc(undefined);
    expect(withChildStatuses(bare, ladder)).toBe(bare);
  });
});
