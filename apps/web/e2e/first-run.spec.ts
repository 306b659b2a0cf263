import { expect, test, type Browser, type Page } from "@playwright/test";
import { statSync } from "node:fs";
import { join } from "node:path";
import { type EmptyServer, shot, signInAt, startEmptyServer } from "./helpers";

// Day one of a real deployment in the browser: an EMPTY data directory with NTM_SEED=none (its own
// server, not the demo one the config starts), the setup link, the first administrator, the unit
// tree from the template, and two officers who each see only their scope.
let srv: EmptyServer;
let dir: string;
let base: string;

test.beforeAll(async () => {
  // A cold PGlite start with migrations can take a while on a busy machine.
  test.setTimeout(240_000);
  srv = await startEmptyServer("first-run");
  dir = srv.dir;
  base = srv.base;
});

test.afterAll(async () => {
  await srv?.stop();
});

const signInAs = (browser: Browser, username: string, password: string): Promise<Page> => signInAt(browser, base, username, password);

test("first run: setup link → first admin → unit tree from the template → officers who see only their scope", async ({ browser }) => {
  test.setTimeout(180_000);
  // The server printed a setup link, wrote the token 0600 beside the data, and advertised no demo account.
  const link = /(http:\/\/\S+\/setup\?token=\S+)/.exec(srv.log())![1]!;
  expect(statSync(join(dir, "setup-token")).mode & 0o777).toBe(0o600);
  expect(srv.log()).not.toContain("admin123");

  const context = await browser.newContext({ baseURL: base, locale: "vi-VN", acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Khởi tạo hệ thống" })).toBeVisible();
  await page.getByLabel("Tên đăng nhập").fill("quantri");
  await page.getByLabel("Mật khẩu (ít nhất 8 ký tự)").fill("mat-khau-quan-tri");
  await page.getByLabel("Tên hiển thị").fill("Quản trị tỉnh");
  await page.getByLabel("Mã tỉnh").fill("p-26");
  await page.getByLabel("Tên tỉnh").fill("Tỉnh Vĩnh Phúc");
  await page.getByRole("button", { name: "Tạo quản trị viên" }).click();
  await expect(page).toHaveURL(/\/units$/);
  await expect(page.getByTestId("user-name")).toContainText("Quản trị tỉnh");

  // The template from the units page, uploaded as it is.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải mẫu CSV" }).click();
  const file = join(dir, "mau-don-vi.csv");
  await (await downloading).saveAs(file);
  await page.locator('input[name="unit-file"]').setInputFiles(file);
  await page.getByRole("button", { name: "Nhập", exact: true }).click();
  await expect(page.getByTestId("unit-import-done")).toHaveText("Đã nhập 8 đơn vị: 7 mới, 0 thay đổi, 1 giữ nguyên.");
  await expect(page.getByText("Xã Hợp Nhất (ví dụ)").first()).toBeVisible();
  await shot(page, "first-run-units");

  // People: a district officer (the historical district) and a commune officer (the merged commune).
  await page.getByRole("link", { name: "Người dùng" }).click();
  await expect(page.getByTestId("user-quantri")).toBeVisible();
  const add = page.getByTestId("add-user");
  for (const [username, name, role, scope, pw] of [
    ["huyen-cu", "Cán bộ huyện cũ", "district_officer", "p-26-h01", "mat-khau-huyen"],
    ["xa-moi", "Cán bộ xã hợp nhất", "commune_officer", "p-26-x10", "mat-khau-xa-moi"],
  ] as const) {
    await add.getByLabel("Tên đăng nhập").fill(username);
    await add.getByLabel("Tên hiển thị").fill(name);
    await add.getByLabel("Mật khẩu (ít nhất 8 ký tự)").fill(pw);
    await add.locator('select[name="role"]').selectOption(role);
    await add.locator('select[name="scopeUnitId"]').selectOption(scope);
    await add.getByRole("button", { name: "Tạo" }).click();
    await expect(page.getByTestId("users-notice")).toHaveText(`Đã tạo ${username}.`);
    await expect(page.getByTestId(`user-${username}`)).toBeVisible();
  }
  // Role names come from the API, Vietnamese first.
  await expect(page.getByTestId("user-xa-moi")).toContainText("Cán bộ xã");
  await shot(page, "first-run-users");

  // Each officer signs in and sees only their scope.
  const district = await signInAs(browser, "huyen-cu", "mat-khau-huyen");
  const seen = async (p: Page) => ((await (await p.request.get("/v1/units")).json()) as { items: { id: string }[] }).items.map((u) => u.id);
  expect(await seen(district)).toEqual(["p-26-h01", "p-26-x01", "p-26-x02"]);
  await district.goto("/units");
  await expect(district.getByText("Huyện Cũ (ví dụ)").first()).toBeVisible();
  await expect(district.getByText("Xã Hai (ví dụ)")).toHaveCount(0);
  expect((await district.request.get("/v1/units/p-26-x11")).status()).toBe(403);

  const commune = await signInAs(browser, "xa-moi", "mat-khau-xa-moi");
  expect(await seen(commune)).toEqual(["p-26-x10", "p-26-x10-t01"]);
  await commune.goto("/units");
  await expect(commune.getByText("Thôn Một (ví dụ)").first()).toBeVisible();
  await expect(commune.getByText("Xã Cũ A (ví dụ)")).toHaveCount(0);
  expect((await commune.request.get("/v1/units/p-26-h01")).status()).toBe(403);

  // Publishing the year from the overview, after a confirmation saying what becomes public; then withdrawing it.
  await page.goto("/overview");
  const control = page.getByTestId("publish-control");
  await expect(control.getByTestId("publish-state")).toContainText("chưa công bố");
  await control.getByRole("button", { name: "Công bố kết quả" }).click();
  const dialog = page.getByTestId("publish-confirm");
  await expect(dialog).toContainText("bất kỳ ai (không cần đăng nhập)");
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await expect(control.getByTestId("publish-state")).toContainText("đã công bố");
  expect(
    ((await (await page.request.get("/v1/public/publications")).json()) as { items: { unitId: string }[] }).items.map((p) => p.unitId),
  ).toEqual(["p-26"]);
  await control.getByRole("button", { name: "Rút lại công bố" }).click();
  await page.getByTestId("publish-confirm").getByRole("button", { name: "Xác nhận" }).click();
  await expect(control.getByTestId("publish-state")).toContainText("chưa công bố");
  const audit = (await (await page.request.get("/v1/audit?entityType=publication")).json()) as { items: { action: string }[] };
  expect(audit.items.map((a) => a.action).sort()).toEqual(["results.publish", "results.withdraw"]);

  // The setup link is spent: the page says so.
  await page.goto(link);
  await expect(page.getByTestId("setup-done")).toBeVisible();
});
