/**
 * Reads a list answer of the API, whether it is a bare array or `{ items: [...] }`.
 * @example
 * itemsOf({ items: [1, 2] }) // [1, 2]
 */
export function itemsOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === "object") {
    for (const k of ["items", "data", "rows", "results"]) {
      const v = (data as Record<string, unknown>)[k];
      if (Array.isArray(v)) return v as T[];
    }
  }
  return [];
}
