import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ResourceSourceSchema, type Contribution } from "../schema.js";
import { summariseContributions } from "./index.js";

const contribution = fc.record({
  unitId: fc.constantFrom("x1", "x2", "x3"),
  period: fc.constant({ kind: "year", year: 2025 } as const),
  source: fc.constantFrom(...ResourceSourceSchema.options),
  amount: fc.bigInt({ min: 0n, max: 10n ** 15n }),
}) as fc.Arbitrary<Contribution>;

describe("summariseContributions (properties)", () => {
  it("splits all money into sources exactly, and does not depend on input order", () => {
    fc.assert(
      fc.property(fc.array(contribution, { maxLength: 30 }), (rows) => {
        const s = summariseContributions(rows);
        expect(s.bySource.reduce((a, b) => a + b.amount, 0n)).toBe(s.totals.money);
        expect(s.totals.money + s.totals.landDonatedM2 + s.totals.labourDays).toBe(rows.reduce((a, c) => a + c.amount, 0n));
        expect(summariseContributions([...rows].reverse())).toEqual(s);
      }),
    );
  });
});
