import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { indicator91FromHousing } from "../indicator91FromHousing/index.js";
import type { House } from "../schema.js";
import { summariseHouses } from "./summarise.js";

const h = (id: string, status: House["status"], supportAmount = 0n): House => ({ id, communeUnitId: "x1", status, supportAmount });

describe("housing reason messages", () => {
  it("render the summary and indicator 9.1 in Vietnamese and English", () => {
    const s = summariseHouses([h("a", "temporary"), h("b", "completed", 60_000_000n), h("c", "under_construction", 40_000_000n)], "Xã A", [
      "Xã A",
    ]);
    const reasons = [...s.reasons, ...indicator91FromHousing(s).reasons];
    expect(reasons.map((r) => formatReason(r, "vi"))).toEqual([
      "Xã A: 3 nhà trong chương trình (nhà tạm 1, dột nát 0, đang xây 1, hoàn thành 1 = 33,33%); hỗ trợ 100.000.000 đ",
      "Xã A: còn 1 nhà tạm, dột nát (nhà tạm 1, dột nát 0): a",
      "Xã A: 1 nhà đang xây dựng, sửa chữa: c",
      "Chỉ tiêu 9.1 (nhà tạm, dột nát) của Xã A: Có (1 nhà tạm, 0 nhà dột nát), yêu cầu Không: không đạt",
    ]);
    expect(formatReason(indicator91FromHousing(summariseHouses([h("b", "completed")], "Xã A", ["Xã A"])).reasons[0]!, "en")).toBe(
      "Indicator 9.1 (temporary/dilapidated houses) of Xã A: No, required No: met",
    );
  });
});
