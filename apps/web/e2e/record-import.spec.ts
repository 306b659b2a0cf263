import { expect, test } from "@playwright/test";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { shot, signIn } from "./helpers";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The downloaded template with rows added under its header and note row, as an officer fills it in a spreadsheet. */
async function fill(template: string, rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.worksheets[0]!;
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const product = (name: string, stars: number) => [
  name,
  "HTX Chè Nhập Tệp",
  "Hợp tác xã",
  "c-01-01",
  "Đồ uống",
  "72,5",
  stars,
  "",
  "",
  "",
  "Đã đánh giá, chưa công nhận",
];

test("a commune officer imports OCOP products from the filled template: a bad row is shown, fixed, then imported", async ({
  page,
}, info) => {
  await signIn(page, "commune");
  await page.goto("/lists/ocop");
  const box = page.getByTestId("record-import");
  await expect(box).toBeVisible();

  // 1. The template, downloaded from the "Tải mẫu" link.
  const downloading = page.waitForEvent("download");
  await box.getByRole("link", { name: "Tải mẫu", exact: true }).click();
  const download = await downloading;
  const template = join(info.outputDir, "mau-san-pham-ocop.xlsx");
  await download.saveAs(template);
  expect(download.suggestedFilename()).toBe("mau-san-pham-ocop.xlsx");

  // 2. Filled with two products, the second with 5 stars for 72,5 points (the bands give 4): refused at its row.
  const good = "Trà hoa vàng nhập từ tệp";
  const second = "Trà túi lọc nhập từ tệp";
  const input = box.getByLabel("Tệp XLSX hoặc CSV");
  await input.setInputFiles({ name: "ocop.xlsx", mimeType: XLSX, buffer: await fill(template, [product(good, 4), product(second, 5)]) });
  await box.getByRole("button", { name: "Kiểm tra tệp" }).click();
  const errors = page.getByTestId("record-import-errors");
  await expect(errors).toBeVisible();
  const row = errors.getByRole("row").filter({ hasText: "Hạng sao" });
  await expect(row).toHaveCount(1);
  // header row 1, note row 2: the second product is row 4; stars are column G
  await expect(row.getByRole("cell").nth(0)).toHaveText("4");
  await expect(row.getByRole("cell").nth(1)).toHaveText("G");
  await expect(row).toContainText("5 sao không khớp với điểm 72,5 (theo điểm là 4 sao)");
  await expect(box.getByRole("button", { name: /^Nhập/ })).toBeDisabled();
  await shot(page, "record-import-errors");

  // 3. Fixed and checked again: nothing written yet; then imported.
  await input.setInputFiles({ name: "ocop.xlsx", mimeType: XLSX, buffer: await fill(template, [product(good, 4), product(second, 4)]) });
  await box.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByTestId("record-import-checked")).toContainText("2 dòng sẵn sàng để nhập");
  // Filtered to the file's products, the list is still empty: the check wrote nothing.
  await page.getByLabel("Lọc", { exact: true }).fill("nhập từ tệp");
  await expect(page.getByTestId("list-ocop")).toHaveCount(0);
  await box.getByRole("button", { name: "Nhập 2 dòng" }).click();
  await expect(page.getByTestId("record-import-done")).toContainText("Đã nhập 2 bản ghi.");

  // 4. The products are in the list.
  const list = page.getByTestId("list-ocop");
  await expect(list).toContainText(good);
  await expect(list).toContainText(second);
  await shot(page, "record-import-done");

  // 5. "Xuất tệp (XLSX)": the commune's products in the template's columns, the file named in Vietnamese.
  const exporting = page.waitForEvent("download");
  await box.getByRole("link", { name: "Xuất tệp (XLSX)" }).click();
  const exported = await exporting;
  expect(exported.suggestedFilename()).toMatch(/^Sản phẩm OCOP - Xã .+ - \d{2}-\d{2}-\d{4}\.xlsx$/);
  const file = join(info.outputDir, "xuat-san-pham-ocop.xlsx");
  await exported.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const cells = (n: number) => Array.from({ length: 12 }, (_, i) => ws.getRow(n).getCell(i + 1).value ?? null);
  const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => cells(i + 2));
  expect(cells(1)).toEqual([
    "Tên sản phẩm *",
    "Chủ thể *",
    "Loại chủ thể *",
    "Mã xã *",
    "Nhóm sản phẩm *",
    "Điểm đánh giá *",
    "Hạng sao *",
    "Số giấy chứng nhận",
    "Ngày chứng nhận",
    "Ngày hết hạn",
    "Trạng thái *",
    "Tên xã",
  ]);
  const mine = rows.find((r) => r[0] === good);
  expect(mine?.slice(0, 11)).toEqual([
    good,
    "HTX Chè Nhập Tệp",
    "Hợp tác xã",
    "c-01-01",
    "Đồ uống",
    72.5,
    4,
    null,
    null,
    null,
    "Đã đánh giá, chưa công nhận",
  ]);
  expect(String(mine?.[11])).toMatch(/^Xã /);
  // only the officer's commune
  expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(["c-01-01"]));

  // 6. The exported file checks clean as an import: every row ready, nothing written.
  await input.setInputFiles(file);
  await box.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByTestId("record-import-checked")).toContainText(`${rows.length} dòng sẵn sàng để nhập`);
});
