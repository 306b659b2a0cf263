/**
 * The ntm HTTP API as a Hono app. `createApp({ db })` is used by the server and, unchanged, by the tests.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { logger } from "hono/logger";
import { secureHeaders } from "hono/secure-headers";
import { zodIssues } from "@ntm/core";
import type { z } from "zod";
import type { AppDeps, AppEnv } from "./context.js";
import type { Db } from "./db/index.js";
import { authMiddleware } from "./auth/session.js";
import { changeFeedOf } from "./db/changes.js";
import { DatabaseBusyError, type DbQueue } from "./db/queue.js";
import { ApiError, issuesToFields, problemResponse } from "./http/problem.js";
import { DOCS_HTML, DOCS_SCRIPT_HASH } from "./http/docs.js";
import { seeWritesOfOtherInstances } from "./http/freshness.js";
import { databaseProblem, noStoreWhenSignedIn, refuseControlCharacters, requireSignIn } from "./http/hardening.js";
import { authRoutes } from "./routes/auth.js";
import { unitRoutes } from "./routes/units.js";
import { unitImportRoutes } from "./routes/unitImport.js";
import { packRoutes } from "./routes/packs.js";
import { valueRoutes } from "./routes/values.js";
import { evaluationRoutes } from "./routes/evaluations.js";
import { transferRoutes } from "./routes/transfer.js";
import { valueReviewRoutes } from "./routes/valueReview.js";
import { userRoutes } from "./routes/users.js";
import { auditRoutes } from "./routes/audit.js";
import { publicRoutes } from "./routes/public.js";
import { setupRoutes } from "./routes/setup.js";
import { planRoutes } from "./routes/plans.js";
import { planFileRoutes } from "./routes/planFiles.js";
import { dossierExportRoutes } from "./routes/dossierExport.js";
import { planAuthoringRoutes } from "./routes/planAuthoring.js";
import { dossierRoutes } from "./routes/dossiers.js";
import { ocopRoutes } from "./routes/ocop.js";
import { steeringRoutes } from "./routes/steering.js";
import { resourceRoutes } from "./routes/resources.js";
import { housingRoutes } from "./routes/housing.js";
import { inspectionRoutes } from "./routes/inspections.js";
import { commendationRoutes, disciplineRoutes, movementRoutes } from "./routes/emulation.js";
import { consultationRoutes } from "./routes/consultations.js";
import { narrativeRoutes } from "./routes/narratives.js";
import { emulationFileRoutes } from "./routes/emulationFiles.js";
import { rankingRoutes } from "./routes/rankings.js";
import { scoringFileRoutes } from "./routes/scoringFiles.js";
import { reportRoutes } from "./routes/reports.js";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./transfer/limits.js";
import { type AttachmentLimits, DEFAULT_ATTACHMENT_LIMITS } from "./services/attachments.js";
import { dossierDocumentRoutes } from "./routes/dossierDocuments.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The largest request body accepted (a province's spreadsheet of values fits easily). */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface AppOptions {
  db: Db;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
  /**
   * Reverse proxies trusted for X-Forwarded-For / X-Forwarded-Proto (the server reads TRUST_PROXY);
   * 0 (default) ignores both headers, so a client cannot pick the address it is rate-limited under.
   */
  trustProxy?: number;
  /** Bounds on one bulk import (the server reads NTM_IMPORT_MAX_*); defaults in DEFAULT_IMPORT_LIMITS. */
  importLimits?: Partial<ImportLimits>;
  /** Bounds on a dossier attachment (the server reads NTM_ATTACHMENT_*); defaults in DEFAULT_ATTACHMENT_LIMITS. */
  attachmentLimits?: Partial<AttachmentLimits>;
  /** Log one line per request to the console (the server turns it on; tests leave it off). */
  log?: boolean;
  /**
   * Admission to the database for /v1 requests (src/db/queue.ts): over capacity they answer 503 with
   * Retry-After instead of waiting until clients time out. The server sets it; none by default.
   */
  dbQueue?: DbQueue;
  /** Extra routes mounted under /v1 (the plan-domain engineer's routers hook in here). */
  extend?: (v1: OpenAPIHono<AppEnv>) => void;
}

