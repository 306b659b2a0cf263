import { z } from "zod";
import { type Result, fail, ok, zodIssues } from "../../errors/index.js";
import { LocalizedTextSchema } from "../../schemas/common.js";

/**
 * How a component turns its input value into points (a small closed set):
 * - `linear` {per, max?}: value × per, at most max.
 * - `ratio` {of, target}: weight × min(1, (value / values[of]) / target); target is a fraction (1 = 100%).
 * - `threshold` {at, points}: points when value ≥ at, else 0.
 * - `perItem` {points, max?}: value × points, at most max.
 * - `penaltyPerItem` {points, max?}: −(value × points), at most max deducted.
 * The result is then bounded by the component's `cap` (default: its weight).
 */
export const ScoreFormulaSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("linear"), per: z.number().positive(), max: z.number().positive().optional() }).strict(),
  z.object({ type: z.literal("ratio"), of: z.string().min(1), target: z.number().positive().max(1) }).strict(),
  z.object({ type: z.literal("threshold"), at: z.number(), points: z.number().nonnegative() }).strict(),
  z.object({ type: z.literal("perItem"), points: z.number().positive(), max: z.number().positive().optional() }).strict(),
  z.object({ type: z.literal("penaltyPerItem"), points: z.number().positive(), max: z.number().positive().optional() }).strict(),
]);
export type ScoreFormula = z.infer<typeof ScoreFormulaSchema>;

/** One scored component: the input field it reads, its weight in points, formula and cap. */
export const ScoreComponentSchema = z
  .object({
    id: z.string().min(1),
    label: LocalizedTextSchema,
    /** The key in a unit's `values` the formula reads. */
    field: z.string().min(1),
    /** Points the component is worth at full achievement (for a penalty: the most it deducts). */
    weight: z.number().nonnegative(),
    formula: ScoreFormulaSchema,
    /** Bound on the component's points in absolute value; defaults to the weight. */
    cap: z.number().nonnegative().optional(),
  })
  .strict();
export type ScoreComponent = z.infer<typeof ScoreComponentSchema>;

/** A scoring scheme on the 100-point scale, as data. */
export const ScoringSchemeSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    title: LocalizedTextSchema,
    scale: z.literal(100),
    /** True for the tool's default scheme: no official points sheet exists (rules.md §7.3). */
    isDefault: z.boolean(),
    basis: z.string().min(1),
    verified: z.boolean(),
    components: z.array(ScoreComponentSchema).min(1),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.components.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: ["components", i, "id"], message: `duplicate component id "${c.id}"` });
      seen.add(c.id);
      if (c.formula.type === "threshold" && c.formula.points > c.weight) {
        ctx.addIssue({
          code: "custom",
          path: ["components", i, "formula", "points"],
          message: `threshold points ${c.formula.points} exceed the weight ${c.weight}`,
        });
      }
    });
    const positive = s.components.filter((c) => c.formula.type !== "penaltyPerItem").reduce((a, c) => a + c.weight, 0);
    if (Math.abs(positive - s.scale) > 1e-9) {
      ctx.addIssue({
        code: "custom",
        path: ["components"],
        message: `the weights of the non-penalty components add up to ${positive}, not ${s.scale}`,
      });
    }
  });
export type ScoringScheme = z.infer<typeof ScoringSchemeSchema>;

/**
 * Validates a scoring scheme; issues carry JSON paths.
 * @example
 * const r = parseScoringScheme(JSON.parse(text));
 * if (!r.ok) formatIssues(r.issues) // "$.components[2].formula.type: Invalid input: ..."
 */
export function parseScoringScheme(input: unknown): Result<ScoringScheme> {
  const r = ScoringSchemeSchema.safeParse(input);
  return r.success ? ok(r.data) : fail("invalid_input", zodIssues(r.error));
}

const t = (vi: string, en: string) => ({ vi, en });

/**
 * The tool's DEFAULT scoring scheme, not law: no official points sheet for ranking communes by NTM
 * results was found (rules.md §7.3). Replace it with your district's or province's sheet.
 * Inputs (unit `values`): criteria_met / criteria_total, criteria_gained, criteria_lost, tier_reached
 * (0 none, 1 NTM, 2 advanced, 3 model), programme_targets_met / programme_targets_total,
 * tasks_on_time / tasks_total, reports_on_time / reports_total, ocop_products (3★ and up),
 * resources_mobilised / resources_planned (whole đồng), inspection_findings.
 * Positive weights: 30 + 6 + 9 + 15 + 15 + 10 + 8 + 7 = 100; penalties deduct up to 15 and 10.
 */
export const DEFAULT_SCORING_SCHEME: ScoringScheme = {
  id: "ntm.default-annual-scoring",
  version: "1.0.0",
  title: t(
    "Thang điểm mặc định đánh giá kết quả xây dựng NTM hằng năm (không phải quy định)",
    "Default annual NTM scoring scheme (not law)",
  ),
  scale: 100,
  isDefault: true,
  basis: "Tool default: no official points sheet found (rules.md §7.3)",
  verified: false,
  components: [
    {
      id: "criteria_met",
      // The component holds points, not a count: its label says so (the count is the row's criteriaMet).
      label: t("Điểm tỷ lệ tiêu chí đạt", "Criteria met (points)"),
      field: "criteria_met",
      weight: 30,
      formula: { type: "ratio", of: "criteria_total", target: 1 },
    },
    {
      id: "criteria_gained",
      label: t("Tiêu chí tăng thêm trong năm", "Criteria gained this year"),
      field: "criteria_gained",
      weight: 6,
      formula: { type: "perItem", points: 2, max: 6 },
    },
    {
      id: "criteria_lost",
      label: t("Tiêu chí bị giảm (không giữ vững)", "Criteria lost"),
      field: "criteria_lost",
      weight: 15,
      formula: { type: "penaltyPerItem", points: 5, max: 15 },
    },
    {
      id: "tier_reached",
      label: t("Mức chuẩn đạt được", "Tier reached"),
      field: "tier_reached",
      weight: 9,
      formula: { type: "linear", per: 3, max: 9 },
    },
    {
      id: "programme_targets",
      label: t("Chỉ tiêu kế hoạch đạt", "Programme targets met"),
      field: "programme_targets_met",
      weight: 15,
      formula: { type: "ratio", of: "programme_targets_total", target: 1 },
    },
    {
      id: "tasks_on_time",
      label: t("Nhiệm vụ hoàn thành đúng hạn", "Tasks done on time"),
      field: "tasks_on_time",
      weight: 15,
      formula: { type: "ratio", of: "tasks_total", target: 1 },
    },
    {
      id: "reports_on_time",
      label: t("Báo cáo đúng hạn", "Reports on time"),
      field: "reports_on_time",
      weight: 10,
      formula: { type: "ratio", of: "reports_total", target: 1 },
    },
    {
      id: "ocop_products",
      label: t("Sản phẩm OCOP (3 sao trở lên)", "OCOP products (3★ and up)"),
      field: "ocop_products",
      weight: 8,
      formula: { type: "perItem", points: 2, max: 8 },
    },
    {
      id: "resources_mobilised",
      label: t("Huy động nguồn lực so với kế hoạch", "Resources mobilised against plan"),
      field: "resources_mobilised",
      weight: 7,
      formula: { type: "ratio", of: "resources_planned", target: 1 },
    },
    {
      id: "inspection_findings",
      label: t("Sai phạm qua kiểm tra, giám sát", "Inspection findings"),
      field: "inspection_findings",
      weight: 10,
      formula: { type: "penaltyPerItem", points: 2, max: 10 },
    },
  ],
};
