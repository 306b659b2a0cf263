import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ntm, tempDir } from "../../test/cli.js";
import { type TestServer, startServer } from "../../test/server.js";
import { CliError } from "../lib/exit.js";
import { optionProblems, unitBody } from "./units.js";

describe("unitBody", () => {
  it("sends only the options given, clears with none and splits flags", () => {
    expect([
      unitBody({ name: "Xã Tân Lập", parent: "d-01", flags: "especiallyDifficult, merged2025", group: "2", region: "dhntb", sort: "4" }),
      unitBody({ parent: "none", region: "none", group: "none", flags: "none" }),
      unitBody({}),
    ]).toEqual([
      { name: "Xã Tân Lập", parentId: "d-01", flags: ["especiallyDifficult", "merged2025"], communeGroup: 2, region: "DHNTB", sort: 4 },
      { parentId: null, region: null, communeGroup: null, flags: [] },
      {},
    ]);
  });

  it("refuses a group or sort that is not a whole number, naming the option", () => {
    const where = (opts: Parameters<typeof unitBody>[0]) => {
      try {
        unitBody(opts);
        return "accepted";
      } catch (e) {
        return e instanceof CliError ? e.problems.map((p) => p.where).join() : "other error";
      }
    };
    expect([where({ group: "hai" }), where({ sort: "-1" }), where({ sort: "3" })]).toEqual(["--group", "--sort", "accepted"]);
  });
});

describe("optionProblems", () => {
  it("names the option that sets each failing field and leaves other lines alone", () => {
    expect(
      optionProblems([
        { where: "HTTP 422", message: "invalid unit" },
        { where: "$.parentId", message: "a hamlet goes under a commune" },
        { where: "$.flags[1]", message: "unknown flag" },
        { where: "$.id", message: "taken" },
      ]),
    ).toEqual([
      { where: "HTTP 422", message: "invalid unit" },
      { where: "--parent", message: "a hamlet goes under a commune" },
      { where: "--flags[1]", message: "unknown flag" },
      { where: "<id>", message: "taken" },
    ]);
  });
});

let server: TestServer;
let tinh: Record<string, string>;
let huyen: Record<string, string>;
let home: string;
const remote = (env: Record<string, string>, args: string[]) => ntm(["--server", server.url, ...args], { cwd: home, env });

beforeAll(async () => {
  server = await startServer();
  home = tempDir();
  tinh = { XDG_CONFIG_HOME: join(home, "tinh") };
  huyen = { XDG_CONFIG_HOME: join(home, "huyen") };
  for (const [username, env] of [
    ["tinh", tinh],
    ["huyen", huyen],
  ] as const) {
    const r = ntm(["--server", server.url, "login", "--username", username, "--password-stdin"], {
      cwd: home,
      env,
      input: `${username}123\n`,
    });
    if (r.code !== 0) throw new Error(`login ${username}: ${r.stderr}`);
  }
});
afterAll(async () => {
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

describe("ntm units add|edit against a running API", () => {
  it("adds a commune that the listing then shows", () => {
    const add = remote(tinh, [
      "units",
      "add",
      "commune",
      "c-01-11",
      "--name",
      "Xã Tân Lập",
      "--parent",
      "d-01",
      "--flags",
      "especiallyDifficult",
      "--group",
      "2",
      "--json",
    ]);
    const list = remote(tinh, ["units", "--root", "d-01", "--level", "commune", "--json"]);
    expect([add.code, add.json(), (list.json() as { id: string }[]).map((u) => u.id).at(-1)]).toEqual([
      0,
      {
        id: "c-01-11",
        name: "Xã Tân Lập",
        level: "commune",
        parentId: "d-01",
        region: "DHNTB",
        communeGroup: 2,
        flags: ["especiallyDifficult"],
        sort: 10,
        version: 1,
        effectiveFrom: null,
        endedOn: null,
        mergedFrom: [],
      },
      "c-01-11",
    ]);
  });

  it("renames, then moves the commune directly under the province, printing the new version", () => {
    const rename = remote(tinh, ["units", "edit", "c-01-11", "--name", "Xã Tân Lập Mới"]);
    const move = remote(tinh, ["units", "edit", "c-01-11", "--parent", "p-demo", "--if-match", "2"]);
    expect([rename.code, rename.stdout, move.code, move.stdout]).toEqual([
      0,
      "Đã sửa c-01-11 (xã Xã Tân Lập Mới, trực thuộc d-01), phiên bản 2\n",
      0,
      "Đã sửa c-01-11 (xã Xã Tân Lập Mới, trực thuộc p-demo), phiên bản 3\n",
    ]);
  });

  it("exits 2 with the option to fix when the server refuses a field, and on a stale --if-match", () => {
    const level = remote(tinh, ["units", "add", "hamlet", "t-moi", "--name", "Thôn Mới", "--parent", "d-01"]);
    const id = remote(tinh, ["units", "add", "commune", "C_1", "--name", "Xã", "--parent", "d-01"]);
    const stale = remote(tinh, ["units", "edit", "c-01-11", "--name", "Xã Cũ", "--if-match", "1"]);
    expect([
      level.code,
      level.stderr.split("\n")[1],
      id.code,
      id.stderr.split("\n")[1]?.split(":")[0],
      stale.code,
      stale.stderr.split(":")[0],
    ]).toEqual([
      2,
      "--parent: thôn chỉ đặt dưới xã; d-01 là huyện / a hamlet goes under a commune; d-01 is a district",
      2,
      "<id>",
      2,
      "HTTP 412",
    ]);
  });

  it("exits 4 for a district officer, who may not change units", () => {
    const r = remote(huyen, ["units", "add", "hamlet", "c-01-01-t9", "--name", "Thôn 9", "--parent", "c-01-01"]);
    expect([r.code, r.stderr.split(":")[0]]).toEqual([4, "HTTP 403"]);
  });
});
