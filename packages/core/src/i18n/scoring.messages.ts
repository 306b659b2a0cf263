import { SCORING_INPUT_LABELS, type ScoringInputField, TASK_COUNT_LABELS } from "../ranking/scoringInputs/index.js";
import type { Lang } from "../schemas/common.js";
import { formatScoringInput as value } from "../ranking/formatScoringInput/index.js";
import { formatDate, formatNumber } from "./format.js";
import type { MessageCatalog } from "./messages.js";

/** A scoring input's name: "tasks.done" → "Số nhiệm vụ hoàn thành", "reportsTotal" → "Tổng số báo cáo phải nộp". */
const label = (field: unknown, lang: Lang): string => {
  const [head, sub] = String(field).split(".");
  if (head === "tasks" && sub) return TASK_COUNT_LABELS[sub as keyof typeof TASK_COUNT_LABELS]?.[lang] ?? String(field);
  return SCORING_INPUT_LABELS[head as ScoringInputField]?.[lang] ?? String(field);
};

const n = (v: unknown, lang: Lang) => (typeof v === "number" ? formatNumber(v, lang) : String(v));

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
      `Nhập tay: ${label(p.field, l)} = ${value(String(p.field), p.value, l)}; nguồn: ${typeof p.evidence === "string" ? p.evidence : "chưa ghi nguồn"} (${by(p, l)})`,
    en: (p, l) =>
      `Entered by hand: ${label(p.field, l)} = ${value(String(p.field), p.value, l)}; source: ${typeof p.evidence === "string" ? p.evidence : "none given"} (${by(p, l)})`,
  },
  "ranking.entered_none": {
    vi: () => "Chưa nhập tay số liệu chấm điểm nào cho năm này",
    en: () => "No scoring inputs entered by hand for this year",
  },
};
