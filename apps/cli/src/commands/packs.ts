import { mkdirSync, writeFileSync } from "node:fs";
import { readText } from "../lib/io.js";
import { fillTemplate, readTemplate } from "../lib/packTemplate.js";
import { join } from "node:path";
import type { Command } from "commander";
import { type CriteriaPack, createPackRegistry, getPack, listShippedPacks, packJsonSchema } from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { CliError, type Problem } from "../lib/exit.js";
import { tr } from "../lib/i18n.js";
import { showDate } from "../lib/dates.js";
import { levelText, tierText, variantByText } from "../lib/labels.js";
import { loadPack, resolvePackFile, thresholdText } from "../lib/packs.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";
import { registerPackAdoptions } from "./packAdoptions.js";

function counts(p: CriteriaPack) {
  const inds = p.criteria.flatMap((c) => c.indicators);
  return { criteria: p.criteria.length, indicators: inds.length, verifiedIndicators: inds.filter((i) => i.verified).length };
}

function summary(p: CriteriaPack) {
  return {
    id: p.id,
    version: p.version,
    title: p.title,
    level: p.level,
    tier: p.tier,
    ...(p.extends ? { extends: p.extends } : {}),
    example: p.example === true,
    effective: p.effective,
    ...counts(p),
  };
}

/**
 * Notices every screen of a pack must show: example values, unverified thresholds.
 * @example
 * packNotices(getPack("vn.commune-ntm-advanced.2021-2025")!, "en")
 */
export function packNotices(p: CriteriaPack, lang: "vi" | "en"): string[] {
  const out: string[] = [];
  if (p.example)
    out.push(
      `⚠ ${p.notice?.[lang] ?? tr(lang, "BỘ TIÊU CHÍ VÍ DỤ: giá trị minh hoạ, không phải quy định pháp luật.", "EXAMPLE PACK: illustrative values, not law.")}`,
    );
  else if (p.notice) out.push(`ⓘ ${p.notice[lang]}`);
  const c = counts(p);
  if (c.verifiedIndicators < c.indicators)
    out.push(
      `⚠ ${tr(lang, `${c.indicators - c.verifiedIndicators}/${c.indicators} chỉ tiêu có ngưỡng chưa được xác minh từ văn bản pháp luật (✗); "chưa rõ" là ngưỡng chưa biết.`, `${c.indicators - c.verifiedIndicators}/${c.indicators} indicators have thresholds not verified against the legal text (✗); "unknown" means the threshold is not known.`)}`,
    );
  return out;
}

/**
 * Registers `ntm packs …`.
 * @example
 * registerPacks(new Command("ntm"), run);
 */
