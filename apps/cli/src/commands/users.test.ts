import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ntm, tempDir } from "../../test/cli.js";
import { type TestServer, startServer } from "../../test/server.js";

// Day one of a real deployment, from the command line: an empty server (NTM_SEED=none), its setup
// link, the first administrator, the unit tree from the template, then people.
let server: TestServer;
let home: string;
/** Runs the CLI against the test server; `as` picks a config dir, so each user keeps their own login. */
const remote = (args: string[], opts: { input?: string; as?: string } = {}) =>
  ntm(["--server", server.url, ...args], {
    cwd: home,
    env: { XDG_CONFIG_HOME: join(home, opts.as ?? "admin") },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });

beforeAll(async () => {
  server = await startServer({ seed: "none" });
  home = tempDir();
});
afterAll(async () => {
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

describe("first run, units and people from the command line", () => {
  it("prints a one-time setup link (token also in a 0600 file beside the data) and no demo account", async () => {
    // The link is printed right after "API on …", which is when startServer returns.
    for (let i = 0; i < 50 && !/headless/.test(server.log()); i++) await new Promise((r) => setTimeout(r, 100));
    const m = /\/setup\?token=([A-Za-z0-9_-]+)/.exec(server.log());
    expect(m).not.toBeNull();
    const file = join(server.dir, "setup-token");
    expect(readFileSync(file, "utf8").trim()).toBe(m![1]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(server.log()).not.toContain("admin123");
    expect(server.log()).not.toMatch(/demo accounts/);
    const res = await fetch(`${server.url}/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        token: m![1],
        username: "quantri",
        password: "mat-khau-quan-tri",
        displayName: "Quản trị tỉnh",
        province: { id: "p-26", name: "Tỉnh Vĩnh Phúc" },
      }),
    });
    expect(res.status).toBe(201);
    const again = await fetch(`${server.url}/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: m![1], username: "khac", password: "mat-khau-khac", displayName: "Khác" }),
    });
    expect(again.status).toBe(409);
  });

  it("downloads the template and imports it; a second import changes nothing; a bad file names row and column (exit 2)", () => {
    expect(remote(["login", "--username", "quantri", "--password-stdin"], { input: "mat-khau-quan-tri\n" }).code).toBe(0);
    const file = join(home, "don-vi.csv");
    const t = remote(["units", "template", "--out", file]);
    expect(t.code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("p-26,Tỉnh Vĩnh Phúc,tỉnh");
    const first = remote(["units", "import", file, "--json"]);
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ rows: 8, unchanged: ["p-26"], updated: [] });
    expect(first.json().created).toHaveLength(7);
    const second = remote(["units", "import", file]);
    expect(second.stdout).toBe(`${file}: đã nhập 8 đơn vị — 0 mới, 0 thay đổi, 8 giữ nguyên\n`);
    const bad = join(home, "sai.csv");
    writeFileSync(bad, "code,name,level,parent_code\np-26-x99,Xã Lạc,xã,khong-co\n");
    const refused = remote(["units", "import", bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bad}: dòng 2, cột D: không có đơn vị cấp trên "khong-co"`);
  });

  it("adds a district officer and a commune officer; each signs in and sees only their scope", () => {
    const h = remote(
      [
        "users",
        "add",
        "huyen-cu",
        "--role",
        "district_officer",
        "--scope",
        "p-26-h01",
        "--display-name",
        "Cán bộ huyện cũ",
        "--password-stdin",
      ],
      { input: "mat-khau-huyen\n" },
    );
    expect(h.code).toBe(0);
    expect(h.stdout).toBe("Đã tạo huyen-cu (Cán bộ huyện cũ) · district_officer · p-26-h01\n");
    expect(
      remote(["users", "add", "xa-moi", "--role", "commune_officer", "--scope", "p-26-x10", "--password-stdin"], {
        input: "mat-khau-xa-moi\n",
      }).code,
    ).toBe(0);
    const badRole = remote(["users", "add", "ai-do", "--role", "chief", "--scope", "p-26", "--password-stdin"], {
      input: "mat-khau-ai-do\n",
    });
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role");
    expect(remote(["login", "--username", "huyen-cu", "--password-stdin"], { input: "mat-khau-huyen\n", as: "huyen" }).code).toBe(0);
    expect((remote(["units", "--json"], { as: "huyen" }).json() as { id: string }[]).map((u) => u.id)).toEqual([
      "p-26-h01",
      "p-26-x01",
      "p-26-x02",
    ]);
    expect(remote(["login", "--username", "xa-moi", "--password-stdin"], { input: "mat-khau-xa-moi\n", as: "xa" }).code).toBe(0);
    expect((remote(["units", "--json"], { as: "xa" }).json() as { id: string }[]).map((u) => u.id)).toEqual(["p-26-x10", "p-26-x10-t01"]);
    expect(remote(["units", "--root", "p-26-x11"], { as: "xa" }).code).toBe(4);
    expect(remote(["users", "list"], { as: "xa" }).code).toBe(4);
  });

  it("lists, edits, resets a password (ending the user's token) and deactivates", () => {
    expect((remote(["users", "list", "--scope", "p-26-h01", "--json"]).json() as { username: string }[]).map((u) => u.username)).toEqual([
      "huyen-cu",
    ]);
    const edited = remote(["users", "edit", "xa-moi", "--display-name", "Cán bộ Xã Hợp Nhất", "--json"]);
    expect(edited.json()).toMatchObject({ username: "xa-moi", displayName: "Cán bộ Xã Hợp Nhất", scopeUnitId: "p-26-x10" });
    const reset = remote(["users", "reset-password", "xa-moi"]);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/thu hồi 1 mã truy cập\nMật khẩu tạm \(chỉ hiện một lần\): \S{12,}\n$/);
    // The commune officer's saved API token was revoked by the reset.
    expect(remote(["whoami"], { as: "xa" }).code).toBe(4);
    const off = remote(["users", "deactivate", "huyen-cu"]);
    expect(off.code).toBe(0);
    expect(remote(["whoami"], { as: "huyen" }).code).toBe(4);
    expect((remote(["users", "list", "--inactive", "--json"]).json() as { username: string }[]).map((u) => u.username)).toEqual([
      "huyen-cu",
    ]);
  });
});
