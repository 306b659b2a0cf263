import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNtmClient, isProblem } from "@ntm/client";
import { type Harness, openHarness } from "./testing/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const viaApp = (req: Request) => Promise.resolve(h.app.fetch(req));

describe("@ntm/client against the real app", () => {
  it("signs in, creates an API token and reads an evaluation with it", async () => {
    const anon = createNtmClient({ baseUrl: "http://ntm.test", fetch: viaApp });
    const signIn = await anon.POST("/v1/auth/login", { body: { username: "tinh", password: "tinh123" } });
    const cookie = signIn.response.headers.get("set-cookie")!.split(";")[0]!;
    const browser = createNtmClient({
      baseUrl: "http://ntm.test",
      csrfToken: signIn.data!.csrfToken!,
      fetch: (req) => {
        req.headers.set("cookie", cookie);
        return viaApp(req);
      },
    });
    const token = await browser.POST("/v1/tokens", { body: { name: "cli" } });
    const cli = createNtmClient({ baseUrl: "http://ntm.test", token: token.data!.token, fetch: viaApp });
    const ev = await cli.GET("/v1/units/{id}/evaluation", { params: { path: { id: "c-01-01" }, query: { year: 2024 } } });
    expect([
      signIn.data?.user.role,
      token.response.status,
      ev.data?.unitId,
      ev.data && "criteria" in ev.data ? ev.data.criteria.length : null,
    ]).toEqual(["province_officer", 201, "c-01-01", 19]);
  });

  it("returns problems as typed errors", async () => {
    const anon = createNtmClient({ baseUrl: "http://ntm.test", fetch: viaApp });
    const { error, response } = await anon.GET("/v1/units/{id}", { params: { path: { id: "c-01-01" } } });
    expect([response.status, isProblem(error), error?.kind]).toEqual([401, true, "unauthenticated"]);
  });
});
