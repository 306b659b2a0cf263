import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { count, eq } from "drizzle-orm";
import { createApp } from "../app.js";
import { type Harness, type Session, json, login, loginAll, openHarness } from "../testing/harness.js";
import { auditLog, dossierAttachments } from "../db/schema.js";
import { attachmentLimitsFromEnv, detectAttachmentType } from "../services/attachments.js";

let h: Harness;
let s: Record<string, Session>;
let own: string; // xa's own dossier (c-01-01)
let other: string; // a dossier of another district (c-02-01)

const body = async (res: Response): Promise<any> => res.json();
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const pdf = (extra = 512) => new Uint8Array(Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(extra), Buffer.from("\n%%EOF\n")]));
const png = () =>
  new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]),
  );
const docx = async () => {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Tờ trình</w:t></w:r></w:p></w:body></w:document>");
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
};
const upload = (who: Session, id: string, bytes: Uint8Array, name: string, headers: Record<string, string> = {}) =>
  who.request(`/v1/dossiers/${id}/attachments?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream", ...headers },
    body: bytes,
  });
const counts = async () => {
  const db = h.database.db;
  const files = (await db.select({ n: count() }).from(dossierAttachments))[0]!.n;
  const audits = (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "dossier.attach")))[0]!.n;
  return { files, audits };
};

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
  own = (await body(await s.xa!.request("/v1/dossiers?unitId=c-01-01"))).items[0].id;
  other = (await body(await s.tinh!.request("/v1/dossiers?unitId=c-02-01"))).items[0].id;
});
afterAll(async () => {
  await h?.close();
});

describe("attaching a document to a dossier", () => {
  it("stores a PDF with its SHA-256 and gives it back byte for byte", async () => {
    const file = pdf(4096);
    const res = await upload(s.xa!, own, file, "Tờ trình đề nghị.pdf");
    const meta = await body(res);
    expect([res.status, meta.name, meta.mediaType, meta.size, meta.sha256, meta.createdBy]).toEqual([
      201,
      "Tờ trình đề nghị.pdf",
      "application/pdf",
      file.length,
      sha(file),
      "xa",
    ]);
    const dl = await s.xa!.request(`/v1/dossiers/${own}/attachments/${meta.id}`);
    const back = new Uint8Array(await dl.arrayBuffer());
    expect([
      dl.status,
      dl.headers.get("content-type"),
      dl.headers.get("x-content-sha256"),
      Buffer.compare(Buffer.from(back), Buffer.from(file)),
    ]).toEqual([200, "application/pdf", sha(file), 0]);
    expect(dl.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("Tờ trình đề nghị.pdf")}`);
  });

  it("accepts PNG (every byte value 0–255 kept) and a real DOCX, detected from their bytes, and lists them", async () => {
    const image = png();
    const word = await docx();
    const a = await body(await upload(s.xa!, own, image, "anh.png"));
    const b = await body(await upload(s.tinh!, own, word, "bien-ban.docx", { "content-type": "application/octet-stream" }));
    expect([a.mediaType, b.mediaType, b.createdBy]).toEqual([
      "image/png",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "tinh",
    ]);
    const back = new Uint8Array(await (await s.xem!.request(`/v1/dossiers/${own}/attachments/${a.id}`)).arrayBuffer());
    expect(Buffer.from(back).equals(Buffer.from(image))).toBe(true);
    const listed = (await body(await s.xa!.request(`/v1/dossiers/${own}/attachments`))).items;
    expect(listed.map((x: { name: string }) => x.name)).toEqual(["Tờ trình đề nghị.pdf", "anh.png", "bien-ban.docx"]);
    expect(listed.every((x: { content?: unknown }) => x.content === undefined)).toBe(true);
  });

  it("audits the attachment with its checksum", async () => {
    const file = pdf(10);
    const meta = await body(await upload(s.xa!, own, file, "audit.pdf"));
    const entry = (await h.database.db.select().from(auditLog).where(eq(auditLog.entityId, meta.id)))[0]!;
    expect([entry.action, entry.actorName, (entry.after as { sha256: string }).sha256]).toEqual(["dossier.attach", "xa", sha(file)]);
  });
});

