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
    printJson: (v) => {
      // A big batch (10,000 communes) is larger than one JavaScript string may be: write arrays item by item.
      if (!Array.isArray(v)) return void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
      if (v.length === 0) return void process.stdout.write("[]\n");
      // Long arrays put one compact item per line (a third of the size, easy to stream line by line).
      const compact = v.length > 50;
      let chunk = "[\n";
      v.forEach((item, i) => {
        chunk += `  ${compact ? JSON.stringify(item) : JSON.stringify(item, null, 2).replace(/\n/g, "\n  ")}${i < v.length - 1 ? "," : ""}\n`;
        if (chunk.length > 1 << 20) {
          process.stdout.write(chunk);
          chunk = "";
        }
      });
      process.stdout.write(`${chunk}]\n`);
    },
    note: (t) => void process.stderr.write(`${t}\n`),
  };
}
