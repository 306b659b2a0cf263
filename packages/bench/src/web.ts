/**
 * The web app benchmark (issue #14): the built API server (apps/api/dist/server.js) serving the
 * built web app (apps/web/dist) on loopback with the demo province, driven by Debian Chromium
 * (playwright-core, no browser download). For each page (overview, commune, data entry) and each
 * network profile, `rounds` cold loads, each in a fresh browser context (empty HTTP cache, the
 * session cookie only): the time from navigation start until the page is usable (its main table
 * rendered, or its form), read in the page from a MutationObserver installed before any script runs.
 * Profiles: loopback as is, and "slow" (150 ms latency, 1.6 Mbps both ways, CPU 4× slower, through
 * CDP Network.emulateNetworkConditions and Emulation.setCPUThrottlingRate). Also the initial
 * transfer of a first visit (the sign-in page: document, scripts, styles; bytes on the wire).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os, { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { apiServerPath, startServer, type RunningServer } from "./api.js";
import { fmt, table } from "./measure.js";

/** A network and CPU profile. */
export interface WebProfile {
  readonly name: string;
  /** Round-trip latency added by Chromium (ms); 0 with no emulation. */
  readonly latencyMs: number;
  /** Bits per second each way; 0 for no limit. */
  readonly bitsPerS: number;
  readonly cpuSlowdown: number;
  /** Target: median usable time at most this (ms). */
  readonly targetMs: number;
}

export const WEB_PROFILES: readonly WebProfile[] = [
  { name: "loopback", latencyMs: 0, bitsPerS: 0, cpuSlowdown: 1, targetMs: 1500 },
  { name: "slow (150 ms, 1.6 Mbps, CPU 4×)", latencyMs: 150, bitsPerS: 1_600_000, cpuSlowdown: 4, targetMs: 4000 },
];

/** A page of the app and what shows it is usable. */
export interface WebPage {
  readonly name: string;
  readonly path: string;
  /** CSS selector of the element whose presence means "usable" (main table rendered, or the form). */
  readonly usable: string;
}

export const WEB_PAGES: readonly WebPage[] = [
  { name: "overview", path: "/overview", usable: '[data-testid="heatmap"] [role="row"][aria-rowindex]' },
  { name: "commune", path: "/communes/c-01-01", usable: '[data-testid="criteria-met"]' },
  { name: "data entry", path: "/data-entry/c-01-01?year=2025", usable: "form.card input" },
];

/** Initial transfer target (bytes on the wire of a first visit's document, scripts and styles). */
export const INITIAL_TRANSFER_TARGET = 150 * 1024;

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface WebBenchOptions {
  readonly rounds: number;
  readonly chromium: string;
  readonly startTimeoutS: number;
  /** Time allowed per load before it counts as failed (ms). */
  readonly loadTimeoutMs: number;
}

export const DEFAULT_WEB_BENCH: WebBenchOptions = {
  rounds: 5,
  chromium: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  startTimeoutS: 600,
  loadTimeoutMs: 60_000,
};

/** Times of one page on one profile. */
export interface WebResult {
  readonly page: string;
  readonly profile: string;
  readonly targetMs: number;
  readonly timesMs: readonly number[];
  /** Bytes on the wire until usable (median over rounds). */
  readonly bytes: number;
  /** Requests until usable (median over rounds). */
  readonly requests: number;
  readonly failures: number;
}

const log = (s = "") => process.stdout.write(`${s}\n`);

/** Minimum, median and maximum of a list (NaN for an empty one). */
export function summarize(xs: readonly number[]): { min: number; median: number; max: number } {
  if (xs.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN };
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
  return { min: s[0]!, median, max: s.at(-1)! };
}

/**
 * PASS when every round loaded and the median is within the target.
 * @example
 * webVerdict({ timesMs: [900, 1000, 1100], failures: 0, targetMs: 1500, ... }) // true
 */
export function webVerdict(r: Pick<WebResult, "timesMs" | "failures" | "targetMs">): boolean {
  return r.failures === 0 && r.timesMs.length > 0 && summarize(r.timesMs).median <= r.targetMs;
}

/** Where the built web app is, or null. */
export function webDistPath(): string | null {
  try {
    const api = dirname(createRequire(import.meta.url).resolve("@ntm/api/package.json"));
    const dist = join(api, "..", "web", "dist");
    return existsSync(join(dist, "index.html")) ? dist : null;
  } catch {
    return null;
  }
}

