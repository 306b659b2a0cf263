import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { vnDateTime } from "../lib/text";

/**
 * A stale save (412) shown side by side: "Bản của bạn" and the saved one, who saved it and when, and
 * the choice to save yours over it or take theirs (as the plan board's progress form does).
 */
export function RecordConflict({
  who,
  at,
  yours,
  theirs,
  busy,
  onKeepMine,
  onTakeTheirs,
  testId,
}: {
  who: string | null | undefined;
  at: string | undefined;
  yours: ReactNode;
  theirs: ReactNode;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <div className="notice notice-warn" role="alert" data-testid={testId}>
      <p>{t("records.conflict.intro", { who: who ?? "—", at: at ? vnDateTime(at, lang) : "—" })}</p>
      <div className="conflict-grid">
        <div>
          <h4>{t("records.conflict.yours")}</h4>
          {yours}
        </div>
        <div>
          <h4>{t("records.conflict.theirs")}</h4>
          {theirs}
        </div>
      </div>
      <div className="toolbar">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onKeepMine}>
          {t("records.conflict.keepMine")}
        </button>
        <button type="button" className="btn" onClick={onTakeTheirs}>
          {t("records.conflict.takeTheirs")}
        </button>
      </div>
    </div>
  );
}

/** A record as the lists return it: its fields, id, version and who saved it last. */
export interface ListedRecord {
  id: string;
  unitId?: string;
  version: number;
  updatedBy?: string | null;
  updatedAt?: string;
  data: Record<string, unknown>;
}

/** Whole đồng with dots grouping thousands, as officers write it ("60.000.000"). */
export const groupDong = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
