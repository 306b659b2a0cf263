import { useTranslation } from "react-i18next";
import type { CellStatus } from "../api/types";

/** A status pill whose meaning is carried by text and a symbol, never by colour alone. */
export function StatusBadge({ status }: { status: CellStatus | string }) {
  const { t } = useTranslation();
  const sym: Record<string, string> = {
    met: "✓",
    not_met: "✗",
    missing: "?",
    unknown_threshold: "⚠",
    indeterminate: "…",
    not_applicable: "–",
  };
  return (
    <span className={`badge badge-${status}`}>
      <span aria-hidden="true">{sym[status] ?? "•"} </span>
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}

/** The marker for thresholds that are not confirmed law, or example values. */
export function UnverifiedMarker({ example, count }: { example?: boolean; count?: number }) {
  const { t } = useTranslation();
  if (!example && !count) return null;
  return (
    <span className="badge badge-unverified" title={t("unverified.tooltip")}>
      <span aria-hidden="true">⚠ </span>
      {example ? t("unverified.example") : t("unverified.count", { count: count ?? 0 })}
    </span>
  );
}

/** A tier label (NTM, advanced, model, not yet). */
export function TierBadge({ tier }: { tier: string | null }) {
  const { t } = useTranslation();
  const k = tier ?? "none";
  return <span className={`badge tier-${k}`}>{t(`tier.${k}`)}</span>;
}
