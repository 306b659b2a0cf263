import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { consultation } from "../_lib/fixtures.js";
import { sharePercent } from "../_lib/share.js";
import { summariseConsultations } from "./index.js";

const noSurvey = (id: string, communeUnitId: string, participants: number) => {
  const { satisfaction: _s, ...rest } = consultation({ id, communeUnitId, participants, form: "meeting" });
  return rest;
};

describe("summariseConsultations", () => {
  it("sums participants and the surveys' satisfaction per commune and year (372+150 of 400+200 = 87%)", () => {
    const meeting = noSurvey("ld-2", "x-01", 150);
    const out = summariseConsultations([
      consultation(),
      meeting,
      consultation({ id: "ld-3", participants: 210, satisfaction: { respondents: 200, satisfied: 150 } }),
      noSurvey("ld-4", "x-02", 80),
    ]);
    expect(out.map(({ reasons: _r, ...s }) => s)).toEqual([
      { communeUnitId: "x-01", year: 2025, consultations: 3, participants: 780, respondents: 600, satisfied: 522, satisfactionPercent: 87 },
      { communeUnitId: "x-02", year: 2025, consultations: 1, participants: 80, respondents: 0, satisfied: 0, satisfactionPercent: null },
    ]);
    expect(formatReason(out[1]!.reasons[0]!, "vi")).toBe(
      "x-02 năm 2025: 1 lần lấy ý kiến, 80 lượt người tham gia; chưa có phiếu khảo sát mức độ hài lòng",
    );
    expect(formatReason(out[0]!.reasons[0]!, "vi")).toBe(
      "x-01 năm 2025: 3 lần lấy ý kiến, 780 lượt người tham gia; hài lòng 522/600 phiếu (87%)",
    );
  });
});

describe("sharePercent", () => {
  it("rounds half up to one decimal on integers", () => {
    expect([sharePercent(2, 3), sharePercent(1, 8), sharePercent(372, 400), sharePercent(0, 0)]).toEqual([66.7, 12.5, 93, null]);
  });
});
