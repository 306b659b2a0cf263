import type { Principal } from "./auth/policy.js";
import type { Db } from "./db/index.js";
import type { AttachmentLimits } from "./services/attachments.js";
import type { ImportLimits } from "./transfer/limits.js";

/** What the app needs from the outside world: the database and a clock. */
export interface AppDeps {
  db: Db;
  now: () => Date;
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For (and set
   * X-Forwarded-Proto). 0: the headers are ignored, the socket's address is the client's.
   */
  trustProxy: number;
  /** Bounds on one bulk import (bytes, rows, unpacked .xlsx size, errors listed). */
  importLimits: ImportLimits;
  /** Bounds on a dossier attachment (size, accepted types). */
  attachmentLimits: AttachmentLimits;
}

/** Per-request variables set by the auth middleware. */
export interface AppVariables {
  deps: AppDeps;
  user: Principal | null;
  /** How the user authenticated: a browser session cookie or a Bearer API token. */
  authVia: "cookie" | "token" | null;
  /** The CSRF token of the cookie session (double-submit). */
  csrfToken: string | null;
  sessionId: string | null;
}

export type AppEnv = { Variables: AppVariables };
