import type { Lang } from "@ntm/core";

/** What every command receives: the global options and where to write. */
export interface Ctx {
  json: boolean;
  lang: Lang;
  debug: boolean;
  server: string;
  /** Writes a line (or block) to stdout. */
  print(text: string): void;
  /** Writes a value as JSON to stdout (the machine contract). */
  printJson(value: unknown): void;
  /** Writes a notice to stderr (progress, warnings), never part of the JSON contract. */
  note(text: string): void;
}

/** Global options as commander parses them. */
export interface GlobalOptions {
  json?: boolean;
  lang?: string;
  debug?: boolean;
  server?: string;
}

/**
 * Builds the command context from the global options.
 * @example
 * const ctx = makeCtx({ json: true, lang: "en" });
 */
export function makeCtx(o: GlobalOptions): Ctx {
  return {
    json: o.json === true,
    lang: o.lang === "en" ? "en" : "vi",
    debug: o.debug === true,
    server: (o.server ?? process.env["NTM_SERVER"] ?? "http://127.0.0.1:3000").replace(/\/+$/, ""),
    print: (t) => void process.stdout.write(`${t}\n`),
    printJson: (v) => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`),
    note: (t) => void process.stderr.write(`${t}\n`),
  };
}
