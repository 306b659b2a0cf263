import { pickLang } from "./text";

/** What a validation issue's code means, in Vietnamese, for a message the API wrote in English only. */
const VI_BY_CODE: Readonly<Record<string, string>> = {
  invalid_format: "Sai định dạng",
  invalid_type: "Sai kiểu dữ liệu",
  invalid_value: "Giá trị không được chấp nhận",
  invalid_union: "Giá trị không đúng dạng nào được chấp nhận",
  too_small: "Giá trị quá nhỏ hoặc quá ngắn",
  too_big: "Giá trị quá lớn hoặc quá dài",
  unrecognized_keys: "Có trường không được biết",
  custom: "Không hợp lệ",
};

/**
 * A field problem's message in the reader's language, Vietnamese first: a bilingual "vi / en" message
 * is split; an English-only message (a schema's own wording) gets its code's Vietnamese meaning
 * first, the original kept in parentheses.
 * @example
 * fieldMessage({ message: "expected a date yyyy-mm-dd", code: "invalid_format" }, "vi") // "Sai định dạng (expected a date yyyy-mm-dd)"
 * fieldMessage({ message: "Thiếu / Missing" }, "en") // "Missing"
 */
export function fieldMessage(f: { message: string; code?: string | undefined }, lang: "vi" | "en"): string {
  if (f.message.includes(" / ") || lang === "en") return pickLang(f.message, lang);
  const vi = f.code ? VI_BY_CODE[f.code] : undefined;
  return vi ? `${vi} (${f.message})` : f.message;
}
