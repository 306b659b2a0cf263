import { describe, expect, it } from "vitest";
import type { Commendation } from "../../emulation/schema.js";
import { recordsBySubject } from "../../emulation/recordsBySubject/index.js";
import { emulationCandidateRecords, mergeCandidateRecords } from "./index.js";

const commendation = (id: string, subject: Commendation["subject"], date: string, extra: Partial<Commendation> = {}): Commendation => ({
  id,
  unitId: "d-01",
  form: "bang_khen",
  level: "province",
  issuer: "Chủ tịch UBND tỉnh",
  decision: { number: `${id}/QĐ-UBND`, date },
  subject,
  achievement: "Dẫn đầu phong trào thi đua",
  ...extra,
});

describe("emulationCandidateRecords", () => {
  const xa = { kind: "unit", id: "c-01-01", name: "Xã An Bình" } as const;
  const hoi = { kind: "organisation", id: "org-hnd", name: "Hội Nông dân" } as const;
  const records = recordsBySubject(
    [
      commendation("12", xa, "2025-11-20"),
      commendation("3", xa, "2024-05-02"),
      commendation("7", hoi, "2025-03-01", { form: "other", formText: "Kỷ niệm chương" }),
    ],
    [],
    { year: 2025 },
  );

  it("makes each commendation of the year an achievement of its subject, by kind, titled in Vietnamese", () => {
    expect(emulationCandidateRecords(records, "unit")).toEqual({
      "c-01-01": {
        achievements: [
          { title: "Dẫn đầu phong trào thi đua (Bằng khen, QĐ số 12/QĐ-UBND ngày 20/11/2025)", recordId: "12", date: "2025-11-20" },
        ],
      },
    });
    expect(emulationCandidateRecords(records, "organisation")["org-hnd"]?.achievements?.[0]?.title).toBe(
      "Dẫn đầu phong trào thi đua (Kỷ niệm chương, QĐ số 7/QĐ-UBND ngày 01/03/2025)",
    );
    expect(emulationCandidateRecords(records, "person")).toEqual({});
  });

  it("merges two subjects' records, keeping a record id once", () => {
    const a = { achievements: [{ title: "A", recordId: "12" }], findings: [{ id: "f1", deadline: "2025-06-30" }] };
    const b = { achievements: [{ title: "A again", recordId: "12" }, { title: "B" }] };
    expect(mergeCandidateRecords(a, b)).toEqual({
      achievements: [{ title: "A", recordId: "12" }, { title: "B" }],
      findings: [{ id: "f1", deadline: "2025-06-30" }],
    });
    expect([mergeCandidateRecords(undefined, b), mergeCandidateRecords(a, undefined)]).toEqual([b, a]);
  });
});
