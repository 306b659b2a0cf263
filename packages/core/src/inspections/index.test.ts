import { describe, expect, it } from "vitest";
import * as api from "./index.js";

describe("the inspections area's public surface", () => {
  it("exports exactly these runtime names (a change here is an API change: add a changeset)", () => {
    expect(Object.keys(api).sort()).toEqual([
      "InspectionKindSchema",
      "InspectionRecordSchema",
      "InspectionSubjectSchema",
      "RecommendationSchema",
      "RecommendationStatusSchema",
      "overdueRecommendations",
      "summariseInspections",
      "validateInspectionRecord",
      "validateInspectionRecords",
    ]);
  });
});
