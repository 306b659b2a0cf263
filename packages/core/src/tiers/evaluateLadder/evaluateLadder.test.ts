import { describe, expect, it } from "vitest";
import { compilePack } from "../../evaluation/compilePack.js";
import { getPack } from "../../packs/registry.js";
import { commune, passingValues } from "../../_testing/builders.js";
import { evaluateLadder } from "./index.js";
import { evaluateWithClassification } from "../evaluateWithClassification/index.js";

const ladder = ["example.province-demo.2021-2025", "example.province-demo-advanced.2021-2025", "example.province-demo-model.2021-2025"].map(
  (id) => compilePack(getPack(id)!),
);
const standardDoc = () => passingValues(ladder[0]!.pack, commune(), 2024);

describe("evaluateLadder", () => {
  it("reaches standard and evaluates every pack by default", () => {
    const r = evaluateLadder(ladder, standardDoc());
    expect([r.tierReached, r.results.map((x) => x.status)]).toEqual(["standard", ["met", "not_met", "not_met"]]);
  });

  it("stops at the first tier not met when asked", () => {
    const r = evaluateLadder(ladder, standardDoc(), { stopAtFirstMiss: true });
    expect([r.tierReached, r.results.map((x) => x.tier)]).toEqual(["standard", ["standard", "advanced"]]);
  });

  it("fills 18.2 from a poor classification, which makes the commune miss standard", () => {
    const doc = standardDoc();
    delete doc.values["18.2"];
    const r = evaluateLadder(ladder, doc, { classification: { year: 2023, level: "completed" } });
    const i182 = r.results[0]!.criteria.flatMap((c) => c.indicators).find((i) => i.id === "18.2")!;
    expect([r.tierReached, i182.status, i182.derived, i182.reasons.at(-1)?.code]).toEqual([
      null,
      "not_met",
      true,
      "derived.classification",
    ]);
    // Every result carries the same 18.2 reason.
    expect(
      r.results.every((x) =>
        x.criteria.flatMap((c) => c.indicators).some((i) => i.id === "18.2" && i.reasons.some((y) => y.code === "derived.classification")),
      ),
    ).toBe(true);
  });

  it("keeps an entered 18.2 against the classification and says so, without marking it derived", () => {
    const doc = standardDoc();
    doc.values["18.2"] = true;
    const r = evaluateWithClassification(ladder[0]!, doc, { year: 2023, level: "not_completed" });
    const i182 = r.criteria.flatMap((c) => c.indicators).find((i) => i.id === "18.2")!;
    expect([r.status, i182.status, i182.derived, i182.reasons.at(-1)?.code]).toEqual([
      "met",
      "met",
      undefined,
      "derived.classification_conflict",
    ]);
  });
});
