import { SCORING_INPUT_LABELS, type ScoringInputField, TASK_COUNT_LABELS } from "../ranking/scoringInputs/index.js";
import type { Lang } from "../schemas/common.js";
import { formatDate, formatMoney, formatNumber } from "./format.js";
import type { MessageCatalog } from "./messages.js";

/** A scoring input's name: "tasks.done" → "Số nhiệm vụ hoàn thành", "reportsTotal" → "Tổng số báo cáo phải nộp". */
const label = (field: unknown, lang: Lang): string => {
  const [head, sub] = String(field).split(".");
  if (head === "tasks" && sub) return TASK_COUNT_LABELS[sub as keyof typeof TASK_COUNT_LABELS]?.[lang] ?? String(field);
  return SCORING_INPUT_LABELS[head as ScoringInputField]?.[lang] ?? String(field);
};

const n = (v: unknown, lang: Lang) => (typeof v === "number" ? formatNumber(v, lang) : String(v));

/** An entered value as an officer reads it: counts localised, money in đồng, tasks and discipline spelled out. */
function value(field: unknown, v: unknown, lang: Lang): string {
  if (field === "resourcesPlanned" && typeof v === "string" && /^\d+$/.test(v)) return formatMoney(BigInt(v), lang);
  if (field === "tasks" && typeof v === "object" && v !== null) {
    const t = v as Record<string, unknown>;
    return lang === "vi"
      ? `giao ${n(t.assigned, lang)}, hoàn thành ${n(t.done, lang)}, đúng hạn ${n(t.onTime, lang)}, vượt yêu cầu ${n(t.exceeding, lang)}`
      : `assigned ${n(t.assigned, lang)}, done ${n(t.done, lang)}, on time ${n(t.onTime, lang)}, beyond requirements ${n(t.exceeding, lang)}`;
  }
  if (field === "discipline" && typeof v === "object" && v !== null) {
    const d = v as Record<string, unknown>;
    if (!d.disciplined) return lang === "vi" ? "không có" : "none";
    return d.selfCorrected
      ? lang === "vi"
        ? "có, đơn vị tự phát hiện và khắc phục"
        : "yes, found and corrected by the unit itself"
      : lang === "vi"
        ? "có"
        : "yes";
  }
  return n(v, lang);
}

const by = (p: Record<string, unknown>, lang: Lang) => {
  const who = typeof p.by === "string" && p.by ? p.by : "—";
  const when = typeof p.at === "string" ? formatDate(p.at, lang) : "—";
  return lang === "vi"
    ? `người nhập ${who}, ngày ${when}, phiên bản ${n(p.version, lang)}`
    : `entered by ${who} on ${when}, version ${n(p.version, lang)}`;
};

/** Checks of entered scoring inputs and where each entered input came from. */
export const scoringMessages: MessageCatalog = {
  "scoring_inputs.exceeds": {
    vi: (p, l) => `${label(p.field, l)} (${n(p.value, l)}) lớn hơn ${label(p.limitField, l).toLowerCase()} (${n(p.limit, l)})`,
    en: (p, l) => `${label(p.field, l)} (${n(p.value, l)}) exceeds ${label(p.limitField, l).toLowerCase()} (${n(p.limit, l)})`,
  },
  "scoring_inputs.evidence_without_value": {
    vi: (p, l) => `${label(p.field, l)}: có ghi nguồn nhưng chưa nhập số liệu`,
    en: (p, l) => `${label(p.field, l)}: evidence given but no value entered`,
  },
  "scoring_inputs.evidence_too_long": {
    vi: (p, l) => `${label(p.field, l)}: ghi chú nguồn dài quá ${n(p.max, l)} ký tự`,
    en: (p, l) => `${label(p.field, l)}: evidence note longer than ${n(p.max, l)} characters`,
  },
  "ranking.entered_input": {
    vi: (p, l) =>
      `Nhập tay: ${label(p.field, l)} = ${value(p.field, p.value, l)}; nguồn: ${typeof p.evidence === "string" ? p.evidence : "chưa ghi nguồn"} (${by(p, l)})`,
    en: (p, l) =>
      `Entered by hand: ${label(p.field, l)} = ${value(p.field, p.value, l)}; source: ${typeof p.evidence === "string" ? p.evidence : "none given"} (${by(p, l)})`,
  },
  "ranking.entered_none": {
    vi: () => "Chưa nhập tay số liệu chấm điểm nào cho năm này",
    en: () => "No scoring inputs entered by hand for this year",
  },
};
