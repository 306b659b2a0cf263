import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { ocopMessages } from "../../i18n/ocop.messages.js";
import type { Reason } from "../../schemas/common.js";
import { countOcopByCommune } from "../countOcopByCommune/index.js";
import { ocopStatus } from "../ocopStatus/index.js";
import type { OcopProduct } from "../schema.js";
import { summariseContributions } from "../../resources/summariseContributions/index.js";
import { summariseHousing } from "../../housing/summariseHousing/index.js";
import { indicator91FromHousing } from "../../housing/indicator91FromHousing/index.js";
import { summariseInspections } from "../../inspections/summariseInspections/index.js";
import { overdueRecommendations } from "../../inspections/overdueRecommendations/index.js";
import { rec, record } from "../../inspections/_lib/fixtures.js";
import { validateOcopProduct } from "../validateOcopProduct/index.js";
import { parseDong } from "../../resources/parseDong/index.js";
import { parsePeriod } from "../../period/index.js";
import { validateHouse } from "../../housing/validateHouse/index.js";
import { validateInspectionRecord } from "../../inspections/validateInspectionRecord/index.js";
import type { Result } from "../../errors/index.js";

const p = (id: string, communeUnitId: string, over: Partial<OcopProduct> = {}): OcopProduct => ({
  id,
  name: id,
  subject: { name: "HTX", kind: "cooperative" },
  communeUnitId,
  group: "food",
  score: 75,
  stars: 4,
  certificate: { number: id, date: "2024-01-01" },
  status: "recognised",
  ...over,
});

const issuesOf = (r: Result<unknown>): Reason[] =>
  r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: [...i.path], params: i.params ?? {} }));

/** Reasons from real calls that, together, use every code of the catalog. */
function everyReason(): Reason[] {
  const products = [
    p("a", "x1"),
    p("b", "x1"),
    p("c", "x2", { status: "revoked" }),
    p("d", "x2", { certificate: { number: "d", date: "2020-01-01" } }),
    p("e", "x2", { certificate: { number: "e", date: "2022-03-01" } }),
    p("f", "x2", { score: 40, stars: 2, status: "rated" }),
  ];
  const y = { kind: "year", year: 2025 } as const;
  const houses = (id: string, status: "temporary" | "completed" | "under_construction", communeUnitId: string) => ({
    id,
    communeUnitId,
    status,
    supportAmount: 1n,
  });
  const housing = summariseHousing([houses("h1", "temporary", "x1"), houses("h2", "under_construction", "x2")], ["x3"]);
  const records = [
    record("r1", "x1", "2025-01-01", [rec("k1", "2025-02-01", "open")]),
    record("r2", "x2", "2025-01-01", [rec("k1", "2025-02-01", "done")]),
  ];
  return [
    ...products.flatMap((x) => ocopStatus(x, "2025-01-15").reasons),
    ...countOcopByCommune(products, "2025-01-15").flatMap((c) => c.reasons),
    ...summariseContributions([{ unitId: "x1", period: y, source: "people_cash", amount: 5n }]).reasons,
    ...summariseContributions([{ unitId: "x1", period: y, source: "labour_days", amount: 5n }], {
      period: { kind: "quarter", year: 2025, quarter: 1 },
    }).reasons,
    ...housing.flatMap((s) => [...s.reasons, ...indicator91FromHousing(s).reasons]),
    ...overdueRecommendations(records, "2025-03-01").flatMap((o) => o.reasons),
    ...summariseInspections(records, "2025-03-01").flatMap((s) => s.reasons),
    // The OCOP rules a product form or import checks (stars, certificate, expiry).
    ...[
      p("v1", "x1", { score: 40, stars: 5, certificate: { number: "1/QĐ", date: "2024-05-10", expiresOn: "2026-01-01" } }),
      (({ certificate: _c, ...rest }) => rest)(p("v2", "x1")) as OcopProduct,
      p("v3", "x1", { score: 40, stars: 2 }),
    ].flatMap((x) => issuesOf(validateOcopProduct(x))),
    // The checks a resource, housing or inspection form or import runs (amounts, periods, dates, links).
    ...["-1", "1,5", "1,250,000", "", "một triệu", 2 ** 60].flatMap((x) => issuesOf(parseDong(x))),
    ...issuesOf(parsePeriod("năm ngoái")),
    ...issuesOf(validateHouse({ id: "h", communeUnitId: "x1", status: "temporary", completedOn: "2025-01-01" })),
    ...issuesOf(
      validateInspectionRecord({
        ...record("r3", "x1", "2025-03-01", [
          { ...rec("k1", "2025-02-01", "open"), doneOn: "2025-02-15", finding: 3 },
          rec("k1", "2025-04-01", "open"),
        ]),
      }),
    ),
  ];
}

describe("the OCOP / resources / housing / inspections message catalog", () => {
  const reasons = everyReason();

  it("has a message for every reason code these areas produce, and no unused entry", () => {
    expect([...new Set(reasons.map((r) => r.code))].sort()).toEqual(Object.keys(ocopMessages).sort());
  });

  it("renders every reason in both languages without a missing value", () => {
    for (const r of reasons) {
      for (const lang of ["vi", "en"] as const) {
        const text = formatReason(r, lang);
        expect(text, `${r.code} (${lang})`).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });
});