describe("refusing a document writes nothing", () => {
  it("refuses text, an old .doc-like file, an empty body and a bad name with 422 naming the field", async () => {
    const before = await counts();
    const text = await upload(s.xa!, own, new TextEncoder().encode("hello, not a pdf"), "a.pdf");
    const ole = await upload(s.xa!, own, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), "cu.doc");
    const empty = await upload(s.xa!, own, new Uint8Array(), "rong.pdf");
    const badName = await upload(s.xa!, own, pdf(), "../etc/passwd");
    const problems = await Promise.all([text, ole, empty, badName].map(body));
    expect([text.status, ole.status, empty.status, badName.status]).toEqual([422, 422, 422, 422]);
    expect(problems.map((p) => p.errors[0].path)).toEqual(["body", "body", "body", "$.query.name"]);
    expect(problems[0].detail).toContain("Chỉ nhận tệp PDF, PNG, JPEG, DOCX");
    expect(await counts()).toEqual(before);
  });

  it("refuses a file over the configured size (413) and a type the installation does not accept (422)", async () => {
    const small = createApp({ db: h.database.db, trustProxy: 1, attachmentLimits: { maxBytes: 1000, types: ["pdf"] } });
    const xa = await login({ ...h, app: small }, "xa");
    const before = await counts();
    const big = await upload(xa, own, pdf(2000), "lon.pdf");
    const image = await upload(xa, own, png(), "anh.png");
    const fits = await upload(xa, own, pdf(100), "vua.pdf");
    expect([big.status, (await body(big)).detail, image.status, (await body(image)).errors[0].code, fits.status]).toEqual([
      413,
      expect.stringContaining("NTM_ATTACHMENT_MAX_BYTES"),
      422,
      "attachment.type_not_allowed",
      201,
    ]);
    expect(await counts()).toEqual({ files: before.files + 1, audits: before.audits + 1 });
  });

  it("keeps people to their scope and role, and checks If-Match against the dossier's version", async () => {
    const before = await counts();
    const outOfScope = await upload(s.xa!, other, pdf(), "x.pdf");
    const viewer = await upload(s.xem!, own, pdf(), "x.pdf");
    const stale = await upload(s.xa!, own, pdf(), "x.pdf", { "if-match": '"999"' });
    const missing = await upload(s.xa!, "hs-khong-co", pdf(), "x.pdf");
    expect([outOfScope.status, viewer.status, stale.status, missing.status]).toEqual([403, 403, 412, 404]);
    expect(await counts()).toEqual(before);
    const first = (await body(await s.xa!.request(`/v1/dossiers/${own}/attachments`))).items[0].id;
    const [readOther, wrongDossier] = await Promise.all([
      s.xa!.request(`/v1/dossiers/${other}/attachments`),
      s.tinh!.request(`/v1/dossiers/${other}/attachments/${first}`),
    ]);
    expect([readOther.status, wrongDossier.status]).toEqual([403, 404]);
  });
});

describe("who did each step", () => {
  it("names the users in a dossier's history, and keeps the names to readers of the dossier", async () => {
    const d = await body(await s.xa!.request(`/v1/dossiers/${own}`));
    const patched = await s.xa!.request(
      `/v1/dossiers/${own}`,
      json("PATCH", { documents: ["self_assessment_report"] }, { "if-match": `"${d.version}"` }),
    );
    const step = await s.xa!.request(`/v1/dossiers/${own}/transitions`, json("POST", { action: "self_assess" }));
    const stepBody = await body(step);
    expect([patched.status, step.status, stepBody.detail]).toEqual([200, 200, undefined]);
    const res = await s.tinh!.request(`/v1/dossiers/${own}/actors`);
    expect([
      res.status,
      (await body(res)).items.map((u: { username: string; displayName: string }) => [u.username, u.displayName]),
    ]).toEqual([200, [["xa", "Cán bộ NTM Xã An Lộc"]]]);
    expect((await s.xa!.request(`/v1/dossiers/${other}/actors`)).status).toBe(403);
  });
});

describe("attachment limits and type detection", () => {
  it("reads the limits from the environment and refuses nonsense", () => {
    expect(attachmentLimitsFromEnv({ NTM_ATTACHMENT_MAX_BYTES: "2048", NTM_ATTACHMENT_TYPES: "pdf, DOCX" })).toEqual({
      maxBytes: 2048,
      types: ["pdf", "docx"],
    });
    expect(attachmentLimitsFromEnv({}).maxBytes).toBe(10 * 1024 * 1024);
    expect(() => attachmentLimitsFromEnv({ NTM_ATTACHMENT_MAX_BYTES: "0" })).toThrow(/NTM_ATTACHMENT_MAX_BYTES/);
    expect(() => attachmentLimitsFromEnv({ NTM_ATTACHMENT_TYPES: "pdf,exe" })).toThrow(/exe/);
  });

  it("detects a type from the bytes, not the name: a ZIP without word/document.xml is not a DOCX", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    const xlsx = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    expect([
      detectAttachmentType(xlsx),
      detectAttachmentType(await docx()),
      detectAttachmentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])),
    ]).toEqual([null, "docx", "jpeg"]);
  });
});
