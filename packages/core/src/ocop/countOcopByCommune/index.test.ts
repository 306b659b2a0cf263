import { describe, expect, it } from "vitest";
import type { OcopProduct } from "../schema.js";
import { countOcopByCommune } from "./index.js";

const product = (id: string, communeUnitId: string, over: Partial<OcopProduct> = {}): OcopProduct => ({
  id,
  name: `Sản phẩm ${id}`,
  subject: { name: "HTX", kind: "cooperative" },
  communeUnitId,
  group: "food",
  score: 60,
  stars: 3,
  certificate: { number: `${id}/QĐ`, date: "2024-01-10" },
  status: "recognised",
  ...over,
});

/** A rated 2-star product without a certificate. */
const uncertified = (id: string, communeUnitId: string): OcopProduct => {
  const { certificate: _none, ...rest } = product(id, communeUnitId, { status: "rated", score: 40, stars: 2 });
  void _none;
  return rest;
};

describe("countOcopByCommune", () => {
  it("counts only products in force, lists the others, and checks the default target", () => {
    const products = [
      product("a", "x1"),
      product("b", "x1", { group: "beverage", score: 91, stars: 5, certificate: { number: "b", date: "2022-09-01" } }), // expires 2025-09-01: renewal due on 2025-06-30
      product("c", "x1", { certificate: { number: "c", date: "2022-06-29" } }), // expired 2025-06-29
      uncertified("d", "x2"),
    ];
    expect(countOcopByCommune(products, "2025-06-30", { communeIds: ["x3"] })).toEqual([
      {
        unitId: "x1",
        listed: 3,
        recognised: 2,
        byStars: { 3: 1, 4: 0, 5: 1 },
        byGroup: { food: 1, beverage: 1 },
        renewalDue: ["b"],
        expired: ["c"],
        notRecognised: [],
        revoked: [],
        target: 2,
        targetIsDefault: true,
        met: true,
        reasons: [
          {
            code: "ocop.commune_target_met",
            path: ["communes", "x1"],
            params: { unit: "x1", count: 2, target: 2, targetIsDefault: true, asOf: "2025-06-30" },
          },
          {
            code: "ocop.target_is_default",
            path: ["communes", "x1"],
            params: { target: 2, note: "The plan gives no number ('nhiều sản phẩm'); 2 is ntm's default reading of 'several'." },
          },
          { code: "ocop.products_renewal_due", path: ["communes", "x1"], params: { unit: "x1", count: 1, products: ["b"] } },
          { code: "ocop.products_expired", path: ["communes", "x1"], params: { unit: "x1", count: 1, products: ["c"] } },
        ],
      },
      {
        unitId: "x2",
        listed: 1,
        recognised: 0,
        byStars: { 3: 0, 4: 0, 5: 0 },
        byGroup: {},
        renewalDue: [],
        expired: [],
        notRecognised: ["d"],
        revoked: [],
        target: 2,
        targetIsDefault: true,
        met: false,
        reasons: [
          {
            code: "ocop.commune_target_not_met",
            path: ["communes", "x2"],
            params: { unit: "x2", count: 0, target: 2, targetIsDefault: true, asOf: "2025-06-30", gap: 2 },
          },
          {
            code: "ocop.target_is_default",
            path: ["communes", "x2"],
            params: { target: 2, note: "The plan gives no number ('nhiều sản phẩm'); 2 is ntm's default reading of 'several'." },
          },
          { code: "ocop.products_not_recognised", path: ["communes", "x2"], params: { unit: "x2", count: 1, products: ["d"] } },
        ],
      },
      {
        unitId: "x3",
        listed: 0,
        recognised: 0,
        byStars: { 3: 0, 4: 0, 5: 0 },
        byGroup: {},
        renewalDue: [],
        expired: [],
        notRecognised: [],
        revoked: [],
        target: 2,
        targetIsDefault: true,
        met: false,
        reasons: [
          {
            code: "ocop.commune_target_not_met",
            path: ["communes", "x3"],
            params: { unit: "x3", count: 0, target: 2, targetIsDefault: true, asOf: "2025-06-30", gap: 2 },
          },
          {
            code: "ocop.target_is_default",
            path: ["communes", "x3"],
            params: { target: 2, note: "The plan gives no number ('nhiều sản phẩm'); 2 is ntm's default reading of 'several'." },
          },
        ],
      },
    ]);
  });

  it("meets a given target exactly at the target count and does not flag it as default", () => {
    const products = [product("a", "x1"), product("b", "x1"), product("c", "x1", { status: "revoked" })];
    const [x1] = countOcopByCommune(products, "2025-01-01", { target: 2 });
    expect(x1?.met).toBe(true);
    expect(x1?.reasons.map((r) => r.code)).toEqual(["ocop.commune_target_met", "ocop.products_revoked"]);
    const [y1] = countOcopByCommune(products, "2025-01-01", { target: 3 });
    expect([y1?.met, y1?.reasons[0]?.params.gap]).toEqual([false, 1]);
  });

  it("rejects a target below 1", () => {
    expect(() => countOcopByCommune([], "2025-01-01", { target: 0 })).toThrow("target must be a whole number ≥ 1, got 0");
  });
});
