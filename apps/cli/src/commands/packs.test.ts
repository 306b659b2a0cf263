import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO, ntm, tempDir } from "../../test/cli.js";

describe("ntm packs list", () => {
  it("lists every shipped pack with counts and the example flag as JSON", () => {
    const r = ntm(["packs", "list", "--json"]);
    expect(r.code).toBe(0);
    const list = r.json() as { id: string; example: boolean; criteria: number }[];
    expect(list.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        "vn.commune-ntm.2021-2025",
        "vn.commune-ntm-advanced.2021-2025",
        "vn.commune-ntm-model.2021-2025",
        "vn.district-ntm.2021-2025",
        "vn.commune-ntm.2026-2030",
        "example.province-demo.2021-2025",
        "example.province-demo-advanced.2021-2025",
        "example.province-demo-model.2021-2025",
      ]),
    );
    // Example packs are exactly the example.* ones: nothing national is labelled an example, and vice versa.
    expect(list.filter((p) => p.example).map((p) => p.id)).toEqual(list.filter((p) => p.id.startsWith("example.")).map((p) => p.id));
    expect(list.filter((p) => p.example).map((p) => p.id)).toEqual(
      expect.arrayContaining([DEMO, "example.province-demo-advanced.2021-2025", "example.province-demo-model.2021-2025"]),
    );
    expect(list.find((p) => p.id === "vn.commune-ntm.2026-2030")?.criteria).toBe(10);
  });

  it("prints a Vietnamese table by default and marks example packs", () => {
    const r = ntm(["packs", "list"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Mã");
    expect(r.stdout).toMatch(/example\.province-demo\.2021-2025 .*\[VÍ DỤ\]/);
    // Levels and tiers in words, not codes.
    expect(r.stdout).toMatch(/\nvn\.district-ntm\.2021-2025 +\S+ +huyện +NTM +10 /);
    expect(r.stdout).toMatch(/\nvn\.commune-ntm-model\.2021-2025 +\S+ +xã +NTM kiểu mẫu +20 /);
    expect(r.stdout).not.toMatch(/ (district|commune|standard|advanced) /);
  });
});

