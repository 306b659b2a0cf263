import { describe, expect, it } from "vitest";
import { ntm } from "../test/cli.js";

describe("ntm (the program)", () => {
  it("documents the exit codes in --help and exits 0", () => {
    const r = ntm(["--help"]);
    expect(r.code).toBe(0);
    for (const line of [
      "0  thành công / ok",
      "1  kiểm tra tiêu chí không đạt (với --fail-on)",
      "2  dữ liệu vào sai",
      "3  lỗi máy chủ hoặc mạng",
      "4  không được phép",
    ])
      expect(r.stdout).toContain(line);
    for (const cmd of [
      "packs",
      "evaluate",
      "plan",
      "rank",
      "ocop",
      "workday",
      "login",
      "units",
      "values",
      "import",
      "export",
      "dossier",
      "report",
    ])
      expect(r.stdout).toMatch(new RegExp(`\\n  ${cmd}\\b`));
  });

  it("exits 2 with the usage when no command or an unknown one is given", () => {
    const none = ntm([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Cách dùng / Usage: ntm");
    const unknown = ntm(["evalute"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "ntm: không có lệnh 'evalute' (có phải: evaluate?) / unknown command 'evalute' (did you mean evaluate?) — xem / see `ntm --help`\n",
    );
  });

  it("says what is wrong with an option in one Vietnamese-first line, exit 2, also inside subcommands", () => {
    const cases: [string[], string][] = [
      [["packs", "list", "--colour"], "ntm: không có tuỳ chọn '--colour' / unknown option '--colour' — xem / see `ntm --help`"],
      [
        ["packs", "lsit"],
        "ntm: không có lệnh 'lsit' (có phải: list?) / unknown command 'lsit' (did you mean list?) — xem / see `ntm --help`",
      ],
      [
        ["workday", "add", "--from", "01/02/2025"],
        "ntm: thiếu tuỳ chọn bắt buộc '--days <n>' / required option '--days <n>' not given — xem / see `ntm --help`",
      ],
      [["packs", "show"], "ntm: thiếu tham số bắt buộc 'id|file' / missing required argument 'id|file' — xem / see `ntm --help`"],
      [
        ["workday", "add", "--from"],
        "ntm: tuỳ chọn '--from <date>' cần một giá trị / option '--from <date>' needs a value — xem / see `ntm --help`",
      ],
    ];
    for (const [args, line] of cases) {
      const r = ntm(args);
      expect([args.join(" "), r.code, r.stderr, r.stdout]).toEqual([args.join(" "), 2, `${line}\n`, ""]);
    }
  });

  it("heads the help Vietnamese first, with defaults and choices in both languages", () => {
    const r = ntm(["--help"]);
    for (const h of [
      "Cách dùng / Usage: ntm",
      "\nTuỳ chọn / Options:\n",
      "\nLệnh / Commands:\n",
      "xem hướng dẫn / display help",
      "phiên bản / version",
    ])
      expect(r.stdout).toContain(h);
    expect(r.stdout.replace(/\s+/g, " ")).toContain("ngôn ngữ / language (chọn / choices: vi, en; mặc định / default: vi)");
    const sub = ntm(["packs", "show", "--help"]);
    expect([sub.code, sub.stdout.split("\n")[0]]).toEqual([0, "Cách dùng / Usage: ntm packs show [options] <id|file>"]);
    expect(sub.stdout).toContain("Tuỳ chọn chung / Global options:");
  });

  it("rejects a language other than vi and en", () => {
    const r = ntm(["--lang", "fr", "packs", "list"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "ntm: tuỳ chọn '--lang <lang>' không nhận 'fr'; chọn một trong: vi, en / option '--lang <lang>' does not take 'fr'; allowed choices are vi, en — xem / see `ntm --help`\n",
    );
  });
});
