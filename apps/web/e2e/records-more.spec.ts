import { expect, test, type Page } from "@playwright/test";
import { shot, signIn } from "./helpers";

const csrfOf = (page: Page) =>
  page.evaluate(async () => ((await (await fetch("/v1/auth/me")).json()) as { csrfToken?: string }).csrfToken ?? "");

test("a commune officer adds a housing record and edits it; a stale edit shows both versions side by side", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "commune");
  await page.goto("/lists/housing");
  await page.getByRole("button", { name: "Thêm hồ sơ nhà ở" }).click();
  const form = page.getByTestId("housing-form");
  await form.locator("[name=communeUnitId]").selectOption("c-01-01");
  await form.locator("[name=household]").fill("Lò Văn Thử");
  await form.locator("[name=status]").selectOption("temporary");
  // Field checks from core before sending: whole đồng, and a completion date only for a completed house.
  await form.locator("[name=supportAmount]").fill("60.000.000,5");
  await form.locator("[name=completedOn]").fill("2025-10-15");
  await form.getByRole("button", { name: "Lưu" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toContainText("Kinh phí hỗ trợ (đồng): phải là số tiền nguyên đồng, ví dụ 60.000.000");
  await expect(alert).toContainText("Ngày hoàn thành: chỉ ghi ngày hoàn thành khi nhà đã hoàn thành");
  await form.locator("[name=supportAmount]").fill("60.000.000");
  await form.locator("[name=completedOn]").fill("");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form).toBeHidden();
  const table = page.getByTestId("list-housing");
  const row = table.getByRole("row").filter({ hasText: "Lò Văn Thử" });
  await expect(row).toContainText("Nhà tạm");
  await expect(row).toContainText("60.000.000 đ");
  await expect(row).toContainText("Xã An Lộc");

  // Edit: the house is finished.
  await row.getByRole("button", { name: "Sửa" }).click();
  await expect(form.locator("[name=supportAmount]")).toHaveValue("60.000.000");
  await form.locator("[name=status]").selectOption("completed");
  await form.locator("[name=completedOn]").fill("2025-10-15");
  await form.locator("[name=supportAmount]").fill("80.000.000");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form).toBeHidden();
  await expect(row).toContainText("Hoàn thành");
  await expect(row).toContainText("15/10/2025");
  await expect(row).toContainText("80.000.000 đ");
  await shot(page, "records-housing");

  // Someone else saves the house meanwhile: saving shows theirs beside ours, and ours can still win.
  await row.getByRole("button", { name: "Sửa" }).click();
  await form.locator("[name=household]").fill("Lò Văn Thử (chủ hộ mới)");
  const list = (await (await page.request.get("/v1/housing")).json()) as {
    items: { id: string; version: number; data: { household?: string } }[];
  };
  const house = list.items.find((h) => h.data.household === "Lò Văn Thử")!;
  const other = await page.request.put(`/v1/housing/${house.id}`, {
    data: { communeUnitId: "c-01-01", household: "Lò Văn Thử", status: "completed", supportAmount: "90000000", completedOn: "2025-10-16" },
    headers: { "if-match": `"${house.version}"`, "x-csrf-token": await csrfOf(page) },
  });
  expect(other.status()).toBe(200);
  await form.getByRole("button", { name: "Lưu" }).click();
  const conflict = page.getByTestId("housing-conflict");
  await expect(conflict).toContainText("Bản của bạn");
  await expect(conflict).toContainText("Bản đang lưu");
  await expect(conflict).toContainText("Lò Văn Thử (chủ hộ mới)");
  await expect(conflict).toContainText("90.000.000 đ");
  await conflict.getByRole("button", { name: "Lưu bản của tôi" }).click();
  await expect(form).toBeHidden();
  await expect(table.getByRole("row").filter({ hasText: "Lò Văn Thử (chủ hộ mới)" })).toContainText("80.000.000 đ");
});

test("the Inspection Committee records an inspection with one finding, then marks its follow-up done", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "inspector");
  await page.goto("/lists/inspections");
  await page.getByRole("button", { name: "Thêm biên bản kiểm tra, giám sát" }).click();
  const form = page.getByTestId("inspection-form");
  await form.locator("[name=kind]").selectOption("inspection");
  await form.locator("[name=date]").fill("2025-09-10");
  await form.locator("[name=unitId]").selectOption("c-01-01");
  await form.locator("[name=conductedBy]").fill("Đoàn kiểm tra số 7 của Ủy ban Kiểm tra Huyện ủy");
  await form.getByRole("button", { name: "Thêm kết luận" }).click();
  await form.locator("[name=finding-1]").fill("Chậm giải ngân vốn hỗ trợ xóa nhà tạm");
  await form.getByRole("button", { name: "Thêm kiến nghị cho kết luận này" }).click();
  const rec = form.getByTestId("rec-1");
  await rec.locator("[name=rec-1-text]").fill("Giải ngân đủ vốn hỗ trợ cho các hộ");
  await rec.locator("[name=rec-1-responsible]").fill("UBND xã An Lộc");
  // A due date before the inspection is refused before sending, naming the recommendation and the field.
  await rec.locator("[name=rec-1-dueDate]").fill("2025-09-01");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByRole("alert")).toContainText("Kiến nghị 1 — Hạn khắc phục: hạn không được trước ngày kiểm tra, giám sát");
  await rec.locator("[name=rec-1-dueDate]").fill("2025-11-30");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form).toBeHidden();
  const row = page.getByTestId("list-inspections").getByRole("row").filter({ hasText: "Đoàn kiểm tra số 7" });
  await expect(row).toContainText("10/09/2025");
  await expect(row).toContainText("Kiểm tra");
  await expect(row).toContainText("Xã An Lộc");

  // The follow-up is carried out: record the remedy, mark it done with its date.
  await row.getByRole("button", { name: "Sửa" }).click();
  await expect(form.locator("[name=finding-1]")).toHaveValue("Chậm giải ngân vốn hỗ trợ xóa nhà tạm");
  await rec.locator("[name=rec-1-remedy]").fill("Đã giải ngân đủ 240.000.000 đồng cho 4 hộ");
  await rec.locator("[name=rec-1-status]").selectOption("done");
  await rec.locator("[name=rec-1-doneOn]").fill("2025-11-20");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form).toBeHidden();
  await shot(page, "records-inspections");
  const stored = (await (await page.request.get("/v1/inspections")).json()) as {
    items: { data: { conductedBy?: string; findings: string[]; recommendations: Record<string, unknown>[] } }[];
  };
  const mine = stored.items.find((i) => i.data.conductedBy?.startsWith("Đoàn kiểm tra số 7"))!;
  expect(mine.data.findings).toEqual(["Chậm giải ngân vốn hỗ trợ xóa nhà tạm"]);
  expect(mine.data.recommendations).toEqual([
    {
      id: "kn-1",
      text: "Giải ngân đủ vốn hỗ trợ cho các hộ",
      responsible: "UBND xã An Lộc",
      dueDate: "2025-11-30",
      status: "done",
      doneOn: "2025-11-20",
      finding: 0,
      remedy: "Đã giải ngân đủ 240.000.000 đồng cho 4 hộ",
    },
  ]);
  // Nothing left open on this record: the list's open-recommendation column is 0.
  await expect(row.getByRole("cell").nth(5)).toHaveText("0");
});

