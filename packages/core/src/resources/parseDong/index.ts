import { type Result, fail, ok } from "../../errors/index.js";
import type { JsonPath } from "../../schemas/common.js";

const issue = (code: string, path: JsonPath, message: string, input: unknown) =>
  fail<bigint>("invalid_input", [{ code, path, message, params: { input: typeof input === "bigint" ? input.toString() : input } }]);

/**
 * Parses a whole, non-negative amount (money in đồng, or a whole quantity such as m² or days) into a
 * bigint, never through a float. Accepts "1250000", "1.250.000" (dots group thousands, as written in
 * Vietnamese), an optional " đ" / "đồng" / "VND" suffix, a safe integer or a bigint. Rejects decimals
 * ("1.250.000,50", "1,5", "12.5"), negatives, "1,250,000" (a comma is the decimal mark in
 * Vietnamese) and anything else, with an issue at `path`.
 * @example
 * parseDong("1.250.000") // { ok: true, value: 1250000n }
 * parseDong("12,5", ["rows", 3, "amount"]).ok // false (issue code "amount.decimal" at $.rows[3].amount)
 */
export function parseDong(input: string | number | bigint, path: JsonPath = []): Result<bigint> {
  if (typeof input === "bigint")
    return input < 0n ? issue("amount.negative", path, `amount must not be negative: ${input}`, input) : ok(input);
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return issue("amount.invalid", path, `not an amount: ${input}`, input);
    if (input < 0) return issue("amount.negative", path, `amount must not be negative: ${input}`, input);
    if (!Number.isInteger(input)) return issue("amount.decimal", path, `amount must be a whole number (no decimals): ${input}`, input);
    if (!Number.isSafeInteger(input))
      return issue("amount.unsafe_number", path, `amount ${input} is too large for a JSON number; write it as a string`, input);
    return ok(BigInt(input));
  }
  const text = input.trim().replace(/\s*(đồng|đ|vnđ|vnd)$/i, "");
  if (text === "") return issue("amount.empty", path, "amount is empty", input);
  if (/^[-−]/.test(text)) return issue("amount.negative", path, `amount must not be negative: "${input}"`, input);
  if (/^\d+$/.test(text)) return ok(BigInt(text));
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return ok(BigInt(text.replaceAll(".", "")));
  if (/^\d{1,3}(,\d{3}){2,}$/.test(text))
    return issue("amount.comma_grouping", path, `"${input}": group thousands with dots (1.250.000); a comma is the decimal mark`, input);
  if (/^(\d{1,3}(\.\d{3})+|\d+),\d+$/.test(text) || /^\d+\.\d+$/.test(text))
    return issue("amount.decimal", path, `amount must be a whole number (no decimals): "${input}"`, input);
  return issue("amount.invalid", path, `not an amount: "${input}" (write 1250000 or 1.250.000)`, input);
}
