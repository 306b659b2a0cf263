import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { commendation, discipline } from "../_lib/fixtures.js";
import { recordsBySubject } from "./index.js";

describe("recordsBySubject", () => {
  const bk = commendation();
  const gk = commendation({
    id: "kt-2",
    form: "giay_khen",
    level: "district",
    issuer: "Chủ tịch UBND huyện",
    decision: { number: "45/QĐ-UBND", date: "2025-02-01" },
  });
  const old = commendation({ id: "kt-0", decision: { number: "9/QĐ-UBND", date: "2024-12-30" } });
  const pb = discipline({ finding: { inspectionId: "kt-01", findingIndex: 0 } });
  const person = commendation({ id: "kt-3", subject: { kind: "person", id: "nv-a", name: "Nguyễn Văn A" } });

  it("gathers each subject's commendations and discipline in the year, oldest first, units before organisations before people", () => {
    const out = recordsBySubject([bk, gk, old, person], [pb], { year: 2025 });
    expect(out.map((r) => [r.subject.id, r.outstanding.map((c) => c.id), r.discipline.map((d) => d.id)])).toEqual([
      ["x-01", ["kt-2", "kt-1"], []],
      ["ubnd-x-02", [], ["kl-1"]],
      ["nv-a", ["kt-3"], []],
    ]);
  });
  it("keeps every year without a year option", () => {
    expect(recordsBySubject([bk, old], [])[0]?.outstanding.map((c) => c.id)).toEqual(["kt-0", "kt-1"]);
  });
  it("gives one reason per record with the decision, in Vietnamese and English", () => {
    const [unit, org] = recordsBySubject([bk], [pb], { year: 2025 });
    expect(unit?.reasons.map((r) => formatReason(r, "vi"))).toEqual([
      "Xã An Bình: Bằng khen của Chủ tịch UBND tỉnh (số 123/QĐ-UBND, 19/05/2025) — Hoàn thành xuất sắc xây dựng NTM nâng cao",
    ]);
    expect(org?.reasons.map((r) => formatReason(r, "en"))).toEqual([
      "UBND xã Phú Hiệp: Criticism by Ban Thường vụ Huyện ủy (2025-07-01) — Chậm giải ngân vốn xây dựng NTM (after inspection kt-01)",
    ]);
  });
  it("returns nothing for no records", () => {
    expect(recordsBySubject([], [])).toEqual([]);
  });
});
