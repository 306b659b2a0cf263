import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ntm, tempDir } from "../../test/cli.js";
import { type TestServer, startServer } from "../../test/server.js";

let server: TestServer;
let home: string;
const as = (user: string) => (args: string[], input?: string) =>
  ntm(["--server", server.url, ...args], {
    cwd: home,
    env: { XDG_CONFIG_HOME: join(home, `cfg-${user}`) },
    ...(input !== undefined ? { input } : {}),
  });
const huyen = as("huyen");
const xa = as("xa");
const path = (name: string) => join(home, name);

beforeAll(async () => {
  server = await startServer();
  home = tempDir();
  expect(huyen(["login", "--username", "huyen", "--password-stdin"], "huyen123\n").code).toBe(0);
  expect(xa(["login", "--username", "xa", "--password-stdin"], "xa123\n").code).toBe(0);
});
afterAll(async () => {
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

describe("ntm tasks progress-template|progress-import|progress-export against a running API", () => {
  it("writes the XLSX template pre-filled with the tasks, and the CSV one", () => {
    const xlsx = huyen(["tasks", "progress-template", "plan-63-d-01", "-o", path("tien-do.xlsx"), "--json"]);
    const csv = huyen(["tasks", "progress-template", "plan-63-d-01", "-o", path("tien-do.csv")]);
    const lines = readFileSync(path("tien-do.csv"), "utf8").split("\r\n");
    expect([
      xlsx.code,
      (xlsx.json() as { format: string }).format,
      [...readFileSync(path("tien-do.xlsx")).subarray(0, 2)],
      csv.code,
    ]).toEqual([0, "xlsx", [0x50, 0x4b], 0]);
    expect(lines[0]).toBe(
      "\uFEFFMã nhiệm vụ *;Nhiệm vụ;Cơ quan chủ trì;Hạn hoàn thành;Tình trạng;Tỷ lệ hoàn thành (%);Kết quả thực hiện;Minh chứng;Kỳ báo cáo",
    );
    expect(lines.some((l) => l.startsWith("II.5;"))).toBe(true);
  });

  it("checks with --dry-run, then imports, then the export re-imports with no change", () => {
    const csv = "Mã nhiệm vụ;Tình trạng;Tỷ lệ hoàn thành (%);Kết quả thực hiện;Kỳ báo cáo\r\nII.5;Đang thực hiện;70;Đã làm 4 km;2025S2\r\n";
    writeFileSync(path("cap-nhat.csv"), csv);
    const dry = huyen(["tasks", "progress-import", "plan-63-d-01", path("cap-nhat.csv"), "--dry-run"]);
    const run = huyen(["tasks", "progress-import", "plan-63-d-01", path("cap-nhat.csv"), "--json"]);
    const out = run.json() as { updated: number; codes: string[]; dryRun: boolean };
    expect([dry.code, dry.stdout, run.code, out.dryRun, out.updated, out.codes]).toEqual([
      0,
      `${path("cap-nhat.csv")}: hợp lệ; sẽ cập nhật 1 nhiệm vụ (II.5), 0 dòng không đổi; thử, chưa ghi gì\n`,
      0,
      false,
      1,
      ["II.5"],
    ]);
    const exp = huyen(["tasks", "progress-export", "plan-63-d-01", "-o", path("xuat.xlsx")]);
    const again = huyen(["tasks", "progress-import", "plan-63-d-01", path("xuat.xlsx"), "--dry-run", "--json"]);
    expect([exp.code, again.code, (again.json() as { codes: string[] }).codes]).toEqual([0, 0, []]);
  });

  it("exits 2 naming the file, row and column of a bad row; exits 4 for a commune officer on the district's plan", () => {
    writeFileSync(
      path("sai.csv"),
      "Mã nhiệm vụ;Tình trạng;Tỷ lệ hoàn thành (%);Kết quả thực hiện;Kỳ báo cáo\r\nII.5;Đang thực hiện;170;x;2025\r\n",
    );
    const bad = huyen(["tasks", "progress-import", "plan-63-d-01", path("sai.csv")]);
    const refused = xa(["tasks", "progress-import", "plan-63-d-01", path("cap-nhat.csv")]);
    expect([bad.code, bad.stderr.split("\n")[1], refused.code]).toEqual([
      2,
      `${path("sai.csv")}: dòng 2, cột C: Tỷ lệ hoàn thành (%): tỷ lệ hoàn thành 170% phải từ 0 đến 100 / Tỷ lệ hoàn thành (%): the share done 170% must be between 0 and 100`,
      4,
    ]);
  });
});
