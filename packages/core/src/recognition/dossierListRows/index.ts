import { TIER_LABELS } from "../../i18n/labels.js";
import { DOSSIER_STATE_LABELS, RECOGNITION_ACTION_LABELS } from "../../i18n/workflow.messages.js";
import type { RecognitionDossier } from "../schema.js";

/** A cell of the dossier list file: text, a number, or empty. */
export type DossierListCell = string | number | null;

/** The columns of the dossier list file, Vietnamese as the file writes them. */
export const DOSSIER_LIST_HEADER = [
  "Mã hồ sơ",
  "Đơn vị",
  "Năm",
  "Hạng đề nghị",
  "Trạng thái",
  "Số quyết định",
  "Ngày quyết định",
  "Số tài liệu",
  "Bước gần nhất",
  "Người thực hiện",
  "Ngày thực hiện",
] as const;

const dmy = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

/**
 * The recognition dossiers as the rows of a list file (XLSX/CSV): unit name, year, tier sought and
 * state in Vietnamese, the latest decision's number and date (dd/mm/yyyy), the number of documents
 * (the checklist's, or the attached files' when given and more), and the last step with who took it
 * (their name when known) and the day (the day as the step's own time writes it).
 * @example
 * dossierListRows([dossier], { unitNames: { "c-01": "Xã An Lộc" } }).rows[0]?.slice(1, 5)
 * // ["Xã An Lộc", 2025, "NTM nâng cao", "Đã công nhận"]
 */
export function dossierListRows(
  dossiers: readonly RecognitionDossier[],
  names: {
    unitNames?: Readonly<Record<string, string>>;
    actorNames?: Readonly<Record<string, string>>;
    /** Attached files per dossier id. */
    attachments?: Readonly<Record<string, number>>;
  } = {},
): { header: string[]; rows: DossierListCell[][] } {
  const rows = dossiers.map((d) => {
    const last = d.history.at(-1);
    const decision = [...d.history].reverse().find((h) => h.decision)?.decision;
    const docs = Math.max(d.documents.length, names.attachments?.[d.id] ?? 0);
    return [
      d.id,
      names.unitNames?.[d.unitId] ?? d.unitId,
      d.year,
      TIER_LABELS[d.tier].vi,
      DOSSIER_STATE_LABELS[d.state]?.vi ?? d.state,
      decision?.number ?? null,
      decision ? dmy(decision.date) : null,
      docs,
      last ? (RECOGNITION_ACTION_LABELS[last.action]?.vi ?? last.action) : null,
      last ? (names.actorNames?.[last.actor.id] ?? last.actor.id) : null,
      last ? dmy(last.at) : null,
    ];
  });
  return { header: [...DOSSIER_LIST_HEADER], rows };
}
