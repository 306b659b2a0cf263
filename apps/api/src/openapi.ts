import { createApp, openApiDocument } from "./app.js";
import type { Db } from "./db/index.js";

/**
 * The OpenAPI document as committed text (2-space JSON + newline), built without a database or a
 * server: route definitions do not touch the database.
 * @example
 * writeFileSync("packages/client/openapi.json", openApiText());
 */
export function openApiText(): string {
  const app = createApp({ db: {} as Db });
  return `${JSON.stringify(openApiDocument(app), null, 2)}\n`;
}
