import { describe, expect, it } from "vitest";
import * as api from "./index.js";

describe("the record files area's public surface", () => {
  it("exports exactly these runtime names (a change here is an API change: add a changeset)", () => {
    expect(Object.keys(api).sort()).toEqual([
      "CONTRIBUTION_FILE",
      "HOUSE_FILE",
      "INSPECTION_FILE",
      "OCOP_FILE",
      "RECORD_FILES",
      "RECORD_FILE_KINDS",
      "RECORD_FILE_MESSAGES",
      "SCORING_INPUT_FILE",
      "TASK_PROGRESS_FILE",
      "readContributionRows",
      "readHouseRows",
      "readInspectionRows",
      "readOcopRows",
      "readRecordRows",
      "readScoringInputRows",
      "readTaskProgressRows",
      "recordFileTemplate",
      "writeRecordRows",
      "writeScoringInputRows",
      "writeTaskProgressRows",
    ]);
  });
});
