import {
  CLASSIFICATION_LEVEL_LABELS,
  DEFAULT_SCORING_SCHEME,
  type RankingCandidate,
  compareYears,
  enteredInputReasons,
  formatReason,
  rankUnits,
} from "@ntm/core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { sampleEvaluations } from "./_fixtures/sample.js";
import { communeStandingFromEvaluation, rankingWorkbookFromRanking } from "./assemble.js";
import { renderRankingWorkbook } from "./xlsx/rankingWorkbook.js";

describe("communeStandingFromEvaluation", () => {
  it("takes the counts from this period's evaluation and the criteria gained and lost from compareYears", () => {
    const before = sampleEvaluations(2024)[0]!.result;
    const now = sampleEvaluations(2025)[0]!.result;
    expect(communeStandingFromEvaluation("Xã Đại Hồng", now, compareYears(before, now))).toEqual({
      id: "x-daihong",
      name: "Xã Đại Hồng",
      tier: "standard",
      status: "not_met",
      criteriaMet: 3,
      criteriaTotal: 4,
      gained: [],
      lost: ["10"],
    });
    expect(communeStandingFromEvaluation("Xã Đại Hồng", now)).toMatchObject({ gained: [], lost: [] });
  });
});

describe("rankingWorkbookFromRanking", () => {
  const full = {
    criteria_met: 19,
    criteria_total: 19,
    criteria_gained: 3,
    tier_reached: 3,
    programme_targets_met: 5,
    programme_targets_total: 5,
    tasks_on_time: 10,
    tasks_total: 10,
    reports_on_time: 4,
    reports_total: 4,
    ocop_products: 4,
    resources_mobilised: 10,
    resources_planned: 10,
    inspection_findings: 0,
    criteria_lost: 0,
  };
  const ranking = rankUnits(
    {
      units: [
        { unitId: "xa-b", values: { ...full, criteria_met: 12, criteria_lost: 2 }, recognitionRevoked: true },
        { unitId: "xa-a", name: "Xã A", values: full },
      ],
    },
    DEFAULT_SCORING_SCHEME,
    2025,
  );

  it("maps core's ranking rows to workbook rows with names, points per component, levels in words and reasons", () => {
    if (!ranking.ok) throw new Error(JSON.stringify(ranking.issues));
    const input = rankingWorkbookFromRanking(ranking.value, DEFAULT_SCORING_SCHEME, {
      unitName: "Huyện Đại Lộc",
      names: { "xa-b": "Xã B" },
    });
    expect(input.components).toEqual(DEFAULT_SCORING_SCHEME.components.map((c) => ({ key: c.id, label: c.label.vi })));
    expect(input.rows.map((r) => [r.rank, r.unitName, r.score, r.level])).toEqual(
      ranking.value.rows.map((r) => [r.rank, r.unitId === "xa-a" ? "Xã A" : "Xã B", r.score, CLASSIFICATION_LEVEL_LABELS[r.level]!.vi]),
    );
    expect(input.rows.map((r) => r.unitName)).toEqual(["Xã A", "Xã B"]);
    for (const [i, row] of input.rows.entries()) {
      const core = ranking.value.rows[i]!;
      expect(row.components).toEqual(Object.fromEntries(core.components.map((c) => [c.id, c.points])));
      expect(row.caps).toEqual(core.caps.map((c) => c.reason));
    }
    expect(input).toMatchObject({
      year: 2025,
      example: true,
      notice:
        "Thang điểm mặc định đánh giá kết quả xây dựng NTM hằng năm (không phải quy định): thang điểm mặc định của phần mềm, không phải quy định đã ban hành.",
    });
  });

  it("renders into a workbook whose level and cap cells read as Vietnamese text", async () => {
    if (!ranking.ok) throw new Error("ranking failed");
    const input = rankingWorkbookFromRanking(ranking.value, DEFAULT_SCORING_SCHEME, { unitName: "Huyện Đại Lộc" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderRankingWorkbook(input)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const n = DEFAULT_SCORING_SCHEME.components.length;
    const rowB = ranking.value.rows.findIndex((r) => r.unitId === "xa-b");
    const capsB = ranking.value.rows[rowB]!.caps.map((c) => formatReason(c.reason, "vi")).join("; ");
    // columns: rank, unit, score, criteria met (a count), n components, level, caps, quota, why
    expect([ws.getCell(5 + rowB, 2).text, ws.getCell(5 + rowB, 5 + n).text, ws.getCell(5 + rowB, 6 + n).text]).toEqual([
      "xa-b",
      CLASSIFICATION_LEVEL_LABELS[ranking.value.rows[rowB]!.level]!.vi,
      capsB,
    ]);
    expect([ws.getCell(4, 4).text, ws.getCell(5 + rowB, 4).value, ws.getCell(4, 8 + n).text]).toEqual([
      "Số tiêu chí đạt",
      ranking.value.rows[rowB]!.criteriaMet,
      "Căn cứ xếp loại",
    ]);
    expect(ws.getCell(5 + rowB, 8 + n).text).toMatch(/^Xếp loại cuối cùng: /);
  });

  it("writes the proposals with their reasons on a second sheet, and the ranking rules under the table", async () => {
    if (!ranking.ok) throw new Error("ranking failed");
    const input = rankingWorkbookFromRanking(ranking.value, DEFAULT_SCORING_SCHEME, { unitName: "Huyện Đại Lộc", kind: "person" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderRankingWorkbook(input)) as unknown as ArrayBuffer);
    const [main, proposals] = wb.worksheets;
    const lines: [string, RankingCandidate][] = [
      ...ranking.value.commendations.map((c): [string, RankingCandidate] => ["Biểu dương, khen thưởng", c]),
      ...ranking.value.criticisms.map((c): [string, RankingCandidate] => ["Phê bình", c]),
    ];
    expect(lines.length).toBeGreaterThan(0);
    expect([main!.getCell(4, 2).text, main!.getCell(4, 4).text, proposals!.name]).toEqual([
      "Cá nhân",
      DEFAULT_SCORING_SCHEME.components[0]!.label.vi,
      "Đề nghị khen thưởng, phê bình",
    ]);
    expect(lines.map((_, i) => [proposals!.getCell(4 + i, 2).text, proposals!.getCell(4 + i, 5).text])).toEqual(
      lines.map(([what, c]) => [what, c.reasons.map((r) => formatReason(r, "vi")).join("; ")]),
    );
    const below = main!.getCell(6 + ranking.value.rows.length, 1).text;
    expect(below).toMatch(/^Thứ tự xếp hạng: xếp loại \(mức cao hơn trước\)/);
  });

  it("lists the scoring inputs entered by hand with their evidence, who and when, on a sheet read back with exceljs", async () => {
    if (!ranking.ok) throw new Error("ranking failed");
    const entered = {
      "xa-a": enteredInputReasons(
        {
          reportsOnTime: 3,
          reportsTotal: 4,
          resourcesPlanned: "5000000000",
          evidence: { reportsOnTime: "Sổ công văn đi 2025, số 12/BC-UBND" },
        },
        { version: 2, by: "Nguyễn Văn Huyện", at: "2025-12-06T23:30:00+07:00" },
      ),
      "xa-b": enteredInputReasons({}, { version: 0, by: null, at: null }),
    };
    const input = rankingWorkbookFromRanking(ranking.value, DEFAULT_SCORING_SCHEME, {
      unitName: "Huyện Đại Lộc",
      names: { "xa-b": "Xã B" },
      entered,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderRankingWorkbook(input)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Số liệu nhập tay")!;
    const line = (r: number) => Array.from({ length: 7 }, (_, j) => ws.getCell(r, j + 1).text);
    expect([ws.getCell(1, 1).text, line(3), line(4), line(5), line(6), line(7)]).toEqual([
      "SỐ LIỆU NHẬP TAY VÀ NGUỒN MINH CHỨNG - NĂM 2025",
      ["STT", "Đơn vị", "Số liệu", "Giá trị", "Nguồn minh chứng", "Người nhập", "Ngày nhập"],
      ["1", "Xã A", "Số báo cáo đúng hạn", "3", "Sổ công văn đi 2025, số 12/BC-UBND", "Nguyễn Văn Huyện", "06/12/2025"],
      ["2", "Xã A", "Tổng số báo cáo phải nộp", "4", "Chưa ghi nguồn", "Nguyễn Văn Huyện", "06/12/2025"],
      ["3", "Xã A", "Nguồn lực theo kế hoạch (đồng)", "5.000.000.000 đ", "Chưa ghi nguồn", "Nguyễn Văn Huyện", "06/12/2025"],
      ["", "", "", "", "", "", ""],
    ]);
  });

  it("writes no entered-inputs sheet when none are given, and says so when the list is empty", async () => {
    if (!ranking.ok) throw new Error("ranking failed");
    const load = async (entered?: Record<string, never[]>) => {
      const wb = new ExcelJS.Workbook();
      const input = rankingWorkbookFromRanking(ranking.value, DEFAULT_SCORING_SCHEME, {
        unitName: "Huyện Đại Lộc",
        ...(entered ? { entered } : {}),
      });
      await wb.xlsx.load(Buffer.from(await renderRankingWorkbook(input)) as unknown as ArrayBuffer);
      return wb;
    };
    const [without, empty] = [await load(), await load({})];
    expect([without.getWorksheet("Số liệu nhập tay"), empty.getWorksheet("Số liệu nhập tay")?.getCell(4, 1).text]).toEqual([
      undefined,
      "Chưa nhập tay số liệu chấm điểm nào cho năm này.",
    ]);
  });
});