describe("ntm packs show", () => {
  it("shows level, tier and what thresholds vary by in words, and dates dd/mm/yyyy in Vietnamese (ISO in English)", () => {
    const vi = ntm(["packs", "show", "vn.district-ntm.2021-2025"]);
    expect(vi.code).toBe(0);
    expect(vi.stdout.split("\n").slice(1, 5)).toEqual([
      "Cấp: huyện · Hạng: NTM · Phân theo: không phân",
      "Hiệu lực: 08/03/2022 → 30/06/2025",
      "Căn cứ: QĐ 320/QĐ-TTg (08/03/2022)",
      "Căn cứ: QĐ 211/QĐ-TTg (01/03/2024)",
    ]);
    const en = ntm(["--lang", "en", "packs", "show", "vn.commune-ntm-advanced.2021-2025"]);
    expect(en.stdout.split("\n")[1]).toBe("Level: commune · Tier: advanced NTM · Varies by: by region · Extends: vn.commune-ntm.2021-2025");
    expect(en.stdout).toMatch(/\nEffective: \d{4}-\d{2}-\d{2}/);
    expect(ntm(["packs", "show", "vn.commune-ntm.2026-2030"]).stdout.split("\n")[1]).toBe("Cấp: xã · Hạng: NTM · Phân theo: theo nhóm xã");
    // JSON keeps the codes and ISO dates.
    expect(ntm(["packs", "show", "vn.district-ntm.2021-2025", "--json"]).json()).toMatchObject({
      level: "district",
      tier: "standard",
      variantBy: "none",
      effective: { from: "2022-03-08", to: "2025-06-30" },
    });
  });

  it("shows thresholds, verified markers and the example and unverified notices", () => {
    const r = ntm(["--lang", "en", "packs", "show", DEMO]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("⚠ EXAMPLE PACK");
    expect(r.stdout).toMatch(/⚠ \d+\/50 indicators have thresholds not verified/);
    expect(r.stdout).toMatch(/15\.3 .* ≤ TDMNPB 24; DBSH 16\.5; BTB 25; DHNTB 22;.* ✓ .*QĐ 318\/QĐ-TTg/);
    expect(r.stdout).toMatch(/2\.2 .* ≥ 80 % +✗ +Giá trị ví dụ/);
    expect(r.stdout).toContain("Override: especiallyDifficult → TDMNPB");
  });

  it("says when a national threshold is unknown rather than inventing one", () => {
    const r = ntm(["packs", "show", "vn.commune-ntm.2026-2030"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("chưa rõ");
    expect(r.stdout).toMatch(/⚠ 10\/10 chỉ tiêu có ngưỡng chưa được xác minh/);
  });

  it("prints the resolved pack as JSON", () => {
    const r = ntm(["packs", "show", DEMO, "--json"]);
    expect(r.code).toBe(0);
    const p = r.json();
    expect([p.id, p.level, p.example, p.criteria.length]).toEqual([DEMO, "commune", true, 19]);
  });

  it("fails with exit 2 on an unknown pack id", () => {
    const r = ntm(["packs", "show", "no.such.pack"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toBe(
      '--pack: "no.such.pack" không phải mã bộ tiêu chí có sẵn, cũng không phải tệp (xem `ntm packs list`) / is neither a shipped pack id nor a file\n',
    );
  });
});

describe("ntm packs validate", () => {
  const good = JSON.stringify({
    id: "vn-demo.my-province.2021-2025",
    version: "1.0.0",
    title: { vi: "Tỉnh của tôi", en: "My province" },
    legalBasis: [{ ref: "QĐ 1/QĐ-UBND (ví dụ)", date: "2022-06-01" }],
    effective: { from: "2022-06-01" },
    extends: "vn.commune-ntm.2021-2025",
    example: true,
    criteria: [{ id: "2", indicators: [{ id: "2.2", threshold: { all: 80 }, verified: false }] }],
  });

  it("accepts a provincial pack that extends the national pack", () => {
    const dir = tempDir({ "p.json": good });
    const r = ntm(["packs", "validate", "p.json", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([
      {
        file: "p.json",
        ok: true,
        id: "vn-demo.my-province.2021-2025",
        version: "1.0.0",
        title: { vi: "Tỉnh của tôi", en: "My province" },
        level: "commune",
        tier: "standard",
        extends: "vn.commune-ntm.2021-2025",
        example: true,
        effective: { from: "2022-06-01" },
        criteria: 19,
        indicators: 50,
        verifiedIndicators: expect.any(Number),
      },
    ]);
  });

  it("names the file and JSON path of each problem, one line each, exit 2", () => {
    const bad = JSON.parse(good);
    bad.criteria[0].indicators[0].threshold = { all: "eighty" };
    delete bad.version;
    const dir = tempDir({ "bad.json": JSON.stringify(bad) });
    const r = ntm(["packs", "validate", "bad.json"], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines.every((l) => l.startsWith("bad.json: $."))).toBe(true);
    expect(lines.some((l) => l.startsWith("bad.json: $.version: "))).toBe(true);
    expect(lines.some((l) => l.startsWith("bad.json: $.criteria[0].indicators[0].threshold"))).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports invalid JSON with line and column", () => {
    const dir = tempDir({ "broken.json": '{\n  "id": "x",\n  "version": 1,,\n}' });
    const r = ntm(["packs", "validate", "broken.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^broken\.json: dòng 3, cột 16: JSON không hợp lệ \/ invalid JSON: /);
  });
});

describe("ntm packs schema", () => {
  it("writes the four JSON Schemas of the public contract", () => {
    const dir = tempDir();
    const r = ntm(["packs", "schema", "--out", join(dir, "schemas")]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "schemas")).sort()).toEqual([
      "pack.schema.json",
      "resolved-pack.schema.json",
      "result.schema.json",
      "values.schema.json",
    ]);
    const values = JSON.parse(readFileSync(join(dir, "schemas", "values.schema.json"), "utf8"));
    expect(values.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(values.$defs.UnitValues.required).toEqual(expect.arrayContaining(["unit", "year", "values"]));
  });

  it("prints them as one JSON object without --out", () => {
    const r = ntm(["packs", "schema"]);
    expect(r.code).toBe(0);
    expect(Object.keys(r.json())).toEqual(["pack", "resolvedPack", "values", "result"]);
  });
});
