import { describe, expect, it } from "vitest";
import { communeIdsOf } from "./index.js";

const communes = [
  { id: "c-01-01", name: "Xã An Lộc" },
  { id: "c-01-02", name: "Xã Bình Thuận" },
  { id: "c-01-03", name: "Xã Hòa Bình" },
  { id: "c-01-04", name: "Xã Hòa Bình" },
];

describe("communeIdsOf", () => {
  it("keeps ids and finds names whatever their case, spacing and Unicode composition", () => {
    expect(communeIdsOf(["c-01-02", "  xã  an LỘC ", "Xã Bình Thuận".normalize("NFD")], communes)).toEqual([
      "c-01-02",
      "c-01-01",
      "c-01-02",
    ]);
  });
  it("keeps an unknown or ambiguous entry as written, for the validator to report at its place", () => {
    expect(communeIdsOf(["Xã Không Có", "Xã Hòa Bình", "c-09-09"], communes)).toEqual(["Xã Không Có", "Xã Hòa Bình", "c-09-09"]);
  });
});