export function registerPacks(program: Command, run: Run): void {
  const packs = program
    .command("packs")
    .description("Bộ tiêu chí: liệt kê, xem, kiểm tra, JSON Schema / criteria packs: list, show, validate, JSON Schema");

  registerPackAdoptions(packs, run);

  packs
    .command("list")
    .description("Liệt kê bộ tiêu chí có sẵn / list shipped packs")
    .action(
      run((ctx: Ctx) => {
        const list = listShippedPacks().map(summary);
        if (ctx.json) return ctx.printJson(list);
        const L = ctx.lang;
        ctx.print(
          renderTable(
            [
              tr(L, "Mã", "Id"),
              tr(L, "Phiên bản", "Version"),
              tr(L, "Cấp", "Level"),
              tr(L, "Hạng", "Tier"),
              tr(L, "Tiêu chí", "Criteria"),
              tr(L, "Chỉ tiêu (xác minh)", "Indicators (verified)"),
              tr(L, "Tên", "Title"),
            ],
            list.map((p) => [
              p.id,
              p.version,
              levelText(p.level, L),
              tierText(p.tier, L),
              String(p.criteria),
              `${p.indicators} (${p.verifiedIndicators})`,
              `${p.example ? tr(L, "[VÍ DỤ] ", "[EXAMPLE] ") : ""}${p.title[L]}`,
            ]),
          ),
        );
      }),
    );

  packs
    .command("show <id|file>")
    .description("Xem tiêu chí, chỉ tiêu, ngưỡng / show criteria, indicators and thresholds")
    .action(
      run((ctx: Ctx, ref: string) => {
        const p = loadPack(ref);
        if (ctx.json) return ctx.printJson(p);
        const L = ctx.lang;
        ctx.print(`${p.id} v${p.version} — ${p.title[L]}`);
        ctx.print(
          `${tr(L, "Cấp", "Level")}: ${levelText(p.level, L)} · ${tr(L, "Hạng", "Tier")}: ${tierText(p.tier, L)} · ${tr(L, "Phân theo", "Varies by")}: ${variantByText(p.variantBy, L)}${p.extends ? ` · ${tr(L, "Kế thừa", "Extends")}: ${p.extends}` : ""}`,
        );
        ctx.print(
          `${tr(L, "Hiệu lực", "Effective")}: ${showDate(p.effective.from, L)}${p.effective.to ? ` → ${showDate(p.effective.to, L)}` : ""}`,
        );
        for (const b of p.legalBasis)
          ctx.print(`${tr(L, "Căn cứ", "Legal basis")}: ${b.ref} (${showDate(b.date, L)})${b.title ? ` — ${b.title}` : ""}`);
        for (const o of p.variantOverrides ?? []) ctx.print(`${tr(L, "Ngoại lệ", "Override")}: ${o.whenFlag} → ${o.use}`);
        for (const n of packNotices(p, L)) ctx.print(n);
        ctx.print("");
        const rows: string[][] = [];
        for (const c of p.criteria) {
          rows.push([
            c.id,
            "",
            `${c.name[L]}${c.key ? tr(L, " [then chốt]", " [key]") : ""}${c.condition ? tr(L, " [điều kiện]", " [condition]") : ""}`,
            "",
            "",
            "",
          ]);
          for (const i of c.indicators) {
            const verified = i.verified ? "✓" : i.verifiedVariants?.length ? `✓ ${i.verifiedVariants.join(",")}` : "✗";
            rows.push(["", i.id, i.name[L], thresholdText(i, L), verified, i.source?.ref ?? ""]);
          }
        }
        ctx.print(
          renderTable(
            [
              tr(L, "TC", "Crit."),
              tr(L, "Chỉ tiêu", "Ind."),
              tr(L, "Tên", "Name"),
              tr(L, "Ngưỡng", "Threshold"),
              tr(L, "Xác minh", "Verified"),
              tr(L, "Nguồn", "Source"),
            ],
            rows,
            [5, 7, 60, 70, 20, 60],
          ),
        );
      }),
    );

  packs
    .command("validate <files...>")
    .description("Kiểm tra tệp bộ tiêu chí JSON / validate pack JSON files")
    .action(
      run((ctx: Ctx, files: string[]) => {
        const okList: ReturnType<typeof summary>[] = [];
        const problems: Problem[] = [];
        for (const f of files) {
          try {
            okList.push({ ...summary(resolvePackFile(f)) });
          } catch (e) {
            if (!(e instanceof CliError)) throw e;
            problems.push(...e.problems);
          }
        }
        if (problems.length) throw new CliError("invalid_input", problems);
        if (ctx.json) return ctx.printJson(okList.map((s, i) => ({ file: files[i], ok: true, ...s })));
        okList.forEach((s, i) =>
          ctx.print(
            `${files[i]}: ${tr(ctx.lang, "hợp lệ", "valid")} — ${s.id} v${s.version} (${s.criteria} ${tr(ctx.lang, "tiêu chí", "criteria")}, ${s.indicators} ${tr(ctx.lang, "chỉ tiêu", "indicators")})`,
          ),
        );
      }),
    );

  packs
    .command("template")
    .description("Ghi mẫu XLSX để tỉnh chuyển hoá bộ tiêu chí / write the XLSX template for a provincial transposition")
    .option("--base <id>", "bộ tiêu chí gốc / the pack to transpose", "vn.commune-ntm.2021-2025")
    .option("--out <file>", "tệp .xlsx ghi ra / output .xlsx file", "ntm-pack-template.xlsx")
    .action(
      run(async (ctx: Ctx, opts: { base: string; out: string }) => {
        const base = getPack(opts.base);
        if (!base)
          throw new CliError("not_found", [
            {
              where: "--base",
              message: `"${opts.base}" không phải mã bộ tiêu chí có sẵn (xem \`ntm packs list\`) / is not a shipped pack id`,
            },
          ]);
        const ExcelJS = (await import("exceljs")).default;
        const wb = new ExcelJS.Workbook();
        fillTemplate(wb, base);
        try {
          await wb.xlsx.writeFile(opts.out);
        } catch (e) {
          throw new CliError("invalid_input", [
            { file: opts.out, message: `không ghi được / cannot write: ${(e as NodeJS.ErrnoException).code ?? String(e)}` },
          ]);
        }
        if (ctx.json) return ctx.printJson({ written: opts.out, base: base.id, indicators: counts(base).indicators });
        ctx.print(
          tr(
            ctx.lang,
            `đã ghi ${opts.out} (mẫu kế thừa ${base.id}); điền xong chạy: ntm packs new --from ${opts.out}`,
            `wrote ${opts.out} (template extending ${base.id}); when filled, run: ntm packs new --from ${opts.out}`,
          ),
        );
      }),
    );

  packs
    .command("new")
    .description("Tạo bộ tiêu chí JSON từ mẫu XLSX đã điền / build a validated pack JSON from a filled XLSX template")
    .requiredOption("--from <file>", "mẫu .xlsx đã điền / the filled .xlsx template")
    .option("--out <file>", "tệp JSON ghi ra (mặc định stdout) / output JSON file (default stdout)")
    .action(
      run(async (ctx: Ctx, opts: { from: string; out?: string }) => {
        const ExcelJS = (await import("exceljs")).default;
        const wb = new ExcelJS.Workbook();
        try {
          readText(opts.from); // one-line error for a missing or unreadable file
          await wb.xlsx.readFile(opts.from);
        } catch (e) {
          if (e instanceof CliError) throw e;
          throw new CliError("invalid_input", [
            { file: opts.from, message: `không đọc được tệp .xlsx / not a readable .xlsx file: ${(e as Error).message}` },
          ]);
        }
        const doc = readTemplate(wb, opts.from);
        const text = `${JSON.stringify(doc, null, 2)}\n`;
        if (!opts.out) return void process.stdout.write(text);
        writeFileSync(opts.out, text);
        const resolved = createPackRegistry().resolve(doc);
        const c = resolved.ok ? counts(resolved.value) : undefined;
        if (ctx.json) return ctx.printJson({ written: opts.out, id: doc["id"], ...c });
        ctx.print(
          tr(
            ctx.lang,
            `đã ghi ${opts.out}: bộ tiêu chí ${String(doc["id"])} hợp lệ (${c?.indicators ?? 0} chỉ tiêu, ${c?.verifiedIndicators ?? 0} đã xác minh)`,
            `wrote ${opts.out}: pack ${String(doc["id"])} is valid (${c?.indicators ?? 0} indicators, ${c?.verifiedIndicators ?? 0} verified)`,
          ),
        );
      }),
    );

  packs
    .command("schema")
    .description("Xuất JSON Schema của hợp đồng công khai / export JSON Schemas of the public contract")
    .option("--out <dir>", "thư mục ghi tệp / directory to write the .schema.json files into")
    .action(
      run((ctx: Ctx, opts: { out?: string }) => {
        const s = packJsonSchema();
        if (!opts.out) return ctx.printJson(s);
        const files: Record<string, unknown> = {
          "pack.schema.json": s.pack,
          "resolved-pack.schema.json": s.resolvedPack,
          "values.schema.json": s.values,
          "result.schema.json": s.result,
        };
        try {
          mkdirSync(opts.out, { recursive: true });
        } catch (e) {
          throw new CliError("invalid_input", [
            {
              file: opts.out,
              message: `không tạo được thư mục / cannot create directory: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
            },
          ]);
        }
        const written = Object.entries(files).map(([name, schema]) => {
          const path = join(opts.out!, name);
          writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
          return path;
        });
        if (ctx.json) return ctx.printJson({ written });
        for (const w of written) ctx.print(`${tr(ctx.lang, "đã ghi", "wrote")} ${w}`);
      }),
    );
}
