import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { summariseInspections } from "../summariseInspections/index.js";
import { overdueRecommendations } from "../overdueRecommendations/index.js";
import { rec, record } from "./fixtures.js";

describe("inspection reason messages", () => {
  it("render overdue items and subject summaries in Vietnamese and English", () => {
    const records = [
      record("kt-01", "A", "2025-03-10", [rec("k1", "2025-06-30", "open"), rec("k2", "2025-05-31", "done", { doneOn: "2025-05-30" })]),
    ];
    const [o] = overdueRecommendations(records, "2025-07-03");
    expect(o && formatReason(o.reasons[0]!, "vi")).toBe(
      "Kiến nghị k1 (biên bản kt-01, Xã A) giao UBND xã: hạn 30/06/2025, chưa thực hiện, quá hạn 3 ngày",
    );
    expect(o && formatReason(o.reasons[0]!, "en")).toBe(
      "Recommendation k1 (record kt-01, Xã A) for UBND xã: due 2025-06-30, not started, 3 days overdue",
    );
    const [s] = summariseInspections(records, "2025-07-03");
    expect(s?.reasons.map((r) => formatReason(r, "vi"))).toEqual([
      "Xã A: 1 cuộc kiểm tra, 0 cuộc giám sát (gần nhất 10/03/2025); 1 nội dung phát hiện; 2 kiến nghị: 1 đã thực hiện (0 trễ hạn), 0 đang thực hiện, 1 chưa thực hiện, 1 quá hạn",
      "Xã A: 1 kiến nghị quá hạn tại ngày 03/07/2025: kt-01/k1",
    ]);
  });
});
