import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { consultation } from "../_lib/fixtures.js";
import { surveyBacking } from "./index.js";

describe("surveyBacking", () => {
  const linked = consultation({ dossierId: "hs-1" });
  const other = consultation({ id: "ld-9", dossierId: "hs-2", satisfaction: { respondents: 10, satisfied: 1 } });

  it("is backed when the linked surveys give the recorded share (372/400 = 93%)", () => {
    const r = surveyBacking({ id: "hs-1", satisfactionPercent: 93 }, [linked, other]);
    expect([r.status, r.consultations.map((c) => c.id), r.surveyedPercent, r.respondents, r.satisfied]).toEqual([
      "backed",
      ["ld-1"],
      93,
      400,
      372,
    ]);
    expect(formatReason(r.reasons[0]!, "vi")).toBe("Hồ sơ hs-1: tỷ lệ hài lòng 93% khớp với phiếu khảo sát đã ghi nhận (372/400)");
  });
  it("says the recorded share differs from the surveys", () => {
    const r = surveyBacking({ id: "hs-1", satisfactionPercent: 95 }, [linked]);
    expect(r.status).toBe("differs");
    expect(formatReason(r.reasons[0]!, "vi")).toBe("Hồ sơ hs-1: tỷ lệ hài lòng ghi 95% nhưng phiếu khảo sát đã ghi nhận cho 93% (372/400)");
  });
  it("is not backed without a linked survey, and not surveyed without a figure; it never applies a threshold", () => {
    expect(surveyBacking({ id: "hs-1", satisfactionPercent: 50 }, [other]).status).toBe("not_backed");
    expect(surveyBacking({ id: "hs-1", satisfactionPercent: null }, [linked]).status).toBe("not_surveyed");
  });
});