/** The OpenAPI document's header. */
export const OPENAPI_INFO: {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string; license: { name: string } };
  servers: { url: string }[];
} = {
  openapi: "3.1.0",
  info: {
    title: "ntm API",
    version: "0.1.0",
    description:
      "API của phần mềm Nông thôn mới (ntm) / HTTP API of ntm, open software for Vietnam's New Rural Development programme. Errors are RFC 9457 application/problem+json with failing JSON paths in `errors`. Authenticate with the session cookie from POST /v1/auth/login (send `x-csrf-token` on writes) or with `Authorization: Bearer <API token>`.",
    license: { name: "MIT" },
  },
  servers: [{ url: "/" }],
};

function validationHook(result: { success: boolean; error?: z.ZodError; target: string }) {
  if (!result.success && result.error) {
    const prefix = result.target === "json" ? [] : [result.target];
    throw new ApiError(
      "invalid_input",
      `Dữ liệu gửi lên không hợp lệ (${result.target}) / invalid ${result.target}`,
      issuesToFields(zodIssues(result.error), prefix),
    );
  }
}

/**
 * Builds the app: /healthz, /openapi.json, /docs and every /v1 route, with problem+json errors.
 * @example
 * const app = createApp({ db });
 * const res = await app.request("/v1/units");
 */
