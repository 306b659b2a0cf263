import { type Result, fail, ok } from "../../errors/index.js";
import { domainZodIssues } from "../_lib/zodIssues.js";
import { certificateExpiry } from "../certificateExpiry/index.js";
import { isRecognisedStars } from "../isRecognisedStars/index.js";
import { type OcopProduct, OcopProductSchema } from "../schema.js";
import { starsForScore } from "../starsForScore/index.js";

/**
 * {@link OcopProductSchema} plus the OCOP rules: stars must match the score's band, a certificate or
 * the `recognised` status requires 3–5 stars, `recognised` requires a certificate, and a stated
 * `certificate.expiresOn` must be 36 months after the certificate date.
 * @example
 * ValidOcopProductSchema.safeParse({ ...product, score: 89.99, stars: 5 }).success // false (stars must be 4)
 */
export const ValidOcopProductSchema = OcopProductSchema.superRefine((p, ctx) => {
  const expected = starsForScore(p.score);
  if (p.stars !== expected) {
    ctx.addIssue({
      code: "custom",
      path: ["stars"],
      message: `stars ${p.stars} do not match score ${p.score} (expected ${expected})`,
      params: { code: "ocop.stars_mismatch", stars: p.stars, score: p.score, expected },
    });
  }
  if (p.status === "recognised" && !p.certificate) {
    ctx.addIssue({
      code: "custom",
      path: ["certificate"],
      message: "a recognised product needs its certificate (number and date)",
      params: { code: "ocop.certificate_missing" },
    });
  }
  if ((p.status === "recognised" || p.certificate) && !isRecognisedStars(p.stars)) {
    ctx.addIssue({
      code: "custom",
      path: ["stars"],
      message: `only 3–5 stars are recognised; this product has ${p.stars}`,
      params: { code: "ocop.stars_below_recognition", stars: p.stars },
    });
  }
  if (p.certificate?.expiresOn !== undefined) {
    const expected36 = certificateExpiry(p.certificate.date);
    if (p.certificate.expiresOn !== expected36) {
      ctx.addIssue({
        code: "custom",
        path: ["certificate", "expiresOn"],
        message: `expiry ${p.certificate.expiresOn} is not 36 months after ${p.certificate.date} (expected ${expected36})`,
        params: { code: "ocop.expiry_mismatch", expiresOn: p.certificate.expiresOn, expected: expected36 },
      });
    }
  }
});

/**
 * Validates an OCOP product: shape, then the OCOP rules of {@link ValidOcopProductSchema}.
 * Issues carry JSON paths (`["stars"]`, `["certificate", "date"]`).
 * @example
 * validateOcopProduct({ id: "p1", name: "Mật ong bạc hà", subject: { name: "HTX Đồng Văn", kind: "cooperative" },
 *   communeUnitId: "x1", group: "food", score: 72, stars: 4, certificate: { number: "12/QĐ-UBND", date: "2024-05-10" },
 *   status: "recognised" }).ok // true
 */
export function validateOcopProduct(input: unknown): Result<OcopProduct> {
  const r = ValidOcopProductSchema.safeParse(input);
  return r.success ? ok(r.data) : fail("invalid_input", domainZodIssues(r.error));
}
