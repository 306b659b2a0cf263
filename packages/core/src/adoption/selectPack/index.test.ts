import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { adoption } from "../_lib/fixtures.js";
import { selectPack } from "./index.js";

const path = ["p-demo", "d-01", "c-01-01"];
const q = { unitPath: path, level: "commune" as const, tier: "standard" as const, year: 2024 };

describe("selectPack", () => {
  it("returns the installation-wide adoption when it is the only one in force", () => {
    const a = adoption({ id: "all" });
    expect(selectPack([a], q)).toEqual({ ok: true, adoption: a });
  });

  it("prefers a province adoption to the installation-wide one, and a district's to the province's", () => {
    const all = adoption({ id: "all" });
    const prov = adoption({ id: "prov", scopeUnitId: "p-demo", packId: "example.province-demo.2021-2025" });
    const dist = adoption({ id: "dist", scopeUnitId: "d-01", packId: "d.pack" });
    expect(
      selectPack(
        [dist, all, prov].filter((a) => a.id !== "dist"),
        q,
      ),
    ).toMatchObject({ ok: true, adoption: { id: "prov" } });
    expect(selectPack([all, prov, dist], q)).toMatchObject({ ok: true, adoption: { id: "dist" } });
  });

  it("ignores adoptions of another province, level or tier", () => {
    const other = adoption({ id: "other", scopeUnitId: "p-other" });
    const hamlet = adoption({ id: "h", level: "hamlet" });
    const adv = adoption({ id: "adv", tier: "advanced" });
    const r = selectPack([other, hamlet, adv], q);
    expect(r).toEqual({
      ok: false,
      reason: { code: "pack.not_adopted", path: ["year"], params: { year: 2024, level: "commune", tier: "standard", unitId: "c-01-01" } },
    });
    if (!r.ok) expect(formatReason(r.reason, "vi")).toBe("Chưa áp dụng bộ tiêu chí cho năm 2024 (xã, NTM)");
  });

  it("falls back to a wider scope when the narrower adoption does not cover the year", () => {
    const all = adoption({ id: "all", from: 2022, to: 2025 });
    const prov = adoption({ id: "prov", scopeUnitId: "p-demo", from: 2024, to: 2025 });
    expect(selectPack([all, prov], { ...q, year: 2023 })).toMatchObject({ ok: true, adoption: { id: "all" } });
    expect(selectPack([all, prov], { ...q, year: 2025 })).toMatchObject({ ok: true, adoption: { id: "prov" } });
  });

  it("answers pack.outside_effective, listing what is adopted, for a year no adoption covers", () => {
    const a = adoption({ id: "a", scopeUnitId: "p-demo", packId: "example.province-demo.2021-2025", from: 2022, to: 2025 });
    const r = selectPack([a], { ...q, year: 2026 });
    expect(r).toEqual({
      ok: false,
      reason: {
        code: "pack.outside_effective",
        path: ["year"],
        params: {
          year: 2026,
          level: "commune",
          tier: "standard",
          unitId: "c-01-01",
          packId: "example.province-demo.2021-2025",
          from: "2022-01-01",
          to: "2025-12-31",
          adoptions: [{ id: "a", packId: "example.province-demo.2021-2025", from: "2022-01-01", to: "2025-12-31" }],
        },
      },
    });
    if (!r.ok) expect(formatReason(r.reason, "vi")).toMatch(/^Chưa áp dụng bộ tiêu chí cho năm 2026/);
  });

  it("picks, within one scope, the adoption that starts latest in the year (the one in force at its end)", () => {
    const old = adoption({ id: "old", packId: "vn.commune-ntm.2021-2025", from: 2022, to: "2026-02-14" });
    const neu = adoption({ id: "new", packId: "vn.commune-ntm.2026-2030", from: "2026-02-15", to: undefined });
    expect(selectPack([old, neu], { ...q, year: 2026 })).toMatchObject({ ok: true, adoption: { id: "new" } });
    expect(selectPack([old, neu], { ...q, year: 2025 })).toMatchObject({ ok: true, adoption: { id: "old" } });
  });

  it("ends an open-ended adoption with its pack's effective period when packs are given", () => {
    const open = adoption({ id: "open", from: 2022, to: undefined });
    const packs = () => ({ effective: { from: "2022-03-08", to: "2026-02-14" } });
    expect(selectPack([open], { ...q, year: 2030 })).toMatchObject({ ok: true });
    expect(selectPack([open], { ...q, year: 2030 }, packs)).toMatchObject({ ok: false, reason: { code: "pack.outside_effective" } });
    expect(selectPack([open], { ...q, year: 2026 }, packs)).toMatchObject({ ok: true });
  });
});
