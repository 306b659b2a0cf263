/**
 * The shapes the web app reads from the API. Evaluation shapes come from @ntm/core (the public JSON
 * contract); the rest mirror the API's OpenAPI document (apps/api/src/routes).
 */
import type { EvaluationResult, Reason, Role, Tier, YearOverYear, TierGap, RevocationCheck } from "@ntm/core";

import type { ThresholdDoc } from "../lib/threshold";
import type { Schemas } from "@ntm/client";

export type { EvaluationResult, Reason, Tier, YearOverYear, TierGap, RevocationCheck };

/** The roles of the access policy (@ntm/core ROLES). */
export type { Role };

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId: string;
  scopeUnitName?: string;
  scopeUnitLevel?: string;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  level: "province" | "district" | "commune" | "hamlet";
  region?: string | null;
  communeGroup?: number | null;
  flags?: string[];
  children?: Unit[];
}

/** GET /v1/units/{id}. */
export interface UnitDetail {
  unit: Unit;
  ancestors: Unit[];
  children: Unit[];
}

export type CellStatus = "met" | "not_met" | "missing" | "unknown_threshold" | "indeterminate" | "not_applicable";
export type CriterionStatus = "met" | "not_met" | "indeterminate";

/** One commune of GET /v1/units/{id}/rollup (from the OpenAPI document). */
export type ApiRollupCommune = Schemas["CommuneRollup"];

export interface TargetCheck {
  id: string;
  met: boolean;
  actual: number;
  required: number;
  reasons: Reason[];
}

/** GET /v1/units/{id}/rollup?year= (from the OpenAPI document). */
export type ApiRollup = Schemas["Rollup"];

/** One commune's row in the overview: its tier, each criterion's status, criteria lost since last year. */
export interface RollupCommune {
  unitId: string;
  name: string;
  parentName?: string;
  tier: Tier | null;
  status: string;
  criteriaMet: number;
  criteriaTotal: number;
  revoke?: boolean;
  criteria: { id: string; status: CellStatus }[];
  /** Criteria met last year and not met (or undetermined) this year. */
  lost?: string[];
  /** Why the commune cannot be judged yet (chưa có số liệu, chưa rõ ngưỡng): its own category, never not met. */
  undetermined?: "missing" | "unknown_threshold" | null;
}

/** The overview of a province or district for one year, as the page shows it. */
export interface Rollup {
  unitId: string;
  unitName?: string;
  year: number;
  packId?: string;
  example?: boolean;
  unverifiedCount?: number;
  criteria: { id: string; name: { vi: string; en: string }; key?: boolean }[];
  communes: RollupCommune[];
  targets?: TargetCheck[];
  /** QĐ 263's "rural income ≥ 1.5 × 2020" check; unavailable (with reasons) when 2020 has no data. */
  incomeVs2020?: ApiRollup["incomeVs2020"];
}

/** Indicator values of one unit for one year, with the version used as ETag (from the OpenAPI document). */
export type UnitValuesDoc = Schemas["UnitValuesRecord"];

/** A criteria pack as GET /v1/packs/{id} returns it (resolved), reduced to what the pages read. */
export interface PackView {
  id: string;
  version?: string;
  title?: { vi: string; en: string };
  tier?: string;
  level?: string;
  example?: boolean;
  nextTier?: string;
  legalBasis?: { ref: string; date?: string }[];
  criteria: {
    id: string;
    name: { vi: string; en: string };
    key?: boolean;
    indicators: {
      id: string;
      name: { vi: string; en: string };
      kind: "boolean" | "percent" | "number";
      unit?: string;
      comparator?: string;
      threshold?: ThresholdDoc;
      verified: boolean;
      verifiedVariants?: string[];
      derive?: unknown;
      source?: { ref: string; note?: string };
    }[];
  }[];
}
