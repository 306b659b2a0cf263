import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordFileTemplate } from "@ntm/core";
import { hashPassword } from "../auth/crypto.js";
import { auditLog, contributions, housing, inspections, ocopProducts, units, users } from "../db/schema.js";
import { type Harness, type Session, json, login, loginAll, openHarness } from "../testing/harness.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const body = async (res: Response): Promise<any> => res.json();
const post = (data: ArrayBuffer | string, type: string): RequestInit => ({ method: "POST", headers: { "content-type": type }, body: data });
const TABLES = { ocop: ocopProducts, resources: contributions, housing, inspections } as const;
const LISTS = { ocop: "ocop-products", resources: "contributions", housing: "housing", inspections: "inspections" } as const;
const WRITER = { ocop: "huyen", resources: "huyen", housing: "huyen", inspections: "thanhtra" } as const;
const KINDS = ["ocop", "resources", "housing", "inspections"] as const;

/** The first sheet of a downloaded workbook as header and rows of cell values (null for an empty cell). */
async function sheet(file: ArrayBuffer): Promise<{ header: unknown[]; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file);
  const ws = wb.worksheets[0]!;
  const width = ws.getRow(1).cellCount;
  const values = (n: number) => Array.from({ length: width }, (_, i) => ws.getRow(n).getCell(i + 1).value ?? null);
  return { header: values(1), rows: Array.from({ length: ws.rowCount - 1 }, (_, i) => values(i + 2)) };
}
const totals = async () => ({
  audit: (await h.database.db.select({ n: count() }).from(auditLog))[0]!.n,
  ...Object.fromEntries(
    await Promise.all(KINDS.map(async (k) => [k, (await h.database.db.select({ n: count() }).from(TABLES[k]))[0]!.n] as const)),
  ),
});

describe.each(KINDS)("GET /v1/%s/export", (kind) => {
  it("exports the listed records in the template's columns, and the file imports back (dry run) with no problem and no change", async () => {
    const who = s[WRITER[kind]]!;
    const res = await who.request(`/v1/${kind}/export?unitId=d-01`);
    const file = await res.arrayBuffer();
    const read = await sheet(file);
    const list = await body(await who.request(`/v1/${LISTS[kind]}?unitId=d-01`));
    // one row per record (an inspection's recommendations are the lines of its row)
    const expectedRows = list.items.length;
    expect([res.status, res.headers.get("content-type"), read.header, read.rows.length]).toEqual([
      200,
      XLSX,
      recordFileTemplate(kind).header,
      expectedRows,
    ]);
    expect(read.rows.length).toBeGreaterThan(0);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="[^"]+ - Huyen An Hoa - \d\d-\d\d-\d{4}\.xlsx"; filename\*=UTF-8''/,
    );

    const before = await totals();
    const back = await who.request(`/v1/${kind}/import?dryRun=1`, post(file, XLSX));
    expect([back.status, await body(back)]).toEqual([200, { kind, dryRun: true, rows: expectedRows, imported: 0, ids: [] }]);
    expect(await totals()).toEqual(before);
  });
});

