import { describe, expect, it } from "vitest";
import type { CriteriaPack } from "../../schemas/pack.js";
import { getPack } from "../registry.js";
import { provenanceCounts } from "./index.js";

type Indicator = CriteriaPack["criteria"][number]["indicators"][number];
const ind = (id: string, threshold: Indicator["threshold"], verified: boolean): Indicator => ({
  id,
  name: { vi: id, en: id },
  kind: "percent",
  comparator: ">=",
  threshold,
  verified,
});
const packOf = (indicators: Indicator[]) => ({ criteria: [{ indicators }] }) as unknown as Pick<CriteriaPack, "criteria">;

describe("provenanceCounts", () => {
  it("counts every value unknown as unknown, some unknown as partly unknown, and verified only when nothing is unknown", () => {
    const counts = provenanceCounts(
      packOf([
        ind("a", { all: null }, false),
        ind("b", { byVariant: { TDMNPB: null, DBSH: null } }, false),
        ind("c", { byVariant: { TDMNPB: 50, DBSH: null } }, true),
        ind("d", { byVariant: { "*": 80 } }, true),
        ind("e", { all: 70 }, false),
        ind("f", { byYear: { "2024": { "*": 52 }, "2025": { "*": null } } }, false),
        ind("g", { scaleOfParent: 1.1 }, true),
      ]),
    );
    // a, b unknown; c verified-but-partly-unknown → unverified; d, g verified; e, f unverified (f partly unknown)
    expect(counts).toEqual({ verified: 2, unverified: 3, unknown: 2, partlyUnknown: 2 });
  });

  it("adds up to the indicators of a shipped pack", () => {
    const pack = getPack("vn.commune-ntm.2021-2025")!;
    const total = pack.criteria.reduce((n, c) => n + c.indicators.length, 0);
    const c = provenanceCounts(pack);
    expect(c.verified + c.unverified + c.unknown).toBe(total);
    expect(c.partlyUnknown).toBeLessThanOrEqual(c.verified + c.unverified);
  });
});