/** Records, from before any page script runs, when `selector` first matches (performance.now()). */
function usableProbe(selector: string): string {
  return `(() => {
    const sel = ${JSON.stringify(selector)};
    const check = () => {
      if (window.__usableAt === undefined && document.querySelector(sel)) { window.__usableAt = performance.now(); obs.disconnect(); }
    };
    const obs = new MutationObserver(check);
    obs.observe(document, { childList: true, subtree: true, attributes: true });
  })();`;
}

interface Wire {
  bytes: number;
  requests: number;
  statics: number;
}

/** Counts bytes on the wire (encodedDataLength) per finished request of a page. */
async function watchWire(cdp: CDPSession): Promise<Wire> {
  const wire: Wire = { bytes: 0, requests: 0, statics: 0 };
  const urls = new Map<string, string>();
  cdp.on("Network.requestWillBeSent", (e: { requestId: string; request: { url: string } }) => void urls.set(e.requestId, e.request.url));
  cdp.on("Network.loadingFinished", (e: { requestId: string; encodedDataLength: number }) => {
    wire.bytes += e.encodedDataLength;
    wire.requests++;
    if (!new URL(urls.get(e.requestId) ?? "http://x/").pathname.startsWith("/v1/")) wire.statics += e.encodedDataLength;
  });
  await cdp.send("Network.enable");
  return wire;
}

async function emulate(cdp: CDPSession, profile: WebProfile): Promise<void> {
  if (profile.latencyMs > 0 || profile.bitsPerS > 0) {
    const bytesPerS = profile.bitsPerS > 0 ? profile.bitsPerS / 8 : -1;
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: profile.latencyMs,
      downloadThroughput: bytesPerS,
      uploadThroughput: bytesPerS,
    });
  }
  if (profile.cpuSlowdown > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuSlowdown });
}

async function freshContext(
  browser: Browser,
  server: RunningServer,
  who: { username: string; password: string } | null,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: "vi-VN", viewport: { width: 1366, height: 860 } });
  if (who) {
    const res = await context.request.post("/v1/auth/login", { data: { username: who.username, password: who.password } });
    if (res.status() !== 200) throw new Error(`web bench: sign-in as ${who.username} answered ${res.status()}`);
  }
  return context;
}

/** One cold load: returns ms to usable and the wire counts until then. */
async function coldLoad(
  browser: Browser,
  server: RunningServer,
  who: { username: string; password: string },
  page: WebPage,
  profile: WebProfile,
  timeoutMs: number,
): Promise<{ ms: number; wire: Wire }> {
  const context = await freshContext(browser, server, who);
  try {
    const tab: Page = await context.newPage();
    await tab.addInitScript(usableProbe(page.usable));
    const cdp = await context.newCDPSession(tab);
    const wire = await watchWire(cdp);
    await emulate(cdp, profile);
    await tab.goto(page.path, { waitUntil: "commit", timeout: timeoutMs });
    await tab.waitForFunction(() => (globalThis as unknown as { __usableAt?: number }).__usableAt !== undefined, undefined, {
      timeout: timeoutMs,
      polling: 50,
    });
    const ms = await tab.evaluate(() => (globalThis as unknown as { __usableAt: number }).__usableAt);
    return { ms, wire: { ...wire } };
  } finally {
    await context.close();
  }
}

/** The first visit: the sign-in page, cold; bytes of document, scripts and styles once the form shows. */
async function initialTransfer(browser: Browser, server: RunningServer, timeoutMs: number): Promise<Wire> {
  const context = await freshContext(browser, server, null);
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    const wire = await watchWire(cdp);
    await tab.goto("/sign-in", { waitUntil: "load", timeout: timeoutMs });
    await tab.locator("form input").first().waitFor({ timeout: timeoutMs });
    await tab.waitForLoadState("networkidle", { timeout: timeoutMs });
    return { ...wire };
  } finally {
    await context.close();
  }
}

/**
 * Runs the web benchmark and prints per page and profile min/median/max usable time with PASS/MISS,
 * and the initial transfer with PASS/MISS. Returns false when it could not run or a load failed.
 * @example
 * const ok = await runWebBench({ ...DEFAULT_WEB_BENCH, rounds: 3 });
 */
