import { getPack, compilePack, evaluateMany } from "@ntm/core";
import { generateCommunes } from "./synthetic.js";
const compiled = compilePack(getPack("example.province-demo.2021-2025")!);
const docs = generateCommunes(compiled, { count: 10000, year: 2024, seed: 20240101 });
for (let i = 0; i < 3; i++) evaluateMany(compiled, docs);
const ts: number[] = [];
for (let i = 0; i < 10; i++) { const t0 = performance.now(); evaluateMany(compiled, docs); ts.push(performance.now() - t0); }
const cu = process.cpuUsage();
console.log(ts.map((x) => x.toFixed(0)).join(" "), cu);
