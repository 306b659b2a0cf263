import { describe, expect, it } from "vitest";
import * as api from "./index.js";

describe("the ocop area's public surface", () => {
  it("exports exactly these runtime names (a change here is an API change: add a changeset)", () => {
    expect(Object.keys(api).sort()).toEqual([
      "DEFAULT_OCOP_COMMUNE_TARGET",
      "DEFAULT_OCOP_RENEWAL_WINDOW",
      "OCOP_CERTIFICATE_VALIDITY",
      "OCOP_MIN_RECOGNISED_STARS",
      "OCOP_PRODUCT_GROUPS",
      "OCOP_STAR_BANDS",
      "OcopCertificateSchema",
      "OcopProductGroupSchema",
      "OcopProductSchema",
      "OcopRecordStatusSchema",
      "OcopSubjectKindSchema",
      "ValidOcopProductSchema",
      "certificateExpiry",
      "countOcopByCommune",
      "isRecognisedStars",
      "ocopStatus",
      "starsForScore",
      "validateOcopProduct",
    ]);
  });
});
