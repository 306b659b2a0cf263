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

const add = [
  "steering",
  "add",
  "--unit",
  "d-01",
  "--name",
  "Võ Thị Mai",
  "--position",
  "Phó Chủ tịch UBND huyện",
  "--organisation",
  "UBND huyện An Hòa",
  "--role",
  "deputy_head",
  "--from",
  "01/01/2024",
  "--communes",
  "c-01-08,c-01-09",
];

describe("ntm steering", () => {
  it("lists the district's members with commune names and the communes without a member", () => {
    as("huyen", "huyen123");
    const out = remote(["steering", "list", "--as-of", "30/06/2025"]);
    expect([out.code, out.stdout]).toEqual([0, expect.stringContaining("Xã chưa có thành viên phụ trách (3/10)")]);
    expect(out.stdout).toContain("Phó Trưởng ban");
    expect(out.stdout).not.toMatch(/c-01-0\d/);
  });

  it("adds a member supporting two communes (--json), after which one commune is left without a member", () => {
    as("huyen", "huyen123");
    const added = remote([...add, "--json"]);
    const item = added.json() as { id: string; version: number; communes: { unitId: string }[] };
    expect([added.code, item.version, item.communes.map((c) => c.unitId)]).toEqual([0, 1, ["c-01-08", "c-01-09"]]);
    const list = remote(["steering", "list", "--as-of", "30/06/2025", "--json"]).json() as {
      coverage: { unsupported: { unitId: string }[] };
    };
    expect(list.coverage.unsupported.map((u) => u.unitId)).toEqual(["c-01-10"]);
  });

  it("edits only the fields given, refuses a stale --if-match with exit 2 (HTTP 412)", () => {
    as("huyen", "huyen123");
    const { id } = remote([...add, "--json"]).json() as { id: string };
    const edited = remote(["steering", "edit", id, "--communes", "c-01-10", "--phone", "0905 123 456", "--json"]);
    const out = edited.json() as { version: number; data: { phone: string; fullName: string; communeUnitIds: string[] } };
    expect([edited.code, out.version, out.data.fullName, out.data.communeUnitIds, out.data.phone]).toEqual([
      0,
      2,
      "Võ Thị Mai",
      ["c-01-10"],
      "0905 123 456",
    ]);
    const stale = remote(["steering", "edit", id, "--note", "x", "--if-match", "1"]);
    expect([stale.code, stale.stderr]).toEqual([2, expect.stringContaining("HTTP 412")]);
  });

  it("refuses bad input with exit 2 naming the option, before calling the server", () => {
    as("huyen", "huyen123");
    const phone = remote([...add, "--phone", "123"]);
    const reversed = remote([...add, "--to", "31/12/2023"]);
    const date = remote([...add.slice(0, -4), "--from", "30/02/2025"]);
    const outside = remote([...add.slice(0, -1), "c-02-01"]);
    expect([phone.code, phone.stderr, reversed.code, reversed.stderr, date.code, date.stderr, outside.code, outside.stderr]).toEqual([
      2,
      expect.stringContaining("--phone"),
      2,
      expect.stringContaining("--to"),
      2,
      expect.stringContaining("--from"),
      2,
      expect.stringContaining("$.communeUnitIds[0]"),
    ]);
  });

  it("refuses a commune officer's add with exit 4", () => {
    as("xa", "xa123");
    expect(remote(add).code).toBe(4);
  });
});
