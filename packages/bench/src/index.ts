/**
 * `npm run bench`: the evaluation benchmark (issue #2 §5). Exits non-zero when a peer engine
 * disagrees with ours.
 */
import { runEvaluationBench } from "./evaluation.js";

const ok = await runEvaluationBench();
process.stdout.write("\nAPI load benchmark: not run (apps/api has no createApp yet).\n");
if (!ok) process.exitCode = 1;
