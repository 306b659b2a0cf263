import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, like } from "drizzle-orm";
import { type Harness, type Session, json, login, openHarness } from "../testing/harness.js";
import { auditLog, units } from "../db/schema.js";
import { issueSetupToken } from "../setup.js";

let h: Harness;
let admin: Session;

beforeAll(async () => {
  // A real first run: empty database, setup, then the tree from the template.
  h = await openHarness({ seed: false });
  const token = await issueSetupToken(h.database.db, new Date());
  const res = await h.app.request(
    "/v1/setup",
    json("POST", {
      token,
      username: "quantri",
      password: "mat-khau-dai",
      displayName: "Quản trị",
      province: { id: "p-26", name: "Tỉnh Vĩnh Phúc" },
    }),
  );
  if (res.status !== 201) throw new Error(`setup: ${res.status} ${await res.text()}`);
  admin = await login(h, "quantri", "mat-khau-dai");
});
afterAll(async () => {
  await h?.close();
});

type Report = { dryRun: boolean; rows: number; created: string[]; updated: { id: string; fields: string[] }[]; unchanged: string[] };
type Problem = { status: number; errors?: { path: string; row?: number; column?: string; message: string }[] };
const importCsv = (who: Session, csv: string, query = "") =>
  who.request(`/v1/units/import${query}`, { method: "POST", headers: { "content-type": "text/csv" }, body: csv });
const allUnits = () => h.database.db.select().from(units).orderBy(asc(units.id));
let templateCsv = "";

