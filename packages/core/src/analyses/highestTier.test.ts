import { describe, expect, it } from "vitest";
import { highestTier } from "./highestTier.js";
import { compilePack } from "../evaluation/compilePack.js";
import { getPack } from "../packs/registry.js";
import { commune, passingValues } from "../_testing/builders.js";

const chain = ["example.province-demo.2021-2025", "example.province-demo-advanced.2021-2025", "example.province-demo-model.2021-2025"].map(
  (id) => compilePack(getPack(id)!),
);

describe("highestTier", () => {
  it("stops at standard when the advanced thresholds are not met", () => {
    const doc = passingValues(chain[0]!.pack, commune(), 2024);
    const s = highestTier(chain, doc);
    expect([s.tier, s.nextTier, s.results.map((r) => r.status)]).toEqual(["standard", "advanced", ["met", "not_met"]]);
  });

  it("reaches model with advanced values, a smart hamlet and an outstanding field", () => {
    const doc = passingValues(chain[2]!.pack, commune(), 2024);
    doc.children = [{ unit: { id: "t1", name: "Thôn 1", level: "hamlet" }, values: { smartHamlet: true } }];
    const s = highestTier(chain, doc);
    expect([s.tier, s.nextTier, s.results.map((r) => r.status)]).toEqual(["model", null, ["met", "met", "met"]]);
  });

  it("evaluates every pack on request without changing the tier reached", () => {
    const doc = passingValues(chain[0]!.pack, commune(), 2024);
    doc.values["10"] = 1;
    const s = highestTier(chain, doc, { evaluateAll: true });
    expect([s.tier, s.nextTier, s.results.map((r) => r.packId)]).toEqual([null, "standard", chain.map((c) => c.pack.id)]);
  });

  it("is null when the commune does not meet NTM", () => {
    const doc = passingValues(chain[0]!.pack, commune(), 2024);
    doc.values["10"] = 1;
    expect(highestTier(chain, doc)).toMatchObject({ tier: null, nextTier: "standard" });
  });
});
