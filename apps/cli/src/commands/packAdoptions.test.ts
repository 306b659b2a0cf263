import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ntm, tempDir } from "../../test/cli.js";
import { type TestServer, startServer } from "../../test/server.js";

let server: TestServer;
let home: string;
const remote = (args: string[], opts: { input?: string } = {}) =>
  ntm(["--server", server.url, ...args], {
    cwd: home,
    env: { XDG_CONFIG_HOME: join(home, "cfg") },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });

const OWN = "tinh-cli.commune-ntm.2024-2025";

beforeAll(async () => {
  server = await startServer();
  home = tempDir({
    "own.json": JSON.stringify({
      id: OWN,
      version: "1",
      title: { vi: "Bộ tiêu chí của tỉnh (CLI)", en: "Provincial pack (CLI)" },
      legalBasis: [{ ref: "QĐ 1/QĐ-UBND (thử)", date: "2024-01-02" }],
      effective: { from: "2024-01-01", to: "2025-12-31" },
      extends: "example.province-demo.2021-2025",
      criteria: [],
    }),
    "bad.json": JSON.stringify({ id: "Bad Id", version: "1" }),
  });
  const r = remote(["login", "--username", "tinh", "--password-stdin"], { input: "tinh123\n" });
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(async () => {
  await server?.stop();
});

describe("ntm packs upload / adopt / adoptions against the server", () => {
  it("uploads a pack, and refuses a bad one with the JSON paths", () => {
    const bad = remote(["packs", "upload", "bad.json"]);
    const ok = remote(["packs", "upload", "own.json", "--json"]);
    expect([bad.code, bad.stderr.includes("$.id"), ok.code, ok.json().id]).toEqual([2, true, 0, OWN]);
  });

  it("refuses an adoption overlapping the demo's for the province, and adopts the pack for one commune", () => {
    const overlap = remote(["packs", "adopt", OWN, "--scope", "p-demo", "--tier", "standard", "--from", "2024", "--to", "2025"]);
    const ok = remote(["packs", "adopt", OWN, "--scope", "c-01-01", "--tier", "standard", "--from", "2024", "--to", "2025", "--json"]);
    const ev = remote(["evaluate", "--unit", "c-01-01", "--year", "2024", "--json"]);
    expect([
      overlap.code,
      overlap.stderr.includes("seed-commune-standard"),
      ok.code,
      ok.json().scopeUnitId,
      ok.json().level,
      ev.stdout.includes(OWN),
    ]).toEqual([2, true, 0, "c-01-01", "commune", true]);
  });

  it("lists adoptions as a table and as JSON", () => {
    const table = remote(["packs", "adoptions"]);
    const json = remote(["packs", "adoptions", "--json"]);
    const items = json.json() as { id: string; packId: string }[];
    expect([
      table.code,
      table.stdout.includes("seed-commune-standard"),
      table.stdout.includes(OWN),
      json.code,
      items.length,
      items.filter((a) => a.packId === OWN).length,
    ]).toEqual([0, true, true, 0, 6, 1]);
  });
});
