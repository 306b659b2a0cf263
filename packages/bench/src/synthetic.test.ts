import { describe, expect, it } from "vitest";
import { compilePack, getPack, REGIONS } from "@ntm/core";
import { generateCommunes, mulberry32 } from "./synthetic.js";

const compiled = compilePack(getPack("example.province-demo.2021-2025")!);

describe("mulberry32", () => {
  it("repeats the same sequence for the same seed and another one for another seed", () => {
    const draw = (seed: number) => {
      const r = mulberry32(seed);
      return Array.from({ length: 5 }, () => r());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const x of draw(7)) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe("generateCommunes", () => {
  const docs = generateCommunes(compiled, { count: 2_000, year: 2024, seed: 11 });

  it("generates identical communes for the same seed", () => {
    expect(generateCommunes(compiled, { count: 2_000, year: 2024, seed: 11 })).toEqual(docs);
    expect(generateCommunes(compiled, { count: 2_000, year: 2024, seed: 12 })).not.toEqual(docs);
  });

  it("spreads communes over the 7 regions, with especially difficult and safe-zone flags and a few without region", () => {
    const regions = new Set(docs.map((d) => d.unit.region));
    expect([...regions].filter((r) => r !== undefined).sort()).toEqual(Object.keys(REGIONS).sort());
    expect(regions.has(undefined)).toBe(true);
    expect(docs.some((d) => d.unit.flags?.includes("especiallyDifficult"))).toBe(true);
    expect(docs.some((d) => d.unit.flags?.includes("safeZone"))).toBe(true);
    expect(docs.every((d) => d.year === 2024 && d.unit.level === "commune")).toBe(true);
  });

  it("reports every indicator of the pack in most communes and leaves null or absent values in the others", () => {
    const ids = compiled.indicators.map((ci) => ci.indicator.id).sort();
    const complete = docs.filter(
      (d) => Object.keys(d.values).sort().join() === ids.join() && Object.values(d.values).every((v) => v !== null),
    );
    expect(complete.length).toBeGreaterThan(docs.length / 2);
    expect(docs.some((d) => Object.values(d.values).includes(null))).toBe(true);
    expect(docs.some((d) => Object.keys(d.values).length < ids.length)).toBe(true);
  });

  it("gives booleans to boolean indicators and percents within 0–100", () => {
    for (const d of docs.slice(0, 200)) {
      for (const ci of compiled.indicators) {
        const v = d.values[ci.indicator.id];
        if (v === undefined || v === null) continue;
        if (ci.indicator.kind === "boolean") expect(typeof v).toBe("boolean");
        else expect(typeof v).toBe("number");
        if (ci.indicator.kind === "percent") expect(v as number).toBeGreaterThanOrEqual(0);
        if (ci.indicator.kind === "percent") expect(v as number).toBeLessThanOrEqual(100);
      }
    }
  });
});
