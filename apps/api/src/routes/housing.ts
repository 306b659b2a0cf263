/**
 * The temporary and dilapidated housing programme (xóa nhà tạm, nhà dột nát): house records validated
 * by @ntm/core (`validateHouse`, support in whole đồng), the roll-up of a subtree (`rollUpHousing`),
 * per-commune summaries (`summariseHousing`) and the value of indicator 9.1 (`indicator91FromHousing`).
 */
import { z } from "@hono/zod-openapi";
import { indicator91FromHousing, rollUpHousing, summariseHousing, validateHouse } from "@ntm/core";
import { housing } from "../db/schema.js";
import { ReasonOutSchema, jsonSafe, reasonsOut, unwrap } from "../http/common.js";
import { recordRoutes } from "../http/recordRoutes.js";
import { houseOf } from "../services/records.js";

const STATUSES = ["temporary", "dilapidated", "under_construction", "completed"] as const;

export const HouseBodySchema = z
  .object({
    communeUnitId: z.string().min(1),
    hamletUnitId: z.string().min(1).optional(),
    household: z.string().min(1).optional(),
    status: z.enum(STATUSES),
    supportAmount: z.string().optional().openapi({ example: "60000000", description: "Support in whole đồng, as a string" }),
    completedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "expected yyyy-mm-dd")
      .optional(),
  })
  .openapi("HouseInput");

const Counts = z.object({
  temporary: z.number().int(),
  dilapidated: z.number().int(),
  under_construction: z.number().int(),
  completed: z.number().int(),
});
const Share = z.object({ numerator: z.string(), denominator: z.string(), percent: z.string().nullable() });
const SummaryCore = z.object({
  unitId: z.string(),
  total: z.number().int(),
  counts: Counts,
  remaining: z.number().int(),
  supportDong: z.string(),
  completedShare: Share,
  reasons: z.array(ReasonOutSchema),
});
const SummarySchema = z
  .object({
    rollUp: SummaryCore,
    communes: z.array(
      SummaryCore.extend({ indicator91: z.object({ value: z.boolean(), met: z.boolean(), reasons: z.array(ReasonOutSchema) }) }),
    ),
  })
  .openapi("HousingSummary");

const summaryOut = (s: ReturnType<typeof summariseHousing>[number]) => ({
  unitId: s.unitId,
  total: s.total,
  counts: s.counts,
  remaining: s.remaining,
  supportDong: s.supportDong.toString(),
  completedShare: jsonSafe(s.completedShare) as z.infer<typeof Share>,
  reasons: reasonsOut(s.reasons),
});

/**
 * The housing routes (GET/POST /v1/housing, PUT /v1/housing/{id}).
 * @example
 * app.route("/", housingRoutes());
 */
export function housingRoutes() {
  return recordRoutes({
    tag: "housing",
    entity: "house",
    path: "/housing",
    label: "hồ sơ nhà ở / house record",
    table: housing,
    writeAction: "values.write",
    body: HouseBodySchema,
    item: HouseBodySchema.extend({ id: z.string(), supportAmount: z.string() }).openapi("House"),
    query: z.object({ status: z.enum(STATUSES).optional() }),
    summary: SummarySchema,
    importKind: "housing",
    validate: (body, id) => validateHouse({ ...body, id }),
    unitOf: (h) => h.communeUnitId,
    toRow: (h) => ({ data: jsonSafe(h) as Record<string, unknown>, extra: { year: Number((h.completedOn ?? "2025").slice(0, 4)) } }),
    fromRow: houseOf,
    itemOut: (_row, h) => jsonSafe(h) as Record<string, unknown>,
    filter: (h, _row, q) => !q.status || h.status === q.status,
    summarise: (houses, { tree, rootId }) => {
      const links = [...tree.byId.values()].map((u) => ({ id: u.id, ...(u.parentId ? { parentId: u.parentId } : {}) }));
      const roll = unwrap(rollUpHousing(houses, links, rootId), "Không tổng hợp được / cannot roll up");
      const communeIds = tree
        .subtree(rootId)
        .filter((u) => u.level === "commune")
        .map((u) => u.id);
      const communes = summariseHousing(houses, communeIds).map((s) => {
        const i91 = indicator91FromHousing(s);
        return { ...summaryOut(s), indicator91: { value: i91.value, met: i91.met, reasons: reasonsOut(i91.reasons) } };
      });
      return { rollUp: summaryOut(roll), communes };
    },
  });
}
