import { describe, expect, it } from "vitest";
import { MESSAGES } from "../i18n/formatReason.js";
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
      "STEERING_FILE",
      "TASK_PROGRESS_FILE",
      "readContributionRows",
      "readHouseRows",
      "readInspectionRows",
      "readOcopRows",
      "readRecordRows",
      "readScoringInputRows",
      "readSteeringRows",
      "readTaskProgressRows",
      "recordFileTemplate",
      "writeRecordRows",
      "writeScoringInputRows",
      "writeTaskProgressRows",
    ]);
  });

  it("words only the reader's own codes; every area rule code is worded once, in core's catalog", () => {
    expect(Object.keys(api.RECORD_FILE_MESSAGES).filter((code) => Object.hasOwn(MESSAGES, code))).toEqual([]);
    expect(Object.keys(api.RECORD_FILE_MESSAGES).every((code) => code.startsWith("record_file.") || code === "amount.too_large")).toBe(
      true,
    );
  });
});
