import { describe, expect, it } from "vitest";
import { summarizeCpuProfile, topFunctions, type CpuProfile } from "./cpuprofile.js";

const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: "(root)", url: "" } },
    { id: 2, callFrame: { functionName: "(idle)", url: "" } },
    { id: 3, callFrame: { functionName: "evaluateUnit", url: "file:///work/main/packages/core/dist/index.js" } },
    { id: 4, callFrame: { functionName: "parseDataRowMessage", url: "file:///work/main/node_modules/pg-protocol/dist/parser.js" } },
    { id: 5, callFrame: { functionName: "stringify", url: "" } },
  ],
  startTime: 1000,
  // Samples at t = 1000, 1010, 1040, 1100, 1200 (µs); each takes the time to the next sample.
  samples: [3, 3, 4, 5, 2, 2],
  timeDeltas: [0, 10, 30, 60, 100, 0],
};

describe("summarizeCpuProfile", () => {
  it("groups self time by where the code lives, largest first, with each group's share", () => {
    expect(summarizeCpuProfile(profile)).toEqual([
      { group: "JSON.stringify / JSON.parse", selfMs: 0.1, share: 0.5 },
      { group: "pg driver (protocol, parsing rows)", selfMs: 0.06, share: 0.3 },
      { group: "@ntm/core (evaluation)", selfMs: 0.04, share: 0.2 },
      { group: "idle (waiting: I/O, database, client)", selfMs: 0, share: 0 },
    ]);
  });

  it("keeps only the samples inside a time window", () => {
    expect(summarizeCpuProfile(profile, { fromUs: 1040, toUs: 1100 })).toEqual([
      { group: "JSON.stringify / JSON.parse", selfMs: 0.1, share: 0.625 },
      { group: "pg driver (protocol, parsing rows)", selfMs: 0.06, share: 0.375 },
    ]);
  });
});

describe("topFunctions", () => {
  it("lists the functions with the most self time, idle left out, with a short file name", () => {
    expect(topFunctions(profile, 2)).toEqual([
      { fn: "stringify (native)", selfMs: 0.1 },
      { fn: "parseDataRowMessage (pg-protocol/dist/parser.js)", selfMs: 0.06 },
    ]);
  });
});
