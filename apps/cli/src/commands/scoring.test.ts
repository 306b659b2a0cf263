import { writeFileSync } from "node:fs";
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
const as = (who: string, pw: string) => expect(remote(["login", "--username", who, "--password-stdin"], `${pw}\n`).code).toBe(0);

beforeAll(async () => {
  server = await startServer();
  home = tempDir();
});
afterAll(async () => {
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

interface Stored {
  version: number;
  updatedBy: string;
  inputs: {
    tasks?: { assigned: number; done: number };
    reportsOnTime?: number;
    resourcesPlanned?: string;
    evidence?: Record<string, string>;
  };
}

describe("ntm scoring", () => {
  it("shows a commune's seeded inputs with Vietnamese labels, the version and who entered them", () => {
    as("huyen", "huyen123");
    const out = remote(["scoring", "show", "c-01-04", "2025"]);
    expect([out.code, out.stdout]).toEqual([0, expect.stringContaining("phiên bản 1, người nhập dữ liệu mẫu")]);
    // The unit by its name, its id beside it: "Tên (id)".
    expect(out.stdout.split("\n")[0]).toMatch(/^Số liệu chấm điểm Xã [^()]+ \(c-01-04\) năm 2025 \(/);
    expect(out.stdout).toContain("Tổng số báo cáo phải nộp");
    expect(out.stdout).toMatch(/\d{1,3}(\.\d{3})+ đ/);
  });

  it("sets the options given over the saved inputs with evidence (--json), keeping the rest; show prints the evidence", () => {
    as("huyen", "huyen123");
    const before = remote(["scoring", "show", "c-01-04", "2025", "--json"]).json() as Stored;
    const set = remote([
      "scoring",
      "set",
      "c-01-04",
      "2025",
      "--tasks-assigned",
      "12",
      "--tasks-done",
      "12",
      "--tasks-on-time",
      "12",
      "--tasks-exceeding",
      "3",
      "--resources-planned",
      "5.000.000.000",
      "--evidence",
      "tasks=Báo cáo số 12/BC-UBND ngày 05/12/2025",
      "--json",
    ]);
    const saved = set.json() as Stored;
    expect([
      set.code,
      saved.version,
      saved.updatedBy,
      saved.inputs.tasks,
      saved.inputs.resourcesPlanned,
      saved.inputs.reportsOnTime,
    ]).toEqual([0, 2, "huyen", { assigned: 12, done: 12, onTime: 12, exceeding: 3 }, "5000000000", before.inputs.reportsOnTime]);
    expect(saved.inputs.evidence).toEqual({ tasks: "Báo cáo số 12/BC-UBND ngày 05/12/2025" });
    const shown = remote(["scoring", "show", "c-01-04", "2025"]);
    expect(shown.stdout).toContain("Báo cáo số 12/BC-UBND ngày 05/12/2025");
    expect(shown.stdout).toContain("5.000.000.000 đ");
  });

  it("reads the inputs from --file and refuses a stale --if-match with exit 2 (HTTP 412)", () => {
    as("huyen", "huyen123");
    const file = join(home, "inputs.json");
    writeFileSync(file, JSON.stringify({ reportsOnTime: 4, reportsTotal: 4, evidence: { reportsOnTime: "Sổ theo dõi công văn 2025" } }));
    const fromFile = remote(["scoring", "set", "c-01-06", "2025", "--file", file, "--json"]);
    const out = fromFile.json() as Stored;
    expect([fromFile.code, out.version, out.inputs]).toEqual([
      0,
      2,
      { reportsOnTime: 4, reportsTotal: 4, evidence: { reportsOnTime: "Sổ theo dõi công văn 2025" } },
    ]);
    const stale = remote(["scoring", "set", "c-01-06", "2025", "--reports-overdue", "0", "--if-match", "1"]);
    expect([stale.code, stale.stderr]).toEqual([2, expect.stringContaining("HTTP 412")]);
  });

  it("refuses inconsistent counts and bad numbers with exit 2 naming the option, before writing", () => {
    as("huyen", "huyen123");
    const over = remote(["scoring", "set", "c-01-07", "2025", "--tasks-done", "99"]);
    const word = remote(["scoring", "set", "c-01-07", "2025", "--reports-total", "bốn"]);
    const orphan = remote(["scoring", "set", "c-01-07", "2025", "--evidence", "nope=x"]);
    const after = remote(["scoring", "show", "c-01-07", "2025", "--json"]).json() as Stored;
    expect([over.code, word.code, word.stderr, orphan.code, orphan.stderr, after.version]).toEqual([
      2,
      2,
      expect.stringContaining("--reports-total"),
      2,
      expect.stringContaining("--evidence"),
      1,
    ]);
    expect(over.stderr).toMatch(/--tasks-done: Số nhiệm vụ hoàn thành \(99\) lớn hơn số nhiệm vụ được giao/);
  });

  it("refuses a commune officer's write with exit 4", () => {
    as("xa", "xa123");
    expect(remote(["scoring", "set", "c-01-01", "2025", "--reports-total", "4"]).code).toBe(4);
  });
});
