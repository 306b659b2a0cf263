import { describe, expect, it } from "vitest";
import { CliError, EXIT, exitCodeFor, formatProblem, kindForHttpStatus } from "./exit.js";

describe("exitCodeFor", () => {
  it("maps every error kind to the documented exit code", () => {
    const kinds = [
      "invalid_input",
      "not_found",
      "conflict",
      "precondition_failed",
      "rule_failed",
      "forbidden",
      "unauthenticated",
      "network",
      "server",
    ] as const;
    expect(Object.fromEntries(kinds.map((k) => [k, exitCodeFor(k)]))).toEqual({
      invalid_input: 2,
      not_found: 2,
      conflict: 2,
      precondition_failed: 2,
      rule_failed: 1,
      forbidden: 4,
      unauthenticated: 4,
      network: 3,
      server: 3,
    });
  });
});

describe("kindForHttpStatus", () => {
  it("maps 401/403 to not permitted, other 4xx to bad input, 5xx to server", () => {
    expect([401, 403, 400, 404, 409, 422, 500, 503].map((s) => exitCodeFor(kindForHttpStatus(s)))).toEqual([4, 4, 2, 2, 2, 2, 3, 3]);
  });
});

describe("formatProblem", () => {
  it("renders file, place and message on one line, leaving out what is unknown", () => {
    expect(formatProblem({ file: "a.csv", where: 'dòng 3, cột "2.1"', message: "bad" })).toBe('a.csv: dòng 3, cột "2.1": bad');
    expect(formatProblem({ where: "--year", message: "bad" })).toBe("--year: bad");
    expect(formatProblem({ file: "a.csv", message: 'cannot read "two\nlines"' })).toBe('a.csv: cannot read "two lines"');
    expect(new CliError("forbidden", [{ message: "no" }]).exitCode).toBe(EXIT.forbidden);
  });
});
