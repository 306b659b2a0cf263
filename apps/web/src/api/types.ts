/**
 * The shapes the web app reads from the API. Evaluation shapes come from @ntm/core (the public JSON
 * contract); the rest mirror the API's OpenAPI document.
 */
import type { EvaluationResult, Reason, Tier, YearOverYear, TierGap, RevocationCheck } from "@ntm/core";

export type { EvaluationResult, Reason, Tier, YearOverYear, TierGap, RevocationCheck };

/** The roles of the API (issue 4). */
export type Role = "admin" | "province_officer" | "district_officer" | "commune_officer" | "inspector" | "viewer";

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

export type CellStatus = "met" | "not_met" | "missing" | "unknown_threshold" | "indeterminate" | "not_applicable";

/** One commune's row in a roll-up: its tier and each criterion's status. */
export interface RollupCommune {
  unitId: string;
  name: string;
  parentId?: string | null;
  parentName?: string;
  tier: Tier | null;
  status: string;
  criteriaMet: number;
  criteriaTotal: number;
  criteria: { id: string; status: CellStatus }[];
  /** Criteria lost since the previous year. */
  lost?: string[];
  unverifiedCount?: number;
}

export interface TargetCheck {
  id: string;
  met: boolean;
  actual: number;
  required: number;
  reasons: Reason[];
}

/** The overview of a province or district for one year. */
export interface Rollup {
  unitId: string;
  unitName?: string;
  year: number;
  packId?: string;
  example?: boolean;
  unverifiedCount?: number;
  criteria: { id: string; name: { vi: string; en: string }; key?: boolean }[];
  communes: RollupCommune[];
  tiers?: Record<string, number>;
  targets?: TargetCheck[];
}

/** Indicator values of one unit for one year, with the version used as ETag. */
export interface UnitValuesDoc {
  unitId: string;
  year: number;
  values: Record<string, number | boolean | null>;
  version: number;
  updatedBy?: string | null;
  updatedAt?: string | null;
}
