import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a district officer adds a commendation (Bằng khen) in the web app and sees it listed; a missing achievement is named", async ({
  page,
}) => {
  await signIn(page, "district");
  await page.getByRole("link", { name: "Thi đua, khen thưởng" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thi đua, khen thưởng, kỷ luật");
  const form = page.getByTestId("emulation-form");
  await form.locator('select[name="unitId"]').selectOption("c-01-01");
  await form.locator('select[name="form"]').selectOption("bang_khen");
  await form.locator('select[name="level"]').selectOption("province");
  await form.getByLabel("Người, cơ quan quyết định").fill("Chủ tịch UBND tỉnh");
  await form.getByLabel("Số quyết định").fill("456/QĐ-UBND");
  await form.locator('input[name="date"]').fill("2025-05-19");
  await form.getByLabel("Tên đối tượng").fill("Xã An Lộc");
  // Without the achievement the API refuses and names the field.
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByTestId("emulation-problems")).toContainText("Thành tích:");
  await expect(page.getByTestId("emulation-problems")).not.toContainText("$.");
  await form.getByLabel("Thành tích").fill("Dẫn đầu phong trào Chung sức xây dựng nông thôn mới");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByRole("status")).toContainText("Đã lưu commendation-");
  const table = page.getByTestId("emulation-commendations");
  await expect(table).toContainText("456/QĐ-UBND");
  await expect(table).toContainText("19/05/2025");
  await expect(table).toContainText("Bằng khen");
  await expect(table).toContainText("Dẫn đầu phong trào Chung sức xây dựng nông thôn mới");
});

test("the office writes the report's narrative for a period and saves it with its version", async ({ page }) => {
  await signIn(page, "district");
  await page.getByRole("link", { name: "Nhận định báo cáo" }).click();
  const form = page.getByTestId("narratives-form");
  await form.getByLabel("Kỳ báo cáo (2025, 2025S1, 2025Q3, 2025-05)").fill("2025Q3");
  await expect(form.getByText("Chưa có nội dung đã lưu cho kỳ này.")).toBeVisible();
  await form.getByLabel("II.1. Hạn chế, khuyết điểm").fill("Giải ngân vốn còn chậm.\nMột số xã chưa duy trì tiêu chí môi trường.");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByRole("status")).toContainText("phiên bản 1");
  await form.getByLabel("III. Phương hướng, nhiệm vụ thời gian tới").fill("Hoàn thành tiêu chí thu nhập.");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByRole("status")).toContainText("phiên bản 2");
  const back = await page.request.get("/v1/report-narratives?period=2025Q3");
  expect((await back.json()).data).toEqual({
    shortcomings: ["Giải ngân vốn còn chậm.", "Một số xã chưa duy trì tiêu chí môi trường."],
    causes: [],
    directions: ["Hoàn thành tiêu chí thu nhập."],
    recommendations: [],
  });
});
