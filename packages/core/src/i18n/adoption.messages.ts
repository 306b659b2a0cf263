import type { Lang } from "../schemas/common.js";
import { formatDate } from "./format.js";
import { TIER_LABELS, UNIT_LEVEL_LABELS } from "./labels.js";
import type { MessageCatalog } from "./messages.js";

const tier = (t: unknown, lang: Lang) => (TIER_LABELS as Record<string, { vi: string; en: string }>)[String(t)]?.[lang] ?? String(t);
const level = (l: unknown, lang: Lang) => (UNIT_LEVEL_LABELS as Record<string, { vi: string; en: string }>)[String(l)]?.[lang] ?? String(l);
const day = (d: unknown, lang: Lang) => (typeof d === "string" ? formatDate(d, lang) : lang === "vi" ? "không thời hạn" : "open-ended");
const scope = (s: unknown, lang: Lang) =>
  s === null || s === undefined ? (lang === "vi" ? "toàn hệ thống" : "the whole installation") : String(s);

/**
 * Messages for pack adoption (áp dụng bộ tiêu chí): `pack.not_adopted` from core `selectPack`, the
 * `adoption.*` refusals from core `checkAdoption`. (`pack.outside_effective` is in the evaluation catalog.)
 */
export const adoptionMessages: MessageCatalog = {
  "pack.not_adopted": {
    vi: (p, l) => `Chưa áp dụng bộ tiêu chí cho năm ${p.year} (${level(p.level, l)}, ${tier(p.tier, l)})`,
    en: (p, l) => `No criteria pack adopted for ${p.year} (${level(p.level, l)}, ${tier(p.tier, l)})`,
  },
  "adoption.pack_unknown": {
    vi: (p) => `Không có bộ tiêu chí "${p.packId}"`,
    en: (p) => `Pack "${p.packId}" not found`,
  },
  "adoption.level_mismatch": {
    vi: (p, l) => `Bộ tiêu chí ${p.packId} dành cho cấp ${level(p.packLevel, l)}, không áp dụng cho cấp ${level(p.level, l)}`,
    en: (p, l) => `Pack ${p.packId} is for the ${level(p.packLevel, l)} level, not the ${level(p.level, l)} level`,
  },
  "adoption.tier_mismatch": {
    vi: (p, l) => `Bộ tiêu chí ${p.packId} là hạng "${tier(p.packTier, l)}", không áp dụng cho hạng "${tier(p.tier, l)}"`,
    en: (p, l) => `Pack ${p.packId} is of the "${tier(p.packTier, l)}" tier, not "${tier(p.tier, l)}"`,
  },
  "adoption.period_reversed": {
    vi: (p, l) => `Thời gian áp dụng không hợp lệ: ngày kết thúc ${day(p.to, l)} trước ngày bắt đầu ${day(p.from, l)}`,
    en: (p, l) => `Invalid period: it ends ${day(p.to, l)}, before it starts ${day(p.from, l)}`,
  },
  "adoption.outside_pack_effective": {
    vi: (p, l) =>
      `Thời gian áp dụng (${day(p.from, l)} – ${day(p.to, l)}) nằm ngoài thời gian hiệu lực của bộ tiêu chí ${p.packId} (các năm ${p.packFromYear} – ${p.packToYear ?? "nay"})`,
    en: (p, l) =>
      `The period (${day(p.from, l)} – ${day(p.to, l)}) is outside the effective years of pack ${p.packId} (${p.packFromYear} – ${p.packToYear ?? "now"})`,
  },
  "adoption.overlap": {
    vi: (p, l) =>
      `Trùng thời gian với quyết định áp dụng ${p.otherId} (bộ ${p.otherPackId}, ${day(p.otherFrom, l)} – ${day(p.otherTo, l)}) cho cùng phạm vi ${scope(p.scopeUnitId, l)}, cấp ${level(p.level, l)}, hạng ${tier(p.tier, l)}: không rõ bộ nào được dùng`,
    en: (p, l) =>
      `Overlaps adoption ${p.otherId} (pack ${p.otherPackId}, ${day(p.otherFrom, l)} – ${day(p.otherTo, l)}) for the same scope ${scope(p.scopeUnitId, l)}, level ${level(p.level, l)} and tier ${tier(p.tier, l)}: which pack applies would be ambiguous`,
  },
};
