/**
 * The first script the page runs (its own small entry in index.html, before the app's bundle): the
 * session check, the page's chunk and its first API requests go out at once, while the browser is
 * still downloading and running React and the rest of the app. The app takes the answers through
 * its typed client (src/api/preload.ts).
 */
import { preloadJson } from "./api/preload";
import { preloadRoute } from "./routes/preload";

const path = window.location.pathname;
const search = window.location.search.slice(1);
preloadRoute(path, search, null);
// Pages that default to the user's own unit (/overview, /data-entry) need the session first. The
// fields read as src/auth/session.tsx reads them.
void preloadJson<Record<string, unknown>>("/v1/auth/me")
  .then((d) => {
    const u = (d?.["user"] ?? d) as Record<string, unknown> | null;
    const scopeUnitId = u?.["scopeUnitId"];
    if (typeof scopeUnitId !== "string") return;
    const level = u?.["scopeUnitLevel"] ?? (u?.["scopeUnit"] as Record<string, unknown> | undefined)?.["level"];
    preloadRoute(path, search, { scopeUnitId, ...(typeof level === "string" ? { scopeUnitLevel: level } : {}) });
  })
  .catch(() => undefined);
