import { describe, expect, it } from "vitest";
import { certificateExpiry } from "./index.js";

describe("certificateExpiry", () => {
  it("is exactly 36 months later on the same day of the month", () => {
    expect(certificateExpiry("2023-03-15")).toBe("2026-03-15");
    expect(certificateExpiry("2023-01-01")).toBe("2026-01-01");
  });

  it("keeps the 31st (the 36th month is the same calendar month)", () => {
    expect(["2022-12-31", "2023-01-31", "2023-05-31", "2023-08-31"].map(certificateExpiry)).toEqual([
      "2025-12-31",
      "2026-01-31",
      "2026-05-31",
      "2026-08-31",
    ]);
  });

  it("moves 29/02 to 28/02 when the expiry year is not a leap year, and keeps it when it is", () => {
    expect(certificateExpiry("2024-02-29")).toBe("2027-02-28");
    expect(certificateExpiry("2025-02-28")).toBe("2028-02-28");
    expect(certificateExpiry("2021-02-28")).toBe("2024-02-28");
  });

  it("rejects a day that does not exist", () => {
    expect(() => certificateExpiry("2023-02-29")).toThrow('not a calendar date yyyy-mm-dd: "2023-02-29"');
    expect(() => certificateExpiry("15/03/2023")).toThrow(RangeError);
  });
});
