/**
 * Picks one language from the API's bilingual texts written "tiếng Việt / English".
 * @example
 * pickLang("Không có quyền / Forbidden", "en") // "Forbidden"
 * pickLang("plain text", "en") // "plain text"
 */
export function pickLang(text: string, lang: "vi" | "en"): string {
  const i = text.indexOf(" / ");
  if (i < 0) return text;
  return lang === "vi" ? text.slice(0, i) : text.slice(i + 3);
}

/**
 * Picks the right side of a localized `{ vi, en }` name, falling back to whichever exists.
 * @example
 * localName({ vi: "Thu nhập", en: "Income" }, "en") // "Income"
 */
export function localName(name: { vi?: string; en?: string } | string | undefined, lang: "vi" | "en"): string {
  if (!name) return "";
  if (typeof name === "string") return name;
  return name[lang] ?? name.vi ?? name.en ?? "";
}

const VN_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * A timestamp in Vietnam's time (UTC+7), written dd/mm/yyyy HH:mm in Vietnamese and yyyy-mm-dd HH:mm in English.
 * @example
 * vnDateTime("2026-11-29T23:30:00Z", "vi") // "30/11/2026 06:30"
 */
export function vnDateTime(iso: string, lang: "vi" | "en"): string {
  const parts = Object.fromEntries(VN_PARTS.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const time = `${parts["hour"]}:${parts["minute"]}`;
  return lang === "vi"
    ? `${parts["day"]}/${parts["month"]}/${parts["year"]} ${time}`
    : `${parts["year"]}-${parts["month"]}-${parts["day"]} ${time}`;
}
