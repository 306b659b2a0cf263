import type { Command } from "commander";
import { OCOP_STAR_BANDS, isRecognisedStars, starsForScore } from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { CliError } from "../lib/exit.js";
import { tr } from "../lib/i18n.js";
import type { Run } from "../lib/run.js";

/**
 * Registers `ntm ocop stars`.
 * @example
 * registerOcop(new Command("ntm"), run);
 */
export function registerOcop(program: Command, run: Run): void {
  const ocop = program.command("ocop").description("OCOP (Mỗi xã một sản phẩm) / One Commune One Product");
  ocop
    .command("stars")
    .description("Hạng sao theo điểm / star class for a score")
    .requiredOption("--score <n>", "điểm 0–100 (chấp nhận dấu phẩy thập phân) / score 0–100")
    .action(
      run((ctx: Ctx, opts: { score: string }) => {
        const text = opts.score.trim().replace(",", ".");
        const score = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
        if (!(score >= 0 && score <= 100))
          throw new CliError("invalid_input", [
            { where: "--score", message: `điểm phải từ 0 đến 100 / expected a score from 0 to 100, got "${opts.score}"` },
          ]);
        const stars = starsForScore(score);
        const recognised = isRecognisedStars(stars);
        if (ctx.json) return ctx.printJson({ score, stars, recognised, bands: OCOP_STAR_BANDS });
        const L = ctx.lang;
        ctx.print(
          `${tr(L, "Điểm", "Score")} ${String(score).replace(".", L === "vi" ? "," : ".")} → ${stars} ${tr(L, "sao", "stars")} ${"★".repeat(stars)}${"☆".repeat(5 - stars)} — ${recognised ? tr(L, "được công nhận OCOP (3–5 sao)", "recognised as OCOP (3–5 stars)") : tr(L, "chưa đủ để công nhận OCOP (cần từ 3 sao)", "not enough for OCOP recognition (3 stars needed)")}`,
        );
        ctx.print(
          `${tr(L, "Căn cứ", "Basis")}: ${OCOP_STAR_BANDS.legalBasis.map((b) => b.ref).join(", ")}${OCOP_STAR_BANDS.verified ? "" : tr(L, " — ⚠ các mốc điểm chưa được đối chiếu với văn bản QĐ 148/2023", " — ⚠ bands not yet checked against the text of QĐ 148/2023")}`,
        );
      }),
    );
}
