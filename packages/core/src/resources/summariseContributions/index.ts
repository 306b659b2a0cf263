import { type Period, formatPeriod, periodContains } from "../../period/index.js";
import type { Reason } from "../../schemas/common.js";
import { type ContributionTotals, addTo, emptyTotals } from "../_lib/totals.js";
import { type ExactShare, exactShare } from "../exactShare/index.js";
import { type Contribution, MONEY_SOURCES, type MoneySource } from "../schema.js";

/** Which contributions a summary covers. */
export interface ContributionFilter {
  /** Keep contributions whose period lies inside this one (a 2025 record is not split into quarters). */
  period?: Period;
  /** Keep contributions of these units only. */
  unitIds?: readonly string[];
}

/** Money of one source with its exact share of all money. */
export interface SourceShare {
  source: MoneySource;
  amount: bigint;
  share: ExactShare;
}

/** The result of {@link summariseContributions}. */
export interface ResourceSummary {
  totals: ContributionTotals;
  /** Every money source in catalogue order, zeros included. */
  bySource: SourceShare[];
  /** People's cash (`people_cash`) as a share of all money. Land and labour are not converted to money. */
  peopleShare: ExactShare;
  /**
   * What the period filter left out because it was recorded for a longer period that covers the one
   * asked (a 2025 record when 2025S1 is asked): it cannot be split, so it is not in `totals`; reports
   * state it beside the figures instead of silently dropping it. Zeros without a period filter.
   */
  notSplit: ContributionTotals;
  reasons: Reason[];
}

/**
 * Totals and shares of mobilised resources: money by source in whole đồng with exact shares (percent
 * to 2 decimals), the people's cash share, and land (m²) and labour (days) as separate quantities.
 * Reason params carry amounts as decimal strings so they survive JSON.
 * @example
 * const s = summariseContributions(contributions, { period: { kind: "year", year: 2025 } });
 * s.totals.money // 2300000000n
 * s.peopleShare.percent // "13.04"
 */
export function summariseContributions(contributions: readonly Contribution[], filter: ContributionFilter = {}): ResourceSummary {
  const units = filter.unitIds ? new Set(filter.unitIds) : null;
  const totals = emptyTotals();
  const money = new Map<MoneySource, bigint>(MONEY_SOURCES.map((s) => [s, 0n]));
  const notSplit = emptyTotals();
  for (const c of contributions) {
    if (units && !units.has(c.unitId)) continue;
    if (filter.period && !periodContains(filter.period, c.period)) {
      // a record for a longer period that covers the filter (2025 vs 2025Q1) cannot be split: say so
      if (periodContains(c.period, filter.period)) addTo(notSplit, c);
      continue;
    }
    addTo(totals, c);
    const m = money.get(c.source as MoneySource);
    if (m !== undefined) money.set(c.source as MoneySource, m + c.amount);
  }
  const bySource = MONEY_SOURCES.map((source) => {
    const amount = money.get(source) ?? 0n;
    return { source, amount, share: exactShare(amount, totals.money) };
  });
  const people = money.get("people_cash") ?? 0n;
  const peopleShare = exactShare(people, totals.money);
  const scope = { period: filter.period ? formatPeriod(filter.period) : null, units: filter.unitIds ? [...filter.unitIds] : null };
  const reasons: Reason[] = [];
  reasons.push({
    code: "resources.totals",
    path: [],
    params: {
      ...scope,
      count: totals.count,
      money: totals.money.toString(),
      landDonatedM2: totals.landDonatedM2.toString(),
      labourDays: totals.labourDays.toString(),
    },
  });
  if (totals.money === 0n) reasons.push({ code: "resources.no_money", path: [], params: scope });
  else
    reasons.push({
      code: "resources.people_share",
      path: ["people_cash"],
      params: { people: people.toString(), money: totals.money.toString(), percent: peopleShare.percent },
    });
  if (notSplit.count > 0) {
    const params = {
      count: notSplit.count,
      period: scope.period,
      money: notSplit.money.toString(),
      landDonatedM2: notSplit.landDonatedM2.toString(),
      labourDays: notSplit.labourDays.toString(),
    };
    reasons.push({ code: "resources.period_not_split", path: [], params });
  }
  return { totals, bySource, peopleShare, notSplit, reasons };
}
