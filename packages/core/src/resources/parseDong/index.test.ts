import { describe, expect, it } from "vitest";
import { parseDong } from "./index.js";

describe("parseDong", () => {
  it("parses plain digits, dot-grouped thousands, a currency suffix, integers and bigints exactly", () => {
    const inputs = [
      "1250000",
      "1.250.000",
      " 1.250.000 đ",
      "2.000 đồng",
      "999VND",
      "0",
      42,
      5_000_000_000_000n,
      "123456789012345678901234567890",
    ];
    expect(inputs.map((i) => parseDong(i))).toEqual([
      { ok: true, value: 1250000n },
      { ok: true, value: 1250000n },
      { ok: true, value: 1250000n },
      { ok: true, value: 2000n },
      { ok: true, value: 999n },
      { ok: true, value: 0n },
      { ok: true, value: 42n },
      { ok: true, value: 5_000_000_000_000n },
      { ok: true, value: 123456789012345678901234567890n },
    ]);
  });

  it("rejects a decimal amount with a clear issue at the given path", () => {
    expect(parseDong("1.250.000,50", ["rows", 3, "amount"])).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "amount.decimal",
          path: ["rows", 3, "amount"],
          message: 'amount must be a whole number (no decimals): "1.250.000,50"',
          params: { input: "1.250.000,50" },
        },
      ],
    });
    const codes = ["12,5", "12.5", "1250000.00", 1.5].map((i) => {
      const r = parseDong(i);
      return r.ok ? null : r.issues[0]?.code;
    });
    expect(codes).toEqual(["amount.decimal", "amount.decimal", "amount.decimal", "amount.decimal"]);
  });

  it("rejects negatives, commas as thousands separators, empty text, unsafe numbers and junk", () => {
    const r = ["-1.000", "−5", -3, -1n, "1,250,000", "  ", 2 ** 60, Number.NaN, "12a", "1.25.000"].map((i) => {
      const x = parseDong(i, ["amount"]);
      return x.ok ? null : x.issues[0]?.code;
    });
    expect(r).toEqual([
      "amount.negative",
      "amount.negative",
      "amount.negative",
      "amount.negative",
      "amount.comma_grouping",
      "amount.empty",
      "amount.unsafe_number",
      "amount.invalid",
      "amount.invalid",
      "amount.invalid",
    ]);
    expect(parseDong("-1.000", ["amount"])).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        { code: "amount.negative", path: ["amount"], message: 'amount must not be negative: "-1.000"', params: { input: "-1.000" } },
      ],
    });
  });
});
