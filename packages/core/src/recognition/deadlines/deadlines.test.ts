import { describe, expect, it } from "vitest";
import { stepDeadline, dueDateFor } from "./index.js";
import { DEFAULT_RECOGNITION_CONFIG } from "../config/index.js";
import { addWeekdays } from "../_lib/addWeekdays.js";
import { communeOfficer, dossier } from "../_lib/fixtures.js";

describe("addWeekdays", () => {
  it("skips Saturdays and Sundays only", () => {
    expect(addWeekdays("2025-03-07", 1)).toBe("2025-03-10"); // Fri -> Mon
    expect(addWeekdays("2025-03-08", 1)).toBe("2025-03-10"); // Sat -> Mon
    expect(addWeekdays("2025-03-07", 0)).toBe("2025-03-07");
    expect(addWeekdays("2024-12-31", 2)).toBe("2025-01-02");
  });
});

describe("stepDeadline", () => {
  const submitted = dossier({
    state: "submitted",
    history: [{ action: "submit", actor: communeOfficer, at: "2025-03-07T10:00:00+07:00", from: "public_consultation", to: "submitted", dueDate: "2025-04-04" }],
  });

  it("computes the due date from the time the dossier entered its state and labels the default", () => {
    expect(stepDeadline(submitted, DEFAULT_RECOGNITION_CONFIG, "2025-04-04")).toEqual({
      state: "submitted", enteredAt: "2025-03-07T10:00:00+07:00", workingDays: 20, dueDate: "2025-04-04", overdue: false,
      provenance: { basis: "QĐ 18/2022/QĐ-TTg: deadlines not retrieved; tool defaults", verified: false, isDefault: true },
    });
    expect(stepDeadline(submitted, DEFAULT_RECOGNITION_CONFIG, "2025-04-05T08:00:00+07:00")?.overdue).toBe(true);
  });

  it("has no deadline for a state configured null", () => {
    expect(stepDeadline(dossier({ state: "draft" }))).toBeNull();
    expect(dueDateFor("recognised", "2025-03-07T10:00:00+07:00")).toBeNull();
  });
});
