import { z } from "zod";

/** Text in Vietnamese first, English second. */
export const LocalizedTextSchema = z
  .object({
    vi: z.string().min(1),
    en: z.string().min(1),
  })
  .meta({ description: "Text in Vietnamese (vi) and English (en)" });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A user-facing language. */
export const LangSchema = z.enum(["vi", "en"]);
export type Lang = z.infer<typeof LangSchema>;

/** A calendar date written as ISO `yyyy-mm-dd`. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date yyyy-mm-dd");
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** A path inside a JSON document, as zod reports it. */
export type JsonPath = readonly (string | number)[];

/**
 * A machine-readable reason: what happened (`code`), where (`path`) and the values involved
 * (`params`). Render it with {@link formatReason}.
 */
export const ReasonSchema = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  params: z.record(z.string(), z.unknown()),
});
export type Reason = z.infer<typeof ReasonSchema>;
