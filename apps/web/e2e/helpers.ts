import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const SHOTS = join(import.meta.dirname, "..", "test-results", "screenshots");
mkdirSync(SHOTS, { recursive: true });

/** Demo accounts seeded by the API on a fresh database. */
export const USERS = {
  admin: ["admin", "admin123"],
  province: ["tinh", "tinh123"],
  district: ["huyen", "huyen123"],
  commune: ["xa", "xa123"],
  inspector: ["thanhtra", "thanhtra123"],
  viewer: ["xem", "xem123"],
} as const;

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, who: keyof typeof USERS): Promise<void> {
  const [username, password] = USERS[who];
  await page.goto("/sign-in");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByTestId("user-name")).toBeVisible();
}

/** Saves a full-page screenshot under test-results/screenshots. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** An evaluation as the API returns it (only the parts the tests read). */
export interface EvalLite {
  status: string;
  criteria: {
    id: string;
    status: string;
    indicators: { id: string; status: string; actual: unknown; required: unknown; comparator: string }[];
  }[];
}
