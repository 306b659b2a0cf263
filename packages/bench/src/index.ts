/**
 * `npm run bench`: the evaluation benchmark (issue #2 §5), the API load benchmark (issue #4 §7, with
 * issue #14's mixed case), then the web app in Chromium (issue #14).
 * Exits non-zero when a peer engine disagrees with ours or an API route fails. `--only=evaluation`,
 * `--only=api`, `--only=api-mixed` (the mixed read/write case alone) or `--only=web` (the web app in
 * Chromium) runs one part; `--profile-rollup` runs the API server with --cpu-prof and prints where
 * the roll-up load spends its time.
 */
import { runEvaluationBench } from "./evaluation.js";
import { DEFAULT_API_BENCH, runApiBench } from "./api.js";
import { DEFAULT_WEB_BENCH, runWebBench } from "./web.js";

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (only !== undefined && only !== "evaluation" && only !== "api" && only !== "api-mixed" && only !== "web") {
  process.stderr.write(`bench: --only=${only} is unknown; use --only=evaluation, --only=api, --only=api-mixed or --only=web\n`);
  process.exit(2);
}
const profileRollup = process.argv.includes("--profile-rollup");
let ok = true;
if (only === undefined || only === "evaluation") ok = (await runEvaluationBench()) && ok;
if (only === undefined || only === "api") ok = (await runApiBench({ ...DEFAULT_API_BENCH, profileRollup })) && ok;
if (only === undefined || only === "web") ok = (await runWebBench(DEFAULT_WEB_BENCH)) && ok;
if (only === "api-mixed") ok = (await runApiBench({ ...DEFAULT_API_BENCH, mixedOnly: true })) && ok;
if (!ok) process.exitCode = 1;
