import { describe, expect, it } from "vitest";
import * as reports from "./index.js";

describe("@ntm/reports public surface", () => {
  it("exports exactly the documented functions and values", () => {
    expect(Object.keys(reports).sort()).toEqual([
      "CRITERION_CELL_FILL",
      "CRITERION_CELL_VI",
      "ReportInputError",
      "classificationTitle",
      "communeStandingFromEvaluation",
      "dongText",
      "rankingWorkbookFromRanking",
      "renderClassificationReportDocx",
      "renderCriteriaSheetPdf",
      "renderCriteriaWorkbook",
      "renderProgressReportDocx",
      "renderRankingWorkbook",
      "vietnameseDateLine",
    ]);
  });
});

describe("vietnameseDateLine", () => {
  it("writes the date line with a leading zero for days below 10 and for January and February", () => {
    expect(["2025-07-15", "2025-02-05", "2025-12-01", "2026-03-09"].map(reports.vietnameseDateLine)).toEqual([
      "ngày 15 tháng 7 năm 2025",
      "ngày 05 tháng 02 năm 2025",
      "ngày 01 tháng 12 năm 2025",
      "ngày 09 tháng 3 năm 2026",
    ]);
  });
});

describe("dongText", () => {
  it("writes whole đồng with dot grouping", () => {
    expect([0n, 1_250_000n, 22_484_567_000n, -5_000n].map(reports.dongText)).toEqual([
      "0 đồng",
      "1.250.000 đồng",
      "22.484.567.000 đồng",
      "-5.000 đồng",
    ]);
  });
});
