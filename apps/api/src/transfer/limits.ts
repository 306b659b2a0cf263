/**
 * Bounds on one bulk import (issue 15): bytes and rows read, uncompressed size of an .xlsx, errors
 * returned. The body is read as a stream and refused (413) the moment it passes the byte limit; CSV is
 * parsed chunk by chunk with the event loop given back between chunks; an .xlsx is measured by
 * actually inflating its parts under a hard output cap before exceljs sees it (a "zip bomb" cannot
 * declare small sizes and inflate to gigabytes).
 */
import { inflateRawSync } from "node:zlib";
import { ApiError } from "../http/problem.js";
import { CsvReader, type Table } from "./table.js";

export interface ImportLimits {
  /** The largest file accepted, in bytes (NTM_IMPORT_MAX_BYTES). */
  maxBytes: number;
  /** The most data rows accepted (NTM_IMPORT_MAX_ROWS). */
  maxRows: number;
  /** The largest total uncompressed size of an .xlsx's parts (NTM_IMPORT_MAX_XLSX_BYTES). */
  maxXlsxBytes: number;
  /** How many row errors a 422 lists (the rest are counted in `errorCount`) (NTM_IMPORT_MAX_ERRORS). */
  maxErrors: number;
}

/** A province's file fits easily: 100,000 rows is 1,000 communes × 100 indicators in the long layout. */
export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 100_000,
  maxXlsxBytes: 50 * 1024 * 1024,
  maxErrors: 100,
};

const ENV_NAMES: Readonly<Record<keyof ImportLimits, string>> = {
  maxBytes: "NTM_IMPORT_MAX_BYTES",
  maxRows: "NTM_IMPORT_MAX_ROWS",
  maxXlsxBytes: "NTM_IMPORT_MAX_XLSX_BYTES",
  maxErrors: "NTM_IMPORT_MAX_ERRORS",
};

/**
 * Import limits from the environment (server start), each a whole number ≥ 1; unset means the default.
 * @example
 * importLimitsFromEnv({ NTM_IMPORT_MAX_ROWS: "5000" }).maxRows // 5000
 */
export function importLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): ImportLimits {
  const out = { ...DEFAULT_IMPORT_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as (keyof ImportLimits)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw === undefined || raw === "") continue;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new Error(`${ENV_NAMES[key]} phải là số nguyên ≥ 1 / must be a whole number ≥ 1, got "${raw}"`);
    out[key] = n;
  }
  return out;
}

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const tooLarge = (vi: string, en: string) => new ApiError("payload_too_large", `${vi} / ${en}`);
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads a request body as a stream, refusing it (413) at once when Content-Length or the bytes read
 * pass `maxBytes`; `onChunk` sees each chunk as it arrives.
 * @example
 * const bytes = await readBounded(c.req.raw, 10 * 1024 * 1024);
 */
export async function readBounded(
  req: Request,
  maxBytes: number,
  onChunk?: (chunk: Uint8Array) => Promise<void> | void,
): Promise<Uint8Array> {
  const refuse = () =>
    tooLarge(
      `Tệp vượt quá ${mib(maxBytes)} cho một lần nhập`,
      `the file exceeds the import limit of ${mib(maxBytes)} (NTM_IMPORT_MAX_BYTES)`,
    );
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) throw refuse();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw refuse();
    }
    chunks.push(value);
    await onChunk?.(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Reads and parses a CSV body while it streams in: decoded and parsed chunk by chunk (the event loop
 * runs between chunks), refused with 413 past `maxBytes` or `maxRows` data rows.
 * @example
 * const table = await readCsvBounded(c.req.raw, limits);
 */
export async function readCsvBounded(
  req: Request,
  limits: Pick<ImportLimits, "maxBytes" | "maxRows">,
): Promise<{ table: Table; bytes: number }> {
  const decoder = new TextDecoder("utf-8");
  const reader = new CsvReader({ maxRows: limits.maxRows });
  const STEP = 256 * 1024;
  const bytes = await readBounded(req, limits.maxBytes, async (chunk) => {
    // Large chunks are parsed in slices so one slice never holds the loop for long.
    for (let at = 0; at < chunk.byteLength; at += STEP) {
      pushRows(reader, decoder.decode(chunk.subarray(at, Math.min(at + STEP, chunk.byteLength)), { stream: true }), limits.maxRows);
      await yieldToEventLoop();
    }
  });
  pushRows(reader, decoder.decode(), limits.maxRows);
  return { table: reader.end(), bytes: bytes.byteLength };
}

function pushRows(reader: CsvReader, text: string, maxRows: number): void {
  if (!reader.push(text))
    throw tooLarge(
      `Tệp có hơn ${maxRows} dòng số liệu cho một lần nhập`,
      `the file has more than ${maxRows} data rows (NTM_IMPORT_MAX_ROWS)`,
    );
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function zipEntries(buf: Buffer): ZipEntry[] {
  const bad = (why: string) => new ApiError("bad_request", `Không đọc được tệp XLSX / cannot read the .xlsx file: ${why}`);
  // End of central directory: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad("not a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw bad("ZIP64 archives are not accepted");
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw bad("broken central directory");
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    entries.push({
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      uncompressedSize: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/**
 * Checks an .xlsx before it is parsed: every part is inflated under a hard cap on the total output
 * (`maxXlsxBytes`, whatever sizes the archive declares), and the worksheets may hold at most
 * `maxRows` data rows. A breach is a 413; a file that is not a zip is a 400.
 * @example
 * checkXlsx(bytes, limits); const table = await parseXlsx(bytes);
 */
export function checkXlsx(bytes: Uint8Array, limits: Pick<ImportLimits, "maxRows" | "maxXlsxBytes">): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipEntries(buf);
  const tooBig = () =>
    tooLarge(
      `Tệp XLSX giải nén vượt quá ${mib(limits.maxXlsxBytes)}`,
      `the .xlsx unpacks to more than ${mib(limits.maxXlsxBytes)} (NTM_IMPORT_MAX_XLSX_BYTES)`,
    );
  if (entries.length > 10_000) throw tooBig();
  let budget = limits.maxXlsxBytes;
  let rows = 0;
  for (const e of entries) {
    if (e.uncompressedSize > budget) throw tooBig();
    const local = e.localOffset;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50)
      throw new ApiError("bad_request", "Không đọc được tệp XLSX / cannot read the .xlsx file: broken entry");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) throw tooBig();
        throw new ApiError("bad_request", "Không đọc được tệp XLSX / cannot read the .xlsx file: a part does not inflate");
      }
    } else throw new ApiError("bad_request", `Không đọc được tệp XLSX / cannot read the .xlsx file: compression method ${e.method}`);
    budget -= out.byteLength;
    if (budget < 0) throw tooBig();
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const text = out.toString("latin1");
      for (let i = text.indexOf("<row"); i >= 0; i = text.indexOf("<row", i + 4)) if (/[\s>/]/.test(text[i + 4] ?? "")) rows++;
      if (rows > limits.maxRows + 1)
        throw tooLarge(
          `Tệp XLSX có hơn ${limits.maxRows} dòng số liệu`,
          `the .xlsx has more than ${limits.maxRows} data rows (NTM_IMPORT_MAX_ROWS)`,
        );
    }
  }
}
