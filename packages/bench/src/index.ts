/**
 * `npm run bench`: the evaluation benchmark (issue #2 §5), then the API load benchmark. Exits
 * non-zero when a peer engine disagrees with ours or an API route fails. `--only=evaluation` or
 * `--only=api` runs one part.
 */
import { runEvaluationBench } from "./evaluation.js";
import { runApiBench } from "./api.js";

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
let ok = true;
if (only === undefined || only === "evaluation") ok = (await runEvaluationBench()) && ok;
if (only === undefined || only === "api") ok = (await runApiBench()) && ok;
if (!ok) process.exitCode = 1;
