/**
 * The API's guard against the shared, hand-written table of the access policy (the same table the core
 * and web app tests check, packages/core/src/access/policyTable.ts): for every role, action and target
 * position, `authorize` lets the request through exactly when the table says so, on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "hono";
import { ACTIONS, ROLES } from "@ntm/core";
// The shared table, written by hand in core (not part of core's public API).
import { type Position, expected } from "../../../../packages/core/src/access/policyTable.js";
import type { Principal } from "../auth/policy.js";
import type { AppEnv } from "../context.js";
import { type Harness, openHarness } from "../testing/harness.js";
import { authorize } from "./guard.js";
import { ApiError } from "./problem.js";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A request context with a signed-in user, as the auth middleware leaves it. */
function contextOf(user: Principal): Context<AppEnv> {
  const deps = { db: h.database.db, trustProxy: 0 };
  return { get: (key: string) => (key === "user" ? user : key === "deps" ? deps : undefined) } as unknown as Context<AppEnv>;
}

// Scope root d-01 (a district of the demo province); below it a commune; outside it another district.
const TARGET: Record<Position, string> = { scope_root: "d-01", below_root: "c-01-01", outside: "d-02" };

describe("authorize (the API's guard) agrees with the shared policy table", () => {
  it("for every role × action × position", async () => {
    const mismatches: string[] = [];
    let cases = 0;
    for (const role of ROLES)
      for (const action of ACTIONS)
        for (const position of Object.keys(TARGET) as Position[]) {
          const user: Principal = {
            id: `u-${role}`,
            username: role,
            displayName: role,
            role,
            scopeUnitId: role === "admin" ? "p-demo" : "d-01",
          };
          // An admin's scope is the whole installation: "outside" does not exist for it.
          const want = role === "admin" ? true : expected(role, action, position);
          let got: boolean;
          try {
            await authorize(contextOf(user), action, TARGET[position]);
            got = true;
          } catch (e) {
            if (!(e instanceof ApiError) || e.kind !== "forbidden") throw e;
            got = false;
          }
          cases += 1;
          if (got !== want) mismatches.push(`${role} ${action} ${position}: table ${want}, API ${got}`);
        }
    expect(mismatches).toEqual([]);
    expect(cases).toBe(ROLES.length * ACTIONS.length * 3);
  });
});
