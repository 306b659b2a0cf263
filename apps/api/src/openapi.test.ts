import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiText } from "./openapi.js";

describe("packages/client/openapi.json", () => {
  it("equals the live OpenAPI document (run `npm run openapi -w @ntm/api` then `npm run generate -w @ntm/client`)", () => {
    const committed = readFileSync(new URL("../../../packages/client/openapi.json", import.meta.url), "utf8");
    expect(committed).toBe(openApiText());
  });

  it("documents problem+json errors and both ways to authenticate", () => {
    const doc = JSON.parse(openApiText()) as {
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const put = doc.paths["/v1/units/{id}/values/{year}"]!.put!;
    expect([
      Object.keys(doc.components.securitySchemes).sort(),
      Object.keys(put.responses).sort(),
      Object.keys(put.responses["412"]!.content!),
    ]).toEqual([
      ["bearerAuth", "cookieAuth"],
      ["200", "400", "401", "403", "404", "409", "412", "422", "428"],
      ["application/problem+json"],
    ]);
  });
});
