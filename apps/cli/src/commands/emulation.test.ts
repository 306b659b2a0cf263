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
  const r = remote(["login", "--username", "huyen", "--password-stdin"], "huyen123\n");
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(async () => {
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

const bangKhen = [
  "commendations",
  "add",
  "--unit",
  "c-01-01",
  "--form",
  "bang_khen",
  "--level",
  "province",
  "--issuer",
  "Chủ tịch UBND tỉnh",
  "--decision",
  "123/QĐ-UBND",
  "--date",
  "19/05/2025",
  "--subject-name",
  "Xã An Lộc",
  "--achievement",
  "Thành tích xuất sắc trong phong trào Chung sức xây dựng NTM",
];

describe("ntm commendations", () => {
  it("adds a Bằng khen (exit 0, --json gives the stored record) and lists it in a table and as JSON", () => {
    const added = remote([...bangKhen, "--json"]);
    expect(added.code).toBe(0);
    const item = added.json();
    expect([item.version, item.data.decision, item.data.subject]).toEqual([
      1,
      { number: "123/QĐ-UBND", date: "2025-05-19" },
      { kind: "unit", id: "c-01-01", name: "Xã An Lộc" },
    ]);
    const table = remote(["commendations", "list", "--year", "2025"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("19/05/2025");
    expect(table.stdout).toMatch(/Bằng khen/);
    // The demo seeds three example Giấy khen of 2025 (a commune, an organisation, a steering member).
    expect(table.stdout).toMatch(/Tổng: 4 · Bằng khen: 1, Giấy khen: 3/);
    const json = remote(["commendations", "list", "--json"]).json();
    const reasons = json.summary.subjects.flatMap((x: { reasons: { vi: string }[] }) => x.reasons.map((r) => r.vi));
    expect(reasons).toContain(
      "Xã An Lộc: Bằng khen của Chủ tịch UBND tỉnh (số 123/QĐ-UBND, 19/05/2025) — Thành tích xuất sắc trong phong trào Chung sức xây dựng NTM",
    );
  });
  it("refuses a missing achievement before calling the server, and an unknown form, with exit 2", () => {
    const noAchievement = remote(bangKhen.slice(0, -2));
    const badForm = remote(bangKhen.map((a) => (a === "bang_khen" ? "huan_chuong" : a)));
    expect([noAchievement.code, noAchievement.stderr.includes("--achievement"), badForm.code, badForm.stderr.includes("--form")]).toEqual([
      2,
      true,
      2,
      true,
    ]);
  });
  it("maps the server's 422 (form other without its name) to exit 2 naming the field", () => {
    const r = remote(bangKhen.map((a) => (a === "bang_khen" ? "other" : a)));
    expect([r.code, r.stderr.includes("formText")]).toEqual([2, true]);
  });
});

describe("ntm discipline", () => {
  it("adds a criticism without a decision number linked to an inspection finding, and lists it", () => {
    const insp = remote(["inspections", "list", "--json"])
      .json()
      .items.find((i: { data: { findings: string[] } }) => i.data.findings.length > 0);
    const added = remote([
      "discipline",
      "add",
      "--unit",
      "c-01-01",
      "--form",
      "criticism",
      "--level",
      "district",
      "--issuer",
      "Ban Thường vụ Huyện ủy",
      "--date",
      "01/07/2025",
      "--subject-kind",
      "organisation",
      "--subject-id",
      "ubnd-c-01-01",
      "--subject-name",
      "UBND xã An Lộc",
      "--reason",
      "Chậm khắc phục kiến nghị sau kiểm tra",
      "--inspection",
      insp.id,
      "--finding",
      "1",
      "--json",
    ]);
    expect(added.code).toBe(0);
    expect(added.json().data.finding).toEqual({ inspectionId: insp.id, findingIndex: 0 });
    const list = remote(["discipline", "list", "--subject-kind", "organisation"]);
    expect([list.code, list.stdout.includes("UBND xã An Lộc"), list.stdout.includes("Phê bình")]).toEqual([0, true, true]);
  });
  it("needs a decision number for a warning (server 422 → exit 2)", () => {
    const r = remote([
      "discipline",
      "add",
      "--unit",
      "c-01-01",
      "--form",
      "warning",
      "--level",
      "district",
      "--issuer",
      "UBND huyện",
      "--date",
      "01/07/2025",
      "--subject-name",
      "Xã An Lộc",
      "--reason",
      "Vi phạm",
    ]);
    expect([r.code, r.stderr.includes("decision.number")]).toEqual([2, true]);
  });
  it("refuses a viewer's write with exit 4", () => {
    const viewerHome = tempDir();
    const as = (args: string[], input?: string) =>
      ntm(["--server", server.url, ...args], {
        cwd: viewerHome,
        env: { XDG_CONFIG_HOME: join(viewerHome, "cfg") },
        ...(input ? { input } : {}),
      });
    as(["login", "--username", "xem", "--password-stdin"], "xem123\n");
    const r = as([
      "discipline",
      "add",
      "--unit",
      "c-01-01",
      "--form",
      "criticism",
      "--level",
      "district",
      "--issuer",
      "X",
      "--date",
      "01/07/2025",
      "--subject-name",
      "X",
      "--reason",
      "Y",
    ]);
    expect(r.code).toBe(4);
  });
});
