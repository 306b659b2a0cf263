import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import JSZip from "jszip";
import { type Harness, type Session, json, loginAll, openHarness } from "../testing/harness.js";
import { auditLog, commendations } from "../db/schema.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

const body = async (res: Response): Promise<any> => res.json();
const audits = async (id: string) =>
  (await h.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, id)))[0]?.n ?? 0;
const auditTotal = async () => (await h.database.db.select({ n: count() }).from(auditLog))[0]!.n;

const movement = {
  unitId: "d-01",
  kind: "movement",
  name: "Chung sức xây dựng nông thôn mới",
  period: { from: "2021-01-01", to: "2025-12-31" },
  participants: [
    { kind: "unit", id: "c-01-01", name: "Xã An Lộc" },
    { kind: "organisation", id: "mttq-d-01", name: "Ủy ban MTTQ huyện An Hòa" },
  ],
  pledges: [{ participantId: "c-01-01", text: "Đạt chuẩn NTM nâng cao năm 2025", dueDate: "2025-12-31" }],
};
const commendation = {
  unitId: "c-01-01",
  form: "bang_khen",
  level: "province",
  issuer: "Chủ tịch UBND tỉnh",
  decision: { number: "123/QĐ-UBND", date: "2025-05-19" },
  subject: { kind: "unit", id: "c-01-01", name: "Xã An Lộc" },
  achievement: "Thành tích xuất sắc trong phong trào Chung sức xây dựng NTM",
};
const discipline = {
  unitId: "c-01-01",
  form: "criticism",
  level: "district",
  issuer: "Ban Thường vụ Huyện ủy",
  decision: { date: "2025-07-01" },
  subject: { kind: "organisation", id: "ubnd-c-01-01", name: "UBND xã An Lộc" },
  reason: "Chậm khắc phục kiến nghị sau kiểm tra",
};
const consultation = {
  communeUnitId: "c-01-01",
  year: 2025,
  date: "2025-03-02",
  matter: "Lấy ý kiến về kết quả tự đánh giá xã đạt chuẩn NTM",
  form: "survey",
  participants: 420,
  satisfaction: { respondents: 400, satisfied: 372 },
};

describe.each([
  ["/v1/emulation-movements", movement, "huyen"],
  ["/v1/commendations", commendation, "xa"],
  ["/v1/disciplines", discipline, "huyen"],
  ["/v1/consultations", consultation, "xa"],
] as const)("records at %s", (path, input, writer) => {
  it("creates (201, audited), replaces with If-Match (200), refuses stale (412) and missing If-Match (428)", async () => {
    const created = await s[writer]!.request(path, json("POST", input));
    const c = await body(created);
    const ok = await s[writer]!.request(`${path}/${c.id}`, json("PUT", input, { "if-match": '"1"' }));
    const stale = await s[writer]!.request(`${path}/${c.id}`, json("PUT", input, { "if-match": '"1"' }));
    const missing = await s[writer]!.request(`${path}/${c.id}`, json("PUT", input));
    expect([created.status, ok.status, ok.headers.get("etag"), stale.status, missing.status, await audits(c.id)]).toEqual([
      201,
      200,
      '"2"',
      412,
      428,
      2,
    ]);
  });
  it("refuses a viewer (403) and a commune officer writing for another commune (403), writing nothing", async () => {
    const before = await auditTotal();
    const other = "communeUnitId" in input ? { ...input, communeUnitId: "c-02-01" } : { ...input, unitId: "c-02-01" };
    const [viewer, outside] = await Promise.all([s.xem!.request(path, json("POST", input)), s.xa!.request(path, json("POST", other))]);
    expect([viewer.status, outside.status, await auditTotal()]).toEqual([403, 403, before]);
  });
  it("lists what it wrote in the writer's scope", async () => {
    const p = await body(await s.tinh!.request(path));
    expect(p.items.length > 0).toBe(true);
  });
});

