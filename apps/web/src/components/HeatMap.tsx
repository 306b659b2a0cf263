import { useRef } from "react";
import { Link } from "wouter";
import { useTranslation } from "react-i18next";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { Rollup, RollupCommune } from "../api/types";
import { cellKind } from "../lib/rollup";
import { TierBadge } from "./Badges";

const SYMBOL: Record<string, string> = { met: "✓", not_met: "✗", missing: "?", unknown_threshold: "⚠", not_applicable: "–" };
const ROW = 34;

/**
 * The communes × criteria heat map. Rows are virtualised so 1,000 communes stay responsive;
 * each cell shows a symbol as well as a colour, and its status in the accessible name.
 */
export function HeatMap({ rollup, rows }: { rollup: Rollup; rows: RollupCommune[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 12 });
  const cols = `minmax(11rem, 1.6fr) 7rem 4rem repeat(${rollup.criteria.length}, 2rem)`;
  return (
    <div className="heatmap" role="table" aria-label={t("overview.heatmap")} aria-rowcount={rows.length + 1}>
      <div className="heatmap-scroll" ref={parent} data-testid="heatmap">
        <div className="heatmap-row heatmap-head" role="row" style={{ gridTemplateColumns: cols }}>
          <span role="columnheader" className="hm-name">
            {t("overview.commune")}
          </span>
          <span role="columnheader">{t("overview.tier")}</span>
          <span role="columnheader" title={t("overview.criteriaMet")}>
            {t("overview.criteriaMetShort")}
          </span>
          {rollup.criteria.map((c) => (
            <span role="columnheader" key={c.id} className="hm-col" title={c.name[lang]}>
              {c.id}
            </span>
          ))}
        </div>
        <div style={{ height: v.getTotalSize(), position: "relative" }}>
          {v.getVirtualItems().map((vr) => {
            const c = rows[vr.index];
            if (!c) return null;
            const byId = new Map(c.criteria.map((x) => [x.id, x.status]));
            return (
              <div
                key={c.unitId}
                role="row"
                aria-rowindex={vr.index + 2}
                className="heatmap-row"
                style={{ gridTemplateColumns: cols, transform: `translateY(${vr.start}px)`, height: ROW }}
              >
                <span role="cell" className="hm-name">
                  <Link href={`/communes/${encodeURIComponent(c.unitId)}`}>{c.name}</Link>
                  {c.parentName && <small className="muted"> · {c.parentName}</small>}
                </span>
                <span role="cell">
                  <TierBadge tier={c.tier} />
                </span>
                <span role="cell" className="num">
                  {c.criteriaMet}/{c.criteriaTotal}
                </span>
                {rollup.criteria.map((cr) => {
                  const k = cellKind(byId.get(cr.id));
                  const lost = c.lost?.includes(cr.id);
                  return (
                    <span
                      role="cell"
                      key={cr.id}
                      className={`hm-cell hm-${k} ${lost ? "hm-lost" : ""}`}
                      title={`${c.name} · ${cr.id} ${cr.name[lang]}: ${t(`status.${k}`)}${lost ? ` (${t("overview.lostThisYear")})` : ""}`}
                      aria-label={`${cr.id}: ${t(`status.${k}`)}`}
                    >
                      {SYMBOL[k]}
                    </span>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The legend of the heat map. */
export function HeatLegend() {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t("overview.legend")}>
      {(["met", "not_met", "missing", "unknown_threshold"] as const).map((k) => (
        <li key={k}>
          <span className={`hm-cell hm-${k}`} aria-hidden="true">
            {SYMBOL[k]}
          </span>{" "}
          {t(`status.${k}`)}
        </li>
      ))}
      <li>
        <span className="hm-cell hm-not_met hm-lost" aria-hidden="true">
          ✗
        </span>{" "}
        {t("overview.lostThisYear")}
      </li>
    </ul>
  );
}
