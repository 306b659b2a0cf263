import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

test("a district officer creates a plan from the Directive 63 template, edits it, sees a version conflict, writes a commune's implementing plan and accepts its proposal", async ({
  page,
}) => {
  test.setTimeout(180_000); // several page loads and saves on a shared machine
  await signIn(page, "district");
  await page.goto("/plan");
  await page.getByRole("link", { name: "Tạo kế hoạch" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tạo kế hoạch");
  await page.getByLabel("Số kế hoạch").fill("05-KH/HU");
  await page.getByRole("button", { name: "Tạo kế hoạch" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sửa kế hoạch");
  await expect(page.locator(".page-head").getByText("phiên bản 1")).toBeVisible();
  // The template's eight tasks, vocational training (II.6) linked to criteria 12 and 13.
  await expect(page.locator("fieldset.task-edit")).toHaveCount(8);
  await expect(page.locator("fieldset.task-edit", { hasText: "II.6" }).getByLabel("Tiêu chí liên quan (ví dụ 12, 13)")).toHaveValue(
    "12, 13",
  );
  await page.getByLabel("Số kế hoạch").fill("07-KH/HU");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu: phiên bản 2");
  await shot(page, "plan-edit");

  // Someone else saves version 3 meanwhile (through the API, with the same session).
  const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
  const csrf = await page.evaluate(async () => ((await (await fetch("/v1/auth/me")).json()) as { csrfToken?: string }).csrfToken ?? "");
  const other = await page.request.patch(`/v1/plans/${id}`, {
    data: { number: "08-KH/HU" },
    headers: { "if-match": '"2"', "x-csrf-token": csrf },
  });
  expect(other.status()).toBe(200);
  await page.getByLabel("Số kế hoạch").fill("09-KH/HU");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("xung đột phiên bản");
  await shot(page, "plan-edit-conflict");
  await page.getByRole("button", { name: "Tải lại" }).click();
  await expect(page.getByLabel("Số kế hoạch")).toHaveValue("08-KH/HU");
  // The history lists the three versions, each later one with what changed.
  await expect(page.getByTestId("plan-history").locator("li")).toHaveCount(3);
  await expect(page.getByTestId("plan-history").locator("li").nth(1)).toContainText("phiên bản 2 · huyen");
  await expect(page.getByTestId("plan-history").locator("li").nth(1)).toContainText("number");

  // A commune's implementing plan, linked to this plan.
  await page.goto("/plan/new");
  await page.getByLabel("Đơn vị").selectOption("c-01-01");
  await page.getByRole("radio", { name: "Kế hoạch trống" }).check();
  await page.getByLabel("Kế hoạch cấp trên (kế hoạch cụ thể hóa)").selectOption(id);
  await page.getByRole("button", { name: "Tạo kế hoạch" }).click();
  await expect(page.getByText(`thực hiện kế hoạch ${id}`)).toBeVisible();

  // It proposes an adjustment to the parent plan; the parent's owner accepts it with a reason.
  await page.getByLabel("Nội dung đề xuất").fill("Đề nghị giao Hội Nông dân phối hợp đào tạo nghề");
  await page.getByLabel("Nhiệm vụ liên quan (mã, ví dụ II.6)").fill("II.6");
  await page.getByRole("button", { name: "Gửi đề xuất" }).click();
  await expect(page.getByText("Đã gửi đề xuất.")).toBeVisible();
  await page.goto(`/plan/edit/${encodeURIComponent(id)}`);
  const proposal = page.getByTestId("plan-proposals").locator("li").first();
  await expect(proposal).toContainText("Chờ quyết định");
  await proposal.getByLabel("Lý do").fill("Phù hợp thực tế của xã");
  await proposal.getByRole("button", { name: "Chấp nhận" }).click();
  await expect(proposal).toContainText("Đã chấp nhận");
  await expect(proposal).toContainText("huyen: Phù hợp thực tế của xã");
  await shot(page, "plan-proposal-accepted");
});
