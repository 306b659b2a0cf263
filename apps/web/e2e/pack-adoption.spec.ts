import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { type EvalLite, shot, signIn } from "./helpers";

/**
 * A province adopts its own criteria pack for 2024–2025 through the web app, and every screen of those
 * years uses it, while 2026 (no pack adopted in the demo) says "Chưa áp dụng bộ tiêu chí cho năm 2026".
 * The pack is a copy of the demo's example pack with a new id and one visibly different threshold:
 * rural income (criterion 10) ≥ 60 million đồng instead of the example's 52 for 2024.
 */
const OWN = "tinh-demo.commune-ntm.2024-2025";
const EXAMPLE = "example.province-demo.2021-2025";
const INCOME = 60;
const SHIPPED = join(import.meta.dirname, "..", "..", "..", "packages", "core", "src", "packs", "shipped");

interface PackDoc {
  id: string;
  title: { vi: string; en: string };
  legalBasis: { ref: string; date?: string }[];
  effective: { from: string; to?: string };
  criteria: { id: string; indicators: { id: string; threshold?: unknown; verified?: boolean; source?: { ref: string } }[] }[];
}

/** The province's pack: the example pack copied, renamed, in force 2024–2025, income threshold raised to 60. */
function ownPack(): PackDoc {
  const doc = JSON.parse(readFileSync(join(SHIPPED, `${EXAMPLE}.json`), "utf8")) as PackDoc;
  doc.id = OWN;
  doc.title = { vi: "Bộ tiêu chí xã NTM của tỉnh minh hoạ 2024–2025", en: "Demo province NTM commune criteria 2024–2025" };
  doc.legalBasis = [{ ref: "QĐ 99/QĐ-UBND của tỉnh minh hoạ (thử nghiệm, không có thật)", date: "2024-01-05" }];
  doc.effective = { from: "2024-01-01", to: "2025-12-31" };
  const income = doc.criteria.find((c) => c.id === "10")?.indicators.find((i) => i.id === "10");
  if (!income) throw new Error("the example pack has no indicator 10");
  income.threshold = { all: INCOME };
  income.verified = false;
  income.source = { ref: "QĐ 99/QĐ-UBND của tỉnh minh hoạ (thử nghiệm): thu nhập ≥ 60 triệu đồng" };
  return doc;
}

/** A 2024 commune whose income meets the example's threshold but not 60: the province's pack flips its criterion 10. */
async function communeFlippedByIncome(page: Page): Promise<{ id: string; before: EvalLite & { criteriaMet: number } }> {
  const rollup = (await (await page.request.get("/v1/units/p-demo/rollup?year=2024")).json()) as { communes: { unitId: string }[] };
  for (const { unitId } of rollup.communes) {
    const ev = (await (await page.request.get(`/v1/units/${unitId}/evaluation?year=2024`)).json()) as EvalLite & { criteriaMet: number };
    const income = ev.criteria.find((c) => c.id === "10");
    const actual = income?.indicators.find((i) => i.id === "10")?.actual;
    if (income?.status === "met" && typeof actual === "number" && actual < INCOME) return { id: unitId, before: ev };
  }
  throw new Error("no 2024 commune with an income between the example threshold and 60");
}

async function pickYear(page: Page, year: number): Promise<void> {
  await page.getByRole("combobox", { name: "Năm", exact: true }).selectOption(String(year));
}

test.describe.configure({ mode: "serial", timeout: 300_000 });

