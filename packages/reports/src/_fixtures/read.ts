/** Readers for tests: open the generated files the way a person's software would. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The XML of one part of a DOCX (or any zip) file. */
export async function zipPart(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(path);
  if (!file) throw new Error(`no ${path} in the archive`);
  return file.async("string");
}

/** The text of every paragraph of word/document.xml, in order (runs joined). */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const xml = await zipPart(bytes, "word/document.xml");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
  );
}

/** True when Debian's pdftotext (poppler-utils) is installed. */
export function hasPdftotext(): boolean {
  try {
    execFileSync("sh", ["-c", "command -v pdftotext"], { stdio: "ignore" });
    return true;
  } catch {
    // CI installs poppler-utils: there, a missing pdftotext is a failure, not a skip.
    if (process.env.CI) throw new Error("pdftotext (poppler-utils) is required in CI");
    return false;
  }
}

/** The text of a PDF as pdftotext extracts it (reading order, no layout). */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "ntm-pdf-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, bytes);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
