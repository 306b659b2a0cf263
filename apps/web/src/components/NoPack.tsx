import { useTranslation } from "react-i18next";
import { usePackSummaries, usePackUse } from "../api/queries";
import { localName } from "../lib/text";

/** A reason as the API renders it (ReasonText: code, params and both languages). */
interface ReasonLike {
  vi: string;
  en: string;
}

/**
 * "Chưa áp dụng bộ tiêu chí cho năm 2026": the answer for a year with no adopted pack, never a verdict.
 * The API's reasons (which adoption ends when) are listed once each below the headline.
 */
export function NoPackNotice({
  year,
  reasons = [],
  detail,
  testId = "no-pack",
}: {
  year: number;
  reasons?: readonly ReasonLike[];
  detail?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const lines = [...new Set(reasons.map((r) => r[lang]))];
  return (
    <div className="notice notice-warn no-pack" role="status" data-testid={testId}>
      <p>
        <strong>{t("noPack.title", { year })}</strong>
      </p>
      {detail && <p>{detail}</p>}
      {lines.length > 0 && (
        <ul className="small">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A pack named as people read it: its title, then its id. */
export function usePackName(): (packId: string) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const packs = usePackSummaries();
  return (packId) => {
    const p = packs.data?.find((x) => x.id === packId);
    return p ? `${localName(p.title, lang)} (${p.id})` : packId;
  };
}

/**
 * The pack a unit's year uses ("Bộ tiêu chí áp dụng năm 2024: …"), from the adoptions (core's ladder on
 * the API side); the no-pack notice when the standard tier has none. For pages whose answer does not
 * name its pack (the ranking).
 */
export function PackInForce({ unitId, year }: { unitId: string | undefined; year: number }) {
  const { t } = useTranslation();
  const use = usePackUse(unitId, year, year);
  const name = usePackName();
  const tiers = use.data?.years?.[0]?.tiers;
  if (!tiers) return null;
  const standard = tiers["standard"];
  if (!standard?.packId) return null;
  return (
    <p className="muted" data-testid="pack-in-force">
      {t("noPack.packLine", { year, pack: name(standard.packId) })}
    </p>
  );
}
