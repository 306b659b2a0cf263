/**
 * The plan-domain routes under /v1: plans and reporting, recognition dossiers, annual ranking, OCOP,
 * resources, housing, inspections and the DOCX/XLSX/PDF reports. Handlers stay thin: every domain
 * decision comes from @ntm/core.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { planRoutes } from "./plans.js";
import { planAuthoringRoutes } from "./planAuthoring.js";
import { dossierRoutes } from "./dossiers.js";
import { ocopRoutes } from "./ocop.js";
import { resourceRoutes } from "./resources.js";
import { housingRoutes } from "./housing.js";
import { inspectionRoutes } from "./inspections.js";
import { rankingRoutes } from "./rankings.js";
import { reportRoutes } from "./reports.js";

/**
 * All plan-domain routers in one, mounted with `v1.route("/", domainRoutes())`.
 * @example
 * v1.route("/", domainRoutes());
 */
export function domainRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  // Authoring first: its static /plans/import must win over /plans/{id}-style routes.
  app.route("/", planAuthoringRoutes());
  app.route("/", planRoutes());
  app.route("/", dossierRoutes());
  app.route("/", ocopRoutes());
  app.route("/", resourceRoutes());
  app.route("/", housingRoutes());
  app.route("/", inspectionRoutes());
  app.route("/", rankingRoutes());
  app.route("/", reportRoutes());
  return app;
}
