import { type ChildProcess, spawn } from "node:child_process";
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

/** A real ntm API on embedded PGlite in a temp dir, with the demo seed (or empty, with `seed: "none"`). */
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
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: REPO,
    env: {
      PATH: process.env["PATH"] ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: join(dataDir, "pg"),
      WEB_DIST: join(dataDir, "no-web"),
      NTM_SEED: options.seed ?? "demo",
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
        if (exited) {
          rmSync(dataDir, { recursive: true, force: true });
          return resolve();
        }
        child.once("exit", () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
