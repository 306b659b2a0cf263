import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const serverTs = fileURLToPath(new URL("./server.ts", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "ntm-server-test-"));

/** Starts src/server.ts on a free port (PGlite in dataDir) and resolves once it listens. */
function start(): Promise<{ base: string; output: () => string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", serverTs], {
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        NTM_LOG: "off",
        WEB_DIST: join(dataDir, "no-web"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const stop = () =>
      new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once("exit", () => done()), child.kill("SIGTERM"))));
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /API on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1] && out.includes("xem / xem123")) resolve({ base: m[1], output: () => out, stop });
    });
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the server (src/server.ts) on embedded PGlite", () => {
  it("seeds once, prints demo credentials, serves real HTTP, and keeps the data on a second start", async () => {
    const first = await start();
    const login = await fetch(`${first.base}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "tinh", password: "tinh123" }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cur = await fetch(`${first.base}/v1/units/c-02-02/values/2025`, { headers: { cookie } });
    const saved = await fetch(`${first.base}/v1/units/c-02-02/values/2025`, {
      method: "PUT",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json", "if-match": cur.headers.get("etag")! },
      body: JSON.stringify({ values: { "2.2": 12.5 } }),
    });
    const firstOut = first.output();
    await first.stop();
    const second = await start();
    const again = await fetch(`${second.base}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "tinh", password: "tinh123" }),
    });
    const cookie2 = again.headers.get("set-cookie")!.split(";")[0]!;
    const kept = (await (await fetch(`${second.base}/v1/units/c-02-02/values/2025`, { headers: { cookie: cookie2 } })).json()) as {
      values: Record<string, unknown>;
    };
    const health = await fetch(`${second.base}/healthz`);
    const secondOut = second.output();
    await second.stop();
    expect([
      firstOut.includes("demo data seeded"),
      firstOut.includes("admin / admin123"),
      saved.status,
      secondOut.includes("seed skipped"),
      kept.values,
      health.status,
    ]).toEqual([true, true, 200, true, { "2.2": 12.5 }, 200]);
  }, 300_000); // two cold starts of embedded PostgreSQL (WASM) on a busy 2-core machine
});
