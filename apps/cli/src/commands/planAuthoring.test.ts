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
  expect(remote(["login", "--username", "huyen", "--password-stdin"], "huyen123\n").code).toBe(0);
});
afterAll(async () => {
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

describe("ntm plan create / export / import against a running API", () => {
  let id = "";

  it("creates a plan from the Directive 63 template for a unit", () => {
    const r = remote(["plan", "create", "--template", "directive-63", "--unit", "d-01", "--number", "05-KH/HU", "--json"]);
    const doc = r.json() as {
      id: string;
      unitId: string;
      version: number;
      plan: { number: string; tasks: { code: string; links: { criteria: string[] } }[] };
    };
    id = doc.id;
    expect([
      r.code,
      doc.unitId,
      doc.version,
      doc.plan.number,
      doc.plan.tasks.length,
      doc.plan.tasks.find((t) => t.code === "II.6")?.links.criteria,
    ]).toEqual([0, "d-01", 1, "05-KH/HU", 8, ["12", "13"]]);
    const text = remote(["plan", "create", "--template", "blank", "--unit", "c-01-01", "--parent", id]);
    expect([text.code, /^Đã tạo kế hoạch plan-\S+ · đơn vị c-01-01 · phiên bản 1 · 0 nhiệm vụ$/m.test(text.stdout)]).toEqual([0, true]);
  });

  it("lets a commune officer write their commune's implementing plan (plan.implement), not another commune's nor a plan of its own", () => {
    const xaHome = tempDir();
    const xa = (args: string[], input?: string) =>
      ntm(["--server", server.url, ...args], {
        cwd: xaHome,
        env: { XDG_CONFIG_HOME: join(xaHome, "cfg") },
        ...(input !== undefined ? { input } : {}),
      });
    expect(xa(["login", "--username", "xa", "--password-stdin"], "xa123\n").code).toBe(0);
    const own = xa([
      "plan",
      "create",
      "--template",
      "blank",
      "--unit",
      "c-01-01",
      "--parent",
      id,
      "--organisation",
      "chinh-quyen-cac-cap",
      "--json",
    ]);
    const other = xa(["plan", "create", "--template", "blank", "--unit", "c-01-02", "--parent", id]);
    const top = xa(["plan", "create", "--template", "blank", "--unit", "c-01-01"]);
    const doc = own.json() as { unitId: string; parentPlanId: string; plan: { parent: unknown } };
    expect([own.code, doc.unitId, doc.parentPlanId, doc.plan.parent, other.code, other.stderr.includes("HTTP 403"), top.code]).toEqual([
      0,
      "c-01-01",
      id,
      { planId: id, organisationId: "chinh-quyen-cac-cap" },
      4,
      true,
      4,
    ]);
  });

  it.each(["json", "xlsx"])("exports a plan as %s and imports it back as an equal plan under a new id", (format) => {
    const file = join(home, `kh.${format}`);
    const out = remote(["plan", "export", id, "--format", format, "--out", file, "--json"]);
    const imp = remote(["plan", "import", file, "--unit", "d-01", "--json"]);
    const doc = imp.json() as { id: string; plan: Record<string, unknown> };
    const original = JSON.parse(remote(["plan", "export", id, "--format", "json"]).stdout) as Record<string, unknown>;
    expect([out.code, (out.json() as { format: string }).format, imp.code, doc.id === id]).toEqual([0, format, 0, false]);
    expect(doc.plan).toEqual({ ...original, id: doc.id });
  });

  it("refuses an import for a unit out of scope (exit 4) and a file that does not exist (exit 2), naming the problem", () => {
    const file = join(home, "kh.json");
    const out = remote(["plan", "import", file, "--unit", "d-02"]);
    const none = remote(["plan", "import", join(home, "nope.json"), "--unit", "d-01"]);
    expect([out.code, out.stderr.includes("HTTP 403"), none.code, none.stderr.includes("không có tệp này / no such file")]).toEqual([
      4,
      true,
      2,
      true,
    ]);
  });
});
