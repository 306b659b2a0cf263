import { describe, expect, it } from "vitest";
import { compilePack, getPack, listShippedPacks } from "@ntm/core";
import { generateCommunes } from "../synthetic.js";
import { DEFAULT_EVALUATION_BENCH } from "../evaluation.js";
import { checkContract, roughen } from "./contract.js";

describe("the engine's public JSON contract", () => {
  it("serialises the bench's 10,000 synthetic units exactly as the reference engine does", () => {
    const o = DEFAULT_EVALUATION_BENCH;
    const pack = getPack(o.packId)!;
    const compiled = compilePack(pack);
    const docs = JSON.parse(JSON.stringify(generateCommunes(compiled, { count: o.count, year: o.year, seed: o.seed })));
    const c = checkContract(pack, docs, compiled);
    expect(c.first).toBeNull();
    expect([c.identical, c.units]).toEqual([10_000, 10_000]);
  }, 300_000); // 20,000 evaluations and 215 MiB of JSON: correctness, not speed; the machine may be shared

  it.each(listShippedPacks().map((p) => [p.id]))(
    "serialises roughened units of %s exactly as the reference engine does",
    (id) => {
      const pack = getPack(id)!;
      const compiled = compilePack(pack);
      const docs = roughen(compiled, generateCommunes(compiled, { count: 600, year: 2024, seed: 99 }), 7);
      const c = checkContract(pack, docs, compiled);
      expect(c.first).toBeNull();
      expect(c.identical).toBe(600);
    },
    120_000,
  );
});
