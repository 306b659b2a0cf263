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