describe("GET /v1/units/template", () => {
  it("fills the template under the caller's province, with notes, a historical district and a merged commune", async () => {
    const res = await admin.request("/v1/units/template?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("mau-don-vi.csv");
    templateCsv = await res.text();
    const lines = templateCsv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe("code,name,level,parent_code,region,commune_group,flags,effective_from,ended_on,merged_from");
    expect(lines.filter((l) => l.startsWith("#") || l.startsWith('"#'))).toHaveLength(4);
    expect(lines).toContain("p-26,Tỉnh Vĩnh Phúc,tỉnh,,,,,,,");
    expect(lines).toContain('p-26-x10,Xã Hợp Nhất (ví dụ),xã,p-26,,,merged2025,01/07/2025,,"p-26-x01;p-26-x02"');
  });
});

describe("POST /v1/units/import", () => {
  it("refuses a file with bad rows (422 naming row and column, in Vietnamese) and writes nothing", async () => {
    const before = await allUnits();
    const bad = [
      "code,name,level,parent_code,region,commune_group,flags,effective_from,ended_on,merged_from",
      "p-26-x1,Xã Một,xã,p-26,,4,,,,",
      "p-26-h9,Huyện Chín,huyện,p-26,,,,,,",
      "p-26-t1,Thôn Lạc,thôn,p-26,,,,,,",
      "p-26-x1,Xã Trùng,xã,p-26,,,,,,",
      "P 26,Xã Sai Mã,xã,p-26,,,,31/02/2025,,",
      "p-26-x2,Xã Hai,xã,nowhere,,,,,,p-26-zz",
    ].join("\n");
    const res = await importCsv(admin, bad);
    expect(res.status).toBe(422);
    const p = (await res.json()) as Problem;
    expect(p.errors!.map((e) => e.path)).toEqual([
      "row 2, column F", // commune group 4
      "row 3, column I", // a district without the date it ended
      "row 4, column D", // a hamlet under a province (core's placement rule)
      "row 5, column A", // code given twice
      "row 6, column A", // bad code
      "row 6, column H", // 31/02 is no date
      "row 7, column D", // unknown parent
    ]);
    expect(p.errors![2]!.message).toContain("thôn chỉ đặt dưới xã");
    expect(p.errors![1]!.message).toContain("01/7/2025");
    expect(await allUnits()).toEqual(before);
  });

  it("imports the template: creates every unit with its history, parents first, audited; dryRun writes nothing", async () => {
    const dry = await importCsv(admin, templateCsv, "?dryRun=true");
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as Report).created).toHaveLength(7);
    expect(await allUnits()).toHaveLength(1);
    const res = await importCsv(admin, templateCsv);
    expect(res.status).toBe(200);
    const r = (await res.json()) as Report;
    expect(r).toEqual({
      dryRun: false,
      rows: 8,
      created: ["p-26-h01", "p-26-x10", "p-26-x11", "p-26-x01", "p-26-x02", "p-26-x10-t01", "p-26-x11-t01"],
      updated: [],
      unchanged: ["p-26"],
    });
    const merged = (await h.database.db.select().from(units).where(eq(units.id, "p-26-x10")))[0]!;
    expect(merged).toMatchObject({
      parentId: "p-26",
      level: "commune",
      path: "/p-26/p-26-x10/",
      mergedFrom: ["p-26-x01", "p-26-x02"],
      effectiveFrom: "2025-07-01",
      endedOn: null,
      flags: ["merged2025"],
    });
    const district = (await h.database.db.select().from(units).where(eq(units.id, "p-26-h01")))[0]!;
    expect(district.endedOn).toBe("2025-06-30");
    expect((await h.database.db.select().from(units).where(eq(units.id, "p-26-x11-t01")))[0]!.path).toBe("/p-26/p-26-x11/p-26-x11-t01/");
    const audit = await h.database.db.select().from(auditLog).where(like(auditLog.action, "unit%.import%")).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual([...Array(7).fill("unit.import.create"), "units.import"]);
    // The API shows the history fields.
    const got = await admin.request("/v1/units/p-26-x10");
    expect(((await got.json()) as { unit: { mergedFrom: string[] } }).unit.mergedFrom).toEqual(["p-26-x01", "p-26-x02"]);
  });

  it("re-imports by code: reports unchanged rows, and updates and moves what changed (version bumped, subtree re-pathed)", async () => {
    const same = (await (await importCsv(admin, templateCsv)).json()) as Report;
    expect(same.created).toEqual([]);
    expect(same.updated).toEqual([]);
    expect(same.unchanged).toHaveLength(8);
    const changed = templateCsv
      .replace("Xã Hai (ví dụ),xã,p-26,", "Xã Hai Mới,xã,p-26,DBSH")
      .replace("p-26-x11-t01,Thôn Đông (ví dụ),thôn,p-26-x11", "p-26-x11-t01,Thôn Đông (ví dụ),thôn,p-26-x10");
    const v = (await h.database.db.select().from(units).where(eq(units.id, "p-26-x11")))[0]!.version;
    const r = (await (await importCsv(admin, changed)).json()) as Report;
    expect(r.updated).toEqual([
      { id: "p-26-x11", fields: ["name", "region"] },
      { id: "p-26-x11-t01", fields: ["parentId"] },
    ]);
    expect(r.unchanged).toHaveLength(6);
    const x11 = (await h.database.db.select().from(units).where(eq(units.id, "p-26-x11")))[0]!;
    expect(x11).toMatchObject({ name: "Xã Hai Mới", region: "DBSH", version: v + 1 });
    expect((await h.database.db.select().from(units).where(eq(units.id, "p-26-x11-t01")))[0]!.path).toBe("/p-26/p-26-x10/p-26-x11-t01/");
  });

  it("refuses a level change of an existing code and an XLSX template round trip reports no change", async () => {
    const res = await importCsv(admin, templateCsv.replace("p-26-x11,Xã Hai (ví dụ),xã", "p-26-x11,Xã Hai (ví dụ),thôn"));
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors!.map((e) => e.path)).toContain("row 12, column C");
    const xlsx = await (await admin.request("/v1/units/template?format=xlsx")).arrayBuffer();
    const r = await admin.request("/v1/units/import?dryRun=true", {
      method: "POST",
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: xlsx,
    });
    expect(r.status).toBe(200);
    const report = (await r.json()) as Report;
    // The template still names the example units; two of them were changed by the test above.
    expect(report.created).toEqual([]);
    expect(report.updated.map((u) => u.id)).toEqual(["p-26-x11", "p-26-x11-t01"]);
  });

  it("refuses a user without units.manage (403) and writes nothing", async () => {
    const made = await admin.request(
      "/v1/users",
      json("POST", {
        username: "canbo-xa",
        displayName: "Cán bộ xã",
        password: "mat-khau-xa",
        role: "commune_officer",
        scopeUnitId: "p-26-x10",
      }),
    );
    expect(made.status).toBe(201);
    const xa = await login(h, "canbo-xa", "mat-khau-xa");
    const before = await allUnits();
    const res = await importCsv(xa, templateCsv.replace("Thôn Một (ví dụ)", "Thôn Một Đổi"));
    expect(res.status).toBe(403);
    expect(await allUnits()).toEqual(before);
  });
});
