import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { indicatorValues, packAdoptions, publications, units, users } from "../db/schema.js";
import { hashPassword, verifyPassword } from "../auth/crypto.js";
import type { Role } from "../auth/policy.js";
import { writeAudit } from "../audit.js";
import { type PackAdoption, checkAdoption } from "@ntm/core";
import { loadPacks } from "../services/packs.js";
import { compiledLadder } from "./ladder.js";
import { createPrng } from "./prng.js";
import { buildDemoUnits } from "./units.js";
import { invalidateTree } from "../units.js";
import { generateCommuneValues, generateDistrictValues } from "./values.js";
import { PLAN_DOMAIN_SEED_HOOKS, type SeedContext } from "./hooks.js";

/** A demo account (printed at start; demo only, change before real use). */
export interface DemoCredential {
  username: string;
  password: string;
  role: Role;
  scopeUnitId: string;
  displayName: string;
}

/** The demo accounts, one per role. */
export const DEMO_CREDENTIALS: readonly DemoCredential[] = [
  { username: "admin", password: "admin123", role: "admin", scopeUnitId: "p-demo", displayName: "Quản trị hệ thống" },
  {
    username: "tinh",
    password: "tinh123",
    role: "province_officer",
    scopeUnitId: "p-demo",
    displayName: "Cán bộ Văn phòng điều phối NTM tỉnh",
  },
  { username: "huyen", password: "huyen123", role: "district_officer", scopeUnitId: "d-01", displayName: "Cán bộ NTM Huyện An Hòa" },
  { username: "xa", password: "xa123", role: "commune_officer", scopeUnitId: "c-01-01", displayName: "Cán bộ NTM Xã An Lộc" },
  { username: "thanhtra", password: "thanhtra123", role: "inspector", scopeUnitId: "p-demo", displayName: "Ủy ban Kiểm tra" },
  { username: "xem", password: "xem123", role: "viewer", scopeUnitId: "p-demo", displayName: "Người xem" },
];

export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** The demo's commune pack (example values, not law): the seed's values are drawn along its ladder. */
export const DEMO_PACK_ID = "example.province-demo.2021-2025";
/** The national district pack, adopted for the demo's districts. */
export const DISTRICT_PACK_ID = "vn.district-ntm.2021-2025";

/**
 * What the demo province adopts: the example commune packs (standard, advanced, model), the example
 * hamlet pack and the national district pack, for 2022–2025, and nothing for 2026 (the 2026–2030 set),
 * so the demo shows both a year with packs and one without. Not 2021: the 2021–2025 packs take effect
 * on 08/3/2022 (QĐ 318), and core's checkAdoption refuses a period before the years a pack touches
 * (the demo's 2021 evaluations were already "outside the effective period", never a verdict).
 */
export function demoAdoptions(provinceId: string): PackAdoption[] {
  const a = (id: string, packId: string, level: PackAdoption["level"], tier: PackAdoption["tier"]): PackAdoption => ({
    id: `seed-${id}`,
    packId,
    scopeUnitId: provinceId,
    level,
    tier,
    from: 2022,
    to: 2025,
    version: 1,
  });
  return [
    a("commune-standard", DEMO_PACK_ID, "commune", "standard"),
    a("commune-advanced", "example.province-demo-advanced.2021-2025", "commune", "advanced"),
    a("commune-model", "example.province-demo-model.2021-2025", "commune", "model"),
    a("hamlet-standard", "example.province-demo-hamlet.2021-2025", "hamlet", "standard"),
    a("district-standard", DISTRICT_PACK_ID, "district", "standard"),
  ];
}
export const DEMO_SEED = 20250101;

/**
 * Seeds the demo province once: when the units table is empty, writes units, users for every role,
 * five years of indicator values, publications of 2021–2024, and calls the plan-domain hooks; all in
 * one transaction. A second call does nothing (returns false).
 * @example
 * if (await seedDemo(db)) printCredentials(DEMO_CREDENTIALS);
 * await seedDemo(db, { districts: 25, communesPerDistrict: 40 }); // 1,000 communes for benchmarks
 */
