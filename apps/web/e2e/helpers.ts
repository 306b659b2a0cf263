import { expect, type Browser, type Page } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
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

/** A server of its own on an EMPTY data directory (NTM_SEED=none), not the demo one the config starts. */
export interface EmptyServer {
  /** Its address, e.g. http://127.0.0.1:41234. */
  base: string;
  /** The temporary directory holding its data (`pg/`) and its setup token file. */
  dir: string;
  /** Everything it printed so far (stdout and stderr). */
  log: () => string;
  /** Stops it and removes its directory. */
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `api/dist/server.js` on a free port with an empty data directory and no demo seed, and resolves
 * once it has printed its setup link (day one of a real deployment). Call in `beforeAll` with a long
 * timeout: a cold PGlite start with migrations can take a while on a busy machine.
 */
export async function startEmptyServer(prefix: string): Promise<EmptyServer> {
  const dir = mkdtempSync(join(tmpdir(), `ntm-e2e-${prefix}-`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = "";
  const server = spawn(process.execPath, [join(import.meta.dirname, "..", "..", "api", "dist", "server.js")], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: join(dir, "pg"),
      DATABASE_URL: "",
      WEB_DIST: join(import.meta.dirname, "..", "dist"),
      NTM_SEED: "none",
      NTM_LOG: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      log += b.toString();
      if (/setup\?token=\S+/.test(log) && log.includes("headless")) resolve();
    };
    server.stdout?.on("data", onData);
    server.stderr?.on("data", onData);
    server.once("exit", (code) => reject(new Error(`server exited ${code}: ${log}`)));
  });
  return {
    base,
    dir,
    log: () => log,
    stop: async () => {
      if (server.exitCode === null) {
        await new Promise<void>((resolve) => {
          server.once("exit", () => resolve());
          server.kill("SIGTERM");
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in on `base` in a fresh browser context and waits for the user box. */
export async function signInAt(browser: Browser, base: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByTestId("user-name")).toBeVisible({ timeout: 30_000 });
  return page;
}
