import { useEffect, useRef } from "react";

/**
 * Gives each page its own document title (from its h1) and, on client-side navigation, moves focus to
 * that h1 so screen-reader and keyboard users start at the new page's heading (issue 12 part 3).
 * It also makes each sideways-scrolling table wrapper focusable. Pages are lazily loaded: the hook watches `main` until the h1 appears, and keeps the title in step
 * when the heading's text changes (a commune's name arriving with its data).
 *
 * @example
 * usePageHeading(location, t("app.title")); // in the layout, keyed by the current location
 */
export function usePageHeading(location: string, appTitle: string): void {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again at each navigation (location changes)
  useEffect(() => {
    const initial = first.current;
    first.current = false;
    const main = document.getElementById("main");
    if (!main) return;
    let focused = initial;
    const apply = (): void => {
      // Tables scroll sideways inside their wrapper on phones: keyboard users must reach them (axe
      // scrollable-region-focusable).
      for (const w of Array.from(main.querySelectorAll(".table-wrap:not([tabindex])"))) w.setAttribute("tabindex", "0");
      const h1 = main.querySelector("h1");
      const text = h1?.textContent?.replace(/\s+/g, " ").trim();
      if (!h1 || !text) return;
      const title = `${text} · ${appTitle}`;
      if (document.title !== title) document.title = title;
      if (!focused) {
        focused = true;
        if (!h1.hasAttribute("tabindex")) h1.setAttribute("tabindex", "-1");
        h1.focus({ preventScroll: false });
      }
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [location, appTitle]);
}
