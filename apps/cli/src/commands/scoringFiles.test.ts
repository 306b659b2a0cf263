import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ntm, tempDir } from "../../test/cli.js";
import { type TestServer, startServer } from "../../test/server.js";

let server: TestServer;
let home: string;
const remote = (args: string[], input?: string) =>
  ntm(["--server", server.url, ...args], {
    cwd: home,
    env: { XDG_CONFIG_HOME: join(home, "cfg") },
    ...(input !== undefined ? { input } : {}),
  });
const path = (name: string) => join(home, name);

beforeAll(async () => {
  server = await startServer();
  home = tempDir();
  expect(remote(["login", "--username", "huyen", "--password-stdin"], "huyen123\n").code).toBe(0);
});
afterAll(async () => {
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

describe("ntm scoring template|import|export against a running API", () => {
  it("writes the template of the district's communes, imports a filled CSV (dry run, then for real), exports it back", () => {
    const t = remote(["scoring", "template", "d-01", "2025", "-o", path("mau.csv")]);
    const lines = readFileSync(path("mau.csv"), "utf8").split("\r\n");
    expect([t.code, lines[0]?.split(";").slice(0, 3), lines.filter((l) => l.startsWith("c-01-")).length > 1]).toEqual([
      0,
      ["\uFEFFMã xã *", "Tên xã", "Năm"],
      true,
    ]);
    writeFileSync(
      path("nhap.csv"),
      "Mã xã;Số báo cáo đúng hạn;Tổng số báo cáo phải nộp;Minh chứng: Số báo cáo đúng hạn\r\nc-01-01;3;4;Báo cáo 7/BC-UBND\r\n",
    );
    const dry = remote(["scoring", "import", "d-01", "2025", path("nhap.csv"), "--dry-run"]);
    const run = remote(["scoring", "import", "d-01", "2025", path("nhap.csv"), "--json"]);
    expect([dry.code, dry.stdout, run.code, (run.json() as { updated: number }).updated]).toEqual([
      0,
      `${path("nhap.csv")}: hợp lệ; sẽ ghi số liệu 1 xã (c-01-01), 0 dòng không đổi; thử, chưa ghi gì\n`,
      0,
      1,
    ]);
    const exp = remote(["scoring", "export", "d-01", "2025", "-o", path("xuat.xlsx")]);
    const again = remote(["scoring", "import", "d-01", "2025", path("xuat.xlsx"), "--dry-run", "--json"]);
    expect([exp.code, again.code, (again.json() as { unitIds: string[] }).unitIds]).toEqual([0, 0, []]);
  });

  it("exits 2 naming the file, row and column of a row core refuses, and for a year that is not one", () => {
    writeFileSync(path("sai.csv"), "Mã xã;Số báo cáo đúng hạn;Tổng số báo cáo phải nộp\r\nc-01-02;9;4\r\n");
    const bad = remote(["scoring", "import", "d-01", "2025", path("sai.csv")]);
    const year = remote(["scoring", "template", "d-01", "25", "--format", "csv"]);
    expect([bad.code, bad.stderr.split("\n")[1], year.code]).toEqual([
      2,
      `${path("sai.csv")}: dòng 2, cột B: Số báo cáo đúng hạn: Số báo cáo đúng hạn (9) lớn hơn tổng số báo cáo phải nộp (4) / Số báo cáo đúng hạn: Reports on time (9) exceeds reports due in total (4)`,
      2,
    ]);
  });
});
