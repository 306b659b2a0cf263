import { describe, expect, it } from "vitest";
import { stepDeadline, dueDateFor } from "./index.js";
import { DEFAULT_RECOGNITION_CONFIG } from "../config/index.js";
import { communeOfficer, dossier } from "../_lib/fixtures.js";

describe("stepDeadline", () => {
  const submitted = dossier({
    state: "submitted",
    history: [
      {
        action: "submit",
        actor: communeOfficer,
        at: "2025-03-07T10:00:00+07:00",
        from: "public_consultation",
        to: "submitted",
        dueDate: "2025-04-04",
      },
    ],
  });

  it("computes the due date from the time the dossier entered its state and labels the default", () => {
    expect(stepDeadline(submitted, DEFAULT_RECOGNITION_CONFIG, "2025-04-04")).toEqual({
      state: "submitted",
      enteredAt: "2025-03-07T10:00:00+07:00",
      workingDays: 20,
      dueDate: "2025-04-04",
      overdue: false,
      provenance: { basis: "QĐ 18/2022/QĐ-TTg: deadlines not retrieved; tool defaults", verified: false, isDefault: true },
    });
    expect(stepDeadline(submitted, DEFAULT_RECOGNITION_CONFIG, "2025-04-05T08:00:00+07:00")?.overdue).toBe(true);
  });

  it("has no deadline for a state configured null", () => {
    expect(stepDeadline(dossier({ state: "draft" }))).toBeNull();
    expect(dueDateFor("recognised", "2025-03-07T10:00:00+07:00")).toBeNull();
  });
});
