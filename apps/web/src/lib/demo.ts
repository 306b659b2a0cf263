import type { Role } from "../api/types";

/** The demo accounts the API seeds on a fresh database (apps/api/src/seed; demo data only). */
export const DEMO_ACCOUNTS: { username: string; password: string; role: Role }[] = [
  { username: "admin", password: "admin123", role: "admin" },
  { username: "tinh", password: "tinh123", role: "province_officer" },
  { username: "huyen", password: "huyen123", role: "district_officer" },
  { username: "xa", password: "xa123", role: "commune_officer" },
  { username: "thanhtra", password: "thanhtra123", role: "inspector" },
  { username: "xem", password: "xem123", role: "viewer" },
];
