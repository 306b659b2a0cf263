import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

/** A small PDF with every byte value after its header, so a re-encoding anywhere would show. */
const PDF = Buffer.concat([
  Buffer.from("%PDF-1.4\n% ho so xet cong nhan\n"),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from("\n%%EOF\n"),
]);

const csrfOf = (page: import("@playwright/test").Page) =>
  page.evaluate(async () => ((await (await fetch("/v1/auth/me")).json()) as { csrfToken?: string }).csrfToken ?? "");

test("a district officer records task progress on the plan board, sees the overdue badge, and resolves a version conflict", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "district");
  // The demo's plan by name in the address: an earlier spec may have created other plans, listed first.
  await page.goto("/plan?plan=plan-63-d-01");
  const row = page.getByTestId("task-II.5");
  await expect(row).toBeVisible();
  // Names, never ids, on the board.
  await expect(page.getByTestId("task-board")).not.toContainText("plan-63");
  await row.getByRole("button", { name: "Cập nhật tiến độ nhiệm vụ II.5" }).click();
  const form = page.getByTestId("progress-form");
  // Field checks before sending: a done task is 100% done.
  await form.locator("[name=status]").selectOption("done");
  await form.locator("[name=percentDone]").fill("80");
  await form.locator("[name=result]").fill("Đã cứng hóa 3,2 km đường trục xã");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByRole("alert")).toContainText("Tỷ lệ hoàn thành: phải là số nguyên từ 0 đến 100; nhiệm vụ đã hoàn thành là 100%");
  await form.locator("[name=status]").selectOption("in_progress");
  await form.locator("[name=percentDone]").fill("60");
  await form.locator("[name=evidence]").fill("Biên bản nghiệm thu số 15/BB-UBND");
  await form.locator("[name=deadline]").fill("2025-09-06");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form).toBeHidden();
  await expect(row).toContainText("Đang thực hiện");
  await expect(row).toContainText("60%");
  await expect(row).toContainText("Biên bản nghiệm thu số 15/BB-UBND");
  // 06/9/2025 is a Saturday: due on Monday 08/9/2025 on the working-day calendar, and overdue now.
  await expect(row).toContainText("08/09/2025");
  await expect(row).toContainText("Quá hạn");
  await shot(page, "records-plan-board");

  // Someone else saves the task meanwhile; saving from the open form shows theirs beside ours.
  await row.getByRole("button", { name: "Cập nhật tiến độ nhiệm vụ II.5" }).click();
  await form.locator("[name=percentDone]").fill("70");
  const plan = (await (await page.request.get("/v1/plans/plan-63-d-01")).json()) as { tasks: { code: string; version: number }[] };
  const version = plan.tasks.find((x) => x.code === "II.5")!.version;
  const other = await page.request.put("/v1/plans/plan-63-d-01/tasks/II.5/progress", {
    data: { status: "in_progress", result: "Bản của người khác", period: "2025", percentDone: 65 },
    headers: { "if-match": `"${version}"`, "x-csrf-token": await csrfOf(page) },
  });
  expect(other.status()).toBe(200);
  await form.getByRole("button", { name: "Lưu" }).click();
  const conflict = page.getByTestId("progress-conflict");
  await expect(conflict).toContainText("Bản của bạn");
  await expect(conflict).toContainText("Bản của người khác");
  await shot(page, "records-plan-conflict");
  await conflict.getByRole("button", { name: "Lưu bản của tôi" }).click();
  await expect(form).toBeHidden();
  await expect(row).toContainText("70%");
});

test("a commune officer adds an OCOP product from the web", async ({ page }) => {
  await signIn(page, "commune");
  await page.goto("/lists/ocop");
  await page.getByRole("button", { name: "Thêm sản phẩm OCOP" }).click();
  const form = page.getByTestId("ocop-form");
  await form.locator("[name=name]").fill("Chè búp Tân Cương sấy lạnh");
  await form.locator("[name=owner]").fill("HTX Chè An Phú");
  await form.locator("[name=communeUnitId]").selectOption({ index: 1 });
  await form.locator("[name=score]").fill("72,5");
  await expect(form).toContainText("Theo điểm: 4 sao");
  await form.locator("[name=stars]").selectOption("4");
  await form.locator("[name=certNumber]").fill("125/QĐ-UBND");
  await form.locator("[name=certDate]").fill("2025-05-10");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId("list-ocop")).toContainText("Chè búp Tân Cương sấy lạnh");
  await shot(page, "records-ocop");

  // A resource mobilised, the amount typed as officers write it.
  await page.getByRole("link", { name: "Huy động nguồn lực" }).click();
  await page.getByRole("button", { name: "Thêm khoản huy động" }).click();
  const res = page.getByTestId("resource-form");
  await res.locator("[name=source]").selectOption("people_cash");
  await res.locator("[name=amount]").fill("1.234.567");
  await res.locator("[name=note]").fill("Nhân dân góp làm đường thôn 3");
  await res.getByRole("button", { name: "Lưu" }).click();
  await expect(res).toBeHidden();
  await expect(page.getByTestId("list-resources")).toContainText("1.234.567");
});

test("a commune officer creates a dossier, attaches a PDF, downloads it back byte for byte, and advances it after a confirmation", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "commune");
  await page.goto("/dossiers");
  await expect(page.getByTestId("two-tier-notice")).toContainText("Từ 01/07/2025 không còn bước thẩm tra cấp huyện (chính quyền hai cấp)");
  await page.getByRole("button", { name: "Lập hồ sơ" }).click();
  const create = page.getByTestId("create-dossier");
  await create.locator("[name=unitId]").selectOption("c-01-01");
  await create.locator("[name=tier]").selectOption("standard");
  await create.locator("[name=year]").selectOption("2024");
  await create.getByRole("button", { name: "Tạo hồ sơ" }).click();
  const detail = page.getByTestId("dossier-detail");
  await expect(detail).toContainText("2024");
  await expect(page.getByTestId("dossier-state")).toHaveText("Đang lập hồ sơ");
  await expect(page.getByTestId("dossier-evaluation")).toContainText("tiêu chí");

  // Attach a document and download it back.
  const files = page.getByTestId("dossier-attachments");
  await files.getByLabel("Tệp (PDF, ảnh PNG/JPEG, DOCX)").setInputFiles({ name: "to-trinh.pdf", mimeType: "application/pdf", buffer: PDF });
  await files.locator("[name=kind]").selectOption("request_letter");
  await files.getByRole("button", { name: "Đính kèm" }).click();
  await expect(files.getByRole("status")).toContainText("Đã đính kèm to-trinh.pdf");
  const [download] = await Promise.all([page.waitForEvent("download"), files.getByRole("link", { name: "to-trinh.pdf" }).click()]);
  const back = readFileSync(await download.path());
  expect(Buffer.compare(back, PDF)).toBe(0);

  // Tick the self-assessment report, then self-assess through the confirmation dialog.
  await detail.getByRole("checkbox", { name: "Báo cáo tự đánh giá" }).check();
  await detail.getByRole("button", { name: "Lưu thông tin hồ sơ" }).click();
  await expect(detail.getByText("Đã lưu")).toBeVisible();
  await detail.getByRole("button", { name: "Tự đánh giá", exact: true }).click();
  const dialog = page.getByTestId("dossier-confirm");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("sẽ chuyển từ «Đang lập hồ sơ» sang");
  await shot(page, "records-dossier-confirm");
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByTestId("dossier-state")).not.toHaveText("Đang lập hồ sơ");
  await expect(page.getByTestId("dossier-history")).toContainText("Cán bộ NTM Xã An Lộc");
  await shot(page, "records-dossier");
});
