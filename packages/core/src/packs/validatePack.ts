import { type Issue, type Result, fail, ok, zodIssues } from "../errors/index.js";
import {
  type CriteriaPack,
  CriteriaPackSchema,
  type PackDocument,
  PackDocumentSchema,
  type Indicator,
  type Criterion,
} from "../schemas/pack.js";

/** Looks up a resolved pack by id (for `extends`). */
export type PackLookup = (id: string) => CriteriaPack | undefined;

/**
 * Parses a pack document as written (complete or extending another) and reports every problem with its JSON path.
 * @example
 * const r = parsePackDocument(JSON.parse(text));
 * if (!r.ok) console.error(formatIssues(r.issues));
 */
export function parsePackDocument(input: unknown): Result<PackDocument> {
  const r = PackDocumentSchema.safeParse(input);
  if (!r.success) return fail("invalid_input", zodIssues(r.error));
  return ok(r.data);
}

function mergeIndicator(base: Indicator, patch: Partial<Indicator>): Indicator {
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) merged[k] = v;
  return merged as Indicator;
}

/**
 * Resolves a pack document into a complete pack: applies `extends` (the parent's criteria, with this
 * document's patches and additions) and then checks the whole pack (ids unique, thresholds consistent
 * with kinds, percent values within 0–100, variant keys known, derived inputs declared).
 * @example
 * const r = resolvePack(provincialDoc, (id) => registry.get(id));
 * if (r.ok) evaluateUnit(compilePack(r.value), values);
 */
export function resolvePack(input: unknown, lookup: PackLookup = () => undefined): Result<CriteriaPack> {
  const parsed = parsePackDocument(input);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  let candidate: unknown;
  if (doc.extends !== undefined) {
    const parent = lookup(doc.extends);
    if (!parent)
      return fail("invalid_input", [
        {
          code: "pack.extends_unknown",
          path: ["extends"],
          message: `không có bộ tiêu chí "${doc.extends}" để kế thừa / pack "${doc.extends}" to extend is not known`,
          params: { id: doc.extends },
        },
      ]);
    const criteria: Criterion[] = parent.criteria.map((c) => ({ ...c, indicators: c.indicators.map((i) => ({ ...i })) }));
    const issues: Issue[] = [];
    doc.criteria.forEach((cp, ci) => {
      let target = criteria.find((c) => c.id === cp.id);
      if (!target) {
        // A criterion the parent lacks: it must be complete.
        target = { id: cp.id, name: cp.name ?? { vi: cp.id, en: cp.id }, indicators: [] };
        if (!cp.name)
          issues.push({
            code: "pack.criterion_incomplete",
            path: ["criteria", ci, "name"],
            message: `tiêu chí mới "${cp.id}" cần có tên / new criterion "${cp.id}" needs a name`,
          });
        criteria.push(target);
      }
      if (cp.name) target.name = cp.name;
      if (cp.group !== undefined) target.group = cp.group;
      if (cp.key !== undefined) target.key = cp.key;
      if (cp.condition !== undefined) target.condition = cp.condition;
      (cp.indicators ?? []).forEach((ip, ii) => {
        const idx = target.indicators.findIndex((i) => i.id === ip.id);
        const parentInd = idx >= 0 ? target.indicators[idx] : undefined;
        if (parentInd) {
          let merged = mergeIndicator(parentInd, ip as Partial<Indicator>);
          if (ip.threshold && "scaleOfParent" in ip.threshold)
            merged = { ...merged, threshold: scaleThreshold(parentInd.threshold, ip.threshold.scaleOfParent) };
          target.indicators[idx] = merged;
        } else {
          if (ip.threshold && "scaleOfParent" in ip.threshold)
            issues.push({
              code: "pack.scale_without_parent",
              path: ["criteria", ci, "indicators", ii, "threshold"],
              message: `chỉ tiêu "${ip.id}" không có ngưỡng gốc để nhân / indicator "${ip.id}" has no parent threshold to scale`,
            });
          target.indicators.push(ip as Indicator);
        }
      });
    });
    if (issues.length) return fail("invalid_input", issues);
    // Identity and tier links belong to each pack; the rest is inherited unless given.
    const { nextTier: _n, requires: _r, notice: _no, coverage: _co, ...inherited } = parent;
    void _n;
    void _r;
    void _no;
    void _co;
    candidate = {
      ...inherited,
      ...(parent.example ? { example: true } : {}),
      ...stripUndefined({ ...doc, criteria: undefined }),
      level: doc.level ?? parent.level,
      tier: doc.tier ?? parent.tier,
      variantBy: doc.variantBy ?? parent.variantBy,
      variants: doc.variants ?? parent.variants,
      variantOverrides: doc.variantOverrides ?? parent.variantOverrides,
      criteria,
    };
  } else {
    candidate = doc;
  }
  const full = CriteriaPackSchema.safeParse(candidate);
  if (!full.success) return fail("invalid_input", zodIssues(full.error));
  const semantic = checkPackSemantics(full.data);
  if (semantic.length) return fail("invalid_input", semantic);
  return ok(full.data);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function scaleThreshold(t: Indicator["threshold"], factor: number): Indicator["threshold"] {
  const scale = (v: number | boolean | null) => (typeof v === "number" ? Math.round(v * factor * 1e6) / 1e6 : v === null ? null : v);
  const scaleMap = (m: Record<string, number | boolean | null>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, scale(v)]));
  if ("all" in t) return { all: scale(t.all) };
  if ("byVariant" in t) return { byVariant: scaleMap(t.byVariant) };
  if ("byYear" in t) return { byYear: Object.fromEntries(Object.entries(t.byYear).map(([y, m]) => [y, scaleMap(m)])) };
  return t;
}

