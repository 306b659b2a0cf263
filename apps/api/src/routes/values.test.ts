import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { type Harness, type Session, json, login, openHarness } from "../testing/harness.js";
import { auditLog } from "../db/schema.js";
import { NOTE_MAX_LENGTH, checkNotes, cleanNotes } from "../services/values.js";

let h: Harness;
let xa: Session;
let huyen: Session;

beforeAll(async () => {
  h = await openHarness();
  xa = await login(h, "xa");
  huyen = await login(h, "huyen");
});
afterAll(async () => {
  await h?.close();
});

async function read(s: Session, unit: string, year: number): Promise<{ etag: string; doc: any }> {
  const res = await s.request(`/v1/units/${unit}/values/${year}`);
  return { etag: res.headers.get("etag")!, doc: await res.json() };
}
function put(s: Session, unit: string, year: number, body: unknown, etag: string): Promise<Response> {
  return s.request(`/v1/units/${unit}/values/${year}`, json("PUT", body, { "if-match": etag }));
}

describe("evidence notes on indicator values", () => {
  it("saves notes with the values (trimmed, blank ones dropped) and returns them on GET", async () => {
    const { etag, doc } = await read(xa, "c-01-01", 2025);
    const res = await put(
      xa,
      "c-01-01",
      2025,
      { values: doc.values, inputs: doc.inputs, notes: { "2.1": "  Báo cáo số 12/BC-UBND ngày 05/3/2025 của UBND xã ", "5": "   " } },
      etag,
    );
    const after = await read(xa, "c-01-01", 2025);
    expect([res.status, ((await res.json()) as { notes: unknown }).notes, after.doc.notes, after.doc.values, after.etag]).toEqual([
      200,
      { "2.1": "Báo cáo số 12/BC-UBND ngày 05/3/2025 của UBND xã" },
      { "2.1": "Báo cáo số 12/BC-UBND ngày 05/3/2025 của UBND xã" },
      doc.values,
      `"${doc.version + 1}"`,
    ]);
  });

  it("keeps the saved notes when a PUT omits them, and clears them when it sends an empty map", async () => {
    const first = await read(huyen, "c-01-03", 2025);
    await put(huyen, "c-01-03", 2025, { values: first.doc.values, notes: { "1.1": "Quyết định số 45/QĐ-UBND" } }, first.etag);
    const second = await read(huyen, "c-01-03", 2025);
    await put(huyen, "c-01-03", 2025, { values: second.doc.values }, second.etag);
    const kept = await read(huyen, "c-01-03", 2025);
    await put(huyen, "c-01-03", 2025, { values: kept.doc.values, notes: {} }, kept.etag);
    const cleared = await read(huyen, "c-01-03", 2025);
    expect([kept.doc.notes, cleared.doc.notes]).toEqual([{ "1.1": "Quyết định số 45/QĐ-UBND" }, {}]);
  });

  it("returns an empty notes map for a year with nothing entered", async () => {
    const { doc } = await read(xa, "c-01-01", 2031);
    expect([doc.version, doc.notes]).toEqual([0, {}]);
  });

  it("rejects a note for an unknown indicator and a note that is too long with 422 and their JSON paths, and writes nothing", async () => {
    const { etag, doc } = await read(huyen, "c-01-07", 2025);
    const res = await put(
      huyen,
      "c-01-07",
      2025,
      { values: doc.values, notes: { "99.9": "BC 1", "2.1": "x".repeat(NOTE_MAX_LENGTH + 1), "1.1": "x".repeat(NOTE_MAX_LENGTH) } },
      etag,
    );
    const p = (await res.json()) as { errors: { path: string; code: string }[] };
    const after = await read(huyen, "c-01-07", 2025);
    expect([res.status, p.errors.map((e: { path: string; code: string }) => [e.path, e.code]).sort(), after.etag, after.doc.notes]).toEqual(
      [
        422,
        [
          ['$.notes["2.1"]', "values.note_too_long"],
          ['$.notes["99.9"]', "values.unknown_indicator"],
        ],
        etag,
        doc.notes,
      ],
    );
  });

  it("rejects a note that is not a string with 422 naming its JSON path", async () => {
    const { etag, doc } = await read(huyen, "c-01-07", 2025);
    const res = await put(huyen, "c-01-07", 2025, { values: doc.values, notes: { "2.1": 12 } }, etag);
    const p = (await res.json()) as { errors: { path: string; code: string }[] };
    expect([res.status, p.errors.map((e: { path: string }) => e.path)]).toEqual([422, ['$.notes["2.1"]']]);
  });

  it("refuses stale notes with 412 and keeps the other person's notes", async () => {
    const { etag, doc } = await read(huyen, "c-01-06", 2025);
    const first = await put(huyen, "c-01-06", 2025, { values: doc.values, notes: { "5": "Điều tra hộ tháng 3/2025" } }, etag);
    const stale = await put(huyen, "c-01-06", 2025, { values: doc.values, notes: { "5": "Ghi đè" } }, etag);
    const now = await read(huyen, "c-01-06", 2025);
    expect([first.status, stale.status, ((await stale.json()) as { kind: string }).kind, now.doc.notes, now.etag]).toEqual([
      200,
      412,
      "precondition_failed",
      { "5": "Điều tra hộ tháng 3/2025" },
      first.headers.get("etag"),
    ]);
  });

  it("records notes before and after in the audit log and lists changed notes in the history", async () => {
    const { etag, doc } = await read(huyen, "c-01-08", 2025);
    await put(huyen, "c-01-08", 2025, { values: doc.values, notes: { "2.1": "BC 1" } }, etag);
    const mid = await read(huyen, "c-01-08", 2025);
    await put(huyen, "c-01-08", 2025, { values: doc.values, notes: { "2.1": "BC 2", "1.1": "QĐ 3" } }, mid.etag);
    const [entry] = await h.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, "c-01-08/2025"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    const hist = (await (await huyen.request("/v1/units/c-01-08/values/2025/history")).json()) as {
      items: { changed: { key: string }[] }[];
    };
    const noteChanges = hist.items[0]!.changed.filter((ch: { key: string }) => ch.key.startsWith("note:"));
    expect([entry?.action, (entry?.before as any)?.notes, (entry?.after as any)?.notes, noteChanges]).toEqual([
      "values.update",
      { "2.1": "BC 1" },
      { "2.1": "BC 2", "1.1": "QĐ 3" },
      [
        { key: "note:1.1", from: null, to: "QĐ 3" },
        { key: "note:2.1", from: "BC 1", to: "BC 2" },
      ],
    ]);
  });
});

describe("checkNotes and cleanNotes", () => {
  it("name the JSON path of each bad note; without a pack only the length is checked", () => {
    const notes = { "99.9": "a", "2.1": "x".repeat(NOTE_MAX_LENGTH + 1), "1.1": "ok" };
    expect([
      checkNotes(notes, (id) => id === "2.1" || id === "1.1").map((i) => [i.code, i.path]),
      checkNotes(notes).map((i) => [i.code, i.path]),
    ]).toEqual([
      [
        ["values.unknown_indicator", ["notes", "99.9"]],
        ["values.note_too_long", ["notes", "2.1"]],
      ],
      [["values.note_too_long", ["notes", "2.1"]]],
    ]);
  });

  it("trim notes and drop blank ones, null when none is left", () => {
    expect([cleanNotes({ "2.1": " BC 12 ", "2.2": " " }), cleanNotes({ "2.2": "" })]).toEqual([{ "2.1": "BC 12" }, null]);
  });
});
