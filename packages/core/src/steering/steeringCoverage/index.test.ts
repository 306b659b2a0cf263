import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { member } from "../_lib/fixtures.js";
import { inTerm, steeringCoverage } from "./index.js";

const communes = [
  { id: "c-01-01", name: "Xã An Lộc" },
  { id: "c-01-02", name: "Xã Bình Thuận" },
  { id: "c-01-03", name: "Xã Hòa Nghĩa" },
];

describe("steeringCoverage", () => {
  it("lists each commune with its members and flags the communes no member supports", () => {
    const members = [member({ id: "a", communeUnitIds: ["c-01-01"] }), member({ id: "b", communeUnitIds: ["c-01-01", "c-01-02"] })];
    expect(steeringCoverage(members, communes, { asOf: "2025-06-30" })).toEqual({
      asOf: "2025-06-30",
      communes: [
        { unitId: "c-01-01", name: "Xã An Lộc", memberIds: ["a", "b"] },
        { unitId: "c-01-02", name: "Xã Bình Thuận", memberIds: ["b"] },
        { unitId: "c-01-03", name: "Xã Hòa Nghĩa", memberIds: [] },
      ],
      unsupported: ["c-01-03"],
      reasons: [
        {
          code: "steering.commune_unsupported",
          path: ["c-01-03"],
          params: { unitId: "c-01-03", commune: "Xã Hòa Nghĩa", asOf: "2025-06-30" },
        },
      ],
    });
  });

  it("does not count a member whose term has ended or not yet started", () => {
    const members = [
      member({ id: "old", termStart: "2016-01-01", termEnd: "2020-12-31", communeUnitIds: ["c-01-01"] }),
      member({ id: "next", termStart: "2026-01-01", termEnd: undefined, communeUnitIds: ["c-01-02"] }),
    ];
    expect(steeringCoverage(members, communes, { asOf: "2025-06-30" }).unsupported).toEqual(["c-01-01", "c-01-02", "c-01-03"]);
  });

  it("counts the first and the last day of a term", () => {
    const m = member({ termStart: "2021-01-01", termEnd: "2025-12-31" });
    expect([inTerm(m, "2021-01-01"), inTerm(m, "2025-12-31"), inTerm(m, "2026-01-01")]).toEqual([true, true, false]);
  });

  it("says in Vietnamese and English which commune has no member", () => {
    const [reason] = steeringCoverage([], communes.slice(0, 1), { asOf: "2025-06-30" }).reasons;
    expect([formatReason(reason!, "vi"), formatReason(reason!, "en")]).toEqual([
      "Xã An Lộc chưa có thành viên Ban Chỉ đạo phụ trách (ngày 30/06/2025)",
      "Xã An Lộc has no steering committee member supporting it (on 2025-06-30)",
    ]);
  });

  it("never flags a commune that an active member supports, and flags every other one (property)", () => {
    const ids = communes.map((c) => c.id);
    fc.assert(
      fc.property(fc.array(fc.subarray(ids), { maxLength: 5 }), (lists) => {
        const members = lists.map((l, i) => member({ id: `m${i}`, communeUnitIds: l }));
        const covered = new Set(lists.flat());
        return (
          JSON.stringify(steeringCoverage(members, communes, { asOf: "2025-06-30" }).unsupported) ===
          JSON.stringify(ids.filter((id) => !covered.has(id)))
        );
      }),
    );
  });
});
