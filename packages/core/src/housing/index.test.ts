import { describe, expect, it } from "vitest";
import * as api from "./index.js";

describe("the housing area's public surface", () => {
  it("exports exactly these runtime names (a change here is an API change: add a changeset)", () => {
    expect(Object.keys(api).sort()).toEqual([
      "HOUSE_STATUSES",
      "HouseInputSchema",
      "HouseSchema",
      "HouseStatusSchema",
      "indicator91FromHousing",
      "rollUpHousing",
      "summariseHousing",
      "validateHouse",
      "validateHouses",
    ]);
  });
});
