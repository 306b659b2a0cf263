/**
 * OCOP products (Mỗi xã một sản phẩm): records validated by @ntm/core (`validateOcopProduct`: stars
 * match the score bands, a recognised product has its certificate), each listed with its status on a
 * date (`ocopStatus`: valid, renewal due, expired…), and per-commune counts against the target
 * (`countOcopByCommune`; the default target is core's labelled default).
 */
import { z } from "@hono/zod-openapi";
import { countOcopByCommune, ocopStatus, validateOcopProduct } from "@ntm/core";
import { ocopProducts } from "../db/schema.js";
import { ReasonOutSchema, jsonSafe, reasonsOut } from "../http/common.js";
import { recordRoutes } from "../http/recordRoutes.js";
import { ocopOf } from "../services/records.js";

const DateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected yyyy-mm-dd");

export const OcopBodySchema = z
  .object({
    name: z.string().min(1),
    subject: z.object({ name: z.string().min(1), kind: z.enum(["cooperative", "cooperative_group", "enterprise", "household", "other"]) }),
    communeUnitId: z.string().min(1),
    group: z.enum(["food", "beverage", "herbal", "handicraft", "ornamental", "tourism"]),
    score: z.number().min(0).max(100),
    stars: z.number().int().min(1).max(5),
    certificate: z.object({ number: z.string().min(1), date: DateField, expiresOn: DateField.optional() }).optional(),
    status: z.enum(["rated", "recognised", "revoked"]),
  })
  .openapi("OcopProductInput");

const CountSchema = z.object({
  unitId: z.string(),
  listed: z.number().int(),
  recognised: z.number().int(),
  byStars: z.object({ 3: z.number().int(), 4: z.number().int(), 5: z.number().int() }),
  renewalDue: z.array(z.string()),
  expired: z.array(z.string()),
  target: z.number().int(),
  targetIsDefault: z.boolean(),
  met: z.boolean(),
  reasons: z.array(ReasonOutSchema),
});

const SummarySchema = z
  .object({
    products: z.number().int(),
    recognised: z.number().int(),
    byStars: z.object({ 3: z.number().int(), 4: z.number().int(), 5: z.number().int() }),
    renewalDue: z.number().int(),
    expired: z.number().int(),
    communesMeetingTarget: z.number().int(),
    communes: z.array(CountSchema),
  })
  .openapi("OcopSummary");

/**
 * The OCOP routes (GET/POST /v1/ocop-products, PUT /v1/ocop-products/{id}).
 * @example
 * app.route("/", ocopRoutes());
 */
export function ocopRoutes() {
  return recordRoutes({
    tag: "ocop",
    entity: "ocop_product",
    path: "/ocop-products",
    label: "sản phẩm OCOP / OCOP product",
    table: ocopProducts,
    writeAction: "values.write",
    body: OcopBodySchema,
    item: OcopBodySchema.extend({ id: z.string() }).openapi("OcopProduct"),
    query: z.object({
      stars: z.coerce.number().int().min(1).max(5).optional(),
      group: OcopBodySchema.shape.group.optional(),
      validity: z.enum(["valid", "renewal_due", "expired", "not_recognised", "revoked"]).optional(),
    }),
    summary: SummarySchema,
    importKind: "ocop",
    validate: (body, id) => validateOcopProduct({ ...body, id }),
    unitOf: (p) => p.communeUnitId,
    toRow: (p) => ({ data: jsonSafe(p) as Record<string, unknown>, extra: { year: Number((p.certificate?.date ?? "2025").slice(0, 4)) } }),
    fromRow: ocopOf,
    itemOut: (_row, p) => ({ ...p }),
    computed: (p, { asOf }) => {
      const st = ocopStatus(p, asOf);
      return {
        validity: st.status,
        expiresOn: st.expiresOn,
        daysLeft: st.daysLeft,
        renewalWindowDays: st.renewalWindowDays,
        reasons: reasonsOut(st.reasons),
      };
    },
    filter: (p, _row, q) => (!q.stars || p.stars === q.stars) && (!q.group || p.group === q.group),
    summarise: (products, { tree, rootId, asOf, query }) => {
      const kept = query.validity ? products.filter((p) => ocopStatus(p, asOf).status === query.validity) : products;
      const communeIds = tree
        .subtree(rootId)
        .filter((u) => u.level === "commune")
        .map((u) => u.id);
      const counts = countOcopByCommune(kept, asOf, { communeIds });
      const byStars = { 3: 0, 4: 0, 5: 0 };
      for (const c of counts) for (const s of [3, 4, 5] as const) byStars[s] += c.byStars[s];
      return {
        products: kept.length,
        recognised: counts.reduce((a, c) => a + c.recognised, 0),
        byStars,
        renewalDue: counts.reduce((a, c) => a + c.renewalDue.length, 0),
        expired: counts.reduce((a, c) => a + c.expired.length, 0),
        communesMeetingTarget: counts.filter((c) => c.met).length,
        communes: counts.map((c) => ({
          unitId: c.unitId,
          listed: c.listed,
          recognised: c.recognised,
          byStars: c.byStars,
          renewalDue: c.renewalDue,
          expired: c.expired,
          target: c.target,
          targetIsDefault: c.targetIsDefault,
          met: c.met,
          reasons: reasonsOut(c.reasons),
        })),
      };
    },
  });
}
