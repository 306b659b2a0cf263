import { describe, expect, it } from "vitest";
import vi from "../locales/vi.json";
import en from "../locales/en.json";
import type { OcopValidity } from "@ntm/core";

function keys(o: unknown, prefix = ""): string[] {
  if (!o || typeof o !== "object") return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("locale files", () => {
  it("have exactly the same keys in Vietnamese and English", () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
});

describe("OCOP validity names", () => {
  it("name every validity core's ocopStatus gives (a revoked product is not shown as 'revoked')", () => {
    // A Record over the union: a new validity in core fails the typecheck here until it is named.
    const all: Record<OcopValidity, true> = { valid: true, renewal_due: true, expired: true, not_recognised: true, revoked: true };
    expect(Object.keys(all).filter((k) => !(k in vi.ocop.validity))).toEqual([]);
  });
});
