import { describe, expect, it } from "vitest";
import { type AdoptionForm, adoptionBody, adoptionPeriod, fieldOf } from "./adoption";

const form = (patch: Partial<AdoptionForm> = {}): AdoptionForm => ({
  packId: "tinh.commune-ntm.2024-2025",
  scopeUnitId: "p-demo",
  tier: "standard",
  level: "commune",
  from: "2024",
  to: "2025",
  ...patch,
});

describe("adoptionBody", () => {
  it("reads years as numbers, a date as text, and leaves out an empty end", () => {
    expect([adoptionBody(form()), adoptionBody(form({ from: "2026-02-15", to: "" }))]).toEqual([
      {
        ok: true,
        value: { packId: "tinh.commune-ntm.2024-2025", scopeUnitId: "p-demo", tier: "standard", level: "commune", from: 2024, to: 2025 },
      },
      {
        ok: true,
        value: { packId: "tinh.commune-ntm.2024-2025", scopeUnitId: "p-demo", tier: "standard", level: "commune", from: "2026-02-15" },
      },
    ]);
  });
  it("names each wrong field: no pack, a start that is no year, an end before the start", () => {
    const r = adoptionBody(form({ packId: "", from: "24" }));
    const back = adoptionBody(form({ from: "2025", to: "2024" }));
    expect([r.ok ? [] : r.errors.map((e) => e.field), back.ok ? [] : back.errors.map((e) => [e.field, e.vi])]).toEqual([
      ["packId", "from"],
      [["to", "Năm kết thúc phải sau năm bắt đầu"]],
    ]);
  });
});

describe("fieldOf", () => {
  it("maps the API's JSON paths to the form's fields", () => {
    expect([fieldOf("$.from"), fieldOf("$.scopeUnitId"), fieldOf("$"), fieldOf("")]).toEqual(["from", "scopeUnitId", "form", "form"]);
  });
});

describe("adoptionPeriod", () => {
  it("writes years as they are, dates dd/mm/yyyy, and an open end in words", () => {
    expect([adoptionPeriod({ from: 2024, to: 2025 }, "không thời hạn"), adoptionPeriod({ from: "2026-02-15" }, "không thời hạn")]).toEqual([
      "2024–2025",
      "15/02/2026 – không thời hạn",
    ]);
  });
});