describe("validation by core", () => {
  it.each([
    [
      "/v1/emulation-movements",
      "$.pledges[0].participantId",
      { ...movement, pledges: [{ participantId: "x-99", text: "Đạt chuẩn" }] },
      "huyen",
    ],
    ["/v1/emulation-movements", "$.period.to", { ...movement, period: { from: "2025-01-01", to: "2024-01-01" } }, "huyen"],
    ["/v1/commendations", "$.formText", { ...commendation, form: "other" }, "xa"],
    ["/v1/commendations", "$.decision.date", { ...commendation, decision: { number: "1/QĐ", date: "2025-02-30" } }, "xa"],
    ["/v1/disciplines", "$.decision.number", { ...discipline, form: "warning" }, "huyen"],
    ["/v1/disciplines", "$.finding.inspectionId", { ...discipline, finding: { inspectionId: "kt-khong-co" } }, "huyen"],
    ["/v1/consultations", "$.satisfaction.satisfied", { ...consultation, satisfaction: { respondents: 400, satisfied: 401 } }, "xa"],
    ["/v1/consultations", "$.date", { ...consultation, date: "2024-12-01" }, "xa"],
  ])("POST %s with a bad field → 422 problem+json naming %s, nothing written", async (path, field, input, who) => {
    const before = await auditTotal();
    const res = await s[who]!.request(path, json("POST", input));
    const p = await body(res);
    expect([
      res.status,
      res.headers.get("content-type")?.startsWith("application/problem+json"),
      p.errors.map((e: { path: string }) => e.path),
      await auditTotal(),
    ]).toEqual([422, true, expect.arrayContaining([field]), before]);
  });
});

describe("discipline linked to an inspection finding", () => {
  it("accepts a finding of a stored inspection record and refuses one out of range", async () => {
    const insp = (await body(await s.tinh!.request("/v1/inspections"))).items.find(
      (i: { data: { findings: string[] } }) => i.data.findings.length > 0,
    );
    const good = await s.huyen!.request(
      "/v1/disciplines",
      json("POST", { ...discipline, finding: { inspectionId: insp.id, findingIndex: 0 } }),
    );
    const bad = await s.huyen!.request(
      "/v1/disciplines",
      json("POST", { ...discipline, finding: { inspectionId: insp.id, findingIndex: insp.data.findings.length } }),
    );
    const p = await body(bad);
    expect([good.status, bad.status, p.errors.map((e: { path: string; code: string }) => [e.path, e.code])]).toEqual([
      201,
      422,
      [["$.finding.findingIndex", "emulation.finding_out_of_range"]],
    ]);
  });
});

describe("summaries per subject (input of the ranking)", () => {
  it("gives each subject's commendations in the year with a readable reason", async () => {
    await s.xa!.request("/v1/commendations", json("POST", { ...commendation, decision: { number: "7/QĐ-UBND", date: "2024-03-01" } }));
    const p = await body(await s.huyen!.request("/v1/commendations?year=2025&subjectKind=unit"));
    const mine = p.summary.subjects.find((x: { subject: { id: string } }) => x.subject.id === "c-01-01");
    expect([
      p.items.every((i: { data: { decision: { date: string } } }) => i.data.decision.date.startsWith("2025")),
      mine.reasons[0].vi,
      p.summary.byForm.bang_khen >= 1,
    ]).toEqual([
      true,
      "Xã An Lộc: Bằng khen của Chủ tịch UBND tỉnh (số 123/QĐ-UBND, 19/05/2025) — Thành tích xuất sắc trong phong trào Chung sức xây dựng NTM",
      true,
    ]);
    const rows = await h.database.db.select().from(commendations).where(eq(commendations.year, 2024));
    expect(rows.length).toBe(1);
  });
});

