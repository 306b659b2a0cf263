import { describe, expect, it } from "vitest";
import { formatScoringInput } from "./index.js";

describe("formatScoringInput", () => {
  it("writes counts, money, tasks and discipline as officers read them, a dash when absent", () => {
    expect([
      formatScoringInput("reportsTotal", 1234, "vi"),
      formatScoringInput("resourcesPlanned", "5000000000", "vi"),
      formatScoringInput("resourcesPlanned", "5000000000", "en"),
      formatScoringInput("tasks", { assigned: 10, done: 9, onTime: 8, exceeding: 1 }, "vi"),
      formatScoringInput("discipline", { disciplined: false, selfCorrected: false }, "vi"),
      formatScoringInput("discipline", { disciplined: true, selfCorrected: false }, "en"),
      formatScoringInput("reportsTotal", undefined, "vi"),
    ]).toEqual([
      "1.234",
      "5.000.000.000 đ",
      "5,000,000,000 VND",
      "giao 10, hoàn thành 9, đúng hạn 8, vượt yêu cầu 1",
      "không có",
      "yes",
      "—",
    ]);
  });
});