describe("record exports", () => {
  it("writes a known house's cells: Vietnamese status, whole đồng as a number, dd/mm/yyyy, the commune's name", async () => {
    const created = await s.xa!.request(
      "/v1/housing",
      json("POST", {
        communeUnitId: "c-01-01",
        household: "Hộ ông Xuất Tệp",
        status: "completed",
        supportAmount: "60000000",
        completedOn: "2025-08-15",
      }),
    );
    expect(created.status).toBe(201);
    const name = (await h.database.db.select({ id: units.id, name: units.name }).from(units)).find((u) => u.id === "c-01-01")!.name;
    const read = await sheet(await (await s.xa!.request("/v1/housing/export")).arrayBuffer());
    expect(read.rows.filter((r) => r[2] === "Hộ ông Xuất Tệp")).toEqual([
      ["c-01-01", null, "Hộ ông Xuất Tệp", "Đã hoàn thành", 60000000, "15/08/2025", name],
    ]);
  });

  it("gives a commune officer only their commune's records, and refuses another commune", async () => {
    const mine = await sheet(await (await s.xa!.request("/v1/ocop/export")).arrayBuffer());
    const district = await sheet(await (await s.huyen!.request("/v1/ocop/export")).arrayBuffer());
    const communesOf = (rows: unknown[][]) => [...new Set(rows.map((r) => r[3]))].sort();
    expect(communesOf(mine.rows)).toEqual(["c-01-01"]);
    expect(communesOf(district.rows).length).toBeGreaterThan(1);
    expect((await s.xa!.request("/v1/ocop/export?unitId=c-01-02")).status).toBe(403);
  });

  it("applies the list's filters", async () => {
    const all = await sheet(await (await s.thanhtra!.request("/v1/inspections/export")).arrayBuffer());
    const some = await sheet(await (await s.thanhtra!.request("/v1/inspections/export?kind=supervision")).arrayBuffer());
    expect(new Set(some.rows.map((r) => r[1]))).toEqual(new Set(["Giám sát"]));
    expect(all.rows.length).toBeGreaterThan(some.rows.length);
  });

  it("writes Vietnamese-Excel CSV (BOM, ; between cells, decimal commas) that imports back clean", async () => {
    const created = await s.xa!.request(
      "/v1/ocop-products",
      json("POST", {
        name: "Mật ong xuất CSV",
        subject: { name: "HTX Thử; Nghiệm", kind: "cooperative" },
        communeUnitId: "c-01-01",
        group: "food",
        score: 72.5,
        stars: 4,
        status: "rated",
      }),
    );
    expect(created.status).toBe(201);
    const res = await s.xa!.request("/v1/ocop/export?format=csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const lines = text.split("\r\n");
    expect([res.status, res.headers.get("content-type"), [...bytes.slice(0, 3)], lines[0]?.split(";")[0]]).toEqual([
      200,
      "text/csv; charset=utf-8",
      [0xef, 0xbb, 0xbf],
      "Tên sản phẩm *",
    ]);
    expect(lines.find((l) => l.startsWith("Mật ong xuất CSV;"))).toMatch(
      /^Mật ong xuất CSV;"HTX Thử; Nghiệm";Hợp tác xã;c-01-01;Thực phẩm;72,5;4;;;;/,
    );
    expect(res.headers.get("content-disposition")).toMatch(/\.csv"; filename\*=UTF-8''S%E1%BA%A3n%20ph%E1%BA%A9m%20OCOP%20-%20/);
    const back = await s.xa!.request("/v1/ocop/import?dryRun=1", post(text, "text/csv"));
    expect([back.status, (await body(back)).rows]).toEqual([200, lines.length - 2]);
  });
});

describe("on an empty system (no demo data)", () => {
  let empty: Harness;
  afterAll(async () => {
    await empty?.close();
  });

  it("exports the header row only", async () => {
    empty = await openHarness({ seed: false });
    const password = `pw-${randomUUID()}`;
    await empty.database.db.insert(users).values({
      id: randomUUID(),
      username: "root",
      displayName: "Quản trị",
      passwordHash: await hashPassword(password),
      role: "admin",
      scopeUnitId: "*",
    });
    const admin = await login(empty, "root", password);
    expect(
      (await admin.request("/v1/units", json("POST", { id: "p-x", level: "province", name: "Tỉnh Thử", region: "DBSH" }))).status,
    ).toBe(201);
    for (const kind of KINDS) {
      const res = await admin.request(`/v1/${kind}/export?unitId=p-x`);
      expect([kind, res.status, await sheet(await res.arrayBuffer())]).toEqual([
        kind,
        200,
        { header: recordFileTemplate(kind).header, rows: [] },
      ]);
    }
  });
});