describe("consultations backing a dossier's satisfaction figure", () => {
  it("lists the consultations that reference the dossier and compares their share with the recorded one, with no threshold applied", async () => {
    const d = (await body(await s.huyen!.request("/v1/dossiers"))).items.find((x: { unitId: string }) => x.unitId.startsWith("c-01"));
    const none = await body(await s.huyen!.request(`/v1/dossiers/${d.id}/consultations`));
    const created = await s.huyen!.request(
      "/v1/consultations",
      json("POST", { ...consultation, communeUnitId: d.unitId, year: 2025, dossierId: d.id }),
    );
    const after = await body(await s.huyen!.request(`/v1/dossiers/${d.id}/consultations`));
    const filtered = await body(await s.huyen!.request(`/v1/consultations?dossierId=${d.id}`));
    expect([
      none.consultations.length,
      created.status,
      after.consultations.length,
      after.surveyedPercent,
      after.status === (d.satisfactionPercent === 93 ? "backed" : d.satisfactionPercent === null ? "not_surveyed" : "differs"),
      filtered.items.length,
      filtered.summary.communes[0].satisfactionPercent,
    ]).toEqual([0, 201, 1, 93, true, 1, 93]);
  });
  it("answers an unknown dossier with 404", async () => {
    expect((await s.huyen!.request("/v1/dossiers/khong-co/consultations")).status).toBe(404);
  });
});

const docxText = async (res: Response) =>
  (await (await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()))).file("word/document.xml")!.async("string")).replace(
    /<[^>]+>/g,
    "",
  );

describe("report narratives", () => {
  const text = {
    shortcomings: ["Tiến độ giải ngân vốn đầu tư công còn chậm ở 3 xã."],
    causes: ["Công tác giải phóng mặt bằng gặp khó khăn."],
    directions: ["Tập trung hoàn thành tiêu chí thu nhập trong quý III."],
    recommendations: ["Đề nghị tỉnh bố trí vốn đối ứng kịp thời."],
  };
  it("starts empty (version 0), is created, then updated with If-Match; stale 412, missing 428; audited", async () => {
    const empty = await s.huyen!.request("/v1/report-narratives?period=2025S1");
    const e = await body(empty);
    const created = await s.huyen!.request("/v1/report-narratives?period=2025S1", json("PUT", text));
    const c = await body(created);
    const updated = await s.huyen!.request(
      "/v1/report-narratives?period=2025S1",
      json("PUT", { ...text, recommendations: [...text.recommendations, "Đề nghị tập huấn cán bộ xã."] }, { "if-match": '"1"' }),
    );
    const stale = await s.huyen!.request("/v1/report-narratives?period=2025S1", json("PUT", text, { "if-match": '"1"' }));
    const missing = await s.huyen!.request("/v1/report-narratives?period=2025S1", json("PUT", text));
    const back = await body(await s.huyen!.request("/v1/report-narratives?period=2025S1&unitId=d-01"));
    expect([e.version, e.data.shortcomings, created.status, c.version, updated.status, stale.status, missing.status]).toEqual([
      0,
      [],
      200,
      1,
      200,
      412,
      428,
    ]);
    expect([back.version, back.data.recommendations.length, back.updatedBy, await audits("narrative-d-01-2025S1")]).toEqual([
      2,
      2,
      "huyen",
      2,
    ]);
  });
  it("prints the stored text in the progress report DOCX", async () => {
    const t = await docxText(await s.huyen!.request("/v1/reports/progress.docx?period=2025S1&format=party"));
    expect([
      t.includes("Tiến độ giải ngân vốn đầu tư công còn chậm ở 3 xã."),
      t.includes("Công tác giải phóng mặt bằng gặp khó khăn."),
      t.includes("Tập trung hoàn thành tiêu chí thu nhập trong quý III."),
      t.includes("Đề nghị tập huấn cán bộ xã."),
      t.includes("Chưa có nội dung"),
    ]).toEqual([true, true, true, true, false]);
  });
  it("keeps another period's report on its placeholders", async () => {
    const t = await docxText(await s.huyen!.request("/v1/reports/progress.docx?period=2025&format=state"));
    expect([t.includes("Tiến độ giải ngân vốn đầu tư công còn chậm"), t.includes("Chưa có nội dung")]).toEqual([false, true]);
  });
  it("refuses a bad period and an empty paragraph with 422 naming the field, a commune officer on the district (403), a viewer (403)", async () => {
    const before = await auditTotal();
    const badPeriod = await s.huyen!.request("/v1/report-narratives?period=2025H1", json("PUT", text));
    const blank = await s.huyen!.request("/v1/report-narratives?period=2025Q3", json("PUT", { ...text, causes: ["  "] }));
    const xa = await s.xa!.request("/v1/report-narratives?period=2025S1&unitId=d-01", json("PUT", text));
    const xem = await s.xem!.request("/v1/report-narratives?period=2025Q3", json("PUT", text));
    const paths = async (r: Response) => (await body(r)).errors.map((e: { path: string }) => e.path);
    expect([badPeriod.status, await paths(badPeriod), blank.status, await paths(blank), xa.status, xem.status, await auditTotal()]).toEqual(
      [422, ["$.query.period"], 422, ["$.causes[0]"], 403, 403, before],
    );
  });
});

