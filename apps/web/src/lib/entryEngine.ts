import {
  type Classification182,
  type CompiledPack,
  type UnitValues,
  type ValuesChangePreview,
  CriteriaPackSchema,
  compilePack,
  previewValuesChange,
} from "@ntm/core";
import type { PackView } from "../api/types";

/*
 * The data-entry preview's evaluation: the pack schema (zod), compilation and core's ladder walk. Its
 * own module so the data-entry page loads it after the form is on screen (a dynamic import), not
 * before its first render.
 */

/**
 * Compiles the packs of a ladder as the API returns them (resolved), parsed with core's schema.
 * @example
 * compileLadder([standardView, advancedView]).map((p) => p.pack.tier) // ["standard", "advanced"]
 */
export function compileLadder(packs: readonly PackView[]): CompiledPack[] {
  return packs.map((p) => compilePack(CriteriaPackSchema.parse(p)));
}

/**
 * The preview of an edit: core's `previewValuesChange` over the saved document (with its hamlets) and
 * the same document carrying the typed values, with the 18.2 classification the API uses.
 * @example
 * previewEdit(ladder, savedDoc, { ...savedDoc.values, "10": 45.5 }, null).after.tierReached // null
 */
export function previewEdit(
  ladder: readonly CompiledPack[],
  saved: UnitValues,
  typedValues: UnitValues["values"],
  classification: Classification182 | null,
): ValuesChangePreview {
  return previewValuesChange(ladder, saved, { ...saved, values: typedValues }, classification ? { classification } : {});
}
