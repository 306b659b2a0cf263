import { describe, expect, it } from "vitest";
import { getPack } from "../registry.js";
import { packProvenance } from "./index.js";

type Ind = { verified: boolean; threshold: { all: number | boolean | null } | { byVariant: Record<string, number | null> } };
const packOf = (...indicators: Ind[]) => ({ criteria: [{ indicators }] }) as unknown as Parameters<typeof packProvenance>[0];

describe("packProvenance", () => {
  it("counts an unknown threshold ({ all: null }) as unknown even when the indicator is flagged verified", () => {
    expect(
      packProvenance(
        packOf(
          { verified: true, threshold: { all: null } },
          { verified: true, threshold: { all: 90 } },
          { verified: false, threshold: { all: true } },
          { verified: false, threshold: { byVariant: { TDMNPB: 80 } } },
        ),
      ),
    ).toEqual({ verified: 1, unverified: 2, unknown: 1 });
  });

  it("accounts for every indicator of a shipped pack exactly once", () => {
    const pack = getPack("vn.commune-ntm.2021-2025")!;
    const p = packProvenance(pack);
    const total = pack.criteria.reduce((n, c) => n + c.indicators.length, 0);
    expect(p.verified + p.unverified + p.unknown).toBe(total);
  });
});
