import { existsSync } from "node:fs";
import { type CriteriaPack, type Indicator, type Lang, createPackRegistry, formatPath, getPack } from "@ntm/core";
import { CliError } from "./exit.js";
import { readJson } from "./io.js";
import { tr } from "./i18n.js";

/**
 * Resolves `--pack`: a shipped pack id, or a pack JSON file (which may extend a shipped pack).
 * @example
 * loadPack("vn.commune-ntm.2021-2025").criteria.length // 19
 */
export function loadPack(ref: string): CriteriaPack {
  const shipped = getPack(ref);
  if (shipped) return shipped;
  if (!existsSync(ref)) {
    throw new CliError("not_found", [
      {
        where: "--pack",
        message: `"${ref}" không phải mã bộ tiêu chí có sẵn, cũng không phải tệp (xem \`ntm packs list\`) / is neither a shipped pack id nor a file`,
      },
    ]);
  }
  return resolvePackFile(ref);
}

/**
 * Reads a pack file and resolves it against the shipped packs, with located errors.
 * @example
 * resolvePackFile("my-province.json").id
 */
export function resolvePackFile(file: string): CriteriaPack {
  const doc = readJson(file);
  const r = createPackRegistry().resolve(doc);
  if (!r.ok)
    throw new CliError(
      r.kind,
      r.issues.map((i) => ({ file, where: formatPath(i.path), message: i.message, code: i.code })),
    );
  return r.value;
}

const CMP: Record<string, string> = { ">=": "≥", "<=": "≤", "==": "=" };

function show(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return tr(lang, "chưa rõ", "unknown");
  if (v === true) return tr(lang, "Đạt", "Yes");
  if (v === false) return tr(lang, "Không", "No");
  return String(v);
}

function compress(map: Record<string, unknown>, lang: Lang): string {
  const entries = Object.entries(map);
  const distinct = new Set(entries.map(([, v]) => JSON.stringify(v)));
  if (distinct.size === 1 && entries.length > 0) return show(entries[0]![1], lang);
  return entries.map(([k, v]) => `${k} ${show(v, lang)}`).join("; ");
}

/**
 * A one-line summary of an indicator's threshold: `≥ 80`, `≤ TDMNPB 24; DBSH 22…`, or by year.
 * @example
 * thresholdText(indicator, "vi") // "≥ 80 %"
 */
export function thresholdText(ind: Indicator, lang: Lang): string {
  const t = ind.threshold;
  const cmp = ind.kind === "boolean" ? "" : `${CMP[ind.comparator] ?? ind.comparator} `;
  const unit = ind.unit && ind.kind !== "boolean" ? ` ${ind.unit}` : "";
  if ("all" in t) return `${cmp}${show(t.all, lang)}${t.all === null ? "" : unit}`;
  if ("byVariant" in t) return `${cmp}${compress(t.byVariant, lang)}${unit}`;
  if ("byYear" in t)
    return `${cmp}${Object.entries(t.byYear)
      .map(([y, m]) => `${y}: ${compress(m, lang)}`)
      .join(" | ")}${unit}`;
  return `${cmp}× ${t.scaleOfParent} (${tr(lang, "của bộ tiêu chí cha", "of the parent pack")})`;
}
