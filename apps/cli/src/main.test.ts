import { describe, expect, it } from "vitest";
import { ntm } from "../test/cli.js";

describe("ntm (the program)", () => {
  it("documents the exit codes in --help and exits 0", () => {
    const r = ntm(["--help"]);
    expect(r.code).toBe(0);
    for (const line of ["0  thành công / ok", "1  kiểm tra tiêu chí không đạt (với --fail-on)", "2  dữ liệu vào sai", "3  lỗi máy chủ hoặc mạng", "4  không được phép"]) expect(r.stdout).toContain(line);
    for (const cmd of ["packs", "evaluate", "plan", "rank", "ocop", "workday", "login", "units", "values", "import", "export", "dossier", "report"]) expect(r.stdout).toMatch(new RegExp(`\\n  ${cmd}\\b`));
  });

  it("exits 2 with the usage when no command or an unknown one is given", () => {
    const none = ntm([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: ntm");
    const unknown = ntm(["evalute"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("error: unknown command 'evalute'\n(Did you mean evaluate?)\n");
  });

  it("rejects a language other than vi and en", () => {
    const r = ntm(["--lang", "fr", "packs", "list"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Allowed choices are vi, en");
  });
});
