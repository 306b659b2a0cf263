import { describe, expect, it } from "vitest";
import type { OcopProduct } from "../schema.js";
import { ocopStatus } from "./index.js";

const product = (over: Partial<OcopProduct> = {}): OcopProduct => ({
  id: "p1",
  name: "Chè Shan tuyết",
  subject: { name: "HTX Chè Suối Giàng", kind: "cooperative" },
  communeUnitId: "x1",
  group: "beverage",
  score: 75,
  stars: 4,
  certificate: { number: "15/QĐ-UBND", date: "2023-03-15" },
  status: "recognised",
  ...over,
});
const common = { certificate: "15/QĐ-UBND", expiresOn: "2026-03-15", product: "Chè Shan tuyết", stars: 4 };

describe("ocopStatus", () => {
  it("is valid one day before the default 90-day renewal window opens", () => {
    expect(ocopStatus(product(), "2025-12-14")).toEqual({
      productId: "p1",
      status: "valid",
      expiresOn: "2026-03-15",
      daysLeft: 91,
      renewalWindowDays: 90,
      reasons: [{ code: "ocop.valid", path: ["products", "p1"], params: { ...common, asOf: "2025-12-14", daysLeft: 91 } }],
    });
  });

  it("is renewal due exactly 90 days before expiry, and says the window is a default", () => {
    expect(ocopStatus(product(), "2025-12-15")).toEqual({
      productId: "p1",
      status: "renewal_due",
      expiresOn: "2026-03-15",
      daysLeft: 90,
      renewalWindowDays: 90,
      reasons: [
        {
          code: "ocop.renewal_due",
          path: ["products", "p1"],
          params: { ...common, asOf: "2025-12-15", daysLeft: 90, windowDays: 90, windowIsDefault: true },
        },
      ],
    });
  });

  it("is still renewal due (not expired) on the expiry date itself, the last valid day", () => {
    expect(ocopStatus(product(), "2026-03-15")).toMatchObject({ status: "renewal_due", daysLeft: 0 });
  });

  it("is expired the day after the expiry date", () => {
    expect(ocopStatus(product(), "2026-03-16")).toEqual({
      productId: "p1",
      status: "expired",
      expiresOn: "2026-03-15",
      daysLeft: -1,
      renewalWindowDays: 90,
      reasons: [{ code: "ocop.expired", path: ["products", "p1"], params: { ...common, asOf: "2026-03-16", daysOverdue: 1 } }],
    });
  });

  it("uses a configured window instead of the default", () => {
    const r = ocopStatus(product(), "2025-12-15", { renewalWindowDays: 30 });
    expect([r.status, r.renewalWindowDays]).toEqual(["valid", 30]);
    const due = ocopStatus(product(), "2026-02-13", { renewalWindowDays: 30 });
    expect(due.reasons[0]?.params).toMatchObject({ daysLeft: 30, windowDays: 30, windowIsDefault: false });
  });

  it("handles a certificate dated 29/02: last valid day 28/02 three years later", () => {
    const p = product({ certificate: { number: "1", date: "2024-02-29" } });
    expect([ocopStatus(p, "2027-02-28").status, ocopStatus(p, "2027-03-01").status]).toEqual(["renewal_due", "expired"]);
  });

  it("says not recognised for a product without a certificate or under 3 stars, and revoked when withdrawn", () => {
    const { certificate: _c, ...noCert } = product({ score: 45, stars: 2, status: "rated" });
    void _c;
    expect(ocopStatus(noCert, "2025-01-01")).toEqual({
      productId: "p1",
      status: "not_recognised",
      expiresOn: null,
      daysLeft: null,
      renewalWindowDays: 90,
      reasons: [
        { code: "ocop.not_recognised", path: ["products", "p1"], params: { product: "Chè Shan tuyết", stars: 2, hasCertificate: false } },
      ],
    });
    expect(ocopStatus(product({ status: "revoked" }), "2025-01-01")).toEqual({
      productId: "p1",
      status: "revoked",
      expiresOn: null,
      daysLeft: null,
      renewalWindowDays: 90,
      reasons: [{ code: "ocop.revoked", path: ["products", "p1"], params: { product: "Chè Shan tuyết" } }],
    });
  });

  it("says not recognised for a product still recorded as rated, even with a certificate on file", () => {
    expect(ocopStatus(product({ status: "rated" }), "2025-01-01")).toEqual({
      productId: "p1",
      status: "not_recognised",
      expiresOn: null,
      daysLeft: null,
      renewalWindowDays: 90,
      reasons: [
        { code: "ocop.not_recognised", path: ["products", "p1"], params: { product: "Chè Shan tuyết", stars: 4, hasCertificate: true } },
      ],
    });
  });

  it("rejects a malformed asOf or window as programmer errors", () => {
    expect(() => ocopStatus(product(), "2025-13-01")).toThrow(RangeError);
    expect(() => ocopStatus(product(), "2025-01-01", { renewalWindowDays: -1 })).toThrow(RangeError);
  });
});
