import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

const csrfOf = (page: import("@playwright/test").Page) =>
  page.evaluate(async () => ((await (await fetch("/v1/auth/me")).json()) as { csrfToken?: string }).csrfToken ?? "");

const UNIT = "c-01-08";

test("a district officer enters a commune's scoring inputs with evidence, sees the score change and the evidence explained, and resolves a conflict", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "district");
  const name = ((await (await page.request.get(`/v1/units/${UNIT}`)).json()) as { unit: { name: string } }).unit.name;
  await page.goto("/ranking");
  const row = page
    .getByTestId("ranking-table")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toBeVisible();
  const scoreBefore = (await row.locator("td").nth(1).textContent())?.trim();
  await row.getByRole("button", { name: "Xem" }).click();
  const entered = page.getByTestId(`entered-${UNIT}`);
  // The seeded inputs were entered without a source: the explanation says so.
  await expect(entered).toContainText("Nhập tay: Số chỉ tiêu Chương trình đạt");
  await expect(entered).toContainText("chưa ghi nguồn");
  await entered.getByRole("button", { name: "Số liệu chấm điểm" }).click();
  const form = page.getByTestId("scoring-form");
  await expect(form).toContainText("Phiên bản 1, người nhập dữ liệu mẫu");

  // Field checks from core before sending: done ≤ assigned, a Vietnamese count.
  await form.locator("[name='tasks.assigned']").fill("10");
  await form.locator("[name='tasks.done']").fill("12");
  await form.locator("[name=reportsTotal]").fill("bốn");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByTestId("error-tasks.done")).toHaveText("Số nhiệm vụ hoàn thành (12) lớn hơn số nhiệm vụ được giao (10)");
  await expect(form.getByTestId("error-reportsTotal")).toContainText("Nhập số nguyên không âm");

  await form.locator("[name='tasks.done']").fill("10");
  await form.locator("[name='tasks.onTime']").fill("10");
  await form.locator("[name='tasks.exceeding']").fill("5");
  await form.locator("[name=programmeTargetsMet]").fill("5");
  await form.locator("[name=programmeTargetsTotal]").fill("5");
  await form.locator("[name=reportsOnTime]").fill("4");
  await form.locator("[name=reportsTotal]").fill("4");
  await form.locator("[name=reportsOverdue]").fill("0");
  await form.locator("[name=resourcesPlanned]").fill("1.000.000");
  await form.locator("[name='evidence.tasks']").fill("Báo cáo số 12/BC-UBND ngày 05/12/2025");
  await form.locator("[name='evidence.reportsOnTime']").fill("Sổ theo dõi công văn đi năm 2025");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form).toBeHidden();
  // The ranking refreshed: the score changed and the explanation names the source, who and the version.
  await expect(row.locator("td").nth(1)).not.toHaveText(scoreBefore ?? "");
  await expect(entered).toContainText(
    "Nhập tay: Nhiệm vụ trong năm = giao 10, hoàn thành 10, đúng hạn 10, vượt yêu cầu 5; nguồn: Báo cáo số 12/BC-UBND ngày 05/12/2025 (người nhập Cán bộ NTM Huyện An Hòa",
  );
  await expect(entered).toContainText("nguồn: Sổ theo dõi công văn đi năm 2025");
  await expect(entered).toContainText("phiên bản 2");
  await expect(entered).not.toContainText(UNIT);
  await shot(page, "scoring-inputs-saved");

  // Someone else saves meanwhile: a stale save shows both versions side by side.
  await entered.getByRole("button", { name: "Số liệu chấm điểm" }).click();
  await expect(form.locator("[name='evidence.tasks']")).toHaveValue("Báo cáo số 12/BC-UBND ngày 05/12/2025");
  const other = await page.request.put(`/v1/units/${UNIT}/scoring-inputs/2025`, {
    data: { reportsOnTime: 3, reportsTotal: 4, evidence: { reportsOnTime: "Bản của người khác" } },
    headers: { "if-match": '"2"', "x-csrf-token": await csrfOf(page) },
  });
  expect(other.status()).toBe(200);
  await form.locator("[name=reportsOverdue]").fill("1");
  await form.getByRole("button", { name: "Lưu" }).click();
  const conflict = page.getByTestId("scoring-conflict");
  await expect(conflict).toContainText("Bản của bạn");
  await expect(conflict).toContainText("Bản đang lưu");
  await expect(conflict).toContainText("Bản của người khác");
  await expect(conflict).toContainText("Báo cáo số 12/BC-UBND ngày 05/12/2025");
  await shot(page, "scoring-inputs-conflict");
  await conflict.getByRole("button", { name: "Lưu bản của tôi" }).click();
  await expect(form).toBeHidden();
  await expect(entered).toContainText("phiên bản 4");
  await expect(entered).toContainText("Số báo cáo quá hạn = 1");
});
