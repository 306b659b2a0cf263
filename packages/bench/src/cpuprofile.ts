/**
 * Summaries of a V8 CPU profile (the .cpuprofile JSON written by `node --cpu-prof`): self time
 * grouped by where the code lives (database driver, ORM, HTTP framework, @ntm/core, JSON, ...), so a
 * benchmark can say where a slow route spends its time.
 */

/** The parts of a V8 .cpuprofile this module reads. */
export interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string } }[];
  /** Microseconds, on the same monotonic clock as process.hrtime in any process of the machine. */
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time of one group of code. */
export interface ProfileGroup {
  readonly group: string;
  readonly selfMs: number;
  /** Share of all sampled time in the window (idle included). */
  readonly share: number;
}

const GROUPS: readonly (readonly [string, (url: string, fn: string) => boolean])[] = [
  ["idle (waiting: I/O, database, client)", (u, f) => u === "" && f === "(idle)"],
  ["garbage collector", (u, f) => u === "" && f === "(garbage collector)"],
  ["PGlite (embedded PostgreSQL, WASM)", (u) => u.includes("pglite")],
  ["pg driver (protocol, parsing rows)", (u) => /node_modules\/(pg|pg-protocol|pg-types|pgpass|postgres-[a-z]+)\//.test(u)],
  ["drizzle-orm (query building, row mapping)", (u) => u.includes("drizzle-orm")],
  ["hono / zod (routing, validation)", (u) => /node_modules\/(hono|@hono|zod|@asteasolutions)\//.test(u)],
  ["@ntm/core (evaluation)", (u) => u.includes("packages/core/") || u.includes("@ntm/core")],
  ["apps/api own code", (u) => u.includes("apps/api/")],
  ["JSON.stringify / JSON.parse", (u, f) => u === "" && (f === "stringify" || f === "parse")],
  ["Node internals (net, http, streams, crypto)", (u) => u.startsWith("node:")],
  ["other node_modules", (u) => u.includes("node_modules/")],
  ["V8 / native (program, builtins)", () => true],
];

/**
 * Groups a CPU profile's self time by where the code lives, largest first; `window` (microseconds on
 * the profile's clock) keeps only the samples taken inside it.
 * @example
 * summarizeCpuProfile(profile, { fromUs: t0, toUs: t1 })[0]; // { group: "idle (...)", selfMs: 2100, share: 0.42 }
 */
export function summarizeCpuProfile(profile: CpuProfile, window?: { readonly fromUs: number; readonly toUs: number }): ProfileGroup[] {
  const groupOf = new Map<number, string>();
  for (const n of profile.nodes) groupOf.set(n.id, GROUPS.find(([, test]) => test(n.callFrame.url, n.callFrame.functionName))![0]);
  const selfUs = new Map<string, number>();
  let t = profile.startTime;
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (window && (t < window.fromUs || t > window.toUs)) continue;
    const g = groupOf.get(profile.samples[i]!) ?? "V8 / native (program, builtins)";
    // A sample's time is the gap to the next sample.
    const next = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(g, (selfUs.get(g) ?? 0) + next);
    totalUs += next;
  }
  return [...selfUs]
    .map(([group, us]) => ({ group, selfMs: us / 1000, share: totalUs > 0 ? us / totalUs : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

/**
 * The functions with the most self time (idle excluded) inside an optional window, as
 * "name (file)" with milliseconds, largest first.
 * @example
 * topFunctions(profile, 5)[0]; // { fn: "stringify (native)", selfMs: 812 }
 */
export function topFunctions(
  profile: CpuProfile,
  n: number,
  window?: { readonly fromUs: number; readonly toUs: number },
): { fn: string; selfMs: number }[] {
  const label = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url } = node.callFrame;
    const file =
      url === ""
        ? "native"
        : url
            .replace(/^file:\/\//, "")
            .replace(/^.*node_modules\//, "")
            .replace(/^.*\/(packages|apps)\//, "$1/");
    label.set(node.id, `${functionName || "(anonymous)"} (${file})`);
  }
  const selfUs = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (window && (t < window.fromUs || t > window.toUs)) continue;
    const l = label.get(profile.samples[i]!) ?? "?";
    if (l.startsWith("(idle)")) continue;
    selfUs.set(l, (selfUs.get(l) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  return [...selfUs]
    .map(([fn, us]) => ({ fn, selfMs: us / 1000 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, n);
}
