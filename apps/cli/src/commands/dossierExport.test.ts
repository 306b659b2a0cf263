import { readFileSync } from "node:fs";
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

beforeAll(async () => {
  server = await startServer();
  home = tempDir();
  expect(remote(["login", "--username", "tinh", "--password-stdin"], "tinh123\n").code).toBe(0);
});
afterAll(async () => {
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

describe("ntm dossier export against a running API", () => {
  it("writes the dossier list as XLSX with -o, and as CSV to stdout, as many rows as the list", () => {
    const list = remote(["dossier", "list", "--json"]);
    const items = list.json() as unknown[] | { items: unknown[] };
    const n = Array.isArray(items) ? items.length : items.items.length;
    const xlsx = remote(["dossier", "export", "-o", join(home, "ho-so.xlsx"), "--json"]);
    const csv = remote(["dossier", "export", "--format", "csv"]);
    const lines = csv.stdout.trim().split("\r\n");
    expect([
      xlsx.code,
      [...readFileSync(join(home, "ho-so.xlsx")).subarray(0, 2)],
      csv.code,
      lines[0]?.split(";").slice(0, 5),
      lines.length - 1,
    ]).toEqual([0, [0x50, 0x4b], 0, ["Mã hồ sơ", "Đơn vị", "Năm", "Hạng đề nghị", "Trạng thái"], n]);
  });
});
