import type { Command, Help, HelpConfiguration, Option } from "commander";

const SEE_HELP = "xem / see `ntm --help`";

/**
 * Rewrites one of commander's own error messages (English, sometimes two lines) as one line,
 * Vietnamese first, English second. A message it does not know keeps its text behind "lỗi / error:".
 * @example
 * commanderErrorLine("error: unknown command 'evalute'\n(Did you mean evaluate?)")
 * // "ntm: không có lệnh 'evalute' (có phải: evaluate?) / unknown command 'evalute' (did you mean evaluate?) — xem / see `ntm --help`"
 */
export function commanderErrorLine(message: string): string {
  const text = message.replace(/^error:\s*/, "").trim();
  const [first = "", ...rest] = text.split(/\r?\n/);
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(rest.join(" "))?.[1];
  const sugVi = suggestion ? ` (có phải: ${suggestion}?)` : "";
  const sugEn = suggestion ? ` (did you mean ${suggestion}?)` : "";
  let m: RegExpExecArray | null;
  let line: string;
  if ((m = /^unknown command '(.+)'$/.exec(first))) line = `không có lệnh '${m[1]}'${sugVi} / unknown command '${m[1]}'${sugEn}`;
  else if ((m = /^unknown option '(.+)'$/.exec(first))) line = `không có tuỳ chọn '${m[1]}'${sugVi} / unknown option '${m[1]}'${sugEn}`;
  else if ((m = /^missing required argument '(.+)'$/.exec(first)))
    line = `thiếu tham số bắt buộc '${m[1]}' / missing required argument '${m[1]}'`;
  else if ((m = /^option '(.+)' argument missing$/.exec(first)))
    line = `tuỳ chọn '${m[1]}' cần một giá trị / option '${m[1]}' needs a value`;
  else if ((m = /^required option '(.+)' not specified$/.exec(first)))
    line = `thiếu tuỳ chọn bắt buộc '${m[1]}' / required option '${m[1]}' not given`;
  else if ((m = /^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/.exec(first)))
    line = `tuỳ chọn '${m[1]}' không nhận '${m[2]}'; chọn một trong: ${m[3]} / option '${m[1]}' does not take '${m[2]}'; allowed choices are ${m[3]}`;
  else if ((m = /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(first)))
    line = `thừa tham số${m[1] ? ` cho '${m[1]}'` : ""}: cần ${m[2]}, nhận ${m[3]} / too many arguments${m[1] ? ` for '${m[1]}'` : ""}: expected ${m[2]}, got ${m[3]}`;
  else if ((m = /^(.+) cannot be used with (.+)$/.exec(first)))
    line = `${m[1]} không dùng cùng ${m[2]} / ${m[1]} cannot be used with ${m[2]}`;
  else line = `lỗi / error: ${[first, ...rest].join(" ")}`;
  return `ntm: ${line} — ${SEE_HELP}`;
}

const TITLES: Record<string, string> = {
  "Usage:": "Cách dùng / Usage:",
  "Options:": "Tuỳ chọn / Options:",
  "Commands:": "Lệnh / Commands:",
  "Arguments:": "Tham số / Arguments:",
  "Global Options:": "Tuỳ chọn chung / Global options:",
};

/**
 * Help text settings: headings Vietnamese first ("Cách dùng / Usage:"), defaults and choices in both languages.
 * Commander copies them to every subcommand created after `program.configureHelp(helpConfiguration)`.
 * @example
 * new Command("ntm").configureHelp(helpConfiguration);
 */
export const helpConfiguration: HelpConfiguration = {
  showGlobalOptions: true,
  styleTitle: (str: string) => TITLES[str] ?? str,
  optionDescription(this: Help, option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`chọn / choices: ${option.argChoices.join(", ")}`);
    if (option.defaultValue !== undefined && !option.negate)
      extra.push(`mặc định / default: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
    return extra.length ? `${option.description} (${extra.join("; ")})` : option.description;
  },
};

/**
 * Makes commander speak Vietnamese first: its error messages become one line (see {@link commanderErrorLine}),
 * help headings are bilingual, and the built-in help and version options say what they do in both languages.
 * Call before adding subcommands, which inherit these settings.
 * @example
 * localizeCommander(new Command("ntm").version("0.1.0", "-V, --version", "phiên bản / version"));
 */
export function localizeCommander(program: Command): Command {
  return program
    .configureHelp(helpConfiguration)
    .helpOption("-h, --help", "xem hướng dẫn / display help")
    .helpCommand("help [command]", "xem hướng dẫn của một lệnh / display help for a command")
    .configureOutput({ outputError: (str, write) => write(`${commanderErrorLine(str)}\n`) })
    .showHelpAfterError(false);
}
