import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMMUTABLE, isHashedAsset, pickEncoding, webAppHandler } from "./static.js";

const JS = `export const answer = ${JSON.stringify("xã nông thôn mới ".repeat(200))};\n`;
const HTML = `<!doctype html><html><head><script type="module" src="/assets/index-CVtXU7Th.js"></script></head><body><div id="root"></div></body></html>`;

describe("pickEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0 and the wildcard", () => {
    const both = { br: true, gzip: true };
    expect(pickEncoding("gzip, deflate, br", both)).toBe("br");
    expect(pickEncoding("gzip, deflate", both)).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip;q=0.5", both)).toBe("gzip");
    expect(pickEncoding("*", both)).toBe("br");
    expect(pickEncoding("*, br;q=0", both)).toBe("gzip");
    expect(pickEncoding("identity", both)).toBeNull();
    expect(pickEncoding(undefined, both)).toBeNull();
    expect(pickEncoding("br", { br: false, gzip: true })).toBeNull();
  });
});

describe("isHashedAsset", () => {
  it("is true only for hashed files under /assets/", () => {
    expect(isHashedAsset("/assets/index-CVtXU7Th.js")).toBe(true);
    expect(isHashedAsset("/assets/Units-DXm29ioG.css")).toBe(true);
    expect(isHashedAsset("/index.html")).toBe(false);
    expect(isHashedAsset("/favicon.ico")).toBe(false);
  });
});

describe("webAppHandler", () => {
  let dir: string;
  let app: Hono;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ntm-static-"));
    mkdirSync(join(dir, "assets"));
    const js = join(dir, "assets", "index-CVtXU7Th.js");
    writeFileSync(js, JS);
    writeFileSync(`${js}.br`, brotliCompressSync(JS));
    writeFileSync(`${js}.gz`, gzipSync(JS));
    writeFileSync(join(dir, "index.html"), HTML);
    writeFileSync(join(dir, "index.html.gz"), gzipSync(HTML));
    mkdirSync(join(dir, ".vite"));
    writeFileSync(join(dir, ".vite", "manifest.json"), "{}");
    app = new Hono();
    app.get("/healthz", (c) => c.json({ ok: true }));
    app.use("*", webAppHandler(dir));
    app.notFound((c) => c.json({ kind: "not_found" }, 404));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("sends the brotli file of a hashed asset with Content-Encoding, Vary and immutable caching", async () => {
    const res = await app.request("/assets/index-CVtXU7Th.js", { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
    expect(body.length).toBeLessThan(JS.length / 5);
    expect(brotliDecompressSync(body).toString()).toBe(JS);
  });

  it("sends gzip to a client without brotli and the plain file to one that accepts neither, both with Vary", async () => {
    const gz = await app.request("/assets/index-CVtXU7Th.js", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(JS);
    const plain = await app.request("/assets/index-CVtXU7Th.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
    expect(await plain.text()).toBe(JS);
  });

  it("revalidates index.html (no-cache, ETag, 304) and serves it for client-side routes", async () => {
    const first = await app.request("/", { headers: { "accept-encoding": "br, gzip" } });
    expect(first.headers.get("cache-control")).toBe("no-cache");
    // Only a gzip variant was built for index.html.
    expect(first.headers.get("content-encoding")).toBe("gzip");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await app.request("/", { headers: { "accept-encoding": "br, gzip", "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
    const route = await app.request("/communes/c-01-01");
    expect(route.status).toBe(200);
    expect(route.headers.get("cache-control")).toBe("no-cache");
    expect(await route.text()).toBe(HTML);
  });

  it("leaves other routes, /v1/ and missing assets alone", async () => {
    expect(await (await app.request("/healthz")).json()).toEqual({ ok: true });
    const api = await app.request("/v1/nothing");
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ kind: "not_found" });
    const missing = await app.request("/assets/gone-ABCDEFGH.js");
    expect(missing.status).toBe(404);
    // Build metadata is not served: the path falls back to the app's page like any unknown path.
    expect(await (await app.request("/.vite/manifest.json")).text()).toBe(HTML);
    expect((await app.request("/index.html", { method: "POST" })).status).toBe(404);
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await app.request("/assets/index-CVtXU7Th.js", { method: "HEAD", headers: { "accept-encoding": "br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(Number(res.headers.get("content-length"))).toBe(brotliCompressSync(JS).length);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });
});
