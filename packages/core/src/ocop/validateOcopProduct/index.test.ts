import { describe, expect, it } from "vitest";
import { validateOcopProduct } from "./index.js";
import { formatReason } from "../../i18n/formatReason.js";

const product = (over: Record<string, unknown> = {}) => ({
  id: "p1",
  name: "Mật ong bạc hà",
  subject: { name: "HTX Đồng Văn", kind: "cooperative" },
  communeUnitId: "x1",
  group: "food",
  score: 72,
  stars: 4,
  certificate: { number: "12/QĐ-UBND", date: "2024-05-10" },
  status: "recognised",
  ...over,
});

describe("validateOcopProduct", () => {
  it("accepts a recognised 4-star product and returns it unchanged", () => {
    expect(validateOcopProduct(product())).toEqual({ ok: true, value: product() });
  });

  it("accepts a rated 2-star product without a certificate", () => {
    const p = product({ score: 45, stars: 2, status: "rated", certificate: undefined });
    const { certificate: _drop, ...expected } = p;
    void _drop;
    expect(validateOcopProduct(expected)).toEqual({ ok: true, value: expected });
  });

  it("reports stars that do not match the score band at $.stars", () => {
    expect(validateOcopProduct(product({ score: 89.99, stars: 5 }))).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "ocop.stars_mismatch",
          path: ["stars"],
          message: "stars 5 do not match score 89.99 (expected 4)",
          params: { stars: 5, score: 89.99, expected: 4 },
        },
      ],
    });
  });

  it("requires a certificate and 3+ stars for a recognised product", () => {
    const r = validateOcopProduct(product({ score: 40, stars: 2, certificate: undefined }));
    expect(r).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "ocop.certificate_missing",
          path: ["certificate"],
          message: "a recognised product needs its certificate (number and date)",
          params: {},
        },
        {
          code: "ocop.stars_below_recognition",
          path: ["stars"],
          message: "only 3–5 stars are recognised; this product has 2",
          params: { stars: 2 },
        },
      ],
    });
  });

  it("checks a stated expiry date against 36 months", () => {
    const r = validateOcopProduct(product({ certificate: { number: "1", date: "2024-02-29", expiresOn: "2027-03-01" } }));
    expect(r).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "ocop.expiry_mismatch",
          path: ["certificate", "expiresOn"],
          message: "expiry 2027-03-01 is not 36 months after 2024-02-29 (expected 2027-02-28)",
          params: { expiresOn: "2027-03-01", expected: "2027-02-28" },
        },
      ],
    });
    expect(validateOcopProduct(product({ certificate: { number: "1", date: "2024-02-29", expiresOn: "2027-02-28" } })).ok).toBe(true);
  });

  it("reports shape errors with their JSON paths", () => {
    const r = validateOcopProduct(product({ score: 101, group: "wine", certificate: { number: "1", date: "2023-02-29" } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_value", ["group"]],
      ["too_big", ["score"]],
      ["date.not_calendar_day", ["certificate", "date"]],
    ]);
  });
});

describe("validateOcopProduct issues in the catalog", () => {
  it("renders every OCOP rule issue in Vietnamese through formatReason (no English on the form)", () => {
    const r = validateOcopProduct(
      product({ score: 40, stars: 5, certificate: { number: "1/QĐ", date: "2024-05-10", expiresOn: "2026-01-01" } }),
    );
    if (r.ok) throw new Error("expected issues");
    const text = r.issues.map((i) => formatReason({ code: i.code, path: [...i.path], params: i.params ?? {} }, "vi"));
    expect(text).toEqual([
      "5 sao không khớp với điểm 40 (theo điểm là 2 sao)",
      "ngày hết hạn 01/01/2026 không đúng 36 tháng sau ngày chứng nhận (phải là 10/05/2027)",
    ]);
    expect(formatReason({ code: "ocop.certificate_missing", path: ["certificate"], params: {} }, "vi")).toBe(
      "sản phẩm đã công nhận cần có giấy chứng nhận (số và ngày)",
    );
    expect(formatReason({ code: "ocop.stars_below_recognition", path: ["stars"], params: { stars: 2 } }, "vi")).toBe(
      "chỉ sản phẩm 3–5 sao được công nhận; sản phẩm này 2 sao",
    );
  });
});
