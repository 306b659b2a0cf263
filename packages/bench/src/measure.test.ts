import { describe, expect, it } from "vitest";
import { fmt, median, table, timeInterleaved } from "./measure.js";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow("median of an empty list");
  });
});

describe("timeInterleaved", () => {
  it("warms each case up, then runs every case in every round, in order", async () => {
    const calls: string[] = [];
    const t = await timeInterleaved(
      [
        { name: "a", fn: () => calls.push("a"), warmups: 1, perRound: 2 },
        { name: "b", fn: async () => void calls.push("b"), warmups: 2, perRound: 1 },
      ],
      2,
    );
    expect(calls.join("")).toBe("abb" + "aab" + "aab");
    expect(t.get("a")?.runsMs).toHaveLength(4);
    expect(t.get("b")?.runsCpuMs).toHaveLength(2);
    expect(t.get("b")?.warmups).toBe(2);
  });
});

describe("table", () => {
  it("left-aligns the leading columns and right-aligns the figures", () => {
    expect(
      table(
        ["engine", "ms"],
        [
          ["ours", fmt(1234.5, 1)],
          ["peer", "9"],
        ],
      ),
    ).toBe(["engine       ms", "------  -------", "ours    1,234.5", "peer          9"].join("\n"));
  });
});
