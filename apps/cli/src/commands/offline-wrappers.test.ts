import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, ntm, tempDir } from "../../test/cli.js";

describe("ntm workday add", () => {
  it("skips Tết 2025 and its substitute day, counting working days after the start", () => {
    const r = ntm(["workday", "add", "--from", "27/01/2025", "--days", "1", "--json"]);
    expect(r.code).toBe(0);
    const out = r.json();
    expect([out.from, out.days, out.date]).toEqual(["2025-01-27", 1, "2025-02-04"]);
    expect(out.daysOff.map((d: { date: string; kind: string }) => `${d.date}:${d.kind}`)).toEqual([
      "2025-01-28:holiday",
      "2025-01-29:holiday",
      "2025-01-30:holiday",
      "2025-01-31:holiday",
      "2025-02-01:holiday",
      "2025-02-02:weekend",
      "2025-02-03:holiday",
    ]);
  });

  it("prints the date as dd/mm/yyyy in Vietnamese and names the holidays passed over", () => {
    const r = ntm(["workday", "add", "--from", "2025-04-29", "--days", "3"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("29/04/2025 + 3 ngày làm việc = 06/05/2025");
    expect(r.stdout).toMatch(/30\/04\/2025 \(.+\), 01\/05\/2025 \(.+\)/);
  });

  it("applies an announced make-up working day from --calendar", () => {
    const dir = tempDir({ "cal.json": JSON.stringify({ extraWorkingDays: ["2025-02-01"] }) });
    const r = ntm(["workday", "add", "--from", "2025-01-27", "--days", "1", "--calendar", "cal.json", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json().date).toBe("2025-02-01");
  });

  it("rejects an impossible date and a bad calendar file with exit 2, naming the option or JSON path", () => {
    const bad = ntm(["workday", "add", "--from", "30/02/2025", "--days", "1"]);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      '--from: "30/02/2025" không phải ngày hợp lệ dd/mm/yyyy hoặc yyyy-mm-dd / is not a date dd/mm/yyyy or yyyy-mm-dd\n',
    ]);
    const dir = tempDir({ "cal.json": JSON.stringify({ extraDaysOff: ["2025-02-30"] }) });
    const cal = ntm(["workday", "add", "--from", "2025-01-27", "--days", "1", "--calendar", "cal.json"], { cwd: dir });
    expect(cal.code).toBe(2);
    expect(cal.stderr).toMatch(/^cal\.json: \$\.extraDaysOff\[0\]: /);
  });

  it("treats a count of days that runs past the calendar's range as bad input, not a crash", () => {
    const r = ntm(["workday", "add", "--from", "2025-01-01", "--days", "99999999"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^year: \d+ is outside 1900–2199 \(giá trị ngoài phạm vi \/ value out of range\)\n$/);
  });
});

describe("ntm ocop stars", () => {
  it("puts 90 in 5 stars and 89,99 in 4 (the legal boundary), accepting a decimal comma", () => {
    expect(ntm(["ocop", "stars", "--score", "90", "--json"]).json()).toMatchObject({ score: 90, stars: 5, recognised: true });
    expect(ntm(["ocop", "stars", "--score", "89,99", "--json"]).json()).toMatchObject({ score: 89.99, stars: 4, recognised: true });
    expect(ntm(["ocop", "stars", "--score", "49.9", "--json"]).json()).toMatchObject({ stars: 2, recognised: false });
  });

  it("says in the table that the bands are not yet verified against QĐ 148/2023", () => {
    const r = ntm(["ocop", "stars", "--score", "72"]);
    expect(r.stdout).toContain("Điểm 72 → 4 sao ★★★★☆ — được công nhận OCOP (3–5 sao)");
    expect(r.stdout).toContain("⚠ các mốc điểm chưa được đối chiếu");
  });

  it("rejects a score outside 0–100 with exit 2", () => {
    const r = ntm(["ocop", "stars", "--score", "140"]);
    expect([r.code, r.stderr]).toEqual([2, '--score: điểm phải từ 0 đến 100 / expected a score from 0 to 100, got "140"\n']);
  });
});

describe("ntm rank", () => {
  const input = join(REPO, "examples", "ranking", "communes-2025.json");

  it("ranks the example communes under 366-QĐ/TW with the default scheme labelled as not law", () => {
    const r = ntm(["rank", "--input", input, "--json"]);
    expect(r.code).toBe(0);
    const out = r.json();
    expect([out.year, out.regime.id, out.scheme.isDefault]).toEqual([2025, "366-QĐ/TW", true]);
    expect(out.rows.map((u: { rank: number; unitId: string; level: string }) => [u.rank, u.unitId, u.level])).toEqual([
      [1, "c-01-01", "good"],
      [2, "c-01-05", "completed"],
      [3, "c-01-02", "not_completed"],
    ]);
    expect(out.criticisms.map((c: { unitId: string }) => c.unitId)).toEqual(["c-01-02"]);
    const table = ntm(["rank", "--input", input]);
    expect(table.stdout).toContain("⚠ Thang điểm ntm.default-annual-scoring là thang điểm mặc định của phần mềm, không phải quy định");
  });

  it("names the input file and JSON path of a bad unit, and the scheme file of a bad scheme", () => {
    const dir = tempDir({
      "in.json": JSON.stringify({ year: 2025, units: [{ unitId: "a", values: { criteria_met: "many" } }] }),
      "ok.json": JSON.stringify({ year: 2025, units: [{ unitId: "a", values: {} }] }),
      "scheme.json": JSON.stringify({ id: "x" }),
    });
    const bad = ntm(["rank", "--input", "in.json"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^in\.json: \$\.units\[0\]\.values\.criteria_met: /);
    const scheme = ntm(["rank", "--input", "ok.json", "--scheme", "scheme.json"], { cwd: dir });
    expect(scheme.code).toBe(2);
    expect(scheme.stderr.split("\n").every((l) => l === "" || l.startsWith("scheme.json: $."))).toBe(true);
  });

  it("ranks persons offline with that kind's default scheme: quota cut, class first, candidates with reasons", () => {
    const r = ntm(["rank", "--input", join(REPO, "examples", "ranking", "persons-2025.json"), "--json"]);
    expect(r.code).toBe(0);
    const out = r.json();
    // hand-computed (person default: tasks done 20, not overdue 10, criteria 50, resources 20; −3/criterion lost, −5/finding):
    // An 100, Cường 20 + 10 + 50·36/38 + 20·0.75 = 92.368421053, Bình 10 + 5 + 50·33/38 + 5 − 6 − 5 = 52.421052632
    expect(
      out.rows.map((u: { unitId: string; score: number; bandLevel: string; level: string }) => [u.unitId, u.score, u.bandLevel, u.level]),
    ).toEqual([
      ["tv-bcd-1", 100, "excellent", "good"],
      ["tv-bcd-3", 92.368421053, "excellent", "good"],
      ["tv-bcd-2", 52.421052632, "completed", "completed"],
    ]);
    // no one rated good besides them: 20% of 2 good after the cut keeps none
    expect(out.quota).toEqual([{ group: "all", candidates: 2, kept: 0, good: 2, moved: ["tv-bcd-1", "tv-bcd-3"] }]);
    expect([
      out.kind,
      out.commendations.map((c: { unitId: string }) => c.unitId),
      out.criticisms.map((c: { unitId: string; reasons: { code: string }[] }) => [c.unitId, c.reasons.map((x) => x.code)]),
    ]).toEqual(["person", ["tv-bcd-1"], [["tv-bcd-2", ["criticise.criteria_lost", "criticise.finding_overdue"]]]]);
    const table = ntm(["rank", "--input", join(REPO, "examples", "ranking", "persons-2025.json")]);
    expect(table.stdout).toContain("Đ/c Nguyễn Văn An (ví dụ) (tv-bcd-1): Có thành tích xuất sắc được ghi nhận");
    expect(table.stdout).toContain("Thứ tự xếp hạng: xếp loại (mức cao hơn trước), rồi tổng điểm");
  });

  it("refuses an unknown --kind naming it, and a scheme of another kind naming the file", () => {
    const bad = ntm(["rank", "--input", input, "--kind", "team"]);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      '--kind: đối tượng không hợp lệ "team": unit, organisation hoặc person / invalid kind: unit, organisation or person\n',
    ]);
    const dir = tempDir({
      "s.json": JSON.stringify({ kind: "organisation", scoring: {}, classification: { basis: "x", verified: false } }),
    });
    const scheme = ntm(["rank", "--input", join(REPO, "examples", "ranking", "persons-2025.json"), "--scheme", "s.json"], { cwd: dir });
    expect(scheme.code).toBe(2);
    expect(scheme.stderr).toMatch(/^s\.json: \$\.scoring\./);
  });

  it("asks for a year when neither the file nor --year gives one", () => {
    const dir = tempDir({ "in.json": JSON.stringify([{ unitId: "a", values: {} }]) });
    const r = ntm(["rank", "--input", "in.json"], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([
      2,
      'in.json: $.year: thiếu năm đánh giá: thêm "year" vào tệp hoặc dùng --year / no review year: add "year" to the file or pass --year\n',
    ]);
  });
});

describe("ntm plan show", () => {
  it("shows the district plan's 3 purposes, 8 tasks and 5 assignments", () => {
    const r = ntm(["plan", "show", "--json"]);
    expect(r.code).toBe(0);
    const p = r.json();
    expect([p.purposes.length, p.tasks.length, p.assignments.length]).toEqual([3, 8, 5]);
    const table = ntm(["plan", "show"]);
    expect(table.stdout).toContain("II. Nhiệm vụ, giải pháp");
    expect(table.stdout).toMatch(/II\.6 .*TC 13/);
    // Targets in words (Vietnamese first), never the ids.
    expect(table.stdout).toMatch(/\nII\.4 .* biểu dương, khen thưởng; phê bình, xử lý\n/);
    expect(table.stdout).not.toMatch(/propaganda|inspection_supervision|ocop_per_commune/);
    expect(ntm(["--lang", "en", "plan", "show"]).stdout).toMatch(/\nII\.4 .* commendation; criticism and handling\n/);
  });
});

describe("ntm plan due", () => {
  it("marks the half-year reports overdue on 01/08/2025, and a report handed in two working days late as late", () => {
    const dir = tempDir({
      "subs.json": JSON.stringify([{ dutyId: "III.2-half-year", assigneeId: "ubnd-huyen", period: "2025S1", submittedOn: "2025-07-17" }]),
    });
    const r = ntm(["plan", "due", "--as-of", "01/08/2025", "--period", "2025S1", "--submissions", "subs.json", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const s = r.json();
    expect(s.counts).toEqual({ submitted: 0, late: 1, overdue: 4, pending: 0 });
    expect(s.items.find((i: { assigneeId: string }) => i.assigneeId === "ubnd-huyen")).toMatchObject({
      status: "late",
      deadline: "2025-07-15",
      submittedOn: "2025-07-17",
      workingDaysLate: 2,
    });
  });

  it("prints deadlines as dd/mm/yyyy and flags the default schedule as not the plan's text", () => {
    const r = ntm(["plan", "due", "--as-of", "01/08/2025", "--period", "2025S1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/15\/07\/2025 +2025S1 +Ủy ban nhân dân huyện .* Quá hạn +13 ngày làm việc/);
    expect(r.stdout).toContain("⚠ Một số kỳ hạn, thời hạn là cấu hình mặc định của phần mềm");
  });

  it("names the submissions file and JSON path of a bad entry, and rejects a bad period", () => {
    const dir = tempDir({ "subs.json": JSON.stringify([{ dutyId: "x", assigneeId: "y", period: "2025S3", submittedOn: "2025-07-17" }]) });
    const bad = ntm(["plan", "due", "--as-of", "2025-08-01", "--submissions", "subs.json"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^subs\.json: \$\[0\]\.period: /);
    const period = ntm(["plan", "due", "--as-of", "2025-08-01", "--period", "2025Q7"]);
    expect(period.code).toBe(2);
    expect(period.stderr).toMatch(/^--period: "2025Q7": /);
  });
});
