/**
 * Resource mobilisation (huy động nguồn lực): contributions by source, unit and period, validated by
 * @ntm/core (`validateContribution`, amounts in whole đồng via `parseDong`) and summed exactly
 * (`rollUpContributions`). Money travels as decimal strings of whole đồng, never as floats.
 */
import { z } from "@hono/zod-openapi";
import { RESOURCE_SOURCES, formatPeriod, parsePeriod, periodContains, rollUpContributions, validateContribution, fail } from "@ntm/core";
import { contributions } from "../db/schema.js";
import { ReasonOutSchema, jsonSafe, reasonsOut, unwrap } from "../http/common.js";
import { recordRoutes } from "../http/recordRoutes.js";
import { contributionOf } from "../services/records.js";

const SOURCES = [
  "central_budget",
  "provincial_budget",
  "district_budget",
  "commune_budget",
  "integrated_programmes",
  "credit",
  "enterprises",
  "people_cash",
  "other",
  "land_donated_m2",
  "labour_days",
] as const;

export const ContributionBodySchema = z
  .object({
    unitId: z.string().min(1),
    period: z.string().min(4).openapi({ example: "2025", description: "2025, 2025S1, 2025Q3 or 2025-05" }),
    source: z.enum(SOURCES),
    amount: z.string().min(1).openapi({
      example: "1250000000",
      description: "Whole đồng (or m² / labour days for those sources) as a string; 1.250.000 and 1 250 000 are read too",
    }),
    note: z.string().max(2000).optional(),
  })
  .openapi("ContributionInput");

const Share = z.object({ numerator: z.string(), denominator: z.string(), percent: z.string().nullable() });
const SummarySchema = z
  .object({
    totals: z.object({ count: z.number().int(), money: z.string(), landDonatedM2: z.string(), labourDays: z.string() }),
    bySource: z.array(
      z.object({ source: z.string(), label: z.object({ vi: z.string(), en: z.string() }), amount: z.string(), share: Share }),
    ),
    peopleShare: Share,
    reasons: z.array(ReasonOutSchema),
  })
  .openapi("ResourceSummary");

/**
 * The contribution routes (GET/POST /v1/contributions, PUT /v1/contributions/{id}).
 * @example
 * app.route("/", resourceRoutes());
 */
export function resourceRoutes() {
  return recordRoutes({
    tag: "resources",
    entity: "contribution",
    path: "/contributions",
    label: "khoản huy động nguồn lực / contribution",
    table: contributions,
    writeAction: "values.write",
    body: ContributionBodySchema,
    item: ContributionBodySchema.extend({
      id: z.string(),
      label: z.object({ vi: z.string(), en: z.string() }),
      measure: z.enum(["dong", "m2", "days"]),
    }).openapi("Contribution"),
    query: z.object({ period: z.string().optional().openapi({ example: "2025" }), source: z.enum(SOURCES).optional() }),
    summary: SummarySchema,
    importKind: "resources",
    validate: (body, id) => {
      const r = validateContribution({ ...body, id });
      if (r.ok && r.value.amount > BigInt(Number.MAX_SAFE_INTEGER))
        return fail("invalid_input", [
          {
            code: "amount.too_large",
            path: ["amount"],
            message: `amount ${r.value.amount} is larger than the store's limit ${Number.MAX_SAFE_INTEGER}`,
          },
        ]);
      return r;
    },
    unitOf: (c) => c.unitId,
    toRow: (c) => ({
      data: jsonSafe({ period: formatPeriod(c.period), source: c.source, amount: c.amount, note: c.note }) as Record<string, unknown>,
      extra: { year: c.period.year, amount: Number(c.amount) },
    }),
    fromRow: contributionOf,
    itemOut: (_row, c) => ({
      unitId: c.unitId,
      period: formatPeriod(c.period),
      source: c.source,
      amount: c.amount.toString(),
      ...(c.note ? { note: c.note } : {}),
      id: c.id,
      label: { vi: RESOURCE_SOURCES[c.source].vi, en: RESOURCE_SOURCES[c.source].en },
      measure: RESOURCE_SOURCES[c.source].measure,
    }),
    filter: (c, _row, q) => {
      if (q.source && c.source !== q.source) return false;
      if (!q.period) return true;
      return periodContains(unwrap(parsePeriod(q.period), "Kỳ không hợp lệ / invalid period", ["query", "period"]), c.period);
    },
    summarise: (values, { tree, rootId, query }) => {
      const links = [...tree.byId.values()].map((u) => ({ id: u.id, ...(u.parentId ? { parentId: u.parentId } : {}) }));
      const period = query.period ? unwrap(parsePeriod(query.period), "Kỳ không hợp lệ / invalid period", ["query", "period"]) : undefined;
      const r = unwrap(rollUpContributions(values, links, rootId, period ? { period } : {}), "Không tổng hợp được / cannot roll up");
      return {
        totals: {
          count: r.totals.count,
          money: r.totals.money.toString(),
          landDonatedM2: r.totals.landDonatedM2.toString(),
          labourDays: r.totals.labourDays.toString(),
        },
        bySource: r.bySource.map((s) => ({
          source: s.source,
          label: { vi: RESOURCE_SOURCES[s.source].vi, en: RESOURCE_SOURCES[s.source].en },
          amount: s.amount.toString(),
          share: jsonSafe(s.share) as z.infer<typeof Share>,
        })),
        peopleShare: jsonSafe(r.peopleShare) as z.infer<typeof Share>,
        reasons: reasonsOut(r.reasons),
      };
    },
  });
}
