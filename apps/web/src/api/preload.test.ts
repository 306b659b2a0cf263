import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { preloadGet, preloadingFetch, preloadJson } from "./preload";

/** A network that answers from a table and counts what it was asked. */
function network(answers: Record<string, { status: number; body: unknown }>) {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: string | Request) => {
    const url = typeof input === "string" ? input : input.url;
    calls.push(`${typeof input === "string" ? "GET" : input.method} ${new URL(url).pathname}${new URL(url).search}`);
    const a = answers[new URL(url).pathname + new URL(url).search] ?? { status: 404, body: { kind: "not_found" } };
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { "content-type": "application/json" } });
  });
  return { fetch, calls };
}

const get = (path: string) => new Request(`http://localhost${path}`);

describe("route preloading at the fetch level", () => {
  let net: ReturnType<typeof network>;
  beforeEach(() => {
    net = network({
      "/v1/units": { status: 200, body: [{ id: "p-demo" }] },
      "/v1/units/c-01-01/values": { status: 200, body: { items: [{ year: 2024 }] } },
      "/v1/auth/me": { status: 401, body: { kind: "unauthenticated" } },
    });
    vi.stubGlobal("fetch", net.fetch);
  });
  afterEach(async () => {
    // A write forgets every preload: the next test starts empty.
    await preloadingFetch(new Request("http://localhost/v1/anything", { method: "POST" }));
    vi.unstubAllGlobals();
  });

  it("hands a preloaded answer to the page's request once, without asking the network again", async () => {
    void preloadGet("/v1/units");
    const first = await preloadingFetch(get("/v1/units"));
    expect(await first.json()).toEqual([{ id: "p-demo" }]);
    expect(net.calls).toEqual(["GET /v1/units"]);
    // The second request of the page goes to the network.
    await preloadingFetch(get("/v1/units"));
    expect(net.calls).toEqual(["GET /v1/units", "GET /v1/units"]);
  });

  it("does not send a preload twice while it is fresh, even after the page took it", async () => {
    const a = preloadJson<{ items: unknown[] }>("/v1/units/c-01-01/values");
    const b = preloadJson<{ items: unknown[] }>("/v1/units/c-01-01/values");
    expect((await a)?.items).toHaveLength(1);
    expect((await b)?.items).toHaveLength(1);
    await preloadingFetch(get("/v1/units/c-01-01/values"));
    void preloadGet("/v1/units/c-01-01/values");
    expect(net.calls).toEqual(["GET /v1/units/c-01-01/values"]);
  });

  it("never hands out a 401: the page's own request goes out", async () => {
    void preloadGet("/v1/auth/me");
    await preloadingFetch(get("/v1/auth/me"));
    expect(net.calls).toEqual(["GET /v1/auth/me", "GET /v1/auth/me"]);
  });

  it("forgets preloads at a write, so a later read does not get an answer from before it", async () => {
    void preloadGet("/v1/units");
    await preloadingFetch(new Request("http://localhost/v1/units/c-01-01/values/2024", { method: "PUT", body: "{}" }));
    await preloadingFetch(get("/v1/units"));
    expect(net.calls).toEqual(["GET /v1/units", "PUT /v1/units/c-01-01/values/2024", "GET /v1/units"]);
  });
});
