import { COMMENDATION_FORMS, DISCIPLINE_FORMS } from "../emulation/labels.js";
import type { Lang } from "../schemas/common.js";
import { formatDate, formatNumber } from "./format.js";
import type { MessageCatalog } from "./messages.js";

const date = (v: unknown, l: Lang) => (typeof v === "string" ? formatDate(v, l) : "—");
const pct = (v: unknown, l: Lang) => (typeof v === "number" ? `${formatNumber(v, l)}%` : "—");
const form = (labels: Record<string, { vi: string; en: string }>, p: Record<string, unknown>, l: Lang) =>
  typeof p.formText === "string" ? p.formText : (labels[String(p.form)]?.[l] ?? String(p.form));
const decision = (p: Record<string, unknown>, l: Lang) =>
  typeof p.decision === "string" ? `${l === "vi" ? "số" : "no."} ${p.decision}, ${date(p.date, l)}` : date(p.date, l);

/**
 * Messages of the emulation, discipline and consultation reasons (Vietnamese first, English second).
 * @example
 * formatReason({ code: "emulation.survey_not_backed", path: [], params: { dossierId: "hs-1", recorded: 93 } }, "vi")
 */
export const emulationMessages: MessageCatalog = {
  "emulation.commended": {
    vi: (p, l) => `${p.subject}: ${form(COMMENDATION_FORMS, p, l)} của ${p.issuer} (${decision(p, l)}) — ${p.achievement}`,
    en: (p, l) => `${p.subject}: ${form(COMMENDATION_FORMS, p, l)} from ${p.issuer} (${decision(p, l)}) — ${p.achievement}`,
  },
  "emulation.disciplined": {
    vi: (p, l) =>
      `${p.subject}: ${form(DISCIPLINE_FORMS, p, l)} của ${p.issuer} (${decision(p, l)}) — ${p.reason}${p.inspectionId ? ` (theo kết luận kiểm tra ${p.inspectionId})` : ""}`,
    en: (p, l) =>
      `${p.subject}: ${form(DISCIPLINE_FORMS, p, l)} by ${p.issuer} (${decision(p, l)}) — ${p.reason}${p.inspectionId ? ` (after inspection ${p.inspectionId})` : ""}`,
  },
  "emulation.consultations_held": {
    vi: (p, l) =>
      `${p.commune} năm ${p.year}: ${p.count} lần lấy ý kiến, ${p.participants} lượt người tham gia; hài lòng ${p.satisfied}/${p.respondents} phiếu (${pct(p.percent, l)})`,
    en: (p, l) =>
      `${p.commune} in ${p.year}: ${p.count} consultations, ${p.participants} participants; ${p.satisfied}/${p.respondents} satisfied (${pct(p.percent, l)})`,
  },
  "emulation.consultations_no_survey": {
    vi: (p) =>
      `${p.commune} năm ${p.year}: ${p.count} lần lấy ý kiến, ${p.participants} lượt người tham gia; chưa có phiếu khảo sát mức độ hài lòng`,
    en: (p) => `${p.commune} in ${p.year}: ${p.count} consultations, ${p.participants} participants; no satisfaction survey counted`,
  },
  "emulation.survey_backed": {
    vi: (p, l) =>
      `Hồ sơ ${p.dossierId}: tỷ lệ hài lòng ${pct(p.recorded, l)} khớp với phiếu khảo sát đã ghi nhận (${p.satisfied}/${p.respondents})`,
    en: (p, l) =>
      `Dossier ${p.dossierId}: satisfaction ${pct(p.recorded, l)} matches the recorded surveys (${p.satisfied}/${p.respondents})`,
  },
  "emulation.survey_differs": {
    vi: (p, l) =>
      `Hồ sơ ${p.dossierId}: tỷ lệ hài lòng ghi ${pct(p.recorded, l)} nhưng phiếu khảo sát đã ghi nhận cho ${pct(p.surveyed, l)} (${p.satisfied}/${p.respondents})`,
    en: (p, l) =>
      `Dossier ${p.dossierId}: satisfaction recorded as ${pct(p.recorded, l)} but the recorded surveys give ${pct(p.surveyed, l)} (${p.satisfied}/${p.respondents})`,
  },
  "emulation.survey_not_backed": {
    vi: (p, l) => `Hồ sơ ${p.dossierId}: tỷ lệ hài lòng ${pct(p.recorded, l)} chưa có phiếu khảo sát nào được ghi nhận làm căn cứ`,
    en: (p, l) => `Dossier ${p.dossierId}: satisfaction ${pct(p.recorded, l)} has no recorded survey behind it`,
  },
  "emulation.survey_not_surveyed": {
    vi: (p) => `Hồ sơ ${p.dossierId}: chưa nhập tỷ lệ hài lòng`,
    en: (p) => `Dossier ${p.dossierId}: no satisfaction figure entered yet`,
  },
};
