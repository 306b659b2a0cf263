/**
 * Every API path the web app uses, in one file, so a change of the API's routes is one edit here.
 * (Swapped to the typed client of packages/client where it covers a route.)
 */
const enc = encodeURIComponent;

export const endpoints = {
  session: () => "/v1/auth/me",
  login: () => "/v1/auth/login",
  logout: () => "/v1/auth/logout",
  units: () => "/v1/units",
  unit: (id: string) => `/v1/units/${enc(id)}`,
  rollup: (id: string) => `/v1/units/${enc(id)}/rollup`,
  evaluation: (id: string) => `/v1/units/${enc(id)}/evaluation`,
  gap: (id: string) => `/v1/units/${enc(id)}/gap`,
  changes: (id: string) => `/v1/units/${enc(id)}/changes`,
  valueYears: (id: string) => `/v1/units/${enc(id)}/values`,
  values: (id: string, year: number) => `/v1/units/${enc(id)}/values/${year}`,
  importValues: () => "/v1/values/import",
  exportValues: () => "/v1/values/export",
  packs: () => "/v1/packs",
  pack: (id: string) => `/v1/packs/${enc(id)}`,
  plans: () => "/v1/plans",
  tasks: () => "/v1/tasks",
  reports: () => "/v1/reports",
  dossiers: () => "/v1/dossiers",
  dossierTransition: (id: string) => `/v1/dossiers/${enc(id)}/transitions`,
  ranking: () => "/v1/rankings",
  ocop: () => "/v1/ocop-products",
  contributions: () => "/v1/contributions",
  housing: () => "/v1/housing",
  inspections: () => "/v1/inspections",
} as const;
