import type { CriterionStatus } from "../../schemas/result.js";
import type { UnitValues } from "../../schemas/values.js";
import type { CompiledPack } from "../../evaluation/compilePack.js";
import type { OcopProduct } from "../../ocop/schema.js";
import type { Contribution } from "../../resources/schema.js";
import type { InspectionRecord } from "../../inspections/schema.js";
import { RESOURCE_SOURCES } from "../../resources/schema.js";
import { countOcopByCommune } from "../../ocop/countOcopByCommune/index.js";
import { evaluateStatuses } from "../../evaluation/evaluateStatuses.js";
import { ladderStatuses } from "../../tiers/_lib/ladderStatuses.js";
import type { Classification182 } from "../../tiers/withClassification182/index.js";
import type { RankingUnit } from "../input.js";
import { type ScoringInputs, enteredValues } from "../scoringInputs/index.js";
import { tierPoints } from "../tierPoints/index.js";

/** The stored facts a year's ranking of a group of communes is computed from. */
export interface RankingFacts {
  year: number;
  /** The commune tier ladder (standard first), for communes that do not carry their own. */
  ladder: readonly CompiledPack[];
  /**
   * Each commune: the year's values, last year's (criteria gained and lost), the classification 18.2
   * reads, and the ladder adopted for it when communes of the group use different packs.
   */
  communes: readonly {
    doc: UnitValues;
    previous?: UnitValues | undefined;
    classification?: Classification182 | undefined;
    ladder?: readonly CompiledPack[] | undefined;
  }[];
  ocopProducts: readonly OcopProduct[];
  contributions: readonly Contribution[];
  inspections: readonly { unitId: string; record: Pick<InspectionRecord, "date" | "subject" | "findings"> }[];
  /** Entered scoring inputs by unit id. */
  entered: ReadonlyMap<string, ScoringInputs>;
  /** Recognition dossiers with their transitions: a `revoke` during the year marks the unit. */
  dossiers: readonly { unitId: string; transitions: readonly { action: string; at: string }[] }[];
}

/**
 * The ranking input of each commune from stored facts: criteria met and total (first pack of the
 * ladder, 18.2 from the classification), `tier_reached` points ({@link tierPoints}), criteria gained
 * and lost since last year (against the first pack, without 18.2 derivation), OCOP products
 * recognised at 31/12 of the year, resources mobilised in money (đồng sources only, periods of the
 * year), inspection findings dated in the year, the entered inputs ({@link enteredValues}), tasks,
 * discipline, and `recognitionRevoked` when a dossier was revoked during the year. A value the facts
 * do not hold is left out, so the ranking says the score is incomplete rather than guessing.
 * @example
 * rankingUnitsFromFacts({ year: 2025, ladder, communes, ocopProducts: [], contributions: [], inspections: [], entered: new Map(), dossiers: [] })[0].values.criteria_met // 19
 */
export function rankingUnitsFromFacts(facts: RankingFacts): RankingUnit[] {
  const { year } = facts;
  const y = String(year);
  const communeIds = facts.communes.map((c) => c.doc.unit.id);
  const inGroup = new Set(communeIds);
  const ocop = new Map(
    countOcopByCommune(
      facts.ocopProducts.filter((p) => inGroup.has(p.communeUnitId)),
      `${y}-12-31`,
      { communeIds },
    ).map((c) => [c.unitId, c.recognised]),
  );
  const money = new Map<string, bigint>();
  for (const c of facts.contributions) {
    if (c.period.year !== year || RESOURCE_SOURCES[c.source].measure !== "dong") continue;
    money.set(c.unitId, (money.get(c.unitId) ?? 0n) + c.amount);
  }
  const findings = new Map<string, number>();
  for (const s of facts.inspections) {
    if (!s.record.date.startsWith(y)) continue;
    const unit = s.record.subject.kind === "unit" ? s.record.subject.id : s.unitId;
    findings.set(unit, (findings.get(unit) ?? 0) + s.record.findings.length);
  }
  const revoked = new Set(
    facts.dossiers.filter((d) => d.transitions.some((t) => t.action === "revoke" && t.at.startsWith(y))).map((d) => d.unitId),
  );
  return facts.communes.map(({ doc, previous, classification, ladder: own }) => {
    const unit = doc.unit;
    const ladder = own ?? facts.ladder;
    const base = ladder[0];
    if (!base) throw new Error(`rankingUnitsFromFacts: empty ladder for ${unit.id}`);
    // Statuses only (no reasons): the same decisions as evaluateLadder and compareYears.
    const { statuses, tierReached } = ladderStatuses(ladder, doc, classification);
    const now = statuses[0]!;
    const change = previous ? criteriaChange(evaluateStatuses(base, [previous])[0]!.criteria, now.criteria) : null;
    const e = facts.entered.get(unit.id) ?? {};
    const values: Record<string, number> = {
      ...enteredValues(e),
      criteria_met: now.criteriaMet,
      criteria_total: now.criteriaTotal,
      tier_reached: tierPoints(tierReached),
      ocop_products: ocop.get(unit.id) ?? 0,
      inspection_findings: findings.get(unit.id) ?? 0,
    };
    if (change) {
      values.criteria_gained = change.gained;
      values.criteria_lost = change.lost;
    }
    const m = money.get(unit.id);
    // Money as a number only for scoring (a ratio needs a planned amount the database does not hold).
    if (m !== undefined) values.resources_mobilised = Number(m);
    return {
      unitId: unit.id,
      name: unit.name,
      values,
      ...(e.tasks ? { tasks: e.tasks } : {}),
      ...(e.discipline ? { discipline: e.discipline } : {}),
      ...(revoked.has(unit.id) ? { recognitionRevoked: true } : {}),
    };
  });
}

/** Criteria gained (now met, not before) and lost (met before, not now), as `compareYears` counts them (same pack, same order). */
function criteriaChange(before: readonly CriterionStatus[], after: readonly CriterionStatus[]): { gained: number; lost: number } {
  let gained = 0;
  let lost = 0;
  for (let c = 0; c < after.length; c++) {
    const from = before[c] ?? "indeterminate";
    const to = after[c]!;
    if (from === to) continue;
    if (to === "met") gained++;
    else if (from === "met") lost++;
  }
  return { gained, lost };
}
