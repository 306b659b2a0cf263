import { z } from "zod";
import { type Result, fail } from "../errors/index.js";
import { type CriteriaPack, CriteriaPackSchema, PackDocumentSchema } from "../schemas/pack.js";
import { UnitValuesSchema } from "../schemas/values.js";
import { EvaluationResultSchema } from "../schemas/result.js";
import { resolvePack } from "./validatePack.js";
import communeNtm from "./shipped/vn.commune-ntm.2021-2025.json";
import communeAdvanced from "./shipped/vn.commune-ntm-advanced.2021-2025.json";
import communeModel from "./shipped/vn.commune-ntm-model.2021-2025.json";
import districtNtm from "./shipped/vn.district-ntm.2021-2025.json";
import commune2026 from "./shipped/vn.commune-ntm.2026-2030.json";
import demo from "./shipped/example.province-demo.2021-2025.json";
import demoAdvanced from "./shipped/example.province-demo-advanced.2021-2025.json";
import demoModel from "./shipped/example.province-demo-model.2021-2025.json";
import demoHamlet from "./shipped/example.province-demo-hamlet.2021-2025.json";

/**
 * The packs shipped with the core, as written (JSON documents; some extend others). Parents come
 * before children.
 * @example
 * shippedPacks.map((p) => p.id) // ["vn.commune-ntm.2021-2025", ...]
 */
export const shippedPacks: readonly { readonly id: string; readonly extends?: string }[] = [
  communeNtm,
  communeAdvanced,
  communeModel,
  districtNtm,
  commune2026,
  demo,
  demoAdvanced,
  demoModel,
  demoHamlet,
] as unknown as { id: string; extends?: string }[];

/** Resolved packs by id, with the ability to add (provincial) packs. */
export interface PackRegistry {
  /** A resolved pack, or undefined. */
  get(id: string): CriteriaPack | undefined;
  /** Every resolved pack. */
  list(): CriteriaPack[];
  /** Resolves a pack document against this registry (for `extends`) without adding it. */
  resolve(doc: unknown): Result<CriteriaPack>;
  /** Resolves and adds a pack; fails on invalid packs and on an id already present. */
  add(doc: unknown): Result<CriteriaPack>;
}

/**
 * Creates a registry holding the shipped packs and, optionally, more pack documents (a province's
 * transposition). Documents are resolved in order, so a parent must come before its children.
 * @example
 * const reg = createPackRegistry();
 * const r = reg.add(provincialPackJson);
 * if (!r.ok) console.error(formatIssues(r.issues));
 */
export function createPackRegistry(extra: readonly unknown[] = [], options: { includeShipped?: boolean } = {}): PackRegistry {
  const packs = new Map<string, CriteriaPack>();
  const reg: PackRegistry = {
    get: (id) => packs.get(id),
    list: () => [...packs.values()],
    resolve: (doc) => resolvePack(doc, (id) => packs.get(id)),
    add: (doc) => {
      const r = reg.resolve(doc);
      if (!r.ok) return r;
      if (packs.has(r.value.id))
        return fail("conflict", [
          {
            code: "pack.duplicate_id",
            path: ["id"],
            message: `đã có bộ tiêu chí mã "${r.value.id}" / a pack with id "${r.value.id}" already exists`,
            params: { id: r.value.id },
          },
        ]);
      packs.set(r.value.id, r.value);
      return r;
    },
  };
  const all = [...(options.includeShipped === false ? [] : shippedPacks), ...extra];
  for (const [i, doc] of all.entries()) {
    const r = reg.add(doc);
    if (!r.ok && i < shippedPacks.length && options.includeShipped !== false)
      throw new Error(`shipped pack ${i} is invalid: ${JSON.stringify(r.issues)}`);
    if (!r.ok) throw new Error(`pack document ${i} is invalid: ${r.issues.map((x) => x.message).join("; ")}`);
  }
  return reg;
}

let defaultRegistry: PackRegistry | undefined;

/**
 * The shared registry of shipped packs (created on first use).
 * @example
 * getPack("example.province-demo.2021-2025")?.criteria.length // 19
 */
export function getPack(id: string): CriteriaPack | undefined {
  defaultRegistry ??= createPackRegistry();
  return defaultRegistry.get(id);
}

/**
 * Every shipped pack, resolved.
 * @example
 * listShippedPacks().filter((p) => !p.example).length // 5
 */
export function listShippedPacks(): CriteriaPack[] {
  defaultRegistry ??= createPackRegistry();
  return defaultRegistry.list();
}

/**
 * JSON Schemas of the public contract, for integrators in other languages: the pack as written
 * (may extend), the resolved pack, a unit's values, and an evaluation result.
 * @example
 * const schema = packJsonSchema().pack; // JSON Schema draft 2020-12
 */
export function packJsonSchema(): { pack: unknown; resolvedPack: unknown; values: unknown; result: unknown } {
  const opts = { target: "draft-2020-12" as const, unrepresentable: "any" as const, io: "input" as const };
  return {
    pack: z.toJSONSchema(PackDocumentSchema, opts),
    resolvedPack: z.toJSONSchema(CriteriaPackSchema, opts),
    values: z.toJSONSchema(UnitValuesSchema, opts),
    result: z.toJSONSchema(EvaluationResultSchema, { ...opts, io: "output" }),
  };
}
