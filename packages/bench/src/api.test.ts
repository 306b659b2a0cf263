import { describe, expect, it } from "vitest";
import { judgeApiTargets, judgeColdRollup, type CaseResult } from "./api.js";

const row = (db: string, kind: CaseResult["kind"], reqPerS: number, p99Ms: number, extra: Partial<CaseResult> = {}): CaseResult => ({
  db,
  kind,
  name: kind,
  path: `/${kind}`,
  connections: 20,
  reqPerS,
  p50Ms: p99Ms / 2,
  p99Ms,
  total: reqPerS * 5,
  failures: 0,
  load1: 1,
  ...extra,
});

describe("judgeApiTargets", () => {
  it("passes the commune ratio at 30% of the baseline and the roll-up under 100 ms p99; binding only on PostgreSQL", () => {
    const results = [
      row("PostgreSQL", "baseline", 1000, 20),
      row("PostgreSQL", "commune", 300, 60),
      row("PostgreSQL", "rollup", 250, 99),
      row("PGlite", "baseline", 1000, 20),
      row("PGlite", "commune", 299, 60),
      row("PGlite", "rollup", 50, 100),
    ];
    expect(judgeApiTargets(results, 1000)).toEqual([
      {
        db: "PostgreSQL",
        target: "commune evaluation ≥ 30% of the trivial route's req/s",
        measured: "30.0% (300 / 1,000 req/s)",
        pass: true,
        binding: true,
      },
      {
        db: "PostgreSQL",
        target: "roll-up of 1,000 communes p99 < 100 ms at 20 clients",
        measured: "p99 99 ms at 20 clients",
        pass: true,
        binding: true,
      },
      {
        db: "PGlite",
        target: "commune evaluation ≥ 30% of the trivial route's req/s",
        measured: "29.9% (299 / 1,000 req/s)",
        pass: false,
        binding: false,
      },
      {
        db: "PGlite",
        target: "roll-up of 1,000 communes p99 < 100 ms at 20 clients",
        measured: "p99 100 ms at 20 clients",
        pass: false,
        binding: false,
      },
    ]);
  });

  it("misses a target measured with failed requests or with fewer than 20 clients", () => {
    const results = [
      row("PostgreSQL", "baseline", 1000, 20),
      row("PostgreSQL", "commune", 900, 10, { failures: 3 }),
      row("PostgreSQL", "rollup", 900, 10, { connections: 10 }),
    ];
    expect(judgeApiTargets(results, 1000).map((v) => v.pass)).toEqual([false, false]);
  });
});

describe("judgeColdRollup", () => {
  it("judges the median first roll-up of fresh processes against 200 ms, binding only on PostgreSQL", () => {
    const verdicts = judgeColdRollup([
      { db: "PostgreSQL", communes: 1000, runsMs: [450, 180, 200], load1: 1.5 },
      { db: "PGlite", communes: 1000, runsMs: [150, 260, 240, 900], load1: 1.5 },
    ]);
    expect(verdicts.map((v) => [v.db, v.pass, v.binding])).toEqual([
      ["PostgreSQL", true, true],
      ["PGlite", false, false],
    ]);
    expect(verdicts[0]!.measured).toBe("median 200 ms (min 180, max 450; 3 processes; load 1m 1.50)");
    expect(verdicts[1]!.measured).toMatch(/^median 240 ms \(min 150, max 900; 4 processes/);
  });

  it("misses when no process was measured", () => {
    expect(judgeColdRollup([{ db: "PostgreSQL", communes: 1000, runsMs: [], load1: 1 }])[0]!.pass).toBe(false);
  });
});