test("a province officer uploads its own pack, adopts it for 2024–2025, and every screen uses it; 2026 has none", async ({ page }) => {
  await signIn(page, "province");
  const { id: communeId, before } = await communeFlippedByIncome(page);

  await test.step("upload: a bad pack is refused with its JSON paths, the province's pack is stored", async () => {
    await page.goto("/packs");
    const file = page.getByLabel("Tệp JSON");
    await file.setInputFiles({
      name: "sai.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ ...ownPack(), id: "Sai Ma", effective: { from: "2024" } })),
    });
    const errors = page.getByTestId("pack-errors");
    await expect(errors).toContainText("Bộ tiêu chí không hợp lệ");
    await expect(errors).toContainText("$.id");
    await expect(errors).toContainText("$.effective.from");
    await expect(errors).toContainText("Sai định dạng"); // Vietnamese first, the schema's English kept in parentheses
    await file.setInputFiles({ name: "tinh.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(ownPack())) });
    await expect(page.getByText(`Đã lưu bộ tiêu chí ${OWN}.`)).toBeVisible();
    const item = page.getByTestId("pack-list").getByRole("button", { name: /Bộ tiêu chí xã NTM của tỉnh minh hoạ 2024–2025/ });
    await expect(item).toContainText("bộ tiêu chí chưa đầy đủ (50/57 chỉ tiêu)");
    await expect(item).toContainText(/Ngưỡng: \d+ đã xác minh · \d+ chưa xác minh · \d+ chưa rõ/);
    await item.click();
    await expect(page.locator("#pack-detail-h")).toContainText("2024–2025");
    // Unknown provenance reads in Vietnamese, never the packs' English marker: the 2026–2030 set's indicators
    // were not retrieved from the legal text.
    await page
      .getByTestId("pack-list")
      .getByRole("button", { name: /vn\.commune-ntm\.2026-2030/ })
      .click();
    await expect(page.locator("#pack-detail-h")).toContainText("2026–2030");
    await expect(page.getByText("chưa tra cứu được văn bản").first()).toBeVisible();
    await expect(page.getByText("chưa rõ ngưỡng").first()).toBeVisible();
    await expect(page.getByText(/not retrieved/)).toHaveCount(0);
  });

  const adoptions = page.getByTestId("pack-adoptions");
  const form = page.getByTestId("adoption-form");
  const adopt = async () => {
    await form.getByLabel("Bộ tiêu chí").selectOption(OWN);
    await form.getByLabel("Từ năm").fill("2024");
    await form.getByLabel("Đến năm (không bắt buộc)").fill("2025");
    await form.getByRole("button", { name: "Áp dụng", exact: true }).click();
  };

  await test.step("adopt: an overlap with the demo's adoption is refused on its field; shortened with If-Match, the adoption is stored", async () => {
    await expect(adoptions.getByTestId("use-2024-standard")).toContainText(EXAMPLE);
    await adopt();
    await expect(form.getByTestId("adoption-error")).toBeVisible();
    await expect(form.getByLabel("Từ năm")).toHaveAttribute("aria-invalid", "true");
    await expect(form.locator("#adopt-from-err")).toContainText("seed-commune-standard");
    // The demo's standard adoption ends in 2023 now (PATCH with its version as If-Match).
    await adoptions.getByTestId("adoption-seed-commune-standard").getByRole("button", { name: "Sửa" }).click();
    await expect(form.getByRole("heading")).toContainText("seed-commune-standard");
    await form.getByLabel("Đến năm (không bắt buộc)").fill("2023");
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(page.getByTestId("adoption-notice")).toContainText("Đã lưu quyết định áp dụng.");
    await expect(adoptions.getByTestId("adoption-seed-commune-standard")).toContainText("2022–2023");
    await adopt();
    await expect(page.getByTestId("adoption-notice")).toContainText("Đã lưu quyết định áp dụng.");
    // The year × tier table: 2023 the example pack, 2024–2025 the province's, 2026 none.
    await expect(adoptions.getByTestId("use-2023-standard")).toContainText(EXAMPLE);
    await expect(adoptions.getByTestId("use-2024-standard")).toContainText(OWN);
    await expect(adoptions.getByTestId("use-2025-standard")).toContainText(OWN);
    await expect(adoptions.getByTestId("use-2026-standard")).toHaveText("Chưa áp dụng");
    await expect(adoptions.getByTestId("use-2024-advanced")).toContainText("example.province-demo-advanced.2021-2025");
    await shot(page, "packs-adopted");
  });

  // What the API now answers for the commune in 2024, under the province's pack.
  const after = (await (await page.request.get(`/v1/units/${communeId}/evaluation?year=2024`)).json()) as EvalLite & {
    packId: string;
    criteriaMet: number;
  };
  expect([after.packId, after.criteria.find((c) => c.id === "10")?.status, after.criteriaMet]).toEqual([
    OWN,
    "not_met",
    before.criteriaMet - 1,
  ]);

  await test.step("overview: 2024 names the province's pack; 2026 counts every commune as having no pack, none as failed", async () => {
    await page.goto("/overview");
    await pickYear(page, 2024);
    await expect(page.getByTestId("pack-in-force")).toContainText(
      `Bộ tiêu chí áp dụng năm 2024: Bộ tiêu chí xã NTM của tỉnh minh hoạ 2024–2025 (${OWN})`,
    );
    await pickYear(page, 2026);
    await expect(page.getByTestId("no-pack")).toContainText("Chưa áp dụng bộ tiêu chí cho năm 2026");
    await expect(page.getByTestId("tier-count-no-pack")).toHaveText("40");
    await expect(page.getByTestId("tier-count-none")).toHaveText("0");
    await shot(page, "overview-2026-no-pack");
  });

  await test.step("commune page: 2024 uses the province's pack (income ≥ 60 not met), 2023 the example pack, 2026 none", async () => {
    await page.goto(`/communes/${communeId}`);
    await pickYear(page, 2024);
    await expect(page.getByTestId("pack-in-force")).toContainText(OWN);
    await expect(page.getByTestId("criterion-10").locator("summary")).toContainText("Không đạt");
    await expect(page.getByTestId("criteria-met")).toHaveText(new RegExp(`^${after.criteriaMet}/`));
    await pickYear(page, 2023);
    await expect(page.getByTestId("pack-in-force")).toContainText(EXAMPLE);
    await pickYear(page, 2026);
    await expect(page.getByTestId("no-pack")).toContainText("Chưa áp dụng bộ tiêu chí cho năm 2026");
    await expect(page.getByTestId("criteria-met")).toHaveCount(0);
    await shot(page, "commune-2026-no-pack");
  });

  await test.step("data entry: 2024 checks against the province's pack; 2026 says there is no pack to check against", async () => {
    await page.goto(`/data-entry/${communeId}?year=2024`);
    await expect(page.getByTestId("pack-in-force")).toContainText(OWN);
    await expect(page.locator("#f-10")).toBeVisible();
    await page.goto(`/data-entry/${communeId}?year=2026`);
    await expect(page.getByTestId("entry-no-pack")).toContainText("Chưa áp dụng bộ tiêu chí cho năm 2026");
    await expect(page.getByTestId("entry-no-pack")).toContainText("Biểu mẫu không thể kiểm tra số liệu theo bộ tiêu chí");
    await expect(page.getByRole("button", { name: "Lưu", exact: true })).toHaveCount(0);
  });

  await test.step("ranking: 2024 ranks with the province's pack; 2026 lists every commune unranked", async () => {
    await page.goto("/ranking");
    await pickYear(page, 2024);
    await expect(page.getByTestId("pack-in-force")).toContainText(OWN);
    const name = (await (await page.request.get(`/v1/units/${communeId}`)).json()) as { unit: { name: string } };
    const row = page
      .getByTestId("ranking-table")
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: name.unit.name, exact: true }) });
    await expect(row.locator("td").nth(2)).toHaveText(new RegExp(`^${after.criteriaMet}`));
    await pickYear(page, 2026);
    await expect(page.getByTestId("ranking-no-pack")).toContainText("Chưa áp dụng bộ tiêu chí cho năm 2026");
    await expect(page.getByTestId("ranking-no-pack")).toContainText("Chưa xếp hạng (40 xã)");
    await expect(page.getByTestId("ranking-table")).toHaveCount(0);
  });

  await test.step("public page: the published 2024 uses the province's pack; 2026, once published, has none", async () => {
    await page.goto("/overview");
    await pickYear(page, 2026);
    await page.getByRole("button", { name: "Công bố kết quả" }).click();
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await expect(page.getByText("Đã công bố kết quả năm 2026.")).toBeVisible();
    await page.goto("/cong-khai/p-demo/2024");
    await expect(page.getByTestId("pack-in-force")).toContainText(OWN);
    await page.goto(`/cong-khai/p-demo/2024/${communeId}`);
    await expect(page.getByTestId("pack-in-force")).toContainText(OWN);
    await expect(page.getByTestId("public-criteria-met")).toHaveText(new RegExp(`^${after.criteriaMet}/`));
    await page.goto("/cong-khai/p-demo/2026");
    await expect(page.getByTestId("public-no-pack")).toContainText("Chưa áp dụng bộ tiêu chí cho năm 2026");
    await expect(page.getByTestId("public-tier-count-no-pack")).toHaveText("40");
    await page.goto(`/cong-khai/p-demo/2026/${communeId}`);
    await expect(page.getByTestId("public-no-pack")).toContainText("Chưa áp dụng bộ tiêu chí cho năm 2026");
    await shot(page, "public-2026-no-pack");
  });
});

// Leave the shared demo server as the other specs expect it: the demo's adoptions, no 2026 publication.
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, "province");
  const me = (await (await page.request.get("/v1/auth/me")).json()) as { csrfToken: string };
  const headers = (version?: number) => ({ "x-csrf-token": me.csrfToken, ...(version ? { "if-match": `"${version}"` } : {}) });
  await page.request.delete("/v1/publications/p-demo/2026", { headers: headers() });
  const list = (await (await page.request.get("/v1/pack-adoptions")).json()) as {
    items: { id: string; packId: string; version: number }[];
  };
  for (const a of list.items.filter((x) => x.packId === OWN))
    await page.request.delete(`/v1/pack-adoptions/${a.id}`, { headers: headers(a.version) });
  const seed = list.items.find((x) => x.id === "seed-commune-standard");
  if (seed) await page.request.patch("/v1/pack-adoptions/seed-commune-standard", { headers: headers(seed.version), data: { to: 2025 } });
  await page.request.delete(`/v1/packs/${OWN}`, { headers: headers() });
  await page.close();
});
