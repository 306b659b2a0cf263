import { expect, test } from "@playwright/test";
import { formatCellValue } from "@ntm/core";
import { shot, signIn, type EvalLite } from "./helpers";

const TIER_VI: Record<string, string> = { standard: "NTM", advanced: "NTM nâng cao", model: "NTM kiểu mẫu" };

test("a commune officer types a value and sees the badge, the threshold and the tier change before saving", async ({ page }) => {
  await signIn(page, "commune");
  const unitId = "c-01-01";
  const year = 2025;
  // A met criterion with a numeric "≥" indicator that is met: typing less than its threshold flips it.
  const ev = (await (await page.request.get(`/v1/units/${unitId}/evaluation?year=${year}`)).json()) as EvalLite;
  const target = ev.criteria
    .filter((c) => c.status === "met")
    .flatMap((c) => c.indicators.map((i) => ({ c, i })))
    .find(({ i }) => i.status === "met" && i.comparator === ">=" && typeof i.required === "number" && (i.required as number) > 1);
  if (!target) throw new Error(`no flippable numeric indicator in ${unitId}`);
  const rollup = (await (await page.request.get(`/v1/units/${unitId}/rollup?year=${year}`)).json()) as {
    communes: { unitId: string; tierReached: string | null }[];
  };
  const tierBefore = rollup.communes.find((c) => c.unitId === unitId)?.tierReached ?? null;
  const before = (await (await page.request.get(`/v1/units/${unitId}/values/${year}`)).json()) as { version: number };

  await page.goto(`/data-entry/${unitId}?year=${year}`);
  const fid = `f-${target.i.id}`;
  const field = page.locator(`#${fid.replace(/\./g, "\\.")}`);
  const badge = page.getByTestId(`${fid}-status`);
  await expect(badge).toContainText("Đạt");
  const required = target.i.required as number;
  // The threshold is shown beside the field, as a Vietnamese number with its comparator.
  await expect(badge).toContainText(`ngưỡng ≥ ${formatCellValue(required)}`);
  await expect(page.getByTestId("pending-bar")).toContainText("Không có thay đổi chưa lưu");

  const typed = formatCellValue(Math.round((required - 0.5) * 10) / 10);
  await field.fill(typed);
  // Before saving: the badge reflects what is typed, and the sticky bar says what the save will do.
  await expect(badge).toContainText("Không đạt");
  const summary = page.getByTestId("pending-summary");
  await expect(summary).toContainText(`tiêu chí ${target.c.id}: Đạt → Không đạt`);
  if (tierBefore) await expect(summary).toContainText(`${TIER_VI[tierBefore]} → Chưa đạt chuẩn`);
  await expect(page.getByTestId("pending-bar")).toContainText("1 thay đổi chưa lưu (năm 2025)");
  // Nothing was written yet.
  const still = (await (await page.request.get(`/v1/units/${unitId}/values/${year}`)).json()) as { version: number };
  expect(still.version).toBe(before.version);
  await shot(page, "data-entry-preview");

  // Clearing the field shows "chưa có số liệu", never a failure.
  await field.fill("");
  await expect(badge).toContainText("Chưa có số liệu");
  await field.fill(typed);

  // Save from the sticky bar with the keyboard (Ctrl+S); the message names the year and the tier change.
  await field.press("Control+s");
  const message = page.getByTestId("save-message");
  await expect(message).toContainText("Đã lưu số liệu năm 2025");
  await expect(message).toContainText(`tiêu chí ${target.c.id}: Đạt → Không đạt`);
  const after = (await (await page.request.get(`/v1/units/${unitId}/values/${year}`)).json()) as {
    version: number;
    values: Record<string, unknown>;
  };
  expect([after.version, after.values[target.i.id]]).toEqual([before.version + 1, Math.round((required - 0.5) * 10) / 10]);
});