function thresholdValues(
  t: Indicator["threshold"],
): { path: (string | number)[]; variant: string | null; value: number | boolean | null }[] {
  if ("all" in t) return [{ path: ["all"], variant: null, value: t.all }];
  if ("byVariant" in t) return Object.entries(t.byVariant).map(([k, v]) => ({ path: ["byVariant", k], variant: k, value: v }));
  if ("byYear" in t)
    return Object.entries(t.byYear).flatMap(([y, m]) =>
      Object.entries(m).map(([k, v]) => ({ path: ["byYear", y, k], variant: k, value: v })),
    );
  return [];
}

/**
 * Checks what a schema cannot: unique ids, threshold types matching the indicator kind, percent
 * ranges, variant keys, and that a `scaleOfParent` was resolved.
 * @example
 * checkPackSemantics(pack) // [] when the pack is consistent
 */
export function checkPackSemantics(pack: CriteriaPack): Issue[] {
  const issues: Issue[] = [];
  const encoded = pack.criteria.reduce((n, c) => n + c.indicators.length, 0);
  if (pack.coverage && pack.coverage.encoded !== encoded)
    issues.push({
      code: "pack.coverage_mismatch",
      path: ["coverage", "encoded"],
      message: `coverage.encoded là ${pack.coverage.encoded} nhưng bộ tiêu chí có ${encoded} chỉ tiêu / coverage.encoded is ${pack.coverage.encoded} but the pack has ${encoded} indicators`,
      params: { stated: pack.coverage.encoded, encoded },
    });
  const criterionIds = new Set<string>();
  const indicatorIds = new Set<string>();
  const variants = pack.variants ? new Set(Object.keys(pack.variants)) : undefined;
  pack.criteria.forEach((c, ci) => {
    if (criterionIds.has(c.id))
      issues.push({
        code: "pack.duplicate_criterion",
        path: ["criteria", ci, "id"],
        message: `mã tiêu chí "${c.id}" bị trùng / criterion id "${c.id}" appears twice`,
        params: { id: c.id },
      });
    criterionIds.add(c.id);
    c.indicators.forEach((ind, ii) => {
      const base = ["criteria", ci, "indicators", ii];
      if (indicatorIds.has(ind.id))
        issues.push({
          code: "pack.duplicate_indicator",
          path: [...base, "id"],
          message: `mã chỉ tiêu "${ind.id}" bị trùng / indicator id "${ind.id}" appears twice`,
          params: { id: ind.id },
        });
      indicatorIds.add(ind.id);
      if ("scaleOfParent" in ind.threshold) {
        issues.push({
          code: "pack.scale_without_parent",
          path: [...base, "threshold"],
          message:
            "scaleOfParent chỉ dùng trong bộ tiêu chí kế thừa bộ khác / scaleOfParent is only allowed in a pack that extends another",
        });
        return;
      }
      if (ind.kind === "boolean" && ind.comparator !== "==")
        issues.push({
          code: "pack.boolean_comparator",
          path: [...base, "comparator"],
          message: `chỉ tiêu Đạt/Không so sánh bằng "==", không phải "${ind.comparator}" / a boolean indicator compares with "==", not "${ind.comparator}"`,
        });
      if ("byVariant" in ind.threshold || "byYear" in ind.threshold) {
        if (pack.variantBy === "none")
          issues.push({
            code: "pack.variant_without_variantBy",
            path: [...base, "threshold"],
            message:
              'ngưỡng theo vùng/nhóm cần variantBy "region" hoặc "communeGroup" / thresholds by variant need variantBy "region" or "communeGroup"',
          });
      }
      for (const tv of thresholdValues(ind.threshold)) {
        const p = [...base, "threshold", ...tv.path];
        if (tv.variant !== null && tv.variant !== "*" && variants && !variants.has(tv.variant))
          issues.push({
            code: "pack.unknown_variant",
            path: p,
            message: `vùng/nhóm "${tv.variant}" không có trong danh sách (${[...variants].join(", ")}) / unknown variant "${tv.variant}"`,
            params: { variant: tv.variant },
          });
        if (tv.value === null) continue;
        if (ind.kind === "boolean" && typeof tv.value !== "boolean")
          issues.push({
            code: "pack.threshold_type",
            path: p,
            message: "chỉ tiêu Đạt/Không cần ngưỡng true/false / a boolean indicator needs a true/false threshold",
          });
        if (ind.kind !== "boolean" && typeof tv.value !== "number")
          issues.push({
            code: "pack.threshold_type",
            path: p,
            message: `chỉ tiêu dạng ${ind.kind} cần ngưỡng là số / a ${ind.kind} indicator needs a numeric threshold`,
          });
        if (ind.kind === "percent" && typeof tv.value === "number" && (tv.value < 0 || tv.value > 100))
          issues.push({
            code: "pack.percent_range",
            path: p,
            message: `ngưỡng phần trăm phải trong khoảng 0–100, nhận được ${tv.value} / a percent threshold must be within 0–100, got ${tv.value}`,
            params: { value: tv.value },
          });
      }
      if (ind.derive?.op === "ratio" && ind.kind !== "percent")
        issues.push({
          code: "pack.ratio_kind",
          path: [...base, "derive"],
          message: "phép tính tỷ lệ chỉ dùng cho chỉ tiêu phần trăm / a ratio derives a percent indicator",
        });
      if (ind.derive?.op === "childShare" && ind.kind !== "percent")
        issues.push({
          code: "pack.ratio_kind",
          path: [...base, "derive"],
          message: "childShare chỉ dùng cho chỉ tiêu phần trăm / childShare derives a percent indicator",
        });
      if (ind.derive?.op === "childCount" && ind.kind !== "number")
        issues.push({
          code: "pack.count_kind",
          path: [...base, "derive"],
          message: "childCount chỉ dùng cho chỉ tiêu dạng số / childCount derives a number indicator",
        });
    });
  });
  for (const [i, o] of (pack.variantOverrides ?? []).entries()) {
    if (variants && !variants.has(o.use))
      issues.push({
        code: "pack.unknown_variant",
        path: ["variantOverrides", i, "use"],
        message: `vùng/nhóm "${o.use}" không có trong danh sách / unknown variant "${o.use}"`,
      });
  }
  return issues;
}
