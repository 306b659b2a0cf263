import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the ranking page downloads the classification report (DOCX) of the chosen subject kind", async ({ page }) => {
  await signIn(page, "district");
  await page.goto("/ranking");
  await page.getByTestId("ranking-kind").selectOption("organisation");
  const link = page.getByRole("link", { name: "Tải báo cáo xếp loại (DOCX)" });
  await expect(link).toHaveAttribute("href", /\/v1\/reports\/ranking\.docx\?year=\d{4}&kind=organisation&unitId=d-01/);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^Bao cao xep loai to chuc .*\.docx$|^Báo cáo xếp loại tổ chức .*\.docx$/);
  const bytes = await download.createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  });
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
});
