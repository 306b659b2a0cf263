import { expect, test, type Browser } from "@playwright/test";
import { shot, signIn, type EvalLite } from "./helpers";

const YEAR = 2025;

test("a province officer signs in and sees the province overview with tiers, targets and the heat map", async ({ page }) => {
  await signIn(page, "province");
  await expect(page).toHaveURL(/\/overview/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tổng quan");
  await expect(page.getByTestId("heatmap")).toBeVisible();
  // 40 demo communes split into the four tier buckets.
  const counts = await Promise.all(
    ["none", "standard", "advanced", "model"].map(async (k) => Number(await page.getByTestId(`tier-count-${k}`).innerText())),
  );
  expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
  await expect(page.getByText("Tỷ lệ xã đạt chuẩn NTM", { exact: true })).toBeVisible();
  // The demo pack's thresholds are example values: the page says so.
  await expect(page.getByTestId("unverified-notice")).toContainText("Giá trị ví dụ");
  await page.waitForTimeout(500); // let the lazily loaded chart paint before the screenshot
  await shot(page, "overview");
});

test("the overview switches to English and back", async ({ page }) => {
  await signIn(page, "province");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Overview");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await shot(page, "overview-en");
  // The choice is kept: a reload renders in English from the first paint (its strings load before it).
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Overview");
  await expect(page.getByRole("button", { name: "Tiếng Việt" })).toBeVisible();
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tổng quan");
});

test("opening a commune from the heat map shows its criteria with actual, required, gap and reasons in Vietnamese", async ({ page }) => {
  await signIn(page, "province");
  const first = page.getByTestId("heatmap").getByRole("link").first();
  const name = await first.innerText();
  await first.click();
  await expect(page).toHaveURL(/\/communes\//);
  await expect(page.getByTestId("commune-name")).toHaveText(name);
  await expect(page.getByRole("heading", { name: "Tiêu chí và chỉ tiêu" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kiểm tra thu hồi (QĐ 18/2022)" })).toBeVisible();
  await expect(page.getByTestId("criteria-met")).toHaveText(/\d+\/19/);
  await expect(page.getByText(/Thôn 1/)).toBeVisible();
  await page.getByRole("button", { name: "Mở tất cả" }).click();
  await expect(page.getByTestId("indicator-1.1")).toBeVisible();
  await shot(page, "commune");
});

/** Finds a met criterion with a boolean indicator that is met (so setting it to "Không" flips the criterion). */
async function flippable(page: import("@playwright/test").Page, unitId: string): Promise<{ criterion: string; indicator: string }> {
  const ev = (await (await page.request.get(`/v1/units/${unitId}/evaluation?year=${YEAR}`)).json()) as EvalLite;
  for (const c of ev.criteria)
    if (c.status === "met")
      for (const i of c.indicators) if (i.status === "met" && i.actual === true) return { criterion: c.id, indicator: i.id };
  throw new Error(`no flippable criterion in ${unitId}`);
}

test("changing a value flips its criterion, on the data entry page and on the commune page", async ({ page }) => {
  await signIn(page, "province");
  const unitId = "c-02-03";
  const { criterion, indicator } = await flippable(page, unitId);
  await page.goto(`/data-entry/${unitId}?year=${YEAR}`);
  const field = page.locator(`#f-${indicator.replace(/\./g, "\\.")}`);
  await expect(field).toBeVisible();
  await field.selectOption("Không");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByTestId("save-message")).toContainText(`${criterion}: Đạt → Không đạt`);
  await shot(page, "data-entry-saved");
  await page.getByRole("link", { name: "Xem kết quả của xã" }).click();
  await expect(page.getByTestId(`criterion-${criterion}`).locator("summary")).toContainText("Không đạt");
});

test("an evidence note entered with the values is saved and shown under the indicator's reason on the commune page", async ({ page }) => {
  await signIn(page, "province");
  const unitId = "c-02-05";
  const note = "Báo cáo số 12/BC-UBND ngày 05/3/2025 của UBND xã";
  await page.goto(`/data-entry/${unitId}?year=${YEAR}`);
  // Notes open on demand (one button per field, not one text box tab stop each).
  await page.getByRole("button", { name: "Thêm ghi chú 1.1" }).click();
  const field = page.getByLabel("Nguồn số liệu / minh chứng (1.1)");
  await expect(field).toBeVisible();
  await field.fill(note);
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByTestId("save-message")).toContainText("Đã lưu");
  const stored = (await (await page.request.get(`/v1/units/${unitId}/values/${YEAR}`)).json()) as { notes: Record<string, string> };
  expect(stored.notes).toEqual({ "1.1": note });
  await page.getByRole("link", { name: "Xem kết quả của xã" }).click();
  await page.getByRole("button", { name: "Mở tất cả" }).click();
  await expect(page.getByTestId("indicator-1.1").getByTestId("note-1.1")).toHaveText(`Nguồn số liệu / minh chứng: ${note}`);
  await shot(page, "commune-evidence-note");
});

test("a percent above 100 is refused in the field before anything is sent", async ({ page }) => {
  await signIn(page, "province");
  await page.goto(`/data-entry/c-02-04?year=${YEAR}`);
  const percent = page.locator(".entry-row input[inputmode=decimal]").first();
  await percent.fill("140");
  await expect(page.getByText(/Tỷ lệ phải từ 0 đến 100|Không được là số âm|Phải là một số/).first()).toBeVisible();
});

async function editorPage(browser: Browser, unitId: string) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, "province");
  await page.goto(`/data-entry/${unitId}?year=${YEAR}`);
  await expect(page.getByRole("button", { name: "Lưu" })).toBeVisible();
  return { ctx, page };
}

test("two officers edit the same commune: the second save shows the conflict and the other person's values", async ({ browser }) => {
  // Two browser contexts, two sign-ins and two editors: it took 32–60 s on a busy machine.
  test.setTimeout(120_000);
  const unitId = "c-03-05";
  const a = await editorPage(browser, unitId);
  const b = await editorPage(browser, unitId);
  const input = (p: typeof a.page) => p.locator(".entry-row input[inputmode=decimal]").first();
  const id = (await input(a.page).getAttribute("name")) ?? "";
  await input(a.page).fill("11");
  await a.page.getByRole("button", { name: "Lưu" }).click();
  await expect(a.page.getByTestId("save-message")).toContainText("Đã lưu");
  await input(b.page).fill("22");
  await b.page.getByRole("button", { name: "Lưu" }).click();
  const conflict = b.page.getByTestId("conflict");
  await expect(conflict).toContainText("Số liệu đã bị người khác sửa");
  await expect(conflict.getByRole("row", { name: new RegExp(id.replace(/\./g, "\\.")) })).toContainText("22");
  await expect(conflict.getByRole("row", { name: new RegExp(id.replace(/\./g, "\\.")) })).toContainText("11");
  await shot(b.page, "conflict");
  // Nothing was overwritten: the stored value is still the first officer's.
  const stored = (await (await b.page.request.get(`/v1/units/${unitId}/values/${YEAR}`)).json()) as { values: Record<string, unknown> };
  expect(stored.values[id]).toBe(11);
  await b.page.getByRole("button", { name: "Dùng số liệu đã lưu" }).click();
  await expect(input(b.page)).toHaveValue("11");
  await a.ctx.close();
  await b.ctx.close();
});

test("a commune officer sees only their commune and is refused another commune", async ({ page }) => {
  await signIn(page, "commune");
  await expect(page).toHaveURL(/\/communes\/c-01-01/);
  await expect(page.getByRole("link", { name: "Tổng quan" })).toHaveCount(0);
  await page.goto("/communes/c-01-02");
  await expect(page.getByRole("alert")).toContainText("Bạn không có quyền");
  await shot(page, "denied");
  // The API refuses the write too, even with a valid session and CSRF token.
  const me = (await (await page.request.get("/v1/auth/me")).json()) as { csrfToken: string };
  const res = await page.request.put(`/v1/units/c-01-02/values/${YEAR}`, {
    data: { values: {} },
    headers: { "x-csrf-token": me.csrfToken, "if-match": '"1"' },
  });
  expect(res.status()).toBe(403);
});

test("a bulk upload with a bad row shows the row-level report and writes nothing; a good file is written", async ({ page }) => {
  await signIn(page, "province");
  await page.goto(`/data-entry/c-04-01?year=${YEAR}`);
  const before = (await (await page.request.get(`/v1/units/c-04-01/values/${YEAR}`)).json()) as { version: number };
  const upload = async (name: string, csv: string) => {
    await page.getByLabel("Tệp CSV hoặc XLSX").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "Tải lên", exact: true }).click();
  };
  await upload("bad.csv", `unit_id,year,indicator,value\nc-04-01,${YEAR},2.1,99\nc-04-01,${YEAR},2.2,140\n`);
  const report = page.getByTestId("bulk-errors");
  await expect(report).toContainText("Không ghi dòng nào");
  await expect(report.getByRole("row").nth(1)).toContainText("3");
  await shot(page, "bulk-errors");
  const unchanged = (await (await page.request.get(`/v1/units/c-04-01/values/${YEAR}`)).json()) as { version: number };
  expect(unchanged.version).toBe(before.version);
  await upload("good.csv", `unit_id,year,indicator,value\nc-04-01,${YEAR},2.1,99\n`);
  await expect(page.getByRole("status").filter({ hasText: "Đã ghi" })).toContainText("Đã ghi 1 dòng");
});

