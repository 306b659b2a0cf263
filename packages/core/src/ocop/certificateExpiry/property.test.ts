import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { certificateExpiry } from "./index.js";

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

describe("certificateExpiry (properties)", () => {
  it("is the same month three years on, on the same day or that month's last day", () => {
    const date = fc
      .record({ y: fc.integer({ min: 2000, max: 2096 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .filter(({ y, m, d }) => d <= lastDay(y, m));
    fc.assert(
      fc.property(date, ({ y, m, d }) => {
        const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const day = Math.min(d, lastDay(y + 3, m));
        expect(certificateExpiry(iso)).toBe(`${y + 3}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
      }),
    );
  });
});
