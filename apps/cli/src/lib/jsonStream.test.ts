import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonWriter } from "./jsonStream.js";

function written(o: { batch: boolean; ndjson: boolean }, items: unknown[]): { text: string; chunks: number } {
  const chunks: Uint8Array[] = [];
  const w = jsonWriter({ ...o, count: items.length }, (c) => chunks.push(Uint8Array.from(c)));
  for (const item of items) w.write(item);
  w.end();
  return { text: Buffer.concat(chunks).toString("utf8"), chunks: chunks.length };
}

describe("jsonWriter", () => {
  it("writes NDJSON lines, byte for byte what JSON.stringify gives, across buffer boundaries", () => {
    // ~1.6 MiB of two-byte text: more than one buffer, and one item larger than a buffer.
    const items = [
      ...Array.from({ length: 300 }, (_, i) => ({ id: `x-${i}`, source: "Giá trị ví dụ — không phải quy định pháp luật ".repeat(40) })),
      { big: "Đạt ".repeat(400_000) },
    ];
    const { text, chunks } = written({ batch: true, ndjson: true }, items);
    expect(chunks).toBeGreaterThan(1);
    expect(text).toBe(items.map((i) => `${JSON.stringify(i)}\n`).join(""));
  });

  it("writes a batch as the array layout of ctx.printJson (compact past 50 items, indented up to 50)", () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ i, s: "ụ" }));
    expect(written({ batch: true, ndjson: false }, many).text).toBe(
      `[\n${many.map((v, i) => `  ${JSON.stringify(v)}${i < many.length - 1 ? "," : ""}\n`).join("")}]\n`,
    );
    const few = [{ a: 1 }, { b: [1, 2] }];
    expect(written({ batch: true, ndjson: false }, few).text).toBe(`${JSON.stringify(few, null, 2)}\n`);
    expect(written({ batch: true, ndjson: false }, []).text).toBe("[]\n");
    expect(written({ batch: false, ndjson: false }, [{ a: "đ" }]).text).toBe(`${JSON.stringify({ a: "đ" }, null, 2)}\n`);
  });

  it("round-trips any JSON values (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 60 }), fc.boolean(), (values, ndjson) => {
        const { text } = written({ batch: true, ndjson }, values);
        const back = ndjson
          ? text
              .split("\n")
              .filter((l) => l !== "")
              .map((l) => JSON.parse(l))
          : JSON.parse(text);
        expect(back).toEqual(JSON.parse(JSON.stringify(values)));
      }),
      { numRuns: 200 },
    );
  });
});
