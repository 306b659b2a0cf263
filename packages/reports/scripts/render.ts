/**
 * Writes sample documents into packages/reports/artifacts/ (gitignored) so a person can look at them:
 * the progress report in both formats (DOCX), the criteria table and the ranking (XLSX), and one
 * commune's criteria sheet (PDF). When LibreOffice and pdftoppm are installed it also renders page 1
 * of each DOCX, each XLSX (as printed) and of the PDF to PNG. Every value is an example.
 *
 *   npm run render -w @ntm/reports
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sampleCriteriaSheet, sampleCriteriaWorkbook, sampleProgressReport, sampleRanking } from "../src/_fixtures/sample.js";
import { renderCriteriaSheetPdf, renderCriteriaWorkbook, renderProgressReportDocx, renderRankingWorkbook } from "../src/index.js";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "artifacts");
mkdirSync(out, { recursive: true });

const files: [string, Uint8Array][] = [
  ["bao-cao-tien-do-dang.docx", await renderProgressReportDocx(sampleProgressReport("party"))],
  ["bao-cao-tien-do-ubnd.docx", await renderProgressReportDocx(sampleProgressReport("state"))],
  ["bang-tieu-chi.xlsx", await renderCriteriaWorkbook(sampleCriteriaWorkbook())],
  ["xep-hang.xlsx", await renderRankingWorkbook(sampleRanking())],
  ["phieu-danh-gia-xa.pdf", await renderCriteriaSheetPdf(sampleCriteriaSheet())],
];
for (const [name, bytes] of files) {
  writeFileSync(join(out, name), bytes);
  console.log(`wrote artifacts/${name} (${bytes.length} bytes)`);
}

function which(cmd: string): string | undefined {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Renders page 1 of a PDF to `<base>-trang1.png` at 100 dpi. */
function pdfPage1ToPng(pdf: string, base: string): void {
  execFileSync("pdftoppm", ["-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, join(out, `${base}-trang1`)]);
  console.log(`wrote artifacts/${base}-trang1.png`);
}

const soffice = which("soffice") ?? which("libreoffice");
if (!which("pdftoppm")) {
  console.log("pdftoppm not found (apt-get install poppler-utils): no PNG pages rendered");
} else {
  pdfPage1ToPng(join(out, "phieu-danh-gia-xa.pdf"), "phieu-danh-gia-xa");
  if (!soffice) {
    console.log("LibreOffice not found (apt-get install libreoffice-writer-nogui): DOCX pages not rendered");
  } else {
    // A private profile so a running LibreOffice of the user is not disturbed.
    const profile = mkdtempSync(join(tmpdir(), "ntm-lo-"));
    try {
      // Workbooks print through their own page setup (A4 landscape, fit to width); that needs LibreOffice Calc.
      for (const file of ["bao-cao-tien-do-dang.docx", "bao-cao-tien-do-ubnd.docx", "bang-tieu-chi.xlsx", "xep-hang.xlsx"]) {
        const name = file.replace(/\.\w+$/, "");
        try {
          execFileSync(
            soffice,
            [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, join(out, file)],
            { stdio: "ignore", timeout: 180_000 },
          );
          pdfPage1ToPng(join(out, `${name}.pdf`), name);
        } catch {
          console.log(`LibreOffice could not convert ${file} (for .xlsx install libreoffice-calc-nogui): skipped`);
        }
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
}
