import { describe, expect, it } from "vitest";
import type { CriteriaPack } from "../../schemas/pack.js";
import { createPackRegistry } from "../../packs/registry.js";
import { demoPack } from "../../_testing/builders.js";
import { tierLadder } from "./index.js";

describe("tierLadder", () => {
  it("follows nextTier from the demo commune pack through advanced to model", () => {
    const ladder = tierLadder(createPackRegistry(), "example.province-demo.2021-2025");
    expect(ladder.map((p) => [p.id, p.tier])).toEqual([
      ["example.province-demo.2021-2025", "standard"],
      ["example.province-demo-advanced.2021-2025", "advanced"],
      ["example.province-demo-model.2021-2025", "model"],
    ]);
  });

  it("is empty for an unknown pack id", () => {
    expect(tierLadder(createPackRegistry(), "nope")).toEqual([]);
  });

  it("stops at a cycle instead of looping", () => {
    const a: CriteriaPack = { ...demoPack(), id: "a", nextTier: "b" };
    const b: CriteriaPack = { ...demoPack(), id: "b", tier: "advanced", nextTier: "a" };
    const byId = new Map([a, b].map((p) => [p.id, p]));
    expect(tierLadder({ get: (id) => byId.get(id) }, "a").map((p) => p.id)).toEqual(["a", "b"]);
  });
});
