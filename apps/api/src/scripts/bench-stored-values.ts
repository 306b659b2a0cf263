/**
 * Measures what checking indicator_values rows costs on the roll-up path (1,000 communes with 5
 * hamlets each, 57 values per commune): no check, core's zod schemas, and the structural check that
 * services/stored.ts uses. Run: `npx tsx src/scripts/bench-stored-values.ts`.
 */
import { IndicatorValueSchema } from "@ntm/core";
import { z } from "zod";
import { checkStoredValues, parseStored } from "../services/stored.js";

const rows = Array.from({ length: 6000 }, (_, i) => ({
  id: i,
  values: Object.fromEntries(
    Array.from({ length: i % 6 === 0 ? 57 : 8 }, (_, k) => [`${k}.1`, k % 3 === 0 ? true : k % 3 === 1 ? 90.5 : null]),
  ),
  inputs: { population: 1000 + i, households: 300 },
  notApplicable: i % 2 ? ["17.4"] : [],
}));
const ZodColumns = z.object({
  values: z.record(z.string(), IndicatorValueSchema),
  inputs: z.record(z.string(), z.number()),
  notApplicable: z.array(z.string()),
});

function time(name: string, f: () => void): void {
  for (let i = 0; i < 5; i++) f();
  const n = 50;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f();
  console.log(`${name}: ${((performance.now() - t0) / n).toFixed(2)} ms per 6,000 rows`);
}

let sink = 0;
time("no check", () => {
  for (const r of rows) sink += Object.keys(r.values).length;
});
time("zod (core's IndicatorValueSchema)", () => {
  for (const r of rows) sink += Object.keys(parseStored(ZodColumns, r, { table: "indicator_values", id: r.id, column: "*" }).values).length;
});
time("structural check", () => {
  for (const r of rows) sink += Object.keys(checkStoredValues(r, r.id).values).length;
});
console.log(sink > 0 ? "" : "-");
