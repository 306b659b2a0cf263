import { readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ntm, tempDir } from "../../test/cli.js";
import { type TestServer, freePort, startServer } from "../../test/server.js";

let server: TestServer;
let home: string;
/** Runs the CLI against the test server with its own config dir (where `ntm login` keeps the token). */
const remote = (args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}) =>
  ntm(["--server", server.url, ...args], {
    cwd: opts.cwd ?? home,
    env: { XDG_CONFIG_HOME: join(home, "cfg"), ...opts.env },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });

beforeAll(async () => {
  server = await startServer();
  home = tempDir();
});
afterAll(async () => {
  // A server that died mid-run explains every later failure: show what it printed.
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

describe("remote commands against a running API", () => {
  it("refuses an unauthenticated call with exit 4 and tells how to log in", () => {
    const r = remote(["units"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      "HTTP 401: Cần đăng nhập / Sign in first (session cookie or Bearer token) — hãy chạy `ntm login` hoặc đặt NTM_TOKEN / run `ntm login` or set NTM_TOKEN\n",
    );
  });

  it("rejects a wrong password with exit 4 and saves nothing", () => {
    const r = remote(["login", "--username", "huyen", "--password-stdin"], { input: "wrong\n" });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("HTTP 401: Sai tên đăng nhập hoặc mật khẩu");
    expect(existsSync(join(home, "cfg", "ntm", "credentials.json"))).toBe(false);
  });

  it("logs in, keeping the token in a 0600 file under XDG_CONFIG_HOME, and knows who we are", () => {
    const r = remote(["login", "--username", "huyen", "--password-stdin", "--json"], { input: "huyen123\n" });
    expect(r.code).toBe(0);
    const path = join(home, "cfg", "ntm", "credentials.json");
    expect(r.json()).toMatchObject({ server: server.url, username: "huyen", credentials: path });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(path, "utf8"));
    expect(Object.keys(saved.servers)).toEqual([server.url]);
    expect(remote(["whoami", "--json"]).json()).toMatchObject({ username: "huyen", role: "district_officer", scopeUnitId: "d-01" });
  });

  it("lists the communes in the district officer's scope", () => {
    const r = remote(["units", "--level", "commune", "--json"]);
    expect(r.code).toBe(0);
    const items = r.json() as { id: string; level: string; parentId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.level === "commune" && u.parentId === "d-01")).toBe(true);
    expect(items[0]?.id).toBe("c-01-01");
    // The table names levels and regions in words.
    const table = remote(["units", "--root", "d-01"]).stdout.split("\n");
    expect(table.find((l) => l.startsWith("d-01 "))).toMatch(/^d-01 +Huyện An Hòa +huyện +p-demo +Duyên hải Nam Trung Bộ$/);
    expect(table.find((l) => l.startsWith("c-01-01 "))).toMatch(/^c-01-01 +Xã An Lộc +xã +d-01/);
    expect(table.join("\n")).not.toMatch(/ (commune|district) /);
  });

  it("reads values, writes them back with If-Match, and reports invalid values by the local file's JSON paths", () => {
    const got = remote(["values", "get", "--unit", "c-01-02", "--year", "2024", "--json"]);
    expect(got.code).toBe(0);
    const doc = got.json();
    writeFileSync(join(home, "v.json"), JSON.stringify({ ...doc, values: { ...doc.values, "2.1": 97 } }));
    const set = remote(["values", "set", "--unit", "c-01-02", "--year", "2024", "--values", "v.json", "--json"]);
    expect(set.code).toBe(0);
    expect(set.json()).toMatchObject({ unitId: "c-01-02", year: 2024, version: doc.version + 1, values: { "2.1": 97 } });
    // The table shows who saved and when, in Vietnam time dd/mm/yyyy hh:mm.
    const t = new Date(Date.parse(set.json().updatedAt) + 7 * 3600_000).toISOString();
    expect(remote(["values", "get", "--unit", "c-01-02", "--year", "2024"]).stdout.split("\n")[0]).toBe(
      `c-01-02 · năm 2024 · phiên bản ${doc.version + 1} · huyen ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`,
    );
    writeFileSync(join(home, "bad.json"), JSON.stringify({ values: { "2.1": 140 } }));
    const bad = remote([
      "values",
      "set",
      "--unit",
      "c-01-02",
      "--year",
      "2024",
      "--values",
      "bad.json",
      "--if-match",
      String(doc.version + 1),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")).toContain(
      'bad.json: $.values["2.1"]: chỉ tiêu 2.1 là tỷ lệ phần trăm (0–100), nhận được 140 / indicator 2.1 is a percent (0–100), got 140',
    );
  });

  it("requires the version being replaced: no --if-match and no version in the file is bad input (exit 2), nothing sent", () => {
    const before = remote(["values", "get", "--unit", "c-01-02", "--year", "2024", "--json"]).json();
    writeFileSync(join(home, "nover.json"), JSON.stringify({ values: { ...before.values, "2.1": 11 } }));
    const r = remote(["values", "set", "--unit", "c-01-02", "--year", "2024", "--values", "nover.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      '--if-match: cần phiên bản đang sửa: chạy `ntm values get --unit c-01-02 --year 2024 --json > nover.json`, sửa tệp đó rồi ghi lại (tệp mang "version"), hoặc thêm --if-match <phiên bản> (0 khi chưa có số liệu) / the version you are replacing is required: edit the file written by `ntm values get --unit c-01-02 --year 2024 --json > nover.json` (it carries "version"), or pass --if-match <version> (0 when nothing was entered)\n',
    );
    const junk = remote(["values", "set", "--unit", "c-01-02", "--year", "2024", "--values", "nover.json", "--if-match", "abc"]);
    expect([junk.code, junk.stderr]).toEqual([
      2,
      '--if-match: "abc" không phải phiên bản (ví dụ 3 hoặc "3") / "abc" is not a version (such as 3 or "3")\n',
    ]);
    expect(remote(["values", "get", "--unit", "c-01-02", "--year", "2024", "--json"]).json()).toEqual(before);
  });

  it("refuses to overwrite values another officer changed since the file was read: prints server vs yours, exit 2, nothing written", () => {
    const before = remote(["values", "get", "--unit", "c-01-02", "--year", "2024", "--json"]).json();
    expect(before.version).toBeGreaterThan(1);
    // An officer saved a file at an older version; another officer has since saved the current one.
    writeFileSync(
      join(home, "stale.json"),
      JSON.stringify({ ...before, version: before.version - 1, values: { ...before.values, "2.1": 50 } }),
    );
    const r = remote(["values", "set", "--unit", "c-01-02", "--year", "2024", "--values", "stale.json"]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^HTTP 412: Dữ liệu đã được người khác sửa/);
    expect(lines.slice(1)).toEqual([
      `--if-match: bạn sửa phiên bản ${before.version - 1}, máy chủ đang ở phiên bản ${before.version} (huyen, ${before.updatedAt.slice(8, 10)}/${before.updatedAt.slice(5, 7)}/${before.updatedAt.slice(0, 4)}); chưa ghi gì / you edited version ${before.version - 1}, the server has version ${before.version} (huyen, ${before.updatedAt.slice(0, 10)}); nothing was written`,
      `stale.json: $.values["2.1"]: máy chủ: 97 · tệp của bạn: 50 / server: 97 · yours: 50`,
    ]);
    // --if-match wins over the file's version; with --json the conflict is in the error object too.
    const j = remote(["values", "set", "--unit", "c-01-02", "--year", "2024", "--values", "stale.json", "--if-match", 'W/"1"', "--json"]);
    expect(j.code).toBe(2);
    expect(j.json().error.problems.at(-1)).toEqual({
      file: "stale.json",
      where: '$.values["2.1"]',
      message: "máy chủ: 97 · tệp của bạn: 50 / server: 97 · yours: 50",
      code: "values.conflict",
    });
    expect(remote(["values", "get", "--unit", "c-01-02", "--year", "2024", "--json"]).json()).toEqual(before);
    // With the current version the same edit goes through.
    const ok = remote([
      "values",
      "set",
      "--unit",
      "c-01-02",
      "--year",
      "2024",
      "--values",
      "stale.json",
      "--if-match",
      String(before.version),
      "--json",
    ]);
    expect([ok.code, ok.json().version, ok.json().values["2.1"]]).toEqual([0, before.version + 1, 50]);
  });

  it("exits 4 when the role may not act on the unit", () => {
    const r = remote(["values", "get", "--unit", "c-02-01", "--year", "2024"]);
    expect(r.code).toBe(4);
    // The role by its label (core's ROLE_LABELS), never its id.
    expect(r.stderr).toMatch(/^HTTP 403: Vai trò "Cán bộ huyện \(trước 01\/7\/2025\)" .* \/ The role "District officer/);
    expect(r.stderr).not.toMatch(/district_officer/);
  });

  it("imports nothing from a CSV with bad rows and lists each bad row and column; then imports a good one", () => {
    const before = remote(["values", "get", "--unit", "c-01-03", "--year", "2024", "--json"]).json();
    writeFileSync(join(home, "bad.csv"), "unit_id,year,indicator,value\nc-01-03,2024,2.1,95\nc-01-02,2024,10,abc\nc-01-03,2024,2.2,140\n");
    const bad = remote(["import", "bad.csv"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toEqual([
      "HTTP 422: Tệp có 2 lỗi; chưa ghi gì / the file has 2 problem(s); nothing was written",
      'bad.csv: dòng 3, cột D: không đọc được giá trị "abc" của 10 (số, Đạt/Không hoặc để trống) / cannot read "abc" for 10 (number, Đạt/Không or empty)',
      "bad.csv: dòng 4, cột D: chỉ tiêu 2.2 là tỷ lệ phần trăm (0–100), nhận được 140 / indicator 2.2 is a percent (0–100), got 140",
    ]);
    expect(remote(["values", "get", "--unit", "c-01-03", "--year", "2024", "--json"]).json().version).toBe(before.version);
    writeFileSync(join(home, "good.csv"), 'unit_id,year,indicator,value\nc-01-03,2024,2.1,"96,5"\n');
    const good = remote(["import", "good.csv", "--json"]);
    expect(good.code).toBe(0);
    expect(good.json()).toEqual({ file: "good.csv", layout: "long", rows: 1, unitYears: 1, created: 0, updated: 1, years: [2024] });
    expect(remote(["values", "get", "--unit", "c-01-03", "--year", "2024", "--json"]).json().values["2.1"]).toBe(96.5);
  });

  it("exports the district's commune values as CSV on stdout and as an XLSX file that reads back", async () => {
    const csv = remote(["export", "--unit", "d-01", "--year", "2024"]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(lines[0]?.startsWith("unit_id,name,year,1.1,1.2,2.1")).toBe(true);
    expect(lines.some((l) => l.startsWith("c-01-03,") && l.includes(",96.5,"))).toBe(true);
    const json = remote(["export", "--unit", "d-01", "--year", "2024", "--json"]).json();
    expect(json.columns.slice(0, 4)).toEqual(["unit_id", "name", "year", "1.1"]);
    expect(json.rows.find((r: string[]) => r[0] === "c-01-03")[json.columns.indexOf("2.1")]).toBe("96.5");
    const xlsx = remote(["export", "--unit", "d-01", "--year", "2024", "--out", "d01.xlsx"]);
    expect(xlsx.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(home, "d01.xlsx"));
    const sheet = wb.worksheets[0]!;
    // The XLSX is for people: the template's Vietnamese headers (the machine CSV above keeps unit_id); it imports back.
    expect(sheet.getRow(1).getCell(1).value).toBe("Mã đơn vị");
    expect(sheet.getColumn(1).values.slice(2)).toContain("c-01-01");
    // The export is re-importable: an unchanged XLSX round-trips as updates of every commune.
    const again = remote(["import", "d01.xlsx", "--json"]);
    expect(again.code).toBe(0);
    const communes = remote(["units", "--root", "d-01", "--level", "commune", "--json"]).json().length;
    expect(again.json()).toEqual({
      file: "d01.xlsx",
      layout: "wide",
      rows: communes,
      unitYears: communes,
      created: 0,
      updated: communes,
      years: [2024],
    });
  });

  it("evaluates a stored unit on the server with the same result contract and --fail-on", () => {
    const r = remote(["evaluate", "--unit", "c-01-01", "--year", "2024", "--json"]);
    expect(r.code === 0 || r.code === 1).toBe(true);
    const res = r.json();
    expect({ unitId: res.unitId, year: res.year, packId: res.packId, criteriaTotal: res.criteriaTotal, example: res.example }).toEqual({
      unitId: "c-01-01",
      year: 2024,
      packId: "example.province-demo.2021-2025",
      criteriaTotal: 19,
      example: true,
    });
    const failOn = remote(["evaluate", "--unit", "c-01-01", "--year", "2024", "--fail-on", "indeterminate"]);
    expect(failOn.code).toBe(res.status === "met" ? 0 : 1);
    expect(failOn.stdout).toContain("Xã An Lộc (c-01-01) · năm 2024");
  });

  it("lists the district's recognition dossiers and shows one with its history and the guards of each action", () => {
    const list = remote(["dossier", "list", "--json"]);
    expect(list.code).toBe(0);
    const body = list.json();
    expect(body.items.map((d: { id: string; state: string }) => `${d.id}:${d.state}`)).toEqual([
      "hs-demo-01:draft",
      "hs-demo-02:self_assessed",
      "hs-demo-03:public_consultation",
      "hs-demo-04:submitted",
      "hs-demo-05:returned",
    ]);
    const show = remote(["dossier", "show", "hs-demo-04"]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("hs-demo-04 · Xã Phước Vĩnh (c-01-04) · NTM · 2025");
    // History: Vietnam time dd/mm/yyyy hh:mm, actions and states in words (the action id kept for --action).
    expect(show.stdout).toMatch(/\n {2}\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} Nộp hồ sơ \(submit\): Đang công khai, lấy ý kiến → Đã nộp hồ sơ \(/);
    expect(show.stdout).toMatch(/✗ return \(Trả lại hồ sơ\) → Trả lại để hoàn thiện\n\s+✗ actorRoleAllowed: /);
    expect(show.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const table = remote(["dossier", "list"]).stdout;
    expect(table).toMatch(/\nhs-demo-04 +Xã Phước Vĩnh \(c-01-04\) +NTM +2025 +Đã nộp hồ sơ/);
    expect(table).toContain("Đã nộp hồ sơ: 1");
  });

  it("refuses a transition the role may not make (422 with the guard's path, exit 2) and applies an allowed one with If-Match", () => {
    const denied = remote(["dossier", "advance", "hs-demo-04", "--action", "return", "--note", "Bổ sung biên bản"]);
    expect(denied.code).toBe(2);
    expect(denied.stderr.split("\n")[1]).toMatch(/^\$\.dossier\.actor\.role: /);
    const none = remote(["dossier", "advance", "hs-demo-04"]);
    expect([none.code, none.stderr]).toEqual([2, "--action: cần chọn thao tác; được phép lúc này / required; allowed now: (none)\n"]);
    const tinh = tempDir();
    const env = { XDG_CONFIG_HOME: join(tinh, "cfg") };
    expect(remote(["login", "--username", "tinh", "--password-stdin"], { input: "tinh123", env }).code).toBe(0);
    // A version older than the dossier's is refused (412), nothing changes.
    const stale = remote(["dossier", "advance", "hs-demo-04", "--action", "return", "--note", "Bổ sung biên bản", "--if-match", "0"], {
      env,
    });
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/^HTTP 412: /);
    const ok = remote(
      ["dossier", "advance", "hs-demo-04", "--action", "return", "--note", "Bổ sung biên bản", "--if-match", "1", "--json"],
      { env },
    );
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ id: "hs-demo-04", state: "returned", version: 2 });
    expect(ok.json().history.at(-1)).toMatchObject({ action: "return", from: "submitted", to: "returned", note: "Bổ sung biên bản" });
  });

  it("recognises a dossier only with --decision-number and --decision-date, and shows the decision in the history", () => {
    const tinh = tempDir();
    const env = { XDG_CONFIG_HOME: join(tinh, "cfg") };
    expect(remote(["login", "--username", "tinh", "--password-stdin"], { input: "tinh123", env }).code).toBe(0);
    const missing = remote(["dossier", "advance", "hs-demo-07", "--action", "recognise"], { env });
    expect([missing.code, missing.stderr]).toEqual([
      2,
      expect.stringMatching(/\$\.decisionNumber: Cần nhập số quyết định khi "Công nhận"/),
    ]);
    expect(missing.stderr).toMatch(/\$\.decisionDate: /);
    const badDate = remote(
      ["dossier", "advance", "hs-demo-07", "--action", "recognise", "--decision-number", "125/QĐ-UBND", "--decision-date", "31/02/2025"],
      { env },
    );
    expect([badDate.code, badDate.stderr.startsWith("--decision-date: ")]).toEqual([2, true]);
    const ok = remote(
      [
        "dossier",
        "advance",
        "hs-demo-07",
        "--action",
        "recognise",
        "--decision-number",
        "125/QĐ-UBND",
        "--decision-date",
        "01/12/2025",
        "--json",
      ],
      { env },
    );
    expect(ok.code).toBe(0);
    expect(ok.json().history.at(-1)).toMatchObject({
      action: "recognise",
      to: "recognised",
      decision: { number: "125/QĐ-UBND", date: "2025-12-01" },
    });
    const show = remote(["dossier", "show", "hs-demo-07"], { env });
    expect(show.stdout).toMatch(/Công nhận \(recognise\): .* — Quyết định số 125\/QĐ-UBND ngày 01\/12\/2025/);
  });

  it("shows the server's annual ranking of the district's communes, with the default scheme labelled as not law", () => {
    const r = remote(["rank", "--year", "2024", "--json"]);
    expect(r.code).toBe(0);
    const out = r.json();
    expect([out.unitId, out.year, out.regime.id]).toEqual(["d-01", 2024, "124-QĐ/TW"]);
    expect(out.rows.map((u: { rank: number }) => u.rank)).toEqual(out.rows.map((_: unknown, i: number) => i + 1));
    expect(out.rows.every((u: { unitId: string }) => u.unitId.startsWith("c-01-"))).toBe(true);
    const table = remote(["rank", "--year", "2024"]);
    expect(table.stdout).toMatch(/^Xếp hạng năm 2024 · d-01 · 124-QĐ\/TW/);
    if (out.scheme.isDefault) expect(table.stdout).toContain("⚠");
  });

  it("ranks the district's organisations and persons (--kind), proposing commendation and criticism with reasons", () => {
    for (const kind of ["organisation", "person"]) {
      const r = remote(["rank", "--year", "2025", "--kind", kind, "--json"]);
      expect(r.code).toBe(0);
      const out = r.json();
      expect([out.kind, out.rows.length > 0, out.commendations.length > 0, out.criticisms.length > 0]).toEqual([kind, true, true, true]);
      expect([...out.commendations, ...out.criticisms].every((c: { reasons: unknown[] }) => c.reasons.length > 0)).toBe(true);
    }
    const table = remote(["rank", "--year", "2025", "--kind", "person"]);
    expect(table.stdout).toMatch(
      /Đề nghị biểu dương, khen thưởng:\n {2}\d+\. Đ\/c .+ \(tv-bcd-d-01-1\): Có thành tích xuất sắc được ghi nhận/,
    );
    expect(remote(["rank", "--year", "2025", "--kind", "team"]).code).toBe(2);
  });

  it("downloads the documents the server renders: progress DOCX, criteria and ranking XLSX, a commune's PDF sheet", async () => {
    const docx = remote(["report", "progress", "--period", "2025S1", "--out", "rp.docx"]);
    expect([docx.code, docx.stderr]).toEqual([0, ""]);
    const xml = await (await JSZip.loadAsync(readFileSync(join(home, "rp.docx")))).file("word/document.xml")!.async("string");
    expect(xml.replace(/<[^>]+>/g, " ")).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(remote(["report", "criteria-table", "--year", "2024", "--out", "rc.xlsx"]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(home, "rc.xlsx"));
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void texts.push(c.text)));
    expect(texts).toContain("Xã An Lộc");
    expect(remote(["report", "ranking", "--year", "2024", "--out", "rr.xlsx"]).code).toBe(0);
    expect(remote(["report", "criteria-sheet", "--unit", "c-01-01", "--year", "2024", "--out", "rs.pdf"]).code).toBe(0);
    expect(readFileSync(join(home, "rs.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    const bad = remote(["report", "progress", "--period", "2025S3", "--out", "x.docx"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[1]).toMatch(/^\$\.query\.period: /);
    expect(existsSync(join(home, "x.docx"))).toBe(false);
  });

  it("downloads the organisations' classification report (DOCX) the server renders", async () => {
    const r = remote(["report", "ranking", "--year", "2025", "--kind", "organisation", "--format", "docx", "--out", "ro.docx"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const xml = await (await JSZip.loadAsync(readFileSync(join(home, "ro.docx")))).file("word/document.xml")!.async("string");
    expect(xml.replace(/<[^>]+>/g, "")).toContain("Kết quả đánh giá, xếp loại các tổ chức năm 2025");
  });

  it("shows the reports due under the district's plan as the server holds them (plan due --remote)", () => {
    const j = remote(["plan", "due", "--remote", "--as-of", "01/08/2025", "--period", "2025S1", "--json"]);
    expect(j.code).toBe(0);
    const body = j.json();
    expect([body.period, body.asOf, body.plans.map((p: { planId: string; unitId: string }) => `${p.planId}@${p.unitId}`)]).toEqual([
      "2025S1",
      "2025-08-01",
      ["plan-63-d-01@d-01"],
    ]);
    const sum = Object.values(body.counts as Record<string, number>).reduce((a, n) => a + n, 0);
    expect(sum).toBe(body.plans[0].items.length);
    const table = remote(["plan", "due", "--remote", "--as-of", "01/08/2025", "--period", "2025S1"]);
    expect(table.stdout.split("\n")[0]).toBe(
      `Báo cáo kỳ 2025S1 · tính đến 01/08/2025 · Đã nộp: ${body.counts.submitted}, Nộp muộn: ${body.counts.late}, Quá hạn: ${body.counts.overdue}, Chưa đến hạn: ${body.counts.pending}`,
    );
    expect(table.stdout).toMatch(/\n15\/07\/2025 +2025S1 +\S/);
    expect(table.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const overdue = remote(["plan", "due", "--status", "overdue", "--as-of", "2025-08-01", "--period", "2025S1", "--json"]).json();
    expect(overdue.plans[0].items.every((i: { status: string }) => i.status === "overdue")).toBe(true);
    expect(overdue.plans[0].items.length).toBe(body.counts.overdue);
    const bad = remote(["plan", "due", "--remote", "--as-of", "01/08/2025", "--submissions", "s.json"]);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      "--submissions: chỉ dùng khi tính tại máy (không có --remote) / only offline (without --remote): the server uses its own submissions and calendar\n",
    ]);
  });

  it("lists OCOP products, contributions (whole đồng), housing and inspections of the district, dates dd/mm/yyyy", () => {
    const ocop = remote(["ocop", "list", "--as-of", "01/08/2025", "--json"]).json();
    expect(ocop.items.length).toBeGreaterThan(0);
    const first = ocop.items[0];
    const ocopTable = remote(["ocop", "list", "--as-of", "01/08/2025"]);
    expect(ocopTable.code).toBe(0);
    const d = first.data.certificate.date as string;
    expect(ocopTable.stdout).toContain(`${first.data.certificate.number} (${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)})`);
    expect(ocopTable.stdout).toMatch(new RegExp(`\\nTổng: ${ocop.summary.products} sản phẩm, ${ocop.summary.recognised} được công nhận`));

    const money = remote(["contributions", "list", "--source", "central_budget", "--json"]).json();
    expect(money.items.length).toBeGreaterThan(0);
    expect(
      money.items.every(
        (i: { data: { source: string; amount: string } }) => i.data.source === "central_budget" && /^\d+$/.test(i.data.amount),
      ),
    ).toBe(true);
    const moneyTable = remote(["contributions", "list", "--source", "central_budget"]).stdout;
    const grouped = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    expect(moneyTable).toMatch(new RegExp(`Ngân sách trung ương +${grouped(money.items[0].data.amount).replace(/\./g, "\\.")} đ`));
    expect(moneyTable).toContain(`Tổng tiền: ${grouped(money.summary.totals.money)} đ`);
    expect(remote(["--lang", "en", "contributions", "list", "--source", "central_budget"]).stdout).toContain(
      `Total money: ${money.summary.totals.money.replace(/\B(?=(\d{3})+(?!\d))/g, ",")} VND`,
    );
    const badSource = remote(["contributions", "list", "--source", "gold"]);
    expect(badSource.code).toBe(2);
    expect(badSource.stderr).toMatch(/^--source: cần một trong \/ expected one of: central_budget, /);

    const housing = remote(["housing", "list", "--json"]).json();
    expect(housing.items.length).toBeGreaterThan(0);
    const housingTable = remote(["housing", "list"]).stdout;
    expect(housingTable).toMatch(/Đã hoàn thành +[\d.]+ đ +\d{2}\/\d{2}\/\d{4}/);
    expect(housingTable).toContain(`Tổng: ${housing.summary.rollUp.total} · còn lại: ${housing.summary.rollUp.remaining}`);

    const insp = remote(["inspections", "list", "--as-of", "01/08/2025", "--json"]).json();
    expect(insp.items.length).toBe(insp.summary.records);
    const inspTable = remote(["inspections", "list", "--as-of", "01/08/2025"]).stdout;
    const idate = insp.items[0].data.date as string;
    expect(inspTable).toMatch(
      new RegExp(`\\n${insp.items[0].id} +${idate.slice(8, 10)}/${idate.slice(5, 7)}/${idate.slice(0, 4)} +(Kiểm tra|Giám sát) `),
    );
    expect(inspTable).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("exits 3 when the server cannot be reached", async () => {
    const port = await freePort();
    const r = ntm(["--server", `http://127.0.0.1:${port}`, "units"], { env: { NTM_TOKEN: "x" } });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`http://127.0.0.1:${port}: không kết nối được máy chủ / cannot reach the server: ECONNREFUSED\n`);
  });

  it("logs out: forgets the token and revokes it on the server", () => {
    const token = JSON.parse(readFileSync(join(home, "cfg", "ntm", "credentials.json"), "utf8")).servers[server.url].token as string;
    const r = remote(["logout"]);
    expect(r.code).toBe(0);
    expect(existsSync(join(home, "cfg", "ntm", "credentials.json"))).toBe(false);
    const revoked = remote(["units"], { env: { NTM_TOKEN: token } });
    expect(revoked.code).toBe(4);
    expect(revoked.stderr).toContain("HTTP 401");
  });
});
