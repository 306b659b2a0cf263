/**
 * `npm run bench`: the evaluation benchmark (issues #2 §5, #14), the CLI benchmark (#14), the API load
 * benchmark (issue #4 §7, with issue #14's mixed case), then the web app in Chromium (issue #14).
 * Exits non-zero when a peer engine disagrees with ours, the engine's JSON contract breaks, or an API
 * route fails. `--only=evaluation`, `--only=cli`, `--only=api`, `--only=api-mixed` (the mixed
 * read/write case alone) or `--only=web` (the web app in Chromium) runs one part; `--cli-big-rows=N`
 * (or NTM_BENCH_CLI_BIG_ROWS=N) sets the rows of the CLI memory run (default 0: skipped); `--api-db=postgres|pglite` runs the API parts on
 * one database; `--cold-restarts=N` sets the server restarts that time the uncached roll-up (default
 * 3, 0 skips them); `--profile-rollup` runs the API server with --cpu-prof and prints where
 * the roll-up load spends its time.
 */
import { runEvaluationBench } from "./evaluation.js";
import { DEFAULT_API_BENCH, runApiBench } from "./api.js";
import { DEFAULT_CLI_BENCH, runCliBench } from "./cli.js";
import { DEFAULT_WEB_BENCH, runWebBench } from "./web.js";

const PARTS = ["evaluation", "cli", "api", "api-mixed", "web"];
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (only !== undefined && !PARTS.includes(only)) {
  process.stderr.write(`bench: --only=${only} is unknown; use one of ${PARTS.map((p) => `--only=${p}`).join(", ")}\n`);
  process.exit(2);
}
const profileRollup = process.argv.includes("--profile-rollup");
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(`--${name}=`.length);
const apiDb = arg("api-db");
if (apiDb !== undefined && apiDb !== "postgres" && apiDb !== "pglite") {
  process.stderr.write(`bench: --api-db=${apiDb} is unknown; use --api-db=postgres or --api-db=pglite\n`);
  process.exit(2);
}
const coldRestarts = arg("cold-restarts");
if (coldRestarts !== undefined && !/^\d+$/.test(coldRestarts)) {
  process.stderr.write(`bench: --cold-restarts=${coldRestarts} must be a whole number\n`);
  process.exit(2);
}
const apiOptions = {
  ...DEFAULT_API_BENCH,
  profileRollup,
  ...(apiDb ? { databases: [apiDb] as const } : {}),
  ...(coldRestarts !== undefined ? { coldRestarts: Number(coldRestarts) } : {}),
};
let ok = true;
if (only === undefined || only === "evaluation") ok = (await runEvaluationBench()) && ok;
// The CLI's big-file memory run: --cli-big-rows=N, else NTM_BENCH_CLI_BIG_ROWS, else skipped (0).
const bigRows =
  process.argv.find((a) => a.startsWith("--cli-big-rows="))?.slice("--cli-big-rows=".length) ?? process.env.NTM_BENCH_CLI_BIG_ROWS;
if (bigRows !== undefined && !/^\d+$/.test(bigRows)) {
  process.stderr.write(
    `bench: the CLI's big-file rows (--cli-big-rows or NTM_BENCH_CLI_BIG_ROWS) must be a whole number, got "${bigRows}"\n`,
  );
  process.exit(2);
}
if (only === undefined || only === "cli")
  ok = (await runCliBench({ ...DEFAULT_CLI_BENCH, ...(bigRows !== undefined ? { bigRows: Number(bigRows) } : {}) })) && ok;
if (only === undefined || only === "api") ok = (await runApiBench(apiOptions)) && ok;
if (only === undefined || only === "web") ok = (await runWebBench(DEFAULT_WEB_BENCH)) && ok;
if (only === "api-mixed") ok = (await runApiBench({ ...apiOptions, mixedOnly: true })) && ok;
if (!ok) process.exitCode = 1;
