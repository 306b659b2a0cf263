import { describe, expect, it } from "vitest";
import fc from "fast-check";
import JSZip from "jszip";
import { ApiError } from "../http/problem.js";
import { DEFAULT_IMPORT_LIMITS, checkXlsx, importLimitsFromEnv, readBounded, readCsvBounded } from "./limits.js";
import { CsvReader, parseCsv, toXlsx } from "./table.js";

const streamOf = (parts: string[]) =>
  new Request("http://x/", {
    method: "POST",
    body: new ReadableStream({
      start(ctl) {
        for (const p of parts) ctl.enqueue(new TextEncoder().encode(p));
        ctl.close();
      },
    }),
    duplex: "half",
  } as RequestInit);
const kindOf = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === "function" ? p() : p);
    return "ok";
  } catch (e) {
    return e instanceof ApiError ? e.kind : String(e);
  }
};

describe("import limits", () => {
  it("reads NTM_IMPORT_MAX_* from the environment and refuses nonsense", () => {
    expect(importLimitsFromEnv({ NTM_IMPORT_MAX_ROWS: "5000", NTM_IMPORT_MAX_BYTES: "" })).toEqual({
      ...DEFAULT_IMPORT_LIMITS,
      maxRows: 5000,
    });
    expect(() => importLimitsFromEnv({ NTM_IMPORT_MAX_BYTES: "-1" })).toThrow(/NTM_IMPORT_MAX_BYTES/);
  });

  it("refuses a body at once from its Content-Length, and a streamed one when it passes the limit", async () => {
    const declared = new Request("http://x/", { method: "POST", body: "x".repeat(100), headers: { "content-length": "100" } });
    expect([
      await kindOf(readBounded(declared, 99)),
      await kindOf(readBounded(streamOf(["a".repeat(60), "b".repeat(60)]), 100)),
      (await readBounded(streamOf(["abc", "de"]), 5)).byteLength,
    ]).toEqual(["payload_too_large", "payload_too_large", 5]);
  });

  it("stops a CSV past the row limit while it streams", async () => {
    const rows = ["unit_id,year\n", ...Array.from({ length: 20 }, (_, i) => `c${i},2024\n`)];
    expect([
      await kindOf(readCsvBounded(streamOf(rows), { maxBytes: 1e6, maxRows: 19 })),
      (await readCsvBounded(streamOf(rows), { maxBytes: 1e6, maxRows: 20 })).table.rows.length,
    ]).toEqual(["payload_too_large", 20]);
  });

  it("parses the same table however the text is cut into chunks (multi-byte characters and CRLF included)", async () => {
    const text = '\uFEFFunit_id;ghi chú;v\r\nc1;"a ""b""; c";Đạt\r\n\r\nc2;"hai\r\ndòng";16,5\nc3;x;';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const bytes = new TextEncoder().encode(text);
        const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length - 1)))].sort((a, b) => a - b);
        const parts: Uint8Array[] = [];
        let prev = 0;
        for (const c of [...at, bytes.length]) {
          parts.push(bytes.subarray(prev, c));
          prev = c;
        }
        const req = new Request("http://x/", {
          method: "POST",
          body: new ReadableStream({
            start: (ctl) => {
              for (const p of parts) ctl.enqueue(p);
              ctl.close();
            },
          }),
          duplex: "half",
        } as RequestInit);
        const chunked = (await readCsvBounded(req, { maxBytes: 1e6, maxRows: 100 })).table;
        expect(chunked).toEqual(parseCsv(text));
      }),
      { seed: 15, numRuns: 100 },
    );
    const r = new CsvReader();
    for (const ch of text) r.push(ch);
    expect(r.end()).toEqual(parseCsv(text));
  });
});

describe("checkXlsx", () => {
  it("accepts an ordinary workbook", async () => {
    const bytes = new Uint8Array(await toXlsx("s", ["unit_id", "year"], [["c1", 2024]]));
    expect(await kindOf(() => checkXlsx(bytes, DEFAULT_IMPORT_LIMITS))).toBe("ok");
  });

  it("refuses a zip bomb by what it inflates to, even when the archive declares a small size", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(8 * 1024 * 1024, 32), { compression: "DEFLATE" });
    const honest = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    // The same archive with every declared uncompressed size rewritten to 1 KB.
    const lying = Buffer.from(honest);
    for (let i = 0; i + 46 < lying.length; i++) if (lying.readUInt32LE(i) === 0x02014b50) lying.writeUInt32LE(1024, i + 24);
    const limits = { maxRows: 100, maxXlsxBytes: 1024 * 1024 };
    expect([
      honest.length < 64 * 1024,
      await kindOf(() => checkXlsx(honest, limits)),
      await kindOf(() => checkXlsx(new Uint8Array(lying), limits)),
    ]).toEqual([true, "payload_too_large", "payload_too_large"]);
  });

  it("refuses a sheet with more rows than the limit before exceljs parses it, and a file that is not a zip", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`c${i}`, 2024]);
    const bytes = new Uint8Array(await toXlsx("s", ["unit_id", "year"], rows));
    expect([
      await kindOf(() => checkXlsx(bytes, { maxRows: 29, maxXlsxBytes: 1e7 })),
      await kindOf(() => checkXlsx(bytes, { maxRows: 30, maxXlsxBytes: 1e7 })),
      await kindOf(() => checkXlsx(new TextEncoder().encode("not a zip"), DEFAULT_IMPORT_LIMITS)),
    ]).toEqual(["payload_too_large", "ok", "bad_request"]);
  });
});