export async function runWebBench(options: WebBenchOptions = DEFAULT_WEB_BENCH): Promise<boolean> {
  log();
  log("Web benchmark (issue #14): the built API serving the built web app on 127.0.0.1, demo province (PGlite, fresh directory);");
  log(
    `  Debian Chromium ${options.chromium} (playwright-core), each load cold in a fresh context with the session cookie of the demo province officer;`,
  );
  log(
    `  ${options.rounds} rounds per page and profile, pages interleaved; "usable": the page's main table (overview: a heat map row; commune: the criteria`,
  );
  log(
    `  summary) or form (data entry) in the DOM, timed in the page from navigation start; load average at the start ${os
      .loadavg()
      .map((x) => fmt(x, 2))
      .join(" ")} on ${os.cpus().length} CPU(s)`,
  );
  const serverPath = apiServerPath();
  const dist = webDistPath();
  if (!serverPath || !dist) {
    log(`  not run: ${serverPath ? "" : "apps/api/dist/server.js "}${dist ? "" : "apps/web/dist/index.html "}missing (npm run build)`);
    return false;
  }
  if (!existsSync(options.chromium)) {
    log(`  not run: Chromium not found at ${options.chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return false;
  }
  const { chromium } = await import("playwright-core");
  const dataDir = mkdtempSync(join(tmpdir(), "ntm-bench-web-"));
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await startServer(serverPath, { DATA_DIR: dataDir, WEB_DIST: dist }, options.startTimeoutS, []);
    const who = server.credentials.find((c) => c.role === "province_officer");
    if (!who) throw new Error("web bench: the server printed no province officer demo account");
    // Playwright gives the browser a fresh temporary profile (user data directory) of its own.
    browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS });
    const first = await initialTransfer(browser, server, options.loadTimeoutMs);
    // One untimed load per page: the API's caches (roll-up, evaluations) as after any first visitor.
    for (const page of WEB_PAGES) await coldLoad(browser, server, who, page, WEB_PROFILES[0]!, options.loadTimeoutMs);
    const results: WebResult[] = [];
    for (const profile of WEB_PROFILES) {
      const runs = new Map<string, { ms: number[]; bytes: number[]; requests: number[]; failures: number }>(
        WEB_PAGES.map((p) => [p.name, { ms: [], bytes: [], requests: [], failures: 0 }]),
      );
      for (let round = 0; round < options.rounds; round++) {
        for (const page of WEB_PAGES) {
          const run = runs.get(page.name)!;
          try {
            const r = await coldLoad(browser, server, who, page, profile, options.loadTimeoutMs);
            run.ms.push(r.ms);
            run.bytes.push(r.wire.bytes);
            run.requests.push(r.wire.requests);
          } catch (e) {
            run.failures++;
            log(
              `  ${page.name} on ${profile.name}, round ${round + 1}: failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
            );
          }
        }
      }
      for (const page of WEB_PAGES) {
        const run = runs.get(page.name)!;
        results.push({
          page: page.name,
          profile: profile.name,
          targetMs: profile.targetMs,
          timesMs: run.ms,
          bytes: summarize(run.bytes).median,
          requests: summarize(run.requests).median,
          failures: run.failures,
        });
      }
    }
    log();
    log(
      table(
        ["page", "profile", "min ms", "median ms", "max ms", "KB on the wire", "requests", "target", "result"],
        results.map((r) => {
          const s = summarize(r.timesMs);
          return [
            r.page,
            r.profile,
            fmt(s.min, 0),
            fmt(s.median, 0),
            fmt(s.max, 0),
            fmt(r.bytes / 1024, 1),
            fmt(r.requests),
            `≤ ${fmt(r.targetMs / 1000, 1)} s`,
            `${webVerdict(r) ? "PASS" : "MISS"}${r.failures ? ` (${r.failures} failed)` : ""}`,
          ];
        }),
        2,
      ),
    );
    log();
    log(
      `  initial transfer of a first visit (/sign-in, cold): ${fmt(first.statics / 1024, 1)} KB of document, scripts and styles on the wire (${fmt(first.bytes / 1024, 1)} KB in all, ${fmt(first.requests)} requests); target ≤ ${fmt(INITIAL_TRANSFER_TARGET / 1024)} KB: ${first.statics <= INITIAL_TRANSFER_TARGET ? "PASS" : "MISS"}`,
    );
    log(
      `  load average at the end ${os
        .loadavg()
        .map((x) => fmt(x, 2))
        .join(
          " ",
        )} on ${os.cpus().length} CPU(s)${(os.loadavg()[0] ?? 0) > os.cpus().length ? " (loaded by other work: times are worse than on an idle machine)" : ""}`,
    );
    return results.every((r) => r.failures === 0);
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
