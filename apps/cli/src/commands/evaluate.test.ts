import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePack, getPack } from "@ntm/core";
import { DEMO, EXAMPLES, ntm, tempDir } from "../../test/cli.js";
import { openValues } from "../lib/values.js";
import { validateAll, validated } from "./evaluate.js";

const ex = (name: string) => join(EXAMPLES, name);
const evaluate = (values: string, ...more: string[]) => ["evaluate", "--pack", DEMO, "--values", values, ...more];
const unit = { id: "x1", name: "Xã Thử", level: "commune", region: "DHNTB" };

describe("ntm evaluate (offline, examples)", () => {
  it("finds the DHNTB commune meeting all 19 criteria, with the result contract as JSON", () => {
    const r = ntm(evaluate(ex("an-phu-meets-all.json"), "--json"));
    expect(r.code).toBe(0);
    const res = r.json();
    expect({
      unitId: res.unitId,
      packId: res.packId,
      year: res.year,
      variant: res.variant,
      status: res.status,
      criteriaMet: res.criteriaMet,
      criteriaTotal: res.criteriaTotal,
      example: res.example,
    }).toEqual({
      unitId: "c-01-01",
      packId: DEMO,
      year: 2024,
      variant: "DHNTB",
      status: "met",
      criteriaMet: 19,
      criteriaTotal: 19,
      example: true,
    });
    expect(res.criteria).toHaveLength(19);
    expect(res.criteria[0].indicators[0]).toMatchObject({
      id: "1.1",
      status: "met",
      actual: true,
      required: true,
      comparator: "==",
      verified: false,
    });
    expect(res.revocation).toMatchObject({ revoke: false, failed: [], keyFailed: [] });
  });

  it("shows income and environment failing, with the gap, and exits 1 with --fail-on not_met", () => {
    const r = ntm(evaluate(ex("binh-minh-fails-income-environment.json"), "--json", "--fail-on", "not_met"));
    expect(r.code).toBe(1);
    const res = r.json();
    expect(res.status).toBe("not_met");
    expect(res.criteria.filter((c: { status: string }) => c.status !== "met").map((c: { id: string }) => c.id)).toEqual(["10", "17"]);
    expect(res.criteria.find((c: { id: string }) => c.id === "10").indicators[0]).toMatchObject({
      id: "10",
      status: "not_met",
      actual: 47.5,
      required: 52,
      gap: 4.5,
    });
  });

  it("exits 0 on a not-met result without --fail-on, and prints a readable Vietnamese table", () => {
    const r = ntm(evaluate(ex("binh-minh-fails-income-environment.json")));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Xã Bình Minh (c-01-02) · năm 2024 · ngưỡng: DHNTB");
    expect(r.stdout).toContain("⚠ BỘ TIÊU CHÍ VÍ DỤ");
    expect(r.stdout).toMatch(/ 10 +Thu nhập bình quân .* +47,5 +≥ 52 +Không đạt +✗ +Chỉ tiêu 10: không đạt \(47,5 triệu đồng/);
    expect(r.stdout).toContain("Kết quả: KHÔNG ĐẠT — 17/19 tiêu chí đạt, 2 không đạt");
  });

  it("speaks English with --lang en", () => {
    const r = ntm(["--lang", "en", ...evaluate(ex("binh-minh-fails-income-environment.json"))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Result: NOT MET — 17/19 criteria met, 2 not met");
    expect(r.stdout).toContain("⚠ EXAMPLE PACK");
  });

  it("applies the TDMNPB thresholds to an especially difficult commune and says so", () => {
    const r = ntm(evaluate(ex("ta-xua-especially-difficult.json"), "--json"));
    expect(r.code).toBe(0);
    const res = r.json();
    expect([res.variant, res.status]).toEqual(["TDMNPB", "met"]);
    expect(res.reasons[0]).toEqual({
      code: "variant.override",
      path: ["unit", "flags"],
      params: { flag: "especiallyDifficult", from: "DHNTB", to: "TDMNPB" },
    });
    expect(res.criteria.find((c: { id: string }) => c.id === "15").indicators[2]).toMatchObject({
      id: "15.3",
      actual: 23.5,
      required: 24,
      status: "met",
    });
    const table = ntm(evaluate(ex("ta-xua-especially-difficult.json")));
    expect(table.stdout).toContain('ⓘ Áp dụng ngưỡng vùng TDMNPB thay cho DHNTB (đơn vị có đặc điểm "especiallyDifficult")');
  });

  it("evaluates a wide CSV batch with Vietnamese cells (Đạt, Không, decimal comma, KAD) into an array of results", () => {
    const r = ntm(evaluate(ex("batch-communes.csv"), "--json"));
    expect(r.code).toBe(0);
    const rows = (r.json() as { unitId: string; status: string; variant: string; criteriaMet: number }[]).map((x) => [
      x.unitId,
      x.status,
      x.variant,
      x.criteriaMet,
    ]);
    expect(rows).toEqual([
      ["c-01-01", "met", "DHNTB", 19],
      ["c-01-02", "not_met", "DHNTB", 17],
      ["c-01-05", "met", "TDMNPB", 19],
      ["c-01-03", "indeterminate", "DHNTB", 17],
      ["c-01-04", "not_met", "DHNTB", 16],
    ]);
  });

  it("writes a long batch as a JSON array with one compact result per line", () => {
    const [header, ...rows] = readFileSync(ex("batch-communes.csv"), "utf8").trim().split("\n");
    const many = Array.from({ length: 60 }, (_, i) => rows[i % rows.length]!.replace(/^[^,]+/, `c${i}`));
    const dir = tempDir({ "many.csv": [header, ...many].join("\n") });
    const r = ntm(["evaluate", "--pack", DEMO, "--values", "many.csv", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect([lines[0], lines.at(-1), lines.length]).toEqual(["[", "]", 62]);
    expect((r.json() as { unitId: string }[]).map((x) => x.unitId)).toEqual(Array.from({ length: 60 }, (_, i) => `c${i}`));
  });

  it("writes one compact result per line with --ndjson, the same results as the JSON array", () => {
    const [header, ...rows] = readFileSync(ex("batch-communes.csv"), "utf8").trim().split("\n");
    const many = Array.from({ length: 60 }, (_, i) => rows[i % rows.length]!.replace(/^[^,]+/, `c${i}`));
    const dir = tempDir({ "many.csv": [header, ...many].join("\n") });
    const nd = ntm(["evaluate", "--pack", DEMO, "--values", "many.csv", "--ndjson"], { cwd: dir });
    const arr = ntm(["evaluate", "--pack", DEMO, "--values", "many.csv", "--json"], { cwd: dir });
    expect(nd.code).toBe(0);
    const lines = nd.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(60);
    expect(lines.map((l) => JSON.parse(l))).toEqual(arr.json());
  });

  it("writes nothing when a row near the end of a streamed CSV is bad, and names that row", () => {
    const [header, ...rows] = readFileSync(ex("batch-communes.csv"), "utf8").trim().split("\n");
    const many = Array.from({ length: 80 }, (_, i) => rows[i % rows.length]!.replace(/^[^,]+/, `c${i}`));
    many[78] = many[78]!.replace(",2024,", ",20x4,");
    const dir = tempDir({ "bad.csv": [header, ...many].join("\n") });
    const r = ntm(["evaluate", "--pack", DEMO, "--values", "bad.csv", "--ndjson"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('dòng 80, cột "year"');
  });

  it("fails the batch with --fail-on indeterminate when any commune is not met", () => {
    expect(ntm(evaluate(ex("batch-communes.csv"), "--fail-on", "indeterminate")).code).toBe(1);
  });

  it("reads the long CSV format (unit_id, year, indicator, value)", () => {
    const r = ntm(evaluate(ex("binh-minh-long.csv"), "--json"));
    expect(r.code).toBe(0);
    const [res] = r.json();
    expect([res.unitId, res.status, res.criteriaMet]).toEqual(["c-01-02", "not_met", 18]);
  });

  it("overrides the year of the file with --year", () => {
    const r = ntm(evaluate(ex("an-phu-meets-all.json"), "--year", "2023", "--json"));
    expect(r.code).toBe(0);
    expect(r.json().year).toBe(2023);
  });
});

describe("ntm evaluate (a district rolled up from its communes)", () => {
  const district = ex("district-an-hoa.json");
  const args = ["evaluate", "--pack", "vn.district-ntm.2021-2025", "--values", district];

  it("evaluates the communes against --child-pack first, then the district's share of communes meeting NTM", () => {
    const r = ntm([...args, "--child-pack", DEMO, "--child-pack", "example.province-demo-advanced.2021-2025", "--json"]);
    expect(r.code).toBe(0);
    const dk = r.json().criteria.find((c: { id: string }) => c.id === "DK").indicators;
    expect(dk.slice(0, 2).map((i: { id: string; status: string; actual: number }) => [i.id, i.status, i.actual])).toEqual([
      ["DK.1", "not_met", 66.666666667],
      ["DK.2", "not_met", 0],
    ]);
    const table = ntm([...args, "--child-pack", DEMO]);
    expect(table.stdout).toContain(`⚠ Các đơn vị con được đánh giá theo bộ tiêu chí ví dụ ${DEMO}`);
  });

  it("reports the roll-up as missing, naming the communes, without --child-pack", () => {
    const r = ntm([...args, "--json"]);
    const dk1 = r.json().criteria.find((c: { id: string }) => c.id === "DK").indicators[0];
    expect([dk1.status, dk1.reasons[0]]).toEqual([
      "missing",
      {
        code: "derived.child_data_missing",
        path: ["children"],
        params: { units: ["c-01-01", "c-01-02", "c-01-05"], count: 3 },
      },
    ]);
  });
});

describe("ntm evaluate (bad input)", () => {
  const run = (files: Record<string, string>, values: string, ...more: string[]) => ntm(evaluate(values, ...more), { cwd: tempDir(files) });

  it("names each bad value by file and JSON path: a percent of 140, an unknown indicator, a string for a number", () => {
    const doc = { unit, year: 2024, values: { "2.1": 140, "99.9": 1, "10": "abc", "1.1": 3 } };
    const r = run({ "v.json": JSON.stringify(doc) }, "v.json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n").sort()).toEqual([
      'v.json: $.values["1.1"]: chỉ tiêu 1.1 cần giá trị Đạt/Không (true/false), nhận được 3 / indicator 1.1 expects true/false, got 3',
      'v.json: $.values["10"]: chỉ tiêu 10 cần một số, nhận được "abc" / indicator 10 expects a number, got "abc"',
      'v.json: $.values["2.1"]: chỉ tiêu 2.1 là tỷ lệ phần trăm (0–100), nhận được 140 / indicator 2.1 is a percent (0–100), got 140',
      `v.json: $.values["99.9"]: chỉ tiêu "99.9" không có trong bộ tiêu chí ${DEMO} / unknown indicator "99.9" in pack ${DEMO}`,
    ]);
  });

  it("prefixes the array index in a JSON batch and gives an error object with --json", () => {
    const r = run(
      {
        "b.json": JSON.stringify([
          { unit, year: 2024, values: {} },
          { unit: { ...unit, region: "XYZ" }, year: 2024, values: {} },
        ]),
      },
      "b.json",
      "--json",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^b\.json: \$\[1\]\.unit\.region: /);
    expect(r.json()).toEqual({
      error: {
        kind: "invalid_input",
        exitCode: 2,
        problems: [{ file: "b.json", where: "$[1].unit.region", message: expect.any(String), code: "invalid_value" }],
      },
    });
  });

  it("reports invalid JSON with its line and column", () => {
    const r = run({ "v.json": '{\n  "unit": {\n    "id": "x",\n  }\n}' }, "v.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("v.json: dòng 4, cột 3: JSON không hợp lệ / invalid JSON: Expected double-quoted property name\n");
  });

  it("reports a missing file in one line", () => {
    const r = run({}, "nope.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("nope.json: không có tệp này / no such file\n");
  });

  it("names the CSV row and column of an unreadable cell and of an out-of-range percent", () => {
    const csv = 'unit_id,unit_name,region,year,2.1,10,11\nx1,Xã Thử,DHNTB,2024,95,abc,"4,5"\nx2,Xã Hai,DHNTB,2024,140,60,3\n';
    const r1 = run({ "v.csv": csv }, "v.csv");
    expect(r1.code).toBe(2);
    expect(r1.stderr).toBe(
      'v.csv: dòng 2, cột "10": không đọc được "abc": cần số, Đạt/Không hoặc để trống / cannot read "abc" as a number, Đạt/Không or empty\n',
    );
    const r2 = run({ "v.csv": csv.replace("abc", "60") }, "v.csv");
    expect(r2.code).toBe(2);
    expect(r2.stderr).toBe(
      'v.csv: dòng 3, cột "2.1": chỉ tiêu 2.1 là tỷ lệ phần trăm (0–100), nhận được 140 / indicator 2.1 is a percent (0–100), got 140\n',
    );
  });

  it("reads Vietnamese headers (the API template's: Mã đơn vị, Tên đơn vị, Năm, Vùng) as the machine names, and names the file's own header in a problem", () => {
    const machine = run({ "v.csv": "unit_id,unit_name,region,year,2.1,11\nx1,Xã Thử,DHNTB,2024,95,3\n" }, "v.csv", "--json");
    const vi = run({ "v.csv": "Mã đơn vị;Tên đơn vị;Vùng;Năm;2.1;11\nx1;Xã Thử;DHNTB;2024;95;3\n" }, "v.csv", "--json");
    const bad = run({ "v.csv": "Mã đơn vị;Vùng;Năm;2.1\nx1;DHNTB;20x4;95\n" }, "v.csv");
    expect([machine.code, vi.code, vi.json()[0].unitId, vi.json()[0].status, bad.code]).toEqual([
      machine.code,
      machine.code,
      "x1",
      machine.json()[0].status,
      2,
    ]);
    expect(vi.json()[0].criteria).toEqual(machine.json()[0].criteria);
    expect(bad.stderr).toMatch(/^v\.csv: dòng 2, cột "Năm": "20x4" không phải năm/);
  });

  it("reads CSV cells by the indicator's kind: 1 as Đạt in a yes/no column, Vietnamese thousands, no yes/no word in a number column", () => {
    const bad = run({ "v.csv": "unit_id,region,year,1.1,10\nx1,DHNTB,2024,1,x\n" }, "v.csv");
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'v.csv: dòng 2, cột "10": không đọc được "x": cần số, Đạt/Không hoặc để trống / cannot read "x" as a number, Đạt/Không or empty\n',
    ]);
    const good = run({ "v.csv": 'unit_id,region,year,1.1,10\nx1,DHNTB,2024,1,"1.234,5"\n' }, "v.csv", "--json");
    const [result] = good.json(); // a CSV is a batch
    const actual = (id: string) =>
      result.criteria
        .flatMap((c: { indicators: { id: string; actual: unknown }[] }) => c.indicators)
        .find((i: { id: string }) => i.id === id).actual;
    expect([good.stderr, actual("1.1"), actual("10")]).toEqual(["", true, 1234.5]);
  });

  it("rejects an unknown indicator column in a CSV, naming the column", () => {
    const r = run({ "v.csv": "unit_id,region,year,42.42\nx1,DHNTB,2024,5\n" }, "v.csv");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `v.csv: dòng 2, cột "42.42": chỉ tiêu "42.42" không có trong bộ tiêu chí ${DEMO} / unknown indicator "42.42" in pack ${DEMO}\n`,
    );
  });

  it("rejects an invalid pack file, naming the pack file and path", () => {
    const r = run(
      { "p.json": JSON.stringify({ id: "Bad Id", version: "1" }), "v.json": JSON.stringify({ unit, year: 2024, values: {} }) },
      "v.json",
      "--pack",
      "p.json",
    );
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(/^p\.json: \$\.id: expected a lowercase id/);
  });

  it("rejects a bad --year and a bad --fail-on as options", () => {
    expect(run({}, "x.json", "--year", "20x4").stderr).toBe('--year: "20x4" không phải năm, ví dụ 2024 / is not a year such as 2024\n');
    expect(run({}, "x.json", "--fail-on", "often").code).toBe(2);
  });

  it("shows a stack trace only with --debug", () => {
    const plain = run({}, "nope.json");
    expect(plain.stderr).not.toContain("    at ");
    const debug = run({}, "nope.json", "--debug");
    expect(debug.code).toBe(2);
    expect(debug.stderr).toContain("    at ");
  });
});

describe("the two passes of a streamed evaluation", () => {
  it("reads the file again in the second pass when it holds more documents than are kept, with the same documents", () => {
    const source = openValues(ex("batch-communes.csv"), { defaultLevel: "commune" });
    const compiled = compilePack(getPack(DEMO)!);
    const small = validateAll(compiled, source);
    const over = validateAll(compiled, source, 2);
    expect([small.count, small.kept?.length, over.count, over.kept]).toEqual([5, 5, 5, undefined]);
    expect([...validated(compiled, source, over.kept)]).toEqual(small.kept);
  });
});
