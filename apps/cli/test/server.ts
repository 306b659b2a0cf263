import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./cli.js";

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * With `NTM_CLI_TEST_DATABASE_URL` (a PostgreSQL URL), each test server gets its own fresh database on
 * that server (created with psql, dropped when the server stops); otherwise embedded PGlite.
 */
function freshPostgres(): { url: string; drop: () => void } | undefined {
  const base = process.env["NTM_CLI_TEST_DATABASE_URL"];
  if (!base) return undefined;
  const name = `ntm_cli_${randomBytes(6).toString("hex")}`;
  const url = new URL(base);
  const admin = url.toString();
  execFileSync("psql", [admin, "-qc", `CREATE DATABASE ${name}`], { stdio: ["ignore", "ignore", "inherit"] });
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      execFileSync("psql", [admin, "-qc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { stdio: ["ignore", "ignore", "inherit"] }),
  };
}

/** A real ntm API on embedded PGlite in a temp dir (or a fresh PostgreSQL database, see {@link freshPostgres}), with the demo seed (or empty, with `seed: "none"`). */
export interface TestServer {
  url: string;
  /** The temp directory holding the data directory (`pg`) and, on a first run, `setup-token`. */
  dir: string;
  stop: () => Promise<void>;
  /** Everything the server printed (to explain a failure). */
  log: () => string;
}

/**
 * Starts the API from its source (`node --import tsx apps/api/src/server.ts`, so the tests always meet
 * the current routes without touching the API's dist/) and waits until it listens.
 * @example
 * const server = await startServer();
 */
export async function startServer(options: { seed?: "demo" | "none" } = {}): Promise<TestServer> {
  const entry = join(REPO, "apps", "api", "src", "server.ts");
  const dataDir = mkdtempSync(join(tmpdir(), "ntm-cli-api-"));
  const port = await freePort();
  const pg = freshPostgres();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: REPO,
    env: {
      PATH: process.env["PATH"] ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: join(dataDir, "pg"),
      WEB_DIST: join(dataDir, "no-web"),
      NTM_SEED: options.seed ?? "demo",
      NTM_SETUP_TOKEN_FILE: join(dataDir, "setup-token"),
      ...(pg ? { DATABASE_URL: pg.url } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      log += b.toString();
      if (log.includes("API on http://")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the API exited with ${code}:\n${log}`)));
  });
  let exited = false;
  child.once("exit", (code, signal) => {
    exited = true;
    log += `\n[test] the API exited (code ${code}, signal ${signal})\n`;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dir: dataDir,
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        const clean = () => {
          rmSync(dataDir, { recursive: true, force: true });
          pg?.drop();
          resolve();
        };
        if (exited) return clean();
        child.once("exit", clean);
        child.kill("SIGTERM");
      }),
  };
}
