import type { Command } from "commander";
import { type Ctx, type GlobalOptions, makeCtx } from "./context.js";

/** A command body: gets the context, then commander's positional arguments and options; may return an exit code. */
export type Action = (ctx: Ctx, ...args: never[]) => Promise<number | void> | number | void;
/** Wraps a command body as a commander action. */
export type Run = (fn: Action) => (...args: unknown[]) => Promise<void>;

/**
 * Wraps command bodies: builds the context from the global options and sets the exit code returned.
 * Errors propagate to `main`, which renders them in one place.
 * @example
 * program.command("x").action(run((ctx) => ctx.print("hi")));
 */
export const run: Run =
  (fn) =>
  async (...args) => {
    const cmd = args[args.length - 1] as Command;
    const ctx = makeCtx(cmd.optsWithGlobals<GlobalOptions>());
    const code = await (fn as (ctx: Ctx, ...a: unknown[]) => Promise<number | void> | number | void)(ctx, ...args.slice(0, -1));
    if (typeof code === "number" && code !== 0) process.exitCode = code;
  };
