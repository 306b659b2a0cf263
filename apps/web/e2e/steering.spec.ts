import { expect, test } from "@playwright/test";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

test("a district officer adds a steering member supporting two communes, sees the coverage change, and edits the member", async ({
  page,
}) => {
  await signIn(page, "district");
  await page.getByRole("link", { name: "Ban Chỉ đạo", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ban Chỉ đạo và xã phụ trách");
  const coverage = (await (await page.request.get("/v1/steering-members/coverage?districtId=d-01")).json()) as {
    unsupported: { unitId: string; name: string }[];
  };
  const [a, b] = coverage.unsupported;
  expect(b, "the demo leaves at least two communes of d-01 without a member").toBeDefined();
  const flagged = page.getByTestId("steering-unsupported");
  await expect(flagged).toContainText(a!.name);
  await expect(flagged).toContainText(b!.name);

  await page.getByRole("button", { name: "Thêm thành viên" }).click();
  const form = page.getByTestId("steering-form");
  await form.getByLabel("Họ và tên").fill("Võ Thị Mai");
  await form.getByLabel("Chức vụ", { exact: true }).fill("Phó Chủ tịch UBND huyện");
  await form.getByLabel("Cơ quan, đơn vị").fill("UBND huyện An Hòa");
  await form.getByLabel("Vai trò trong Ban Chỉ đạo").selectOption({ label: "Phó Trưởng ban" });
  await form.getByLabel("Bắt đầu nhiệm kỳ").fill("2024-01-01");
  await form.getByLabel(a!.name, { exact: true }).check();
  await form.getByLabel(b!.name, { exact: true }).check();
  // A phone number that is not Vietnamese is refused by core's check, named in Vietnamese.
  await form.getByLabel("Điện thoại").fill("123");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByTestId("steering-errors")).toHaveText(
    "Điện thoại: số điện thoại không hợp lệ (bắt đầu bằng 0 hoặc +84, 9–11 chữ số)",
  );
  await form.getByLabel("Điện thoại").fill("0905 123 456");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByTestId("steering-saved")).toHaveText("Đã lưu thành viên Võ Thị Mai (phiên bản 1).");
  await expect(flagged).not.toContainText(a!.name);
  await expect(flagged).not.toContainText(b!.name);
  const members = page.getByTestId("steering-members");
  const row = members.getByRole("row").filter({ hasText: "Võ Thị Mai" });
  await expect(row).toContainText(`${a!.name}, ${b!.name}`);
  await expect(row).toContainText("Phó Trưởng ban");
  await expect(row).toContainText("01/01/2024");

  // Edit: the member stops supporting the second commune, which is flagged again.
  await row.getByRole("button", { name: "Sửa: Võ Thị Mai" }).click();
  const edit = page.getByTestId("steering-form");
  await expect(edit.getByRole("heading", { name: "Sửa thành viên" })).toBeVisible();
  await edit.getByLabel(b!.name, { exact: true }).uncheck();
  await edit.getByLabel("Chức vụ", { exact: true }).fill("Chủ tịch UBND huyện");
  await edit.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByTestId("steering-saved")).toHaveText("Đã lưu thành viên Võ Thị Mai (phiên bản 2).");
  await expect(flagged).toContainText(b!.name);
  await expect(flagged).not.toContainText(a!.name);
  await expect(row).toContainText("Chủ tịch UBND huyện, UBND huyện An Hòa");
  await expect(row).not.toContainText(b!.name);
});

test("a stale edit of a steering member shows the saved version beside yours", async ({ page }) => {
  await signIn(page, "district");
  await page.goto("/steering");
  const row = page.getByTestId("steering-members").getByRole("row").filter({ hasText: "Lê Văn Hùng (ví dụ)" });
  await row.getByRole("button", { name: "Sửa: Lê Văn Hùng (ví dụ)" }).click();
  const form = page.getByTestId("steering-form");
  // Someone else saves the member meanwhile (through the API, with the page's session).
  const cur = await page.request.get("/v1/steering-members/tv-bcd-d-01-2");
  const csrf = (await (await page.request.get("/v1/auth/me")).json()).csrfToken as string | undefined;
  const other = await page.request.patch("/v1/steering-members/tv-bcd-d-01-2", {
    data: { position: "Giám đốc Trung tâm Dịch vụ nông nghiệp (ví dụ)" },
    headers: { "if-match": cur.headers()["etag"] ?? "", ...(csrf ? { "x-csrf-token": csrf } : {}) },
  });
  expect(other.status()).toBe(200);
  await form.getByLabel("Ghi chú").fill("Phụ trách thêm công tác tuyên truyền");
  await form.getByRole("button", { name: "Lưu" }).click();
  const conflict = page.getByTestId("steering-conflict");
  await expect(conflict).toContainText("Bản của bạn");
  await expect(conflict).toContainText("Bản đang lưu");
  await expect(conflict).toContainText("Giám đốc Trung tâm Dịch vụ nông nghiệp (ví dụ)");
  await conflict.getByRole("button", { name: "Lưu bản của tôi" }).click();
  await expect(page.getByTestId("steering-saved")).toHaveText("Đã lưu thành viên Lê Văn Hùng (ví dụ) (phiên bản 3).");
});

test("a district officer downloads the steering template, imports two members from it, and sees them listed", async ({ page }, info) => {
  await signIn(page, "district");
  await page.goto("/steering");
  const box = page.getByTestId("record-import");
  const downloading = page.waitForEvent("download");
  await box.getByRole("link", { name: "Tải mẫu", exact: true }).click();
  const download = await downloading;
  const template = join(info.outputDir, "mau-thanh-vien-ban-chi-dao.xlsx");
  await download.saveAs(template);
  expect(download.suggestedFilename()).toBe("mau-thanh-vien-ban-chi-dao.xlsx");

  // Filled as an officer would: the role by its name, the communes one per line (Alt+Enter), by code or name.
  const coverage = (await (await page.request.get("/v1/steering-members/coverage?districtId=d-01")).json()) as {
    communes: { unitId: string; name: string }[];
  };
  const [c1, c2] = coverage.communes;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.worksheets[0]!;
  const member = (name: string, communes: string) => [
    "d-01",
    name,
    "Phó Trưởng phòng Văn hóa (ví dụ)",
    "Phòng Văn hóa (ví dụ)",
    "Thành viên",
    "",
    "01/01/2025",
    "",
    communes,
  ];
  ws.addRow(member("Hà Văn Nhập (ví dụ)", `${c1!.unitId}\n${c2!.name}`));
  ws.addRow(member("Mai Thị Tệp (ví dụ)", c2!.unitId));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await box.getByLabel("Tệp XLSX hoặc CSV").setInputFiles({ name: "bcd.xlsx", mimeType: XLSX, buffer });
  await box.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByTestId("record-import-checked")).toHaveText("Tệp hợp lệ: 2 dòng sẵn sàng để nhập, chưa ghi gì.");
  await box.getByRole("button", { name: "Nhập 2 dòng" }).click();
  await expect(page.getByTestId("record-import-done")).toHaveText("Đã nhập 2 bản ghi.");

  const members = page.getByTestId("steering-members");
  await expect(members.getByRole("row").filter({ hasText: "Hà Văn Nhập (ví dụ)" })).toContainText(`${c1!.name}, ${c2!.name}`);
  await expect(members.getByRole("row").filter({ hasText: "Mai Thị Tệp (ví dụ)" })).toContainText(c2!.name);
  await expect(box.getByRole("link", { name: "Xuất tệp (XLSX)" })).toHaveAttribute("href", "/v1/steering-members/export?format=xlsx");
});