test("the criteria packs page marks unverified thresholds and shows the validation errors of a bad provincial pack", async ({ page }) => {
  await signIn(page, "province");
  await page.goto("/packs");
  await expect(page.getByTestId("pack-list")).toBeVisible();
  await expect(page.getByTestId("pack-verified")).toContainText("ngưỡng đã xác minh");
  await page.getByLabel("Tệp JSON").setInputFiles({
    name: "bad-pack.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify({ id: "vn-xx.bad", version: "1", extends: "vn.commune-ntm.2021-2025", criteria: "not a list" }),
      "utf8",
    ),
  });
  await expect(page.getByTestId("pack-errors")).toContainText("$");
  await shot(page, "packs");
});

test("a province officer moves a verified dossier one step (recognition); blocked actions show their guard reasons", async ({ page }) => {
  await signIn(page, "province");
  await page.goto("/dossiers");
  await page.getByTestId("dossier-hs-demo-10").click();
  await expect(page.getByTestId("dossier-blocked")).toContainText("Chưa đạt chuẩn");
  await page.getByTestId("dossier-hs-demo-07").click();
  const detail = page.getByTestId("dossier-detail");
  await expect(detail.getByTestId("dossier-state")).toHaveText("Đã thẩm định (hội đồng tỉnh)");
  const recognise = detail.getByRole("button", { name: "Công nhận", exact: true });
  await expect(recognise).toBeEnabled();
  await shot(page, "dossiers");
  await recognise.click();
  // The step is confirmed in a dialog that says what happens and asks for the decision's number and date
  // (records-more.spec.ts recognises this dossier; here the officer changes their mind).
  const dialog = page.getByTestId("dossier-confirm");
  await expect(dialog).toContainText("sang «Đã công nhận»");
  const confirm = dialog.getByRole("button", { name: "Xác nhận" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Số quyết định công nhận").fill("125/QĐ-UBND");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Ngày quyết định").fill("2025-12-01");
  await expect(dialog.getByTestId("dossier-decision-preview")).toHaveText("Quyết định số 125/QĐ-UBND ngày 01/12/2025");
  await expect(confirm).toBeEnabled();
  await dialog.getByRole("button", { name: "Hủy" }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.getByTestId("dossier-state")).toHaveText("Đã thẩm định (hội đồng tỉnh)");
  await expect(page.getByTestId("dossier-hs-demo-07")).toBeVisible();
});

test("a commune officer's self-assessment is blocked while a document is missing, and allowed once it is there", async ({ page }) => {
  await signIn(page, "commune");
  await page.goto("/dossiers");
  await page.getByTestId("dossier-hs-demo-01").click();
  const detail = page.getByTestId("dossier-detail");
  const report = detail.getByLabel("Báo cáo tự đánh giá");
  const save = async () => {
    await detail.getByRole("button", { name: "Lưu thông tin hồ sơ" }).click();
    // A loading indicator (also role=status) may be on screen at the same time: pick the saved notice.
    await expect(detail.getByRole("status").filter({ hasText: "Đã lưu thông tin hồ sơ" })).toBeVisible();
  };
  // Whatever the seed holds, take the report out first: the guard must name it.
  if (await report.isChecked()) {
    await report.uncheck();
    await save();
  }
  await expect(page.getByTestId("dossier-blocked")).toContainText("Hồ sơ còn thiếu: Báo cáo tự đánh giá");
  await expect(detail.getByRole("button", { name: "Tự đánh giá" })).toHaveCount(0);
  await detail.getByLabel("Báo cáo tự đánh giá").check();
  await save();
  await expect(detail.getByRole("button", { name: "Tự đánh giá" })).toBeVisible();
});

test("the plan board lists due, late and overdue reports and records a submitted report", async ({ page }) => {
  await signIn(page, "district");
  await page.goto("/plan");
  await expect(page.getByTestId("reports-table")).toBeVisible();
  await expect(page.getByTestId("steering-members")).toBeVisible();
  await page.getByRole("button", { name: /Nộp trễ \(\d+\)/ }).click();
  await expect(page.getByTestId("reports-table").locator("tbody tr").first()).toContainText("Nộp trễ");
  await page.getByRole("button", { name: /Tất cả/ }).click();
  await shot(page, "plan");
  // Submit the first report still due (the demo seeds an overdue one; pending ones depend on today's date).
  const count = async (name: RegExp) => Number(/\((\d+)\)/.exec(await page.getByRole("button", { name }).innerText())?.[1]);
  await expect(page.getByTestId("reports-table")).toBeVisible();
  const open = (await count(/Quá hạn/)) + (await count(/Chưa đến hạn/));
  expect(open, "the fresh demo database has reports still to submit").toBeGreaterThan(0);
  await page.getByLabel("Nộp báo cáo").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Ghi nhận đã nộp" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã ghi nhận" })).toBeVisible();
  await expect.poll(async () => (await count(/Quá hạn/)) + (await count(/Chưa đến hạn/))).toBe(open - 1);
});

