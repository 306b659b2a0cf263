// Fixture builders for tests (not part of the public API).
import type { AdminUnit } from "../schemas/unit.js";
import type { UnitValues } from "../schemas/values.js";
import type { CriteriaPack } from "../schemas/pack.js";
import { getPack } from "../packs/registry.js";

export function commune(overrides: Partial<AdminUnit> = {}): AdminUnit {
  return { id: "xa-an-binh", name: "Xã An Bình", level: "commune", region: "DHNTB", ...overrides };
}

export function demoPack(): CriteriaPack {
  const p = getPack("example.province-demo.2021-2025");
  if (!p) throw new Error("demo pack missing");
  return p;
}

/** Values that meet every indicator of a pack for a unit's variant and year. */
export function passingValues(pack: CriteriaPack, unit: AdminUnit, year: number, variant: string | null = unit.region ?? null): UnitValues {
  const values: Record<string, number | boolean | null> = {};
  for (const c of pack.criteria)
    for (const i of c.indicators) {
      const t = i.threshold;
      let req: number | boolean | null | undefined;
      if ("all" in t) req = t.all;
      else if ("byVariant" in t) req = t.byVariant[variant ?? ""] ?? t.byVariant["*"];
      else if ("byYear" in t) req = t.byYear[String(year)]?.[variant ?? ""] ?? t.byYear[String(year)]?.["*"];
      if (typeof req === "boolean") values[i.id] = req;
      else if (typeof req === "number")
        values[i.id] = i.comparator === "<=" ? Math.max(0, req - 1) : i.kind === "percent" ? Math.min(100, req + 1) : req + 1;
      else values[i.id] = i.kind === "boolean" ? true : 50;
    }
  return { unit, year, values };
}
