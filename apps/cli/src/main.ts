import { Command, CommanderError, Option } from "commander";
import { registerDossier } from "./commands/dossier.js";
import { registerDossierExport } from "./commands/dossierExport.js";
import { registerEvaluate } from "./commands/evaluate.js";
import { registerOcop } from "./commands/ocop.js";
import { registerPacks } from "./commands/packs.js";
import { registerPlan } from "./commands/plan.js";
import { registerPlanAuthoring } from "./commands/planAuthoring.js";
import { registerRank } from "./commands/rank.js";
import { registerReport } from "./commands/report.js";
import { evaluateRemote, rankRemote, registerRemote } from "./commands/remote.js";
import { registerWorkday } from "./commands/workday.js";
import { registerRecords } from "./commands/records.js";
import { registerEmulation } from "./commands/emulation.js";
import { registerUsers } from "./commands/users.js";
import { registerRecordWrites } from "./commands/recordWrites.js";
import { registerRecordFiles } from "./commands/recordFiles.js";
import { registerTaskFiles } from "./commands/taskFiles.js";
import { registerSteering } from "./commands/steering.js";
import { registerScoring } from "./commands/scoring.js";
import { registerScoringFiles } from "./commands/scoringFiles.js";
import { CliError, EXIT, EXIT_CODES_HELP, formatProblem } from "./lib/exit.js";
import { run } from "./lib/run.js";
import { localizeCommander } from "./lib/commanderText.js";

/**
 * Builds the `ntm` program with every command registered.
 * @example
 * await buildProgram().parseAsync(["node", "ntm", "packs", "list"]);
 */
export function buildProgram(): Command {
  const program = new Command("ntm")
    .description(
      "ntm — công cụ dòng lệnh Nông thôn mới cho cán bộ số liệu và bên tích hợp / the NTM command line for data officers and integrators",
    )
    .version("0.1.0", "-V, --version", "phiên bản / version")
    .option("--json", "in kết quả JSON (cho script) / print JSON for scripts")
    .addOption(new Option("--lang <lang>", "ngôn ngữ / language").choices(["vi", "en"]).default("vi"))
    .option("--debug", "in stack trace khi lỗi / print stack traces on errors")
    .option("--server <url>", "máy chủ ntm (mặc định $NTM_SERVER hoặc http://127.0.0.1:3000) / ntm server URL")
    .addHelpText("after", EXIT_CODES_HELP)
    .showSuggestionAfterError()
    .exitOverride();
  // Before the subcommands: they inherit the Vietnamese-first help and error output.
  localizeCommander(program);
  registerPacks(program, run);
  registerEvaluate(program, run, evaluateRemote);
  registerPlanAuthoring(registerPlan(program, run), run);
  registerRank(program, run, rankRemote);
  registerOcop(program, run);
  registerWorkday(program, run);
  registerRemote(program, run);
  registerDossier(program, run);
  registerDossierExport(program, run);
  registerReport(program, run);
  registerRecords(program, run);
  registerEmulation(program, run);
  registerUsers(program, run);
  registerRecordWrites(program, run);
  // The steering group first: its files (template, export, import) join it.
  registerSteering(program, run);
  registerRecordFiles(program, run);
  registerTaskFiles(program, run);
  registerScoring(program, run);
  registerScoringFiles(program, run);
  return program;
}

/**
 * Runs the CLI and returns the exit code. Every expected failure becomes one line per problem on
 * stderr (and a JSON error object on stdout with `--json`); a stack trace only with `--debug`.
 * @example
 * process.exitCode = await main(process.argv);
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const json = argv.includes("--json");
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander has already printed its message (unknown option, missing argument…)
      // `--help` and `--version` are successes; help shown because a command is missing is bad input.
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return EXIT.ok;
      if (e.code === "commander.help") return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
      return EXIT.badInput;
    }
    if (e instanceof CliError) {
      for (const p of e.problems) process.stderr.write(`${formatProblem(p)}\n`);
      if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
      if (json)
        process.stdout.write(`${JSON.stringify({ error: { kind: e.kind, exitCode: e.exitCode, problems: e.problems } }, null, 2)}\n`);
      return e.exitCode;
    }
    // Core throws RangeError for an argument outside its domain (a date past 2199, a score of 140):
    // that is bad input, not a bug.
    if (e instanceof RangeError) {
      process.stderr.write(`${e.message} (giá trị ngoài phạm vi / value out of range)\n`);
      if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
      if (json)
        process.stdout.write(
          `${JSON.stringify({ error: { kind: "invalid_input", exitCode: EXIT.badInput, problems: [{ message: e.message }] } }, null, 2)}\n`,
        );
      return EXIT.badInput;
    }
    // A programmer error: say so in one line, with the stack only on request.
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`ntm: internal error (lỗi nội bộ): ${msg}${debug ? "" : " (use --debug for details)"}\n`);
    if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return 70;
  }
}

// `ntm … | head` closes stdout early: that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await main(process.argv);