export async function seedDemo(db: Db, size: { districts?: number; communesPerDistrict?: number } = {}): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(units);
  if ((existing?.n ?? 0) > 0) return false;
  const demo = buildDemoUnits(size);
  const packs = await loadPacks(db);
  const ladder = compiledLadder(packs, DEMO_PACK_ID);
  // The adoptions pass the same check as the API's (a refused one is a bug in this file).
  const adoptions: PackAdoption[] = [];
  for (const a of demoAdoptions(demo.provinceId)) {
    const r = checkAdoption(adoptions, a, (id) => packs.registry.get(id));
    if (!r.ok) throw new Error(`seed adoption ${a.id}: ${r.issues.map((i) => i.message).join("; ")}`);
    adoptions.push(a);
  }
  const rnd = createPrng(DEMO_SEED);
  const rows = demo.communes.flatMap((c) => generateCommuneValues(rnd, ladder, c, demo.hamletsOf.get(c.id) ?? [], DEMO_YEARS));
  // Districts draw from their own generator so that adding them leaves the other demo data unchanged.
  const districtPack = packs.compiled(DISTRICT_PACK_ID);
  const districtRnd = createPrng(DEMO_SEED + 1);
  if (districtPack) rows.push(...demo.districts.flatMap((d) => generateDistrictValues(districtRnd, districtPack, d, DEMO_YEARS)));
  const hashed = await Promise.all(
    DEMO_CREDENTIALS.map(async (c) => ({
      id: randomUUID(),
      username: c.username,
      displayName: c.displayName,
      role: c.role,
      scopeUnitId: c.scopeUnitId,
      passwordHash: await hashPassword(c.password),
    })),
  );
  await db.transaction(async (tx) => {
    await tx.insert(units).values(demo.all);
    await tx.insert(users).values(hashed);
    for (let i = 0; i < rows.length; i += 200)
      await tx.insert(indicatorValues).values(rows.slice(i, i + 200).map((r) => ({ ...r, updatedBy: "seed" })));
    await tx.insert(packAdoptions).values(
      adoptions.map((a) => ({
        id: a.id,
        packId: a.packId,
        scopeUnitId: a.scopeUnitId,
        tier: a.tier,
        level: a.level,
        periodFrom: String(a.from),
        periodTo: a.to === undefined ? null : String(a.to),
        updatedBy: "seed",
      })),
    );
    await tx.insert(publications).values([2021, 2022, 2023, 2024].map((year) => ({ unitId: demo.provinceId, year, publishedBy: "seed" })));
    await writeAudit(tx, null, {
      action: "seed.demo",
      entityType: "database",
      entityId: "demo",
      unitId: demo.provinceId,
      after: { units: demo.all.length, users: hashed.length, valueRows: rows.length },
    });
    const ctx: SeedContext = {
      tx,
      units: demo,
      userIds: Object.fromEntries(hashed.map((u) => [u.username, u.id])),
      rnd,
      years: DEMO_YEARS,
    };
    for (const hook of PLAN_DOMAIN_SEED_HOOKS) await hook(ctx);
  });
  invalidateTree(db);
  return true;
}

/**
 * The demo credentials as printable lines.
 * @example
 * credentialLines()[0] // "  admin / admin123  (admin, p-demo)"
 */
export function credentialLines(): string[] {
  return DEMO_CREDENTIALS.map((c) => `  ${c.username} / ${c.password}  (${c.role}, ${c.scopeUnitId})`);
}

/**
 * The demo credentials that work on this database, as printable lines: an active user with the demo
 * username whose password is still the demo one. Empty on a database without the demo (nothing is
 * advertised that does not exist) and for any demo account whose password was changed.
 * @example
 * await existingDemoCredentialLines(db) // [] after NTM_SEED=none on an empty database
 */
export async function existingDemoCredentialLines(db: Db): Promise<string[]> {
  const rows = await db
    .select({ username: users.username, passwordHash: users.passwordHash })
    .from(users)
    .where(
      and(
        inArray(
          users.username,
          DEMO_CREDENTIALS.map((c) => c.username),
        ),
        eq(users.active, true),
      ),
    );
  const hashes = new Map(rows.map((r) => [r.username, r.passwordHash]));
  const lines = credentialLines();
  const works = await Promise.all(
    DEMO_CREDENTIALS.map(async (c) => hashes.has(c.username) && (await verifyPassword(c.password, hashes.get(c.username)!))),
  );
  return lines.filter((_, i) => works[i]);
}
