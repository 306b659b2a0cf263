import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { USERS } from "./helpers";

/**
 * Issue 12 part 3: every page of the web app, as each demo role, at 1366×768 and 390×844. Fails on a
 * horizontal scrollbar, an axe violation of impact serious or critical, visible snake_case keys or
 * "(not retrieved)", a page that does not set its own title or move focus to its h1 on client-side
 * navigation, and a page a role may not open that crashes instead of refusing in Vietnamese.
 */

type Role = keyof typeof USERS;
type Rule = "scroll" | "axe" | "text" | "title" | "focus";

const WIDTHS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

const SNAKE = /\b[a-z]+_[a-z_]+\b|\(not retrieved\)/;
const FORBIDDEN = /không có quyền|Không có quyền/;

/** The pages, with the demo's real ids (the plan id is read from the API once signed in). */
function pages(planId: string): string[] {
  return [
    "/overview",
    "/overview/d-01",
    "/communes/c-01-01",
    "/data-entry",
    "/data-entry/c-01-01",
    "/plan",
    "/plan/new",
    `/plan/edit/${encodeURIComponent(planId)}`,
    "/steering",
    "/dossiers",
    "/ranking",
    "/lists/ocop",
    "/lists/resources",
    "/lists/housing",
    "/lists/inspections",
    "/emulation/commendations",
    "/emulation/discipline",
    "/emulation/movements",
    "/emulation/consultations",
    "/report-narratives",
    "/packs",
    "/units",
    "/users",
    "/audit",
    "/cong-khai",
  ];
}

interface Finding {
  key: string;
  detail: string;
}

async function signedIn(browser: Browser, who: Role): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: "vi-VN", viewport: WIDTHS[0] });
  const page = await context.newPage();
  const [username, password] = USERS[who];
  await page.goto("/sign-in");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByTestId("user-name")).toBeVisible();
  return { page, close: () => context.close() };
}

/** Navigates inside the single-page app (wouter follows history.pushState), as a link click would. */
async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState(null, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** Waits until the page has settled: no loading state, an h1 or an error state shown. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator("main h1, main .state-error").first()).toBeVisible();
  await expect(page.locator("main .state-loading, main [aria-busy=true]")).toHaveCount(0);
  await page.waitForLoadState("networkidle");
}

async function check(page: Page, path: string, who: Role, width: number, previousTitle: string): Promise<Finding[]> {
  const out: Finding[] = [];
  const key = (rule: Rule) => `${path}|${who}|${width}|${rule}`;
  await settled(page);
  const refused = await page.locator("main .state-error").count();
  if (refused > 0 && (await page.locator("main h1").count()) === 0) {
    // A page this role may not open: a Vietnamese refusal, never a crash.
    await expect(page.locator("main .state-error")).toContainText(FORBIDDEN);
    return out;
  }
  const h1 = page.locator("main h1").first();
  const heading = ((await h1.textContent()) ?? "").replace(/\s+/g, " ").trim();
  const state = await page.evaluate(() => {
    const s = document.scrollingElement ?? document.documentElement;
    return {
      scrollWidth: s.scrollWidth,
      clientWidth: s.clientWidth,
      text: document.body.textContent,
      title: document.title,
      active: document.activeElement?.tagName ?? "",
    };
  });
  if (state.scrollWidth > state.clientWidth + 1)
    out.push({ key: key("scroll"), detail: `scrollWidth ${state.scrollWidth} > clientWidth ${state.clientWidth}` });
  const m = SNAKE.exec(state.text);
  if (m) out.push({ key: key("text"), detail: `visible "${m[0]}"` });
  // Tabs of one page share its heading; a different page must change the title.
  if (!state.title.includes(heading) || (state.title === previousTitle && !previousTitle.startsWith(`${heading} ·`)))
    out.push({ key: key("title"), detail: `title "${state.title}" for h1 "${heading}" (previous "${previousTitle}")` });
  if (state.active !== "H1") out.push({ key: key("focus"), detail: `focus on ${state.active}` });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length > 0)
    out.push({
      key: key("axe"),
      detail: bad.map((v) => `${v.id} (${v.nodes.length}: ${v.nodes[0]?.target.join(" ")})`).join("; "),
    });
  return out;
}

for (const who of Object.keys(USERS) as Role[]) {
  test(`every page as ${who}, at 1366 px and 390 px: no sideways scroll, no serious axe violation, no internal keys, own title, focus on h1`, async ({
    browser,
  }) => {
    test.setTimeout(600_000);
    const { page, close } = await signedIn(browser, who);
    const plans = (await (await page.request.get("/v1/plans")).json()) as { items: { id: string }[] };
    const planId = plans.items[0]?.id;
    expect(planId, "the demo has a plan").toBeTruthy();
    const findings: Finding[] = [];
    let visited = 0;
    for (const viewport of WIDTHS) {
      await page.setViewportSize(viewport);
      // A full load of a neutral page, then client-side navigation to each page in turn.
      await page.goto("/dossiers");
      await settled(page);
      let previousTitle = await page.title();
      for (const path of pages(planId ?? "")) {
        if (path === "/dossiers") continue;
        await navigate(page, path);
        await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`));
        findings.push(...(await check(page, path, who, viewport.width, previousTitle)));
        previousTitle = await page.title();
        visited++;
      }
      // The neutral page too, reached by client-side navigation from the last one.
      await navigate(page, "/dossiers");
      findings.push(...(await check(page, "/dossiers", who, viewport.width, previousTitle)));
      visited++;
    }
    await close();
    console.log(`${who}: ${visited} page visits, ${findings.length} findings`);
    expect(findings.map((f) => `${f.key}: ${f.detail}`)).toEqual([]);
  });
}
