/** Writes the API's OpenAPI document to packages/client/openapi.json (run: npm run openapi -w @ntm/api). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openApiText } from "../openapi.js";

const target = fileURLToPath(new URL("../../../../packages/client/openapi.json", import.meta.url));
writeFileSync(target, openApiText());
console.log(`wrote ${target}`);
