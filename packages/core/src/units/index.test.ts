import { describe, expect, it } from "vitest";
import * as api from "./index.js";

describe("the units area's public surface", () => {
  it("exports exactly these runtime names (a change here is an API change: add a changeset)", () => {
    expect(Object.keys(api).sort()).toEqual([
      "COMPARED_FIELDS",
      "TEMPLATE_LETTERS",
      "UNIT_COLUMNS",
      "UNIT_PARENT_LEVELS",
      "UNIT_PLACEMENT_RULES",
      "checkUnitPlacement",
      "planUnitImport",
      "readUnitRows",
      "trendSourceOf",
      "unitParentNotFound",
    ]);
  });
});
