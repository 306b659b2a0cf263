/**
 * Request generators for the fuzz suite (src/fuzz.test.ts), derived from the app's own OpenAPI
 * document: for each operation, path parameters from a pool of real and hostile ids, query and header
 * parameters, and bodies built from the operation's JSON schema with wrong types, missing and unknown
 * fields, huge and control-character strings, out-of-range numbers, bad dates, deep nesting, raw
 * NaN/Infinity, truncated JSON, wrong content types and oversized bodies.
 */
import fc from "fast-check";

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
}
export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}
export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { contentTypes: string[]; schema?: JsonSchema };
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of the document, with its parameters and request body. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content;
      out.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        ...(content
          ? {
              body: {
                contentTypes: Object.keys(content),
                ...(content["application/json"]?.schema ? { schema: content["application/json"].schema } : {}),
              },
            }
          : {}),
      });
    }
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

const HUGE = "x".repeat(100_000);
/** Strings a careless server mishandles: control characters, traversal, SQL, huge, bidi, emoji, bad dates. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "a\u0000b",
  "\u0000",
  "\u0007\u001b[31m",
  "../../../etc/passwd",
  "..%2f..%2f",
  "' OR '1'='1",
  "1; DROP TABLE units;--",
  "\\",
  '"',
  "%00",
  "%s%n",
  "\u202eevil",
  "💥🌾",
  "2024-13-45",
  "2024-02-30",
  "0000-00-00",
  "9999-99",
  "2024-Q5",
  "-1",
  "1e999",
  "NaN",
  "Infinity",
  '=HYPERLINK("http://x")',
  "<script>alert(1)</script>",
  HUGE,
];
const NASTY_VALUES: readonly unknown[] = [
  ...NASTY_STRINGS,
  null,
  true,
  false,
  0,
  -1,
  -0.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  [],
  {},
  [null],
  { "": null },
  { __proto__: { polluted: true } },
  { constructor: { prototype: { x: 1 } } },
];

/** Path parameter pools: real ids (so requests reach deep code) and hostile ones. */
const PATH_POOLS: Record<string, readonly string[]> = {
  id: ["c-01-01", "c-01-02", "d-01", "p-demo", "plan-63-d-01", "example.province-demo.2021-2025", "khong-co"],
  year: ["2024", "2025", "1999", "2101", "-1", "20x4", "2024.5", "99999999999999999999", "NaN"],
  code: ["1", "1.1", "T01", "khong-co"],
};
const HOSTILE_SEGMENTS = [
  "%00",
  "a%00b",
  "..%2F..%2Fetc",
  "%2e%2e",
  "'%20OR%20'1'='1",
  "1%3B%20DROP%20TABLE%20units",
  "%25",
  "%E0%A4%A",
  encodeURIComponent("\u202e"),
  "x".repeat(3000),
  "%C0%AE",
];

function resolve(doc: OpenApiDoc, s: JsonSchema | undefined): JsonSchema {
  let cur = s ?? {};
  for (let i = 0; cur.$ref && i < 20; i++) cur = doc.components?.schemas?.[cur.$ref.replace("#/components/schemas/", "")] ?? {};
  return cur;
}

/** A value for a schema: usually close to valid, sometimes hostile, sometimes the wrong type. */
export function valueFor(doc: OpenApiDoc, schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const nasty = fc.constantFrom(...NASTY_VALUES);
  if (depth > 4) return nasty;
  const alts = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alts?.length)
    return fc.oneof({ weight: 4, arbitrary: fc.oneof(...alts.map((a) => valueFor(doc, a, depth + 1))) }, { weight: 1, arbitrary: nasty });
  if (s.enum?.length) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: nasty });
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  let valid: fc.Arbitrary<unknown>;
  if (type === "object" || s.properties) {
    const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, valueFor(doc, v, depth + 1)]));
    const extra =
      s.additionalProperties && typeof s.additionalProperties === "object"
        ? fc.dictionary(
            fc.oneof(
              fc.constantFrom("2.1", "1.1", "17.5", "households"),
              fc.string({ maxLength: 8 }),
              fc.constantFrom("a\u0000", "__proto__", "constructor"),
            ),
            valueFor(doc, s.additionalProperties, depth + 1),
            { maxKeys: 4 },
          )
        : fc.constant({});
    // Required fields may be dropped, unknown ones added.
    valid = fc
      .tuple(
        fc.record(props, { requiredKeys: [] }),
        extra,
        fc.option(fc.dictionary(fc.string({ maxLength: 6 }), nasty, { maxKeys: 2 }), { nil: undefined }),
      )
      .map(([known, more, unknown]) => ({ ...(more as object), ...(known as object), ...(unknown ?? {}) }));
  } else if (type === "array") valid = fc.array(valueFor(doc, s.items, depth + 1), { maxLength: 5 });
  else if (type === "integer" || type === "number")
    valid = fc.oneof(
      fc.integer({ min: -5, max: 3000 }),
      fc.constantFrom(2024, 2025, 0, -1, 1e308, -2147483649, 2147483648, 0.5),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
  else if (type === "boolean") valid = fc.boolean();
  else if (type === "string")
    valid = fc.oneof(
      fc.string({ maxLength: 24 }),
      fc.constantFrom("c-01-01", "d-01", "p-demo", "2024-05-01", "2024", "2024-H1", "standard", "commune_officer", "admin"),
      fc.string({ unit: "grapheme", maxLength: 12 }),
    );
  else valid = fc.jsonValue({ maxDepth: 2 });
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: nasty });
}

