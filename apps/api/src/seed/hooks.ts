/**
 * HOOKS FOR THE PLAN-DOMAIN DEMO DATA (to be filled by the plan-domain engineer).
 *
 * `seedDemo` calls each hook once, inside the seeding transaction, after units, users and indicator
 * values exist. Write rows into the matching tables of src/db/schema.ts (plans, tasks,
 * report_submissions, dossiers, scoring, ocop_products, contributions, housing, inspections).
 * Use `ctx.rnd` (seeded) for variety; never Math.random.
 */
import type { Tx } from "../audit.js";
import type { DemoUnits } from "./units.js";
import { seedPlanData } from "./domain/plans.js";
import { seedDossierData } from "./domain/dossiers.js";
import { seedScoringData } from "./domain/scoring.js";
import { seedContributionData, seedHousingData, seedInspectionData, seedOcopData } from "./domain/records.js";
import { seedEmulationData } from "./domain/emulation.js";
import { seedSteeringData } from "./domain/steering.js";

/** What the hooks receive. */
export interface SeedContext {
  tx: Tx;
  units: DemoUnits;
  /** Demo user ids by username (admin, tinh, huyen, xa, thanhtra, xem). */
  userIds: Readonly<Record<string, string>>;
  rnd: () => number;
  years: readonly number[];
}

/** HOOK: the shipped district plan (Directive 63-CT/TU) with tasks, reports, some overdue. */
export async function seedPlans(ctx: SeedContext): Promise<void> {
  await seedPlanData(ctx);
}
/** HOOK: recognition dossiers at various steps, with transition histories. */
export async function seedDossiers(ctx: SeedContext): Promise<void> {
  await seedDossierData(ctx);
}
/** HOOK: entered annual scoring inputs (rankings are computed live by core). */
export async function seedScoring(ctx: SeedContext): Promise<void> {
  await seedScoringData(ctx);
}
/** HOOK: OCOP products (3–5 stars, certificates, expiry). */
export async function seedOcop(ctx: SeedContext): Promise<void> {
  await seedOcopData(ctx);
}
/** HOOK: resource contributions (whole đồng). */
export async function seedContributions(ctx: SeedContext): Promise<void> {
  await seedContributionData(ctx);
}
/** HOOK: housing records (temporary/dilapidated house elimination). */
export async function seedHousing(ctx: SeedContext): Promise<void> {
  await seedHousingData(ctx);
}
/** HOOK: inspection records of the Inspection Committee. */
export async function seedInspections(ctx: SeedContext): Promise<void> {
  await seedInspectionData(ctx);
}

/** HOOK: emulation movements, commendations, a criticism from an inspection finding, consultations (after inspections). */
export async function seedEmulation(ctx: SeedContext): Promise<void> {
  await seedEmulationData(ctx);
}

/** HOOK: steering-committee members and the communes each supports (plan II.3). */
export async function seedSteering(ctx: SeedContext): Promise<void> {
  await seedSteeringData(ctx);
}

/** Every hook, in order. Add a new one here. */
export const PLAN_DOMAIN_SEED_HOOKS: readonly ((ctx: SeedContext) => Promise<void>)[] = [
  seedPlans,
  seedDossiers,
  seedScoring,
  seedOcop,
  seedContributions,
  seedHousing,
  seedInspections,
  seedEmulation,
  seedSteering,
];
