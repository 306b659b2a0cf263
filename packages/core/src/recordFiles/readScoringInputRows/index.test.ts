import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkScoringInputs } from "../../ranking/checkScoringInputs/index.js";
import type { ScoringInputs } from "../../ranking/scoringInputs/index.js";
import { type CommuneScoringInputs, SCORING_INPUT_FILE, readScoringInputRows, writeScoringInputRows } from "./index.js";

const communes: CommuneScoringInputs[] = [
  { unitId: "c-01", name: "Xã An Lộc", inputs: null },
  {
    unitId: "c-02",
    name: "Xã An Phú",
    inputs: { reportsOnTime: 4, reportsTotal: 5, evidence: { reportsOnTime: "Báo cáo số 12/BC-UBND" } },
  },
];
const table = (header: string[], ...rows: (string | number | null)[][]) => ({
  header,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe("readScoringInputRows", () => {
  it("reads counts, money in whole đồng, discipline in words and evidence; a row as stored is unchanged", () => {
    const r = readScoringInputRows(
      table(
        [
          "Mã xã",
          "Năm",
          "Số nhiệm vụ được giao",
          "Số nhiệm vụ hoàn thành",
          "Số nhiệm vụ hoàn thành đúng hạn",
          "Số nhiệm vụ vượt yêu cầu",
          "Minh chứng: Nhiệm vụ trong năm",
          "Nguồn lực theo kế hoạch (đồng)",
          "Kỷ luật trong năm",
          "Số báo cáo đúng hạn",
          "Tổng số báo cáo phải nộp",
          "Minh chứng: Số báo cáo đúng hạn",
        ],
        ["c-01", 2025, 10, 8, 7, 1, "Báo cáo 5/BC-UBND", "1.250.000.000", "Có, tự phát hiện và khắc phục", null, null, null],
        ["c-02", null, null, null, null, null, null, null, null, 4, 5, "Báo cáo số 12/BC-UBND"],
      ),
      { year: 2025, communes },
    );
    expect(r.issues).toEqual([]);
    expect(r.updates).toEqual([
      {
        row: 2,
        unitId: "c-01",
        inputs: {
          tasks: { assigned: 10, done: 8, onTime: 7, exceeding: 1 },
          resourcesPlanned: "1250000000",
          discipline: { disciplined: true, selfCorrected: true },
          evidence: { tasks: "Báo cáo 5/BC-UBND" },
        },
      },
    ]);
    expect(r.unchanged).toBe(1);
  });

  it("names row, column and header of core's checks, a missing task count, an unknown commune and a wrong year", () => {
    const r = readScoringInputRows(
      table(
        ["Mã xã", "Năm", "Số nhiệm vụ được giao", "Số nhiệm vụ hoàn thành", "Số báo cáo đúng hạn", "Tổng số báo cáo phải nộp"],
        ["c-01", 2025, 5, null, 6, 5],
        ["c-09", 2025, null, null, 1, 1],
        ["c-02", 2024, null, null, 1, 1],
      ),
      { year: 2025, communes },
    );
    expect(r.issues.map((i) => [i.row, i.column, i.header, i.code])).toEqual([
      [2, "D", "Số nhiệm vụ hoàn thành", "record_file.required"],
      [2, "—", "Số nhiệm vụ hoàn thành đúng hạn", "record_file.required"],
      [2, "—", "Số nhiệm vụ vượt yêu cầu", "record_file.required"],
      [3, "A", "Mã xã", "scoring_file.unknown_commune"],
      [4, "B", "Năm", "scoring_file.year_mismatch"],
    ]);
    const exceeds = readScoringInputRows(table(["Mã xã", "Số báo cáo đúng hạn", "Tổng số báo cáo phải nộp"], ["c-01", 6, 5]), {
      year: 2025,
      communes,
    });
    expect(exceeds.issues.map((i) => [i.row, i.column, i.header, i.message.vi])).toEqual([
      [2, "B", "Số báo cáo đúng hạn", "Số báo cáo đúng hạn (6) lớn hơn tổng số báo cáo phải nộp (5)"],
    ]);
  });
});

describe("writeScoringInputRows", () => {
  it("writes the template with its note row, each commune's name and year", () => {
    const t = writeScoringInputRows(2025, communes, { note: true });
    expect(t.header.slice(0, 3)).toEqual(["Mã xã *", "Tên xã", "Năm"]);
    expect(t.header.length).toBe(SCORING_INPUT_FILE.columns.length);
    expect(String(t.rows[0]![0])).toMatch(/^# /);
    expect(t.rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ["c-01", "Xã An Lộc", 2025],
      ["c-02", "Xã An Phú", 2025],
    ]);
  });

  it("reads back as no change, for any valid stored inputs (write → read round trip)", () => {
    const count = fc.integer({ min: 0, max: 50 });
    const note = fc
      .string({ minLength: 1, maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const inputs = fc
      .record(
        {
          tasks: fc.record({ assigned: count, done: count, onTime: count, exceeding: count }),
          programmeTargetsMet: count,
          programmeTargetsTotal: count,
          reportsOnTime: count,
          reportsTotal: count,
          reportsOverdue: count,
          resourcesPlanned: fc.bigInt(0n, 10n ** 13n).map(String),
          discipline: fc
            .record({ disciplined: fc.boolean(), selfCorrected: fc.boolean() })
            .map((d) => ({ ...d, selfCorrected: d.disciplined && d.selfCorrected })),
          notes: fc.dictionary(fc.constantFrom("tasks", "reportsTotal", "resourcesPlanned", "discipline"), note),
        },
        { requiredKeys: [] },
      )
      .map(({ notes, ...i }) => {
        const evidence = Object.fromEntries(Object.entries(notes ?? {}).filter(([f]) => f in i));
        return (Object.keys(evidence).length ? { ...i, evidence } : i) as ScoringInputs;
      })
      // stored inputs passed core's check when saved, and a saved row has a value
      .filter((i) => Object.keys(i).length > 0 && checkScoringInputs(i).ok);
    fc.assert(
      fc.property(fc.array(inputs, { maxLength: 3 }), fc.boolean(), (list, withNote) => {
        const stored = list.map((i, n) => ({ unitId: `c-0${n + 1}`, name: `Xã ${n + 1}`, inputs: i }));
        const file = writeScoringInputRows(2025, stored, { note: withNote });
        const back = readScoringInputRows(
          { header: file.header, rows: file.rows.map((cells, i) => ({ row: i + 2, cells })) },
          { year: 2025, communes: stored },
        );
        expect(back.issues.filter((i) => i.code !== "record_file.no_rows")).toEqual([]);
        expect([back.updates, back.unchanged]).toEqual([[], stored.length]);
      }),
    );
  });
});
