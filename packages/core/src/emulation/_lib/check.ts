import type { z } from "zod";
import { type Issue, type Result, fail, ok } from "../../errors/index.js";
import type { JsonPath } from "../../schemas/common.js";
import { domainZodIssues } from "../../ocop/_lib/zodIssues.js";

/** One rule of a record: the issues it finds on a parsed value (paths relative to the value). */
export type RecordRule<T> = (value: T) => Issue[];

/**
 * Parses with the schema, then runs every rule; all or nothing. Paths start with `prefix`.
 * @example
 * checkRecord(CommendationSchema, [formTextRule], row, [])
 */
export function checkRecord<T>(schema: z.ZodType<T>, rules: readonly RecordRule<T>[], input: unknown, prefix: JsonPath): Result<T> {
  const r = schema.safeParse(input);
  if (!r.success) return fail("invalid_input", domainZodIssues(r.error, prefix));
  const issues = rules.flatMap((rule) => rule(r.data)).map((i) => ({ ...i, path: [...prefix, ...i.path] }));
  return issues.length > 0 ? fail("invalid_input", issues) : ok(r.data);
}

/**
 * Validates rows with a record validator, all or nothing: every row's issues, paths starting with the row
 * index; ids unique.
 * @example
 * checkRows(validateCommendation, rows)
 */
export function checkRows<T extends { id: string }>(validate: (input: unknown) => Result<T>, input: unknown): Result<T[]> {
  if (!Array.isArray(input)) return fail("invalid_input", [{ code: "invalid_type", path: [], message: "expected an array of records" }]);
  const values: T[] = [];
  const issues: Issue[] = [];
  const ids = new Map<string, number>();
  input.forEach((row, i) => {
    const r = validate(row);
    if (!r.ok) return void issues.push(...r.issues.map((x) => ({ ...x, path: [i, ...x.path] })));
    const first = ids.get(r.value.id);
    if (first !== undefined)
      issues.push({
        code: "emulation.duplicate_record",
        path: [i, "id"],
        message: `record id "${r.value.id}" appears twice (first at [${first}])`,
        params: { id: r.value.id, first },
      });
    else ids.set(r.value.id, i);
    values.push(r.value);
  });
  return issues.length > 0 ? fail("invalid_input", issues) : ok(values);
}

/** The "other" form needs its name; a named form needs none. */
export function formTextRule<T extends { form: string; formText?: string | undefined }>(v: T): Issue[] {
  if (v.form === "other" && !v.formText)
    return [{ code: "emulation.form_text_required", path: ["formText"], message: 'form "other" needs its name in formText' }];
  if (v.form !== "other" && v.formText)
    return [
      {
        code: "emulation.form_text_unexpected",
        path: ["formText"],
        message: `formText is only for form "other" (form is "${v.form}")`,
        params: { form: v.form },
      },
    ];
  return [];
}
