/**
 * Serves the web app's build (apps/web/dist) from memory: the files precompressed at build time
 * (`x.js.br`, `x.js.gz`, written by apps/web's Vite plugin) are sent with `Content-Encoding` chosen
 * from the request's Accept-Encoding (brotli, then gzip, then as is), always with
 * `Vary: Accept-Encoding`. Hashed files under /assets/ never change: cached for a year, immutable;
 * everything else (index.html) is revalidated on every visit (`no-cache` with an ETag, 304 when
 * unchanged). Paths that name no file fall back to index.html (client-side routes), except under
 * /assets/ (a missing chunk is a 404, not a page). The files are read once, when the handler is built;
 * dot files and folders (Vite's .vite/manifest.json) are not served.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import type { MiddlewareHandler } from "hono";

/** One servable file and its precompressed variants. */
interface StaticFile {
  readonly type: string;
  readonly cacheControl: string;
  readonly etag: string;
  readonly identity: Buffer;
  readonly br: Buffer | undefined;
  readonly gzip: Buffer | undefined;
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Cache-Control of hashed build outputs (Vite names them `name-<8+ char hash>.ext`). */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * True for a build output whose name carries a content hash, under /assets/.
 * @example
 * isHashedAsset("/assets/index-CVtXU7Th.js") // true
 * isHashedAsset("/index.html") // false
 */
export function isHashedAsset(urlPath: string): boolean {
  return /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(urlPath);
}

/**
 * The encoding to send from an Accept-Encoding header and the variants a file has: brotli, then
 * gzip, then none; a coding with q=0 is refused.
 * @example
 * pickEncoding("gzip, deflate, br", { br: true, gzip: true }) // "br"
 * pickEncoding("br;q=0, gzip", { br: true, gzip: true }) // "gzip"
 */
export function pickEncoding(acceptEncoding: string | undefined, has: { br: boolean; gzip: boolean }): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get("*") ?? 0) > 0;
  if (has.br && accepts("br")) return "br";
  if (has.gzip && accepts("gzip")) return "gzip";
  return null;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Dot files and folders (Vite's .vite/manifest.json) are build metadata, not the app.
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/**
 * Reads a build directory into the table the handler serves from: URL path → file and variants.
 * @example
 * loadStaticFiles("apps/web/dist").get("/index.html")?.br // the brotli bytes, when built
 */
export function loadStaticFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const all = new Set(listFiles(dir));
  for (const full of all) {
    if (full.endsWith(".br") || full.endsWith(".gz")) continue;
    const urlPath = `/${relative(dir, full).split(sep).join("/")}`;
    const identity = readFileSync(full);
    const variant = (suffix: string) =>
      all.has(full + suffix) && statSync(full + suffix).mtimeMs >= statSync(full).mtimeMs - 1000 ? readFileSync(full + suffix) : undefined;
    files.set(urlPath, {
      type: TYPES[extname(full).toLowerCase()] ?? "application/octet-stream",
      cacheControl: isHashedAsset(urlPath) ? IMMUTABLE : "no-cache",
      etag: `"${createHash("sha1").update(identity).digest("base64url").slice(0, 20)}"`,
      identity,
      br: variant(".br"),
      gzip: variant(".gz"),
    });
  }
  return files;
}

/**
 * The middleware serving a web build: GET and HEAD outside /v1/; other requests go on.
 * @example
 * app.use("*", webAppHandler("apps/web/dist"));
 */
export function webAppHandler(dir: string): MiddlewareHandler {
  const files = loadStaticFiles(dir);
  const index = files.get("/index.html");
  return async (c, next) => {
    const path = c.req.path;
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || path.startsWith("/v1/")) return next();
    const file = files.get(path === "/" ? "/index.html" : path);
    if (file) return respond(file, c.req.method, c.req.header("accept-encoding"), c.req.header("if-none-match"));
    // Other app routes (/healthz, /docs, /openapi.json) come first; a missing chunk stays a 404.
    await next();
    if (c.res.status === 404 && index && !path.startsWith("/assets/"))
      c.res = respond(index, c.req.method, c.req.header("accept-encoding"), c.req.header("if-none-match"));
  };
}

function respond(file: StaticFile, method: string, acceptEncoding: string | undefined, ifNoneMatch: string | undefined): Response {
  const encoding = pickEncoding(acceptEncoding, { br: !!file.br, gzip: !!file.gzip });
  const body = (encoding === "br" ? file.br : encoding === "gzip" ? file.gzip : undefined) ?? file.identity;
  const headers: Record<string, string> = {
    "content-type": file.type,
    "cache-control": file.cacheControl,
    // A shared cache must keep one copy per encoding, the uncompressed answer included.
    vary: "Accept-Encoding",
    etag: encoding ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag,
  };
  if (encoding) headers["content-encoding"] = encoding;
  if (ifNoneMatch !== undefined && ifNoneMatch.split(",").some((t) => t.trim() === headers.etag))
    return new Response(null, { status: 304, headers });
  headers["content-length"] = String(body.length);
  return new Response(method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers });
}