test("the OCOP, resources, housing and inspection lists show totals and rows", async ({ page }) => {
  await signIn(page, "province");
  await page.goto("/lists/ocop");
  await expect(page.getByTestId("list-ocop")).toBeVisible();
  await shot(page, "ocop");
  await page.getByRole("link", { name: "Huy động nguồn lực" }).click();
  await expect(page.getByTestId("resources-total")).toContainText("đ");
  await page.getByRole("link", { name: "Xóa nhà tạm, nhà dột nát" }).click();
  await expect(page.getByTestId("list-housing")).toBeVisible();
  await page.getByRole("link", { name: "Kiểm tra, giám sát" }).click();
  await expect(page.getByTestId("list-inspections")).toBeVisible();
});

test("the annual ranking shows scores, levels and the default-scheme notice", async ({ page }) => {
  await signIn(page, "province");
  await page.goto("/ranking");
  const rows = page.getByTestId("ranking-table").locator("tbody > tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBe(40); // every demo commune is ranked
  const first = rows.first();
  await expect(first.locator("td").first()).toHaveText("1");
  await expect(first.locator("td").nth(1)).toHaveText(/^\d+(,\d+)?$/); // a score, Vietnamese decimal comma
  await expect(page.getByTestId("ranking-scheme")).toContainText("mặc định");
  await shot(page, "ranking");
});

test("the ranking switches to organisations and persons and shows each proposal with its reasons", async ({ page }) => {
  await signIn(page, "district");
  await page.goto("/ranking");
  await expect(page.getByTestId("ranking-table").locator("tbody > tr").first()).toBeVisible();
  await page.getByTestId("ranking-kind").selectOption("person");
  await expect(page.getByTestId("ranking-table")).toContainText("Đ/c "); // the steering members, from the register
  await expect(page.getByText(/Có thành tích xuất sắc được ghi nhận/).first()).toBeVisible();
  await page.getByTestId("ranking-kind").selectOption("organisation");
  await expect(page.getByTestId("ranking-table")).toContainText("Ủy ban nhân dân huyện");
  await page.getByTestId("ranking-rules").locator("summary").click();
  await expect(page.getByTestId("ranking-rules")).toContainText("Thứ tự xếp hạng: xếp loại");
});

test("export buttons download the files the API produces", async ({ page }) => {
  await signIn(page, "district");
  await expect(page.getByTestId("heatmap")).toBeVisible();
  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Bảng tổng hợp tiêu chí (XLSX)" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  await page.goto("/communes/c-01-01");
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Phiếu đánh giá (PDF)" }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
});

test("every form control on the main pages has an accessible name, and the skip link reaches the content", async ({ page }) => {
  await signIn(page, "province");
  for (const path of [
    "/overview",
    "/communes/c-01-01",
    `/data-entry/c-01-01?year=${YEAR}`,
    "/plan",
    "/dossiers",
    "/ranking",
    "/lists/ocop",
    "/packs",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, textarea, button")]
        .filter((el) => {
          const e = el as HTMLInputElement;
          const name =
            e.labels?.length ||
            e.getAttribute("aria-label") ||
            e.getAttribute("aria-labelledby") ||
            (el.tagName === "BUTTON" && el.textContent?.trim());
          return !name && e.type !== "hidden";
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect({ path, unnamed }).toEqual({ path, unnamed: [] });
  }
  await page.goto("/overview");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Bỏ qua, đến nội dung chính" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
});

test("the Inspection Committee reads the audit log; other roles do not see it", async ({ page }) => {
  await signIn(page, "inspector");
  await page.getByRole("link", { name: "Nhật ký" }).click();
  await expect(page.getByTestId("audit-table")).toBeVisible();
  await expect(page.getByTestId("audit-table")).toContainText(/seed\.demo|Sửa số liệu/);
  await expect(page.getByRole("link", { name: "Nhập số liệu" })).toHaveCount(0);
  await shot(page, "audit");
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await signIn(page, "district");
  await expect(page.getByRole("link", { name: "Nhật ký" })).toHaveCount(0);
});

test("the sign-in page and the overview work on a phone-sized screen", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto("/sign-in");
  await shot(page, "phone-sign-in");
  await signIn(page, "district");
  await expect(page.getByTestId("heatmap")).toBeVisible();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("link", { name: "Nhập số liệu" })).toBeVisible();
  await shot(page, "phone-overview");
  await ctx.close();
});

// ---- Administrative units (Đơn vị hành chính) ----

/** The form controls on the page without an accessible name (like the check above, for one page). */
async function unnamedControls(page: import("@playwright/test").Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea, button")]
      .filter((el) => {
        const e = el as HTMLInputElement;
        const name =
          e.labels?.length ||
          e.getAttribute("aria-label") ||
          e.getAttribute("aria-labelledby") ||
          (el.tagName === "BUTTON" && el.textContent?.trim());
        return !name && e.type !== "hidden";
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

/** The CSRF token of the page's session, for writes through page.request. */
async function csrfOf(page: import("@playwright/test").Page): Promise<string> {
  return ((await (await page.request.get("/v1/auth/me")).json()) as { csrfToken: string }).csrfToken;
}

test("a province officer adds a hamlet under a commune, renames it, moves it, sees it in the tree and deletes it", async ({ page }) => {
  await signIn(page, "province");
  await page.getByRole("link", { name: "Đơn vị hành chính" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đơn vị hành chính" })).toBeVisible();
  const tree = page.getByTestId("unit-tree");
  await page.getByLabel("Tìm đơn vị (tên hoặc mã)").fill("c-01-02");
  await tree.locator('li[data-unit-id="c-01-02"] > .unit-row a').click();
  await expect(page).toHaveURL(/\/units\?id=c-01-02$/);
  await expect(page.getByTestId("unit-details")).toContainText("c-01-02");
  // A commune with hamlets cannot be deleted.
  await expect(page.getByTestId("unit-delete-blocked")).toContainText("đơn vị trực thuộc");
  // A hamlet with indicator values cannot either: the API's 409 says what still refers to it.
  await tree.locator('li[data-unit-id="c-01-02-t1"] > .unit-row a').click();
  await page.getByRole("button", { name: "Xoá đơn vị này…" }).click();
  await page.getByRole("button", { name: "Xoá hẳn" }).click();
  await expect(page.getByTestId("unit-form-error")).toContainText("Không xoá được đơn vị c-01-02-t1");
  await expect(page.getByTestId("unit-form-error")).toContainText("bản số liệu chỉ tiêu");
  expect((await page.request.get("/v1/units/c-01-02-t1")).status()).toBe(200);
  await tree.locator('li[data-unit-id="c-01-02"] > .unit-row a').click();
  const add = page.getByTestId("unit-add");
  await expect(add.getByLabel("Cấp", { exact: true })).toHaveValue("hamlet");
  const idField = add.getByLabel("Mã đơn vị", { exact: true });
  const newId = await idField.inputValue();
  expect(newId).toMatch(/^c-01-02-t\d+$/);
  // Checked on the page first: a name is required and the id must have the API's form.
  await idField.fill("Thôn 9");
  await add.getByRole("button", { name: "Thêm đơn vị" }).click();
  await expect(add.locator("#a-id-err")).toContainText("chữ thường");
  await expect(add.locator("#a-name-err")).toHaveText("Nhập tên đơn vị.");
  // The API's answer shows next to its field: the id of an existing hamlet is taken (409).
  await idField.fill("c-01-02-t1");
  await add.getByLabel("Tên đơn vị", { exact: true }).fill("Thôn Thử Nghiệm");
  await add.getByRole("button", { name: "Thêm đơn vị" }).click();
  await expect(add.locator("#a-id-err")).toHaveText("Mã này đã có đơn vị khác dùng.");
  await expect(idField).toHaveAttribute("aria-invalid", "true");
  await expect(add.locator("#a-name-err")).toHaveCount(0);
  expect({ unnamed: await unnamedControls(page) }).toEqual({ unnamed: [] });
  await idField.fill(newId);
  await add.getByRole("button", { name: "Thêm đơn vị" }).click();
  await expect(page.getByTestId("units-notice")).toHaveText(`Đã thêm Thôn Thử Nghiệm (${newId}).`);
  await expect(page).toHaveURL(new RegExp(`/units\\?id=${newId}$`));
  await expect(page.getByTestId("unit-details").getByRole("heading", { name: "Thôn Thử Nghiệm" })).toBeVisible();
  await expect(tree.locator(`li[data-unit-id="${newId}"]`)).toContainText("Thôn Thử Nghiệm");
  // Rename it.
  const edit = page.getByTestId("unit-edit");
  await edit.getByLabel("Tên đơn vị", { exact: true }).fill("Thôn Thử Nghiệm Mới");
  await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByTestId("units-notice")).toHaveText("Đã lưu Thôn Thử Nghiệm Mới.");
  await expect(tree.locator(`li[data-unit-id="${newId}"]`)).toContainText("Thôn Thử Nghiệm Mới");
  await expect(page.getByTestId("unit-details")).toContainText("Thôn Thử Nghiệm Mới");
  const stored = (await (await page.request.get(`/v1/units/${newId}`)).json()) as {
    unit: { name: string; parentId: string; level: string };
  };
  expect(stored.unit).toMatchObject({ name: "Thôn Thử Nghiệm Mới", parentId: "c-01-02", level: "hamlet" });
  expect({ unnamed: await unnamedControls(page) }).toEqual({ unnamed: [] });
  await shot(page, "units-edit");
  // Move it to another commune.
  await edit.getByLabel("Đơn vị cấp trên", { exact: true }).selectOption("c-01-03");
  await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByTestId("units-notice")).toHaveText(/^Đã chuyển Thôn Thử Nghiệm Mới sang Xã /);
  await expect(tree.locator(`li[data-unit-id="c-01-03"] li[data-unit-id="${newId}"]`)).toBeVisible();
  expect(((await (await page.request.get(`/v1/units/${newId}`)).json()) as { unit: { parentId: string } }).unit.parentId).toBe("c-01-03");
  // Delete it (after a confirmation): back on its commune, gone from the tree and from the API.
  await page.getByRole("button", { name: "Xoá đơn vị này…" }).click();
  await page.getByRole("button", { name: "Xoá hẳn" }).click();
  await expect(page.getByTestId("units-notice")).toHaveText("Đã xoá Thôn Thử Nghiệm Mới.");
  await expect(page).toHaveURL(/\/units\?id=c-01-03$/);
  await expect(tree.locator(`li[data-unit-id="${newId}"]`)).toHaveCount(0);
  expect((await page.request.get(`/v1/units/${newId}`)).status()).toBe(404);
});

test("a unit someone else saved meanwhile: the save shows the conflict and offers to reload, nothing is overwritten", async ({ page }) => {
  const unitId = "c-01-03-t1";
  await signIn(page, "province");
  await page.goto(`/units?id=${unitId}`);
  const edit = page.getByTestId("unit-edit");
  const name = edit.getByLabel("Tên đơn vị", { exact: true });
  await expect(name).not.toHaveValue("");
  const original = await name.inputValue();
  // Another officer renames the unit after this page loaded it.
  const cur = await page.request.get(`/v1/units/${unitId}`);
  const other = await page.request.patch(`/v1/units/${unitId}`, {
    data: { name: "Thôn Người Khác Sửa" },
    headers: { "x-csrf-token": await csrfOf(page), "if-match": cur.headers()["etag"] ?? "" },
  });
  expect(other.status()).toBe(200);
  await name.fill("Thôn Tôi Sửa");
  await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
  const conflict = page.getByTestId("unit-conflict");
  await expect(conflict).toContainText("Đơn vị đã bị người khác sửa");
  const row = conflict.getByRole("row", { name: /Tên đơn vị/ });
  await expect(row).toContainText("Thôn Tôi Sửa");
  await expect(row).toContainText("Thôn Người Khác Sửa");
  await expect(edit.getByRole("button", { name: "Lưu thay đổi" })).toBeDisabled();
  await shot(page, "units-conflict");
  // Nothing was overwritten.
  expect(((await (await page.request.get(`/v1/units/${unitId}`)).json()) as { unit: { name: string } }).unit.name).toBe(
    "Thôn Người Khác Sửa",
  );
  await conflict.getByRole("button", { name: "Tải lại bản mới nhất" }).click();
  await expect(name).toHaveValue("Thôn Người Khác Sửa");
  await expect(conflict).toHaveCount(0);
  // Saving on the reloaded version works: put the original name back.
  await name.fill(original);
  await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByTestId("units-notice")).toHaveText(`Đã lưu ${original}.`);
  expect(((await (await page.request.get(`/v1/units/${unitId}`)).json()) as { unit: { name: string } }).unit.name).toBe(original);
});

test("a commune officer sees their commune's unit tree read-only, and the API refuses their unit writes", async ({ page }) => {
  await signIn(page, "commune");
  await page.getByRole("link", { name: "Đơn vị hành chính" }).click();
  await expect(page.getByTestId("units-read-only")).toBeVisible();
  const tree = page.getByTestId("unit-tree");
  await expect(tree.locator('li[data-unit-id="c-01-01"]')).toBeVisible();
  await tree.locator('li[data-unit-id="c-01-01-t1"] > .unit-row a').click();
  await expect(page.getByTestId("unit-details")).toContainText("c-01-01-t1");
  for (const id of ["unit-edit", "unit-add", "unit-delete"]) await expect(page.getByTestId(id)).toHaveCount(0);
  await expect(page.locator("main form")).toHaveCount(0);
  await expect(page.locator("main select")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Lưu|Thêm đơn vị|Xoá/ })).toHaveCount(0);
  await shot(page, "units-read-only");
  const res = await page.request.post("/v1/units", {
    data: { id: "c-01-01-t99", level: "hamlet", name: "Thôn Lạ", parentId: "c-01-01" },
    headers: { "x-csrf-token": await csrfOf(page) },
  });
  expect(res.status()).toBe(403);
});

test("an anonymous visitor reads the published results: a year's roll-up with the example marker, a commune, and no unpublished year", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Kết quả công khai" }).click();
  await expect(page).toHaveURL(/\/cong-khai$/);
  await expect(page.getByTestId("user-name")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả công khai");
  // Only the years the demo province published (2021–2024) are offered, newest first; 2025 is not.
  const year = page.getByTestId("public-year");
  await expect(year.locator("option")).toHaveText(["2024", "2023", "2022", "2021"]);
  await expect(year).toHaveValue("2024");
  await expect(page.getByRole("heading", { level: 2 })).toContainText("Tổng hợp năm 2024");
  await expect(page.getByTestId("unverified-notice")).toContainText("Giá trị ví dụ");
  const counts = await Promise.all(
    ["none", "standard", "advanced", "model"].map(async (k) => Number(await page.getByTestId(`public-tier-count-${k}`).innerText())),
  );
  expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
  await year.selectOption("2022");
  await expect(page).toHaveURL(/\/cong-khai\/p-demo\/2022$/);
  await expect(page.getByRole("heading", { level: 2 })).toContainText("Tổng hợp năm 2022");
  await shot(page, "public-rollup");
  // A commune's published evaluation: its criteria and their status.
  const first = page.getByTestId("public-communes").getByRole("link").first();
  const name = await first.innerText();
  await first.click();
  await expect(page).toHaveURL(/\/cong-khai\/p-demo\/2022\/c-/);
  await expect(page.getByTestId("public-commune-name")).toHaveText(`${name}: kết quả năm 2022`);
  await expect(page.getByTestId("public-criteria-met")).toHaveText(/^\d+\/19$/);
  await expect(page.getByTestId("public-criteria").locator("tbody tr")).toHaveCount(19);
  await expect(page.getByTestId("unverified-notice")).toContainText("Giá trị ví dụ");
  await shot(page, "public-commune");
  // An unpublished year asked for by address is refused with a clear message, and not offered.
  await page.goto("/cong-khai/p-demo/2025");
  await expect(page.getByTestId("public-failure")).toContainText("Kết quả năm này chưa được công bố");
  await expect(page.getByTestId("public-year").locator("option", { hasText: "2025" })).toHaveCount(0);
  // The API's own 404 (no such commune) reads the same way.
  await page.goto("/cong-khai/p-demo/2024/c-khong-co");
  await expect(page.getByTestId("public-failure")).toContainText("Kết quả năm này chưa được công bố");
  expect((await page.request.get("/v1/public/units/p-demo/rollup?year=2025")).status()).toBe(404);
});
