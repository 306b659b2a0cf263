import { describe, expect, it } from "vitest";
import { judgeMixed, type MixedResult } from "./api.js";
import { summarize, webVerdict } from "./web.js";

describe("summarize", () => {
  it("gives min, median (mean of the middle two for an even count) and max", () => {
    expect(summarize([300, 100, 200])).toEqual({ min: 100, median: 200, max: 300 });
    expect(summarize([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4 });
    expect(Number.isNaN(summarize([]).median)).toBe(true);
  });
});

describe("webVerdict", () => {
  it("passes when the median is within the target and no load failed", () => {
    expect(webVerdict({ timesMs: [900, 1600, 1400], failures: 0, targetMs: 1500 })).toBe(true);
    expect(webVerdict({ timesMs: [900, 1600, 1600], failures: 0, targetMs: 1500 })).toBe(false);
    expect(webVerdict({ timesMs: [900, 1000], failures: 1, targetMs: 1500 })).toBe(false);
    expect(webVerdict({ timesMs: [], failures: 0, targetMs: 1500 })).toBe(false);
  });
});

const mixed = (db: string, extra: Partial<MixedResult>): MixedResult => ({
  db,
  connections: 50,
  durationS: 20,
  reqPerS: 100,
  okPerS: 90,
  p50Ms: 100,
  p99Ms: 800,
  maxMs: 900,
  total: 2000,
  timeouts: 0,
  errors: 0,
  statuses: { "200": 1800, "503": 200 },
  writesOk: 400,
  healthMaxMs: 50,
  healthMedianMs: 2,
  load1: 1,
  ...extra,
});

describe("judgeMixed", () => {
  it("passes 0 timeouts with p99 ≤ 1 s, 503 answers allowed; binding on PGlite only", () => {
    const [pg, lite] = judgeMixed([mixed("PostgreSQL", {}), mixed("PGlite", {})]);
    expect(pg).toMatchObject({ pass: true, binding: false });
    expect(lite).toMatchObject({ pass: true, binding: true });
  });

  it("misses on one timeout, one connection error or a p99 above 1 s", () => {
    expect(judgeMixed([mixed("PGlite", { timeouts: 1 })])[0]?.pass).toBe(false);
    expect(judgeMixed([mixed("PGlite", { errors: 1 })])[0]?.pass).toBe(false);
    expect(judgeMixed([mixed("PGlite", { p99Ms: 1001 })])[0]?.pass).toBe(false);
  });
});
