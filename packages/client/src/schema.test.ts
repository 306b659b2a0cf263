import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import openapiTS, { astToString } from "openapi-typescript";

describe("src/schema.d.ts", () => {
  it("is what openapi-typescript generates from the committed openapi.json (run `npm run generate` after the API changes)", async () => {
    const doc = readFileSync(new URL("../openapi.json", import.meta.url), "utf8");
    const generated = astToString(await openapiTS(doc));
    const committed = readFileSync(new URL("./schema.d.ts", import.meta.url), "utf8");
    const strip = (s: string) => s.replace(/^\/\*\*[\s\S]*?\*\/\s*/, "").trim();
    expect(strip(committed)).toBe(strip(generated));
    // Generating the types of the whole API takes seconds, more on a loaded machine (5 s was too little in CI).
  }, 120_000);
});