export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const deps: AppDeps = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    trustProxy: options.trustProxy ?? 0,
    importLimits: { ...DEFAULT_IMPORT_LIMITS, ...options.importLimits },
    attachmentLimits: { ...DEFAULT_ATTACHMENT_LIMITS, ...options.attachmentLimits },
  };
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  if (options.log) app.use("*", logger());
  // Scripts: same origin only, plus the hash of /docs' one inline script (the web app has none); no framing.
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", DOCS_SCRIPT_HASH],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    try {
      await next();
    } finally {
      // This process sees its own writes at once. While the feed is live nothing needs dropping: on
      // PGlite the notifications have already moved the stamps of the tables written, and on
      // PostgreSQL every later /v1 request waits for a sync marker (seeWritesOfOtherInstances), which
      // arrives after this write's notifications. So the rest (the unit tree, packs, sessions, other
      // communes' evaluations) stays kept: dropping it all after each write made every request after
      // it read the tree, packs and sessions again (the mixed read/write load spent its CPU there).
      // Without a live feed memos are bypassed anyway; a refused request (4xx) wrote nothing.
      const refused = c.res.status >= 400 && c.res.status < 500;
      const feed = changeFeedOf(deps.db);
      if (!SAFE_METHODS.has(c.req.method) && !refused && !feed.live) feed.bumpAll();
    }
  });
  app.onError((err, c) => {
    if (err instanceof ApiError) return problemResponse(c, err.kind, err.message, err.errors, err.errorCount, err.reason);
    if (err instanceof HTTPException) {
      if (err.status === 400)
        return problemResponse(c, "bad_request", `Nội dung yêu cầu không đọc được: ${err.message} / malformed request body`, [
          { path: "$", message: err.message },
        ]);
      return problemResponse(
        c,
        err.status === 401 ? "unauthenticated" : err.status === 403 ? "forbidden" : err.status === 404 ? "not_found" : "bad_request",
        err.message,
      );
    }
    // The database refused the request's data (duplicate key, bad character…): a 4xx, never SQL in the body.
    const refused = databaseProblem(err);
    if (refused) return problemResponse(c, refused.kind, refused.detail);
    console.error(err);
    return problemResponse(c, "internal", "Lỗi máy chủ / internal server error");
  });
  app.notFound((c) => problemResponse(c, "not_found", `Không có đường dẫn ${c.req.method} ${new URL(c.req.url).pathname} / no such route`));

  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/docs", (c) => c.html(DOCS_HTML));

  const v1 = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(
        "payload_too_large",
        `Nội dung vượt quá ${MAX_BODY_BYTES / 1024 / 1024} MB / the request body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MB`,
      );
    },
  });
  // Only requests that may carry a body: the check reads `c.req.raw.body`, which makes the Node server
  // build a full Fetch Request (with an AbortController) — a large part of a cached GET's cost.
  v1.use("*", (c, next) => (SAFE_METHODS.has(c.req.method) ? next() : limitBody(c, next)));
  // Before the queue: waiting for the feed holds no database slot.
  v1.use("*", seeWritesOfOtherInstances(deps.db));
  const queue = options.dbQueue;
  if (queue)
    v1.use("*", async (c, next) => {
      try {
        await queue.run(next);
      } catch (e) {
        if (!(e instanceof DatabaseBusyError)) throw e;
        c.header("retry-after", String(e.retryAfterS));
        return problemResponse(
          c,
          "unavailable",
          `Máy chủ đang bận, xin thử lại sau ${e.retryAfterS} giây / the server is busy (${e.message}); retry after ${e.retryAfterS} s`,
        );
      }
    });
  v1.use("*", authMiddleware());
  // Authenticate first, always: no 404/422/428 reaches a stranger. Then refuse control characters.
  v1.use("*", requireSignIn());
  v1.use("*", noStoreWhenSignedIn());
  v1.use("*", refuseControlCharacters());
  v1.route("/", authRoutes());
  // Before unitRoutes: "/units/template" must not be read as a unit id.
  v1.route("/", unitImportRoutes());
  v1.route("/", unitRoutes());
  v1.route("/", packRoutes());
  v1.route("/", valueRoutes());
  v1.route("/", evaluationRoutes());
  v1.route("/", transferRoutes());
  v1.route("/", valueReviewRoutes());
  v1.route("/", userRoutes());
  v1.route("/", auditRoutes());
  v1.route("/", publicRoutes());
  v1.route("/", setupRoutes());
  // Plan authoring before plans: its static /plans/import must win over /plans/{id}-style routes.
  v1.route("/", planAuthoringRoutes());
  v1.route("/", planRoutes());
  v1.route("/", planFileRoutes());
  v1.route("/", dossierExportRoutes());
  v1.route("/", dossierRoutes());
  v1.route("/", dossierDocumentRoutes());
  v1.route("/", ocopRoutes());
  v1.route("/", resourceRoutes());
  v1.route("/", housingRoutes());
  v1.route("/", inspectionRoutes());
  // Before the record routes: the static /commendations/import and /export paths.
  v1.route("/", emulationFileRoutes());
  v1.route("/", movementRoutes());
  v1.route("/", commendationRoutes());
  v1.route("/", disciplineRoutes());
  v1.route("/", consultationRoutes());
  v1.route("/", narrativeRoutes());
  v1.route("/", steeringRoutes());
  v1.route("/", rankingRoutes());
  v1.route("/", scoringFileRoutes());
  v1.route("/", reportRoutes());
  options.extend?.(v1);
  app.route("/v1", v1);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "API token from POST /v1/tokens",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", { type: "apiKey", in: "cookie", name: "ntm_session" });
  app.doc31("/openapi.json", { ...OPENAPI_INFO, security: [{ bearerAuth: [] }, { cookieAuth: [] }] });
  return app;
}

/**
 * The OpenAPI 3.1 document of an app, without a server (for packages/client).
 * @example
 * const doc = openApiDocument(createApp({ db }));
 */
export function openApiDocument(app: OpenAPIHono<AppEnv>): unknown {
  return app.getOpenAPI31Document({ ...OPENAPI_INFO, security: [{ bearerAuth: [] }, { cookieAuth: [] }] });
}

// For benchmarks and tools that embed the API (packages/bench): the database and the demo seed.
export { openDatabase, type Database, type DatabaseOptions } from "./db/index.js";
export { seedDemo, DEMO_CREDENTIALS } from "./seed/index.js";
