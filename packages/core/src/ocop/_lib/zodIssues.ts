import type { z } from "zod";
import type { Issue } from "../../errors/index.js";
import type { JsonPath } from "../../schemas/common.js";

/**
 * Like core's `zodIssues`, but a custom issue raised by our refinements keeps its domain code
 * (`params.code`, e.g. "ocop.stars_mismatch") and params instead of zod's generic "custom".
 * @example
 * const r = ValidOcopProductSchema.safeParse(row);
 * if (!r.success) domainZodIssues(r.error) // [{ code: "ocop.stars_mismatch", path: ["stars"], message: "...", params: {...} }]
 */
export function domainZodIssues(error: z.ZodError, prefix: JsonPath = []): Issue[] {
  return error.issues.map((i) => {
    const path = [...prefix, ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const params = i.code === "custom" ? (i.params as Record<string, unknown> | undefined) : undefined;
    const code = params && typeof params.code === "string" ? params.code : i.code;
    if (params) {
      const { code: _c, ...rest } = params;
      void _c;
      return { code, path, message: i.message, params: rest };
    }
    return { code, path, message: i.message };
  });
}
