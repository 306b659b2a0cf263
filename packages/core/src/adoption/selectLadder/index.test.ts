import { describe, expect, it } from "vitest";
import { adoption } from "../_lib/fixtures.js";
import { selectLadder } from "./index.js";

const q = { unitPath: ["p-demo", "d-01", "c-01-01"], level: "commune" as const, year: 2024 };

describe("selectLadder", () => {
  it("lists standard → advanced → model → modern and the adopted run from standard", () => {
    const r = selectLadder([adoption({ id: "m", tier: "model" }), adoption({ id: "s" }), adoption({ id: "a", tier: "advanced" })], q);
    expect(r.rungs.map((x) => [x.tier, x.ok])).toEqual([
      ["standard", true],
      ["advanced", true],
      ["model", true],
      ["modern", false],
    ]);
    expect(r.adopted.map((a) => a.id)).toEqual(["s", "a", "m"]);
  });

  it("stops the adopted run at the first tier without an adoption", () => {
    const r = selectLadder([adoption({ id: "s" }), adoption({ id: "m", tier: "model" })], q);
    expect(r.adopted.map((a) => a.id)).toEqual(["s"]);
    expect(r.rungs[1]).toMatchObject({ tier: "advanced", ok: false, reason: { code: "pack.not_adopted" } });
  });

  it("is empty for a year with no standard pack", () => {
    const r = selectLadder([adoption({ id: "s" }), adoption({ id: "a", tier: "advanced" })], { ...q, year: 2026 });
    expect(r.adopted).toEqual([]);
    expect(r.rungs[0]).toMatchObject({ ok: false, reason: { code: "pack.outside_effective", params: { year: 2026 } } });
  });
});
