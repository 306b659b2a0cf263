import { describe, expect, it } from "vitest";
import { getPack } from "../../packs/registry.js";
import { adoption } from "../_lib/fixtures.js";
import { checkAdoption } from "./index.js";

const packs = (id: string) => getPack(id);

describe("checkAdoption", () => {
  it("accepts an adoption that fits its pack and overlaps nothing", () => {
    const a = adoption({ id: "a", scopeUnitId: "p-demo", from: 2024, to: 2025 });
    expect(checkAdoption([adoption({ id: "b", scopeUnitId: "p-demo", from: 2022, to: 2023 })], a, packs)).toEqual({ ok: true, value: a });
  });

  it("refuses an overlap with another adoption of the same scope, level and tier, naming it", () => {
    const stored = adoption({ id: "b", scopeUnitId: "p-demo", from: 2022, to: 2024 });
    const r = checkAdoption([stored], adoption({ id: "a", scopeUnitId: "p-demo", from: 2024, to: 2025 }), packs);
    expect(r).toMatchObject({
      ok: false,
      kind: "conflict",
      issues: [
        {
          code: "adoption.overlap",
          path: ["from"],
          params: { otherId: "b", otherPackId: "vn.commune-ntm.2021-2025", otherFrom: "2022-01-01", otherTo: "2024-12-31" },
        },
      ],
    });
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/^Trùng thời gian với quyết định áp dụng b /);
  });

  it("does not count the candidate's own stored version, another scope, tier or level as an overlap", () => {
    const a = adoption({ id: "a", scopeUnitId: "p-demo" });
    const others = [
      { ...a, version: 3 },
      adoption({ id: "x", scopeUnitId: null }),
      adoption({ id: "y", scopeUnitId: "p-other" }),
      adoption({ id: "z", scopeUnitId: "p-demo", tier: "advanced", packId: "vn.commune-ntm-advanced.2021-2025" }),
    ];
    expect(checkAdoption(others, a, packs).ok).toBe(true);
  });

  it("closes an open end with the pack's effective end when looking for overlaps", () => {
    const open = adoption({ id: "open", from: 2022, to: undefined });
    expect(
      checkAdoption([open], adoption({ id: "next", packId: "vn.commune-ntm.2026-2030", from: "2026-02-15", to: undefined }), packs).ok,
    ).toBe(true);
    expect(checkAdoption([open], adoption({ id: "late", from: 2025, to: 2025 }), packs)).toMatchObject({ ok: false, kind: "conflict" });
  });

  it("refuses a pack of another level or tier", () => {
    const r = checkAdoption([], adoption({ id: "a", packId: "vn.district-ntm.2021-2025", tier: "advanced" }), packs);
    expect(r).toMatchObject({
      ok: false,
      kind: "invalid_input",
      issues: [
        { code: "adoption.level_mismatch", path: ["level"], params: { packLevel: "district" } },
        { code: "adoption.tier_mismatch", path: ["tier"], params: { packTier: "standard" } },
      ],
    });
  });

  it("refuses a period reaching years the pack's effective period does not touch", () => {
    expect(checkAdoption([], adoption({ id: "a", from: 2021, to: 2025 }), packs)).toMatchObject({
      ok: false,
      issues: [{ code: "adoption.outside_pack_effective", path: ["from"], params: { packFromYear: 2022, packToYear: 2026 } }],
    });
    expect(checkAdoption([], adoption({ id: "a", from: 2024, to: 2027 }), packs)).toMatchObject({
      ok: false,
      issues: [{ code: "adoption.outside_pack_effective", path: ["to"] }],
    });
    expect(checkAdoption([], adoption({ id: "a", packId: "vn.commune-ntm.2026-2030", from: 2026, to: 2030 }), packs).ok).toBe(true);
  });

  it("refuses an unknown pack and a reversed period", () => {
    expect(checkAdoption([], adoption({ id: "a", packId: "nope" }), packs)).toMatchObject({
      ok: false,
      kind: "invalid_input",
      issues: [{ code: "adoption.pack_unknown", path: ["packId"] }],
    });
    expect(checkAdoption([], adoption({ id: "a", from: 2025, to: 2024 }), packs)).toMatchObject({
      ok: false,
      issues: [{ code: "adoption.period_reversed", path: ["to"] }],
    });
  });
});
