/**
 * Demo OCOP products, resource contributions, housing records and inspection records. Fictitious
 * data for the demo province only; deterministic (seeded generator); money in whole đồng.
 */
import { type Contribution, type House, type InspectionRecord, type OcopProduct, type OcopProductGroup, starsForScore } from "@ntm/core";
import { contributions, housing, inspections, ocopProducts } from "../../db/schema.js";
import { jsonSafe } from "../../http/common.js";
import type { SeedContext } from "../hooks.js";
import { intBetween } from "../prng.js";

const PRODUCTS: readonly [string, OcopProductGroup][] = [
  ["Gạo hữu cơ", "food"],
  ["Mật ong rừng", "food"],
  ["Nước mắm truyền thống", "food"],
  ["Trà thảo mộc", "beverage"],
  ["Rượu men lá", "beverage"],
  ["Tinh dầu sả", "herbal"],
  ["Cao dược liệu", "herbal"],
  ["Chiếu cói", "handicraft"],
  ["Mây tre đan", "handicraft"],
  ["Bonsai mai vàng", "ornamental"],
  ["Du lịch sinh thái làng nghề", "tourism"],
  ["Bánh tráng", "food"],
  ["Nấm linh chi", "herbal"],
  ["Cà phê rang xay", "beverage"],
];
const SUBJECTS = ["HTX Nông nghiệp", "Tổ hợp tác", "Công ty TNHH", "Hộ kinh doanh"] as const;
const SUBJECT_KIND = {
  "HTX Nông nghiệp": "cooperative",
  "Tổ hợp tác": "cooperative_group",
  "Công ty TNHH": "enterprise",
  "Hộ kinh doanh": "household",
} as const;

const pad = (n: number) => String(n).padStart(2, "0");
const round = (n: number, unit: number) => Math.round(n / unit) * unit;

/**
 * HOOK body: OCOP products (3–5 stars; certificates spread over 2022–2025, so some are always near renewal).
 * @example
 * await seedOcopData(ctx); // inside seedDemo's transaction
 */
export async function seedOcopData(ctx: SeedContext): Promise<void> {
  const { rnd } = ctx;
  const rows: (typeof ocopProducts.$inferInsert)[] = [];
  let n = 0;
  for (const c of ctx.units.communes) {
    const count = intBetween(rnd, 0, 2);
    for (let i = 0; i < count; i++) {
      n++;
      const [name, group] = PRODUCTS[(n * 5) % PRODUCTS.length]!;
      const band = rnd();
      const score = band < 0.55 ? intBetween(rnd, 52, 69) : band < 0.9 ? intBetween(rnd, 70, 89) : intBetween(rnd, 90, 96);
      const certDate = `${2022 + ((n * 7) % 4)}-${pad(1 + ((n * 5) % 12))}-${pad(1 + ((n * 11) % 27))}`;
      const subject = SUBJECTS[n % SUBJECTS.length]!;
      const p: OcopProduct = {
        id: `ocop-demo-${String(n).padStart(3, "0")}`,
        name: `${name} ${c.name.replace(/^Xã /, "")}`,
        subject: { name: `${subject} ${c.name.replace(/^Xã /, "")} (ví dụ)`, kind: SUBJECT_KIND[subject] },
        communeUnitId: c.id,
        group,
        score,
        stars: starsForScore(score),
        certificate: { number: `${100 + n}/QĐ-UBND`, date: certDate },
        status: "recognised",
      };
      rows.push({
        id: p.id,
        unitId: c.id,
        year: Number(certDate.slice(0, 4)),
        data: jsonSafe(p) as Record<string, unknown>,
        updatedBy: "seed",
      });
    }
  }
  if (rows.length) await ctx.tx.insert(ocopProducts).values(rows);
}

/**
 * HOOK body: contributions per commune and year (2023–2025) by source, in whole đồng, m² and labour days.
 * @example
 * await seedContributionData(ctx); // inside seedDemo's transaction
 */