describe("commendation and discipline files", () => {
  const csv = (text: string): RequestInit => ({ method: "POST", headers: { "content-type": "text/csv" }, body: text });
  const header = "unit_id,form,level,issuer,decision_number,decision_date,subject_kind,subject_id,subject_name,achievement";
  it("imports a CSV of commendations in one go, audited, and exports them again (CSV and XLSX)", async () => {
    const file = [
      header,
      "c-01-02,Giấy khen,district,Chủ tịch UBND huyện,88/QĐ-UBND,02/09/2025,unit,c-01-02,Xã An Phú,Hoàn thành tiêu chí môi trường",
      "c-01-02,bang_khen,province,Chủ tịch UBND tỉnh,89/QĐ-UBND,03/09/2025,person,nv-b,Trần Văn B,Vận động hiến đất làm đường",
    ].join("\n");
    const res = await s.huyen!.request("/v1/commendations/import", csv(file));
    const out = await body(res);
    expect([res.status, out.imported, await audits(out.ids[0]), await audits(out.ids[1])]).toEqual([200, 2, 1, 1]);
    const exported = await s.huyen!.request("/v1/commendations/export?unitId=c-01-02&year=2025");
    const text = await exported.text();
    expect([
      exported.status,
      text.split("\n")[0]?.trim(),
      text.includes("02/09/2025"),
      text.includes("Vận động hiến đất làm đường"),
    ]).toEqual([200, header.replace("form,", "form,form_text,"), true, true]);
    const xlsx = await s.huyen!.request("/v1/commendations/export?format=xlsx&unitId=c-01-02");
    expect([xlsx.status, xlsx.headers.get("content-type"), new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([
      200,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      new Uint8Array([0x50, 0x4b]),
    ]);
  });
  it("refuses a file with bad rows naming row and column, and writes none of its rows", async () => {
    const before = await auditTotal();
    const file = [
      header,
      "c-01-01,bang_khen,province,Chủ tịch UBND tỉnh,90/QĐ-UBND,04/09/2025,unit,c-01-01,Xã An Lộc,Tốt",
      "c-01-01,huan_chuong,province,Chủ tịch UBND tỉnh,91/QĐ-UBND,31/02/2025,unit,c-01-01,Xã An Lộc,Tốt",
      "c-02-01,bang_khen,province,Chủ tịch UBND tỉnh,92/QĐ-UBND,04/09/2025,unit,c-02-01,Xã ngoài huyện,Tốt",
    ].join("\n");
    const res = await s.huyen!.request("/v1/commendations/import", csv(file));
    const p = await body(res);
    expect([res.status, p.errors.map((e: { row: number; column: string }) => [e.row, e.column]), await auditTotal()]).toEqual([
      422,
      [
        [3, "decision_date"],
        [3, "form"],
        [4, "unit_id"],
      ],
      before,
    ]);
  });
  it("checks a discipline file's inspection findings", async () => {
    const file = [
      "unit_id,form,level,issuer,decision_date,subject_name,reason,inspection_id,finding_no",
      "c-01-01,Phê bình,district,Ban Thường vụ Huyện ủy,05/09/2025,UBND xã An Lộc,Chậm khắc phục,kt-khong-co,1",
    ].join("\n");
    const res = await s.huyen!.request("/v1/disciplines/import", csv(file));
    const p = await body(res);
    expect([res.status, p.errors.map((e: { row: number; column: string }) => [e.row, e.column])]).toEqual([422, [[2, "inspection_id"]]]);
  });
});