test("a province officer recognises a dossier with the decision's number and date and sees them in the history", async ({ page }) => {
  await signIn(page, "province");
  await page.goto("/dossiers");
  await page.getByTestId("dossier-hs-demo-07").click();
  const detail = page.getByTestId("dossier-detail");
  await expect(detail.getByTestId("dossier-state")).toHaveText("Đã thẩm định (hội đồng tỉnh)");
  await detail.getByRole("button", { name: "Công nhận", exact: true }).click();
  const dialog = page.getByTestId("dossier-confirm");
  const confirm = dialog.getByRole("button", { name: "Xác nhận" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Số quyết định công nhận").fill("126/QĐ-UBND");
  await dialog.getByLabel("Ngày quyết định").fill("2025-12-02");
  await confirm.click();
  await expect(detail.getByRole("status").filter({ hasText: "Đã thực hiện: Công nhận" })).toBeVisible();
  await expect(detail.getByTestId("dossier-state")).toHaveText("Đã công nhận");
  const history = page.getByTestId("dossier-history");
  await expect(history.getByTestId("dossier-decision")).toHaveText("Quyết định số 126/QĐ-UBND ngày 02/12/2025");
  await expect(history.locator("li").last()).toContainText("Công nhận");
  await shot(page, "records-dossier-decision");
  const d = (await (await page.request.get("/v1/dossiers/hs-demo-07")).json()) as { history: { decision?: unknown }[] };
  expect(d.history.at(-1)?.decision).toEqual({ number: "126/QĐ-UBND", date: "2025-12-02" });
});

test("a district officer records several tasks' progress from a file on the plan board: check, then write", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "district");
  await page.goto("/plan?plan=plan-63-d-01");
  const panel = page.getByTestId("task-progress-file");
  await expect(panel.getByRole("heading", { name: "Cập nhật tiến độ từ tệp (XLSX/CSV)" })).toBeVisible();
  // The template is pre-filled with the plan's tasks.
  const template = await page.request.get("/v1/plans/plan-63-d-01/progress/template?format=csv");
  expect((await template.text()).split("\r\n").some((l) => l.startsWith("II.5;"))).toBe(true);
  const input = panel.locator('input[type="file"]');
  const csv = (rows: string[]) =>
    Buffer.from(`Mã nhiệm vụ;Tình trạng;Tỷ lệ hoàn thành (%);Kết quả thực hiện;Kỳ báo cáo\r\n${rows.join("\r\n")}\r\n`);
  // One bad row refuses the file, named by row and column.
  await input.setInputFiles({ name: "tien-do.csv", mimeType: "text/csv", buffer: csv(["II.5;Đang thực hiện;140;Làm đường;2025S2"]) });
  await panel.getByRole("button", { name: "Kiểm tra tệp" }).click();
  const errors = page.getByTestId("task-progress-file-errors");
  await expect(errors).toContainText("tỷ lệ hoàn thành 140% phải từ 0 đến 100");
  await expect(errors.getByRole("cell", { name: "C", exact: true })).toBeVisible();
  await input.setInputFiles({
    name: "tien-do.csv",
    mimeType: "text/csv",
    buffer: csv(["II.5;Đang thực hiện;70;Đã cứng hóa 4 km đường trục xã;2025S2", "II.1;Đã hoàn thành;100;Đã phê duyệt quy hoạch;2025"]),
  });
  await panel.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByTestId("task-progress-file-checked")).toContainText("2 dòng thay đổi (II.5, II.1)");
  await panel.getByRole("button", { name: "Ghi 2 dòng thay đổi" }).click();
  await expect(page.getByTestId("task-progress-file-done")).toContainText("Đã ghi 2 dòng thay đổi");
  const plan = (await (await page.request.get("/v1/plans/plan-63-d-01")).json()) as {
    tasks: { code: string; progress: { status: string; percentDone?: number } | null }[];
  };
  expect(plan.tasks.find((t) => t.code === "II.5")?.progress).toMatchObject({ status: "in_progress", percentDone: 70 });
  await shot(page, "plan-progress-file");
});