export async function seedContributionData(ctx: SeedContext): Promise<void> {
  const { rnd } = ctx;
  const rows: (typeof contributions.$inferInsert)[] = [];
  for (const c of ctx.units.communes) {
    for (const year of [2023, 2024, 2025]) {
      const base = 2_000_000_000 + rnd() * 8_000_000_000;
      const lines: [Contribution["source"], number][] = [
        ["central_budget", round(base * (0.25 + rnd() * 0.1), 1_000_000)],
        ["provincial_budget", round(base * (0.15 + rnd() * 0.1), 1_000_000)],
        ["district_budget", round(base * (0.08 + rnd() * 0.05), 1_000_000)],
        ["commune_budget", round(base * (0.03 + rnd() * 0.03), 1_000_000)],
        ["people_cash", round(base * (0.05 + rnd() * 0.08), 100_000)],
        ["enterprises", round(base * rnd() * 0.06, 1_000_000)],
        ["land_donated_m2", intBetween(rnd, 0, 4000)],
        ["labour_days", intBetween(rnd, 200, 3000)],
      ];
      for (const [source, amount] of lines) {
        const id = `ct-${c.id}-${year}-${source}`;
        rows.push({ id, unitId: c.id, year, amount, data: { period: String(year), source, amount: String(amount) }, updatedBy: "seed" });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 300) await ctx.tx.insert(contributions).values(rows.slice(i, i + 300));
}

/**
 * HOOK body: housing records (temporary/dilapidated, under construction, completed) with support in whole đồng.
 * @example
 * await seedHousingData(ctx); // inside seedDemo's transaction
 */
export async function seedHousingData(ctx: SeedContext): Promise<void> {
  const { rnd } = ctx;
  const rows: (typeof housing.$inferInsert)[] = [];
  for (const c of ctx.units.communes) {
    const hamlets = ctx.units.hamletsOf.get(c.id) ?? [];
    const count = intBetween(rnd, 0, 5);
    for (let i = 0; i < count; i++) {
      const r = rnd();
      const status: House["status"] = r < 0.5 ? "completed" : r < 0.7 ? "under_construction" : r < 0.88 ? "dilapidated" : "temporary";
      const year = 2023 + intBetween(rnd, 0, 2);
      const h: House = {
        id: `nha-${c.id}-${i + 1}`,
        communeUnitId: c.id,
        ...(hamlets.length ? { hamletUnitId: hamlets[i % hamlets.length]!.id } : {}),
        household: `Hộ ông/bà ${["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh"][i % 5]} (ví dụ)`,
        status,
        supportAmount: status === "temporary" || status === "dilapidated" ? 0n : BigInt(round(40_000_000 + rnd() * 40_000_000, 1_000_000)),
        ...(status === "completed" ? { completedOn: `${year}-${pad(intBetween(rnd, 1, 12))}-${pad(intBetween(rnd, 1, 28))}` } : {}),
      };
      rows.push({ id: h.id, unitId: c.id, year, data: jsonSafe(h) as Record<string, unknown>, updatedBy: "seed" });
    }
  }
  if (rows.length) await ctx.tx.insert(housing).values(rows);
}

/**
 * HOOK body: inspection and supervision records, some with recommendations overdue.
 * @example
 * await seedInspectionData(ctx); // inside seedDemo's transaction
 */
export async function seedInspectionData(ctx: SeedContext): Promise<void> {
  const { rnd } = ctx;
  const rows: (typeof inspections.$inferInsert)[] = [];
  const communes = ctx.units.communes.filter((_, i) => i % 3 === 0);
  communes.forEach((c, i) => {
    const year = 2024 + (i % 2);
    const date = `${year}-${pad(3 + (i % 8))}-${pad(5 + (i % 20))}`;
    const due = `${year}-${pad(Math.min(12, 5 + (i % 8)))}-28`;
    const overdue = i % 3 === 0;
    const findings =
      rnd() < 0.6
        ? [
            "Hồ sơ tiêu chí 17 (môi trường) chưa đầy đủ minh chứng (ví dụ)",
            ...(rnd() < 0.4 ? ["Chậm giải ngân vốn lồng ghép (ví dụ)"] : []),
          ]
        : [];
    const record: InspectionRecord = {
      id: `kt-demo-${pad(i + 1)}`,
      subject: { kind: "unit", id: c.id, name: c.name },
      date,
      kind: i % 2 === 0 ? "inspection" : "supervision",
      conductedBy: "Ủy ban Kiểm tra Huyện ủy (ví dụ)",
      findings,
      recommendations: findings.map((text, k) => ({
        id: `kn-${k + 1}`,
        text: `Khắc phục: ${text}`,
        responsible: `UBND ${c.name}`,
        dueDate: due,
        status: overdue ? (k === 0 ? "open" : "in_progress") : "done",
        ...(overdue ? {} : { doneOn: due }),
      })),
    };
    rows.push({ id: record.id, unitId: c.id, period: String(year), data: { ...record }, updatedBy: "seed" });
  });
  if (rows.length) await ctx.tx.insert(inspections).values(rows);
}
