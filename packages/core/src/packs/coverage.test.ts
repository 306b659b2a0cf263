import { describe, expect, it } from "vitest";
import { getPack } from "./registry.js";
import { checkPackSemantics } from "./validatePack.js";

const count = (id: string) => getPack(id)!.criteria.reduce((n, c) => n + c.indicators.length, 0);

describe("pack coverage of the legal set", () => {
  it("states encoded/legal for the shipped sets whose legal count is known", () => {
    expect(getPack("vn.commune-ntm.2021-2025")!.coverage).toMatchObject({ encoded: count("vn.commune-ntm.2021-2025"), legal: 57 });
    expect(getPack("example.province-demo.2021-2025")!.coverage).toMatchObject({ encoded: 50, legal: 57 });
    expect(getPack("vn.commune-ntm-advanced.2021-2025")!.coverage).toMatchObject({ encoded: 50, legal: 75 });
    expect(getPack("vn.commune-ntm.2026-2030")!.coverage).toMatchObject({ encoded: 10, legal: 47 });
  });

  it("says that the advanced pack is not the Phụ lục II table", () => {
    expect(getPack("vn.commune-ntm-advanced.2021-2025")!.coverage!.note!.vi).toMatch(/^KHÔNG phải bảng Phụ lục II/);
  });

  it("is not inherited: the model pack, whose legal indicator count is not known, states none", () => {
    expect(getPack("vn.commune-ntm-model.2021-2025")!.coverage).toBeUndefined();
  });

  it("refuses an encoded count that is not the pack's", () => {
    const pack = getPack("vn.commune-ntm.2021-2025")!;
    expect(checkPackSemantics({ ...pack, coverage: { ...pack.coverage!, encoded: 57 } })).toEqual([
      expect.objectContaining({ code: "pack.coverage_mismatch", path: ["coverage", "encoded"], params: { stated: 57, encoded: 50 } }),
    ]);
  });
});
