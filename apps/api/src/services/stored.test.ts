import { PlanSchema } from "@ntm/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "../http/problem.js";
import { type Harness, type Session, login, openHarness } from "../testing/harness.js";
import { emulationRecordsFor } from "./emulationRecords.js";
import { checkStoredValues, parseStored } from "./stored.js";

describe("parseStored", () => {
  it("returns the parsed value when the stored JSON matches its schema", () => {
    const schema = z.object({ n: z.number(), tags: z.array(z.string()) });
    expect(parseStored(schema, { n: 1, tags: ["a"] }, { table: "t", id: "r1", column: "data" })).toEqual({ n: 1, tags: ["a"] });
  });

  it("throws a 500-class stored_data_invalid naming table, row, column and JSON path", () => {
    let err: unknown;
    try {
      parseStored(PlanSchema, { id: "p" }, { table: "plans", id: "plan-1", column: "data" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.kind).toBe("stored_data_invalid");
    expect(e.message).toContain("table plans, row plan-1, column data at $.");
    expect(e.errors?.[0]?.path).toMatch(/^\$\.\w+/);
  });
});

describe("checkStoredValues", () => {
  const ok = { values: { "2.1": 95, "17.4": true, "18.1": null }, inputs: { population: 1200 }, notApplicable: ["17.4"] };

  it("passes a well-formed row through unchanged (the same object)", () => {
    expect(checkStoredValues(ok, 7)).toBe(ok);
  });

  it.each([
    [{ ...ok, values: { "2.1": "95" } }, "values", '$["2.1"]'],
    [{ ...ok, values: [] }, "values", "$"],
    [{ ...ok, inputs: { population: "many" } }, "inputs", "$.population"],
    [{ ...ok, notApplicable: ["17.4", 3] }, "not_applicable", "$[1]"],
  ])("refuses %j in column %s at %s", (row, column, path) => {
    expect(() => checkStoredValues(row as never, 7)).toThrow(
      expect.objectContaining({ kind: "stored_data_invalid", errors: [expect.objectContaining({ path })] }),
    );
    expect(() => checkStoredValues(row as never, 7)).toThrow(`column ${column}`);
  });
});

describe("stored JSON read through the API", () => {
  let h: Harness;
  let huyen: Session;
  beforeAll(async () => {
    h = await openHarness();
    huyen = await login(h, "huyen");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers 500 stored_data_invalid naming the row when a unit-year's values hold a string", async () => {
    const put = await huyen.request("/v1/units/c-01-01/values/2019", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ values: { "2.1": 90 } }),
    });
    expect(put.status).toBe(200);
    await h.database.db.execute(
      sql`update indicator_values set values = '{"2.1": "ninety"}'::jsonb where unit_id = 'c-01-01' and year = 2019`,
    );
    const res = await huyen.request("/v1/units/c-01-01/values/2019");
    expect(res.status).toBe(500);
    const p = (await res.json()) as { kind: string; detail: string };
    expect(p.kind).toBe("stored_data_invalid");
    expect(p.detail).toMatch(/table indicator_values, row \d+, column values at \$\["2\.1"\]/);
  });

  it("answers 500 stored_data_invalid naming the dossier, its column and path when its data is corrupt", async () => {
    const list = (await (await huyen.request("/v1/dossiers")).json()) as { items: { id: string }[] };
    const id = list.items[0]?.id ?? "";
    expect(id).not.toBe("");
    expect((await huyen.request(`/v1/dossiers/${id}`)).status).toBe(200);
    await h.database.db.execute(sql`update dossiers set data = jsonb_set(data, '{satisfactionPercent}', '"high"'::jsonb) where id = ${id}`);
    const res = await huyen.request(`/v1/dossiers/${id}`);
    expect(res.status).toBe(500);
    const p = (await res.json()) as { kind: string; detail: string };
    expect(p.kind).toBe("stored_data_invalid");
    expect(p.detail).toContain(`table dossiers, row ${id}, column data at $.satisfactionPercent`);
  });

  it("refuses a corrupt commendation the ranking reads with stored_data_invalid naming its row", async () => {
    await h.database.db.execute(
      sql`insert into commendations (id, unit_id, year, data) values ('kt-corrupt', 'c-01-01', 2031, '{"form": 42}'::jsonb)`,
    );
    await expect(emulationRecordsFor(h.database.db, 2031, "unit")).rejects.toMatchObject({ kind: "stored_data_invalid" });
    await expect(emulationRecordsFor(h.database.db, 2031, "unit")).rejects.toThrow("table commendations, row kt-corrupt, column data");
    await h.database.db.execute(sql`delete from commendations where id = 'kt-corrupt'`);
    await expect(emulationRecordsFor(h.database.db, 2031, "unit")).resolves.toEqual({});
  });
});
