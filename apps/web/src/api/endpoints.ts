/**
 * Every API path the web app uses, in one file, so a change of the API's routes is one edit here.
 * (Swapped to the typed client of packages/client where it covers a route.)
 */
const enc = encodeURIComponent;

export const endpoints = {
  packs: () => "/v1/packs",
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
