import type { IsoDate, Reason } from "../../schemas/common.js";
import { daysFromTo, isCalendarDate } from "../_lib/calendarDate.js";
import { certificateExpiry } from "../certificateExpiry/index.js";
import { isRecognisedStars } from "../isRecognisedStars/index.js";
import { DEFAULT_OCOP_RENEWAL_WINDOW, type OcopProduct } from "../schema.js";

/** Where a product stands on a given day. */
export type OcopValidity = "valid" | "renewal_due" | "expired" | "not_recognised" | "revoked";

/** The result of {@link ocopStatus}. */
export interface OcopStatusResult {
  productId: string;
  status: OcopValidity;
  /** Last valid day of the certificate; null without a certificate. */
  expiresOn: IsoDate | null;
  /** Days from `asOf` to `expiresOn` (negative once expired); null without a certificate. */
  daysLeft: number | null;
  renewalWindowDays: number;
  reasons: Reason[];
}

/** Options of {@link ocopStatus}. */
export interface OcopStatusOptions {
  /** Days before expiry from which renewal is due; default {@link DEFAULT_OCOP_RENEWAL_WINDOW} (90, a default, not law). */
  renewalWindowDays?: number;
}

/**
 * Where a (validated) OCOP product stands on `asOf`: `valid`; `renewal_due` when the certificate ends
 * within the renewal window (0 ≤ days left ≤ window); `expired` after its last valid day
 * (36 months, {@link certificateExpiry}); `not_recognised` when it has no certificate or fewer than
 * 3 stars, or is still only `rated`; `revoked` when its recognition was withdrawn.
 * @example
 * // product.certificate.date is "2023-03-15", so it expires on "2026-03-15"
 * ocopStatus(product, "2026-01-10").status // "renewal_due" (64 days left)
 * ocopStatus(product, "2026-03-16").status // "expired"
 */
export function ocopStatus(product: OcopProduct, asOf: IsoDate, options: OcopStatusOptions = {}): OcopStatusResult {
  if (!isCalendarDate(asOf)) throw new RangeError(`asOf is not a calendar date yyyy-mm-dd: "${asOf}"`);
  const windowDays = options.renewalWindowDays ?? DEFAULT_OCOP_RENEWAL_WINDOW.days;
  if (!Number.isInteger(windowDays) || windowDays < 0)
    throw new RangeError(`renewalWindowDays must be a whole number ≥ 0, got ${windowDays}`);
  const windowIsDefault = options.renewalWindowDays === undefined;
  const base = { productId: product.id, renewalWindowDays: windowDays };
  const path = ["products", product.id];
  if (product.status === "revoked") {
    return {
      ...base,
      status: "revoked",
      expiresOn: null,
      daysLeft: null,
      reasons: [{ code: "ocop.revoked", path, params: { product: product.name } }],
    };
  }
  // a certificate on file does not make a product recognised until its record says so
  if (product.status !== "recognised" || !product.certificate || !isRecognisedStars(product.stars)) {
    return {
      ...base,
      status: "not_recognised",
      expiresOn: null,
      daysLeft: null,
      reasons: [
        {
          code: "ocop.not_recognised",
          path,
          params: { product: product.name, stars: product.stars, hasCertificate: product.certificate !== undefined },
        },
      ],
    };
  }
  const expiresOn = certificateExpiry(product.certificate.date);
  const daysLeft = daysFromTo(asOf, expiresOn);
  const params = { product: product.name, stars: product.stars, certificate: product.certificate.number, expiresOn, asOf };
  if (daysLeft < 0)
    return {
      ...base,
      status: "expired",
      expiresOn,
      daysLeft,
      reasons: [{ code: "ocop.expired", path, params: { ...params, daysOverdue: -daysLeft } }],
    };
  if (daysLeft <= windowDays)
    return {
      ...base,
      status: "renewal_due",
      expiresOn,
      daysLeft,
      reasons: [{ code: "ocop.renewal_due", path, params: { ...params, daysLeft, windowDays, windowIsDefault } }],
    };
  return { ...base, status: "valid", expiresOn, daysLeft, reasons: [{ code: "ocop.valid", path, params: { ...params, daysLeft } }] };
}