/** What goes wrong with a body besides its content. */
export type BodyMutation = "schema" | "raw-nan" | "raw-infinity" | "truncated" | "deep" | "wrong-type" | "not-json" | "empty";

export interface FuzzRequest {
  caller: "admin" | "xa" | "anonymous" | "bad-token";
  path: string;
  init: RequestInit;
  /** A short description for failure messages. */
  label: string;
}

function pathArb(op: Operation): fc.Arbitrary<string> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (!names.length) return fc.constant(op.path);
  return fc
    .tuple(
      ...names.map((n) =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(PATH_POOLS[n] ?? PATH_POOLS.id!)).map(encodeURIComponent) },
          { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
          { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map(encodeURIComponent) },
        ),
      ),
    )
    .map((vals) => names.reduce((p, n, i) => p.replace(`{${n}}`, vals[i]!), op.path));
}

function queryArb(doc: OpenApiDoc, op: Operation): fc.Arbitrary<string> {
  const qs = op.parameters.filter((p) => p.in === "query");
  if (!qs.length) return fc.constantFrom("", "?x=%00", "?__proto__=1");
  return fc
    .tuple(
      ...qs.map((p) =>
        fc.option(
          fc.oneof(
            valueFor(doc, p.schema).map((v) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""))),
            fc.constantFrom(...NASTY_STRINGS.slice(0, -1)),
          ),
          { nil: undefined },
        ),
      ),
    )
    .map((vals) => {
      const sp = new URLSearchParams();
      qs.forEach((p, i) => vals[i] !== undefined && sp.append(p.name, String(vals[i]).slice(0, 2000)));
      const s = sp.toString();
      return s ? `?${s}` : "";
    });
}

const IF_MATCH = ['"1"', '"0"', 'W/"2"', "*", "abc", '"-1"', '"99999999999999999999"', '"1", "2"', '""'];

/**
 * One fuzzed request for an operation.
 * @example
 * fc.sample(requestFor(doc, op), 1)[0] // { caller: "admin", path: "/v1/units/%00", init: {...} }
 */
export function requestFor(doc: OpenApiDoc, op: Operation): fc.Arbitrary<FuzzRequest> {
  const body: fc.Arbitrary<{ mutation: BodyMutation; value: unknown }> = op.body
    ? fc.record({
        mutation: fc.constantFrom<BodyMutation>(
          "schema",
          "schema",
          "schema",
          "schema",
          "raw-nan",
          "raw-infinity",
          "truncated",
          "deep",
          "wrong-type",
          "not-json",
          "empty",
        ),
        value: valueFor(doc, op.body.schema),
      })
    : fc.constant({ mutation: "empty" as BodyMutation, value: undefined });
  return fc
    .record({
      caller: fc.constantFrom<FuzzRequest["caller"]>("admin", "admin", "admin", "xa", "anonymous", "bad-token"),
      path: pathArb(op),
      query: queryArb(doc, op),
      ifMatch: fc.option(fc.constantFrom(...IF_MATCH), { nil: undefined }),
      ifNoneMatch: fc.option(fc.constantFrom("*", '"1"', "x"), { nil: undefined }),
      body,
    })
    .map(({ caller, path, query, ifMatch, ifNoneMatch, body: b }) => {
      const headers: Record<string, string> = {};
      if (ifMatch !== undefined) headers["if-match"] = ifMatch;
      if (ifNoneMatch !== undefined) headers["if-none-match"] = ifNoneMatch;
      let payload: string | undefined;
      const types = op.body?.contentTypes ?? [];
      if (op.body) {
        const json = JSON.stringify(b.value) ?? "null";
        headers["content-type"] = types.includes("application/json") ? "application/json" : (types[0] ?? "application/json");
        switch (b.mutation) {
          case "schema":
            payload = types.includes("application/json") ? json : `unit_id,year,2.2\n${typeof b.value === "string" ? b.value : json}\n`;
            break;
          case "raw-nan":
            payload = json.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/i, "NaN");
            break;
          case "raw-infinity":
            payload = /\d/.test(json) ? json.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/i, "1e999") : `{"values":{"2.1":1e999},"year":-1e999}`;
            break;
          case "truncated":
            payload = json.slice(0, Math.max(1, Math.floor(json.length / 2)));
            break;
          case "deep":
            payload = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
            headers["content-type"] = "application/json";
            break;
          case "wrong-type":
            payload = json;
            headers["content-type"] = "text/plain";
            break;
          case "not-json":
            payload = "unit_id,year\nc-01-01,2024\n\u0000\u00ff";
            break;
          case "empty":
            payload = "";
            break;
        }
      }
      const init: RequestInit = { method: op.method, headers, ...(payload !== undefined && op.method !== "GET" ? { body: payload } : {}) };
      return { caller, path: path + query, init, label: `${op.method} ${path + query} [${caller}${op.body ? `, ${b.mutation}` : ""}]` };
    });
}
