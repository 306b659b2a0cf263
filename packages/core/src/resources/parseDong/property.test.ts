import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../../i18n/format.js";
import { parseDong } from "./index.js";

describe("parseDong (properties)", () => {
  it("reads back every non-negative whole amount, plain or dot-grouped as formatMoney writes it", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 24n }), (n) => {
        expect(parseDong(n.toString())).toEqual({ ok: true, value: n });
        expect(parseDong(formatMoney(n, "vi"))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("never accepts a negative amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: -1n }), (n) => {
        expect(parseDong(n.toString()).ok).toBe(false);
        expect(parseDong(n).ok).toBe(false);
      }),
    );
  });
});
