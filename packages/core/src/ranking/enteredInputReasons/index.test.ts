import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { enteredInputReasons } from "./index.js";

const entry = { version: 2, by: "huyen", at: "2026-12-06T08:00:00.000Z" };

describe("enteredInputReasons", () => {
  it("gives one reason per entered field, in form order, with its evidence, who and when", () => {
    const reasons = enteredInputReasons(
      {
        resourcesPlanned: "5000000000",
        tasks: { assigned: 10, done: 10, onTime: 9, exceeding: 1 },
        evidence: { tasks: "Báo cáo số 12/BC-UBND ngày 05/12/2025" },
      },
      entry,
    );
    expect(reasons).toEqual([
      {
        code: "ranking.entered_input",
        path: ["entered", "tasks"],
        params: {
          field: "tasks",
          value: { assigned: 10, done: 10, onTime: 9, exceeding: 1 },
          evidence: "Báo cáo số 12/BC-UBND ngày 05/12/2025",
          ...{ by: "huyen", at: "2026-12-06T08:00:00.000Z", version: 2 },
        },
      },
      {
        code: "ranking.entered_input",
        path: ["entered", "resourcesPlanned"],
        params: { field: "resourcesPlanned", value: "5000000000", by: "huyen", at: "2026-12-06T08:00:00.000Z", version: 2 },
      },
    ]);
    expect(reasons.map((r) => formatReason(r, "vi"))).toEqual([
      "Nhập tay: Nhiệm vụ trong năm = giao 10, hoàn thành 10, đúng hạn 9, vượt yêu cầu 1; nguồn: Báo cáo số 12/BC-UBND ngày 05/12/2025 (người nhập huyen, ngày 06/12/2026, phiên bản 2)",
      "Nhập tay: Nguồn lực theo kế hoạch (đồng) = 5.000.000.000 đ; nguồn: chưa ghi nguồn (người nhập huyen, ngày 06/12/2026, phiên bản 2)",
    ]);
  });

  it("says when nothing was entered", () => {
    const none = enteredInputReasons({}, { version: 0, by: null, at: null });
    expect([none, formatReason(none[0]!, "en")]).toEqual([
      [{ code: "ranking.entered_none", path: ["entered"], params: {} }],
      "No scoring inputs entered by hand for this year",
    ]);
  });

  it("spells out discipline in both languages", () => {
    const [r] = enteredInputReasons({ discipline: { disciplined: true, selfCorrected: true } }, entry);
    expect([formatReason(r!, "vi"), formatReason(r!, "en")]).toEqual([
      "Nhập tay: Kỷ luật trong năm = có, đơn vị tự phát hiện và khắc phục; nguồn: chưa ghi nguồn (người nhập huyen, ngày 06/12/2026, phiên bản 2)",
      "Entered by hand: Discipline in the year = yes, found and corrected by the unit itself; source: none given (entered by huyen on 2026-12-06, version 2)",
    ]);
  });
});
