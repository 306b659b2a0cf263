import type { Role } from "../api/types";

/** The demo accounts the API seeds on a fresh database (demo data only, never production). */
export const DEMO_ACCOUNTS: { username: string; password: string; role: Role }[] = [
  { username: "admin", password: "demo1234", role: "admin" },
  { username: "tinh", password: "demo1234", role: "province_officer" },
  { username: "huyen", password: "demo1234", role: "district_officer" },
  { username: "xa", password: "demo1234", role: "commune_officer" },
  { username: "thanhtra", password: "demo1234", role: "inspector" },
  { username: "xem", password: "demo1234", role: "viewer" },
];