test("a bulk upload into the selected year 2024 writes 2024, says so, and leaves 2025 alone", async ({ page }) => {
  await signIn(page, "district");
  const unitId = "c-01-03";
  const get = async (y: number) =>
    (await (await page.request.get(`/v1/units/${unitId}/values/${y}`)).json()) as { version: number; values: Record<string, unknown> };
  const before2025 = await get(2025);
  await page.goto(`/data-entry/${unitId}?year=2024`);
  await expect(page.getByRole("heading", { name: "Tải lên hàng loạt (CSV/XLSX) vào năm 2024" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tải mẫu XLSX năm 2024" })).toHaveAttribute("href", /values-template\?year=2024/);
  // A file without a year column, with the template's Vietnamese header and a decimal comma.
  await page.getByLabel("Tệp CSV hoặc XLSX").setInputFiles({
    name: "xa.csv",
    mimeType: "text/csv",
    buffer: Buffer.from('Mã đơn vị,2.2\nc-01-03,"66,5"\n', "utf8"),
  });
  await page.getByRole("button", { name: "Tải lên", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã ghi" })).toContainText("vào năm 2024");
  await shot(page, "bulk-2024");
  expect([(await get(2024)).values["2.2"], (await get(2025)).version]).toEqual([66.5, before2025.version]);

  // A row of another year is refused, naming the row; nothing is written.
  const v2024 = (await get(2024)).version;
  await page.getByLabel("Tệp CSV hoặc XLSX").setInputFiles({
    name: "sai-nam.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Mã đơn vị,Năm,2.2\nc-01-03,2025,70\n", "utf8"),
  });
  await page.getByRole("button", { name: "Tải lên", exact: true }).click();
  await expect(page.getByTestId("bulk-errors")).toContainText("năm 2025 khác năm đã chọn 2024");
  expect((await get(2024)).version).toBe(v2024);
});

test("a district officer sees who has entered the year, approves (locks) a commune's year; the commune officer then cannot write it", async ({
  browser,
}) => {
  const district = await browser.newPage();
  await signIn(district, "district");
  await district.goto("/data-entry/c-01-01?year=2024");
  const completeness = district.getByTestId("completeness");
  await expect(completeness.getByRole("heading")).toHaveText("Tình hình nhập số liệu năm 2024");
  await expect(completeness.getByTestId("completeness-c-01-01")).toContainText("Đủ");
  await expect(district.getByTestId("lock-state")).toContainText("chưa được duyệt");
  await district.getByRole("button", { name: "Duyệt và khóa số liệu năm 2024" }).click();
  await expect(district.getByTestId("lock-state")).toContainText("đã được Cán bộ NTM Huyện An Hòa duyệt và khóa");
  await expect(completeness.getByTestId("completeness-c-01-01")).toContainText("Đã duyệt (khóa)");
  await shot(district, "data-entry-locked-district");

  const commune = await browser.newPage();
  await signIn(commune, "commune");
  await commune.goto("/data-entry/c-01-01?year=2024");
  await expect(commune.getByTestId("lock-state")).toContainText("không sửa được");
  await expect(commune.getByRole("button", { name: "Lưu" })).toBeDisabled();
  await expect(commune.getByRole("button", { name: /Mở khóa/ })).toHaveCount(0);
  // (The API refuses the write itself with a 409 in Vietnamese: apps/api/src/routes/valueReview.test.ts.)

  await district.getByRole("button", { name: "Mở khóa số liệu năm 2024" }).click();
  await expect(district.getByTestId("lock-state")).toContainText("chưa được duyệt");
  await commune.reload();
  await expect(commune.getByRole("button", { name: "Lưu" })).toBeEnabled();
});

test("a value that moves by more than the set share from last year is flagged at the field and in the sticky bar, without blocking", async ({
  page,
}) => {
  await signIn(page, "commune");
  const input = (await (await page.request.get("/v1/units/c-01-01/values/2025/evaluation-input")).json()) as {
    previousValues: Record<string, unknown>;
  };
  const [id, prev] = Object.entries(input.previousValues).find(([, v]) => typeof v === "number" && v > 10) as [string, number];
  await page.goto("/data-entry/c-01-01?year=2025");
  await page.getByLabel("Cảnh báo khi số liệu thay đổi quá").fill("20");
  // The share in force is stated, with where it comes from (this browser only).
  await expect(page.getByTestId("jump-in-force")).toContainText("quá 20% so với năm trước (mức bạn đặt); chỉ lưu trên trình duyệt này");
  await page.locator(`#f-${id.replace(/\./g, "\\.")}`).fill(formatCellValue(Math.round(prev * 0.5 * 10) / 10));
  await expect(page.getByTestId(`jump-${id}`)).toContainText("so với năm trước");
  await expect(page.getByTestId("pending-bar")).toContainText(`${id}: ${formatCellValue(prev)} →`);
  await expect(page.getByRole("button", { name: "Lưu" })).toBeEnabled();
  await page.getByRole("button", { name: /^Về mức mặc định/ }).click();
  await expect(page.getByTestId("jump-in-force")).toContainText("(mức mặc định)");
});
