/**
 * `npm run bench`: the evaluation benchmark (issues #2 §5, #14), the CLI benchmark (#14), the API load
 * benchmark (issue #4 §7, with issue #14's mixed case), then the web app in Chromium (issue #14).
 * Exits non-zero when a peer engine disagrees with ours, the engine's JSON contract breaks, or an API
 * route fails. `--only=evaluation`, `--only=cli`, `--only=api`, `--only=api-mixed` (the mixed
 * read/write case alone) or `--only=web` (the web app in Chromium) runs one part; `--cli-big-rows=N`
 * sets the rows of the CLI memory run (0 skips it); `--profile-rollup` runs the API server with --cpu-prof and prints where
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
let ok = true;
if (only === undefined || only === "evaluation") ok = (await runEvaluationBench()) && ok;
const bigRows = process.argv.find((a) => a.startsWith("--cli-big-rows="))?.slice("--cli-big-rows=".length);
if (only === undefined || only === "cli")
  ok = (await runCliBench({ ...DEFAULT_CLI_BENCH, ...(bigRows !== undefined ? { bigRows: Number(bigRows) } : {}) })) && ok;
if (only === undefined || only === "api") ok = (await runApiBench({ ...DEFAULT_API_BENCH, profileRollup })) && ok;
if (only === undefined || only === "web") ok = (await runWebBench(DEFAULT_WEB_BENCH)) && ok;
if (only === "api-mixed") ok = (await runApiBench({ ...DEFAULT_API_BENCH, mixedOnly: true })) && ok;
if (!ok) process.exitCode = 1;
