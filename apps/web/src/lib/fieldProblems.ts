import { fieldMessage } from "./issues";

/**
 * A form's visible field labels by field key (`name`, `subject.name`, `findings`), declared once beside
 * the form's fields; the key is the request body's path without the leading `$.`.
 */
export type FieldLabels = Readonly<Record<string, string>>;

/** One problem to show: a field's path (JSON path or dotted key, "" for the whole record) and its message. */
export interface PathProblem {
  path: string;
  message: string;
  code?: string | undefined;
}

/** Problems as a form shows them: the message beside each field (by key), and the frame's list in words. */
export interface ShownProblems {
  /** Field key → message, for the field the form declares under that key (first message wins). */
  byField: Record<string, string>;
  /** "Label: message" lines, in the order given; never a raw `$.` path. */
  list: string[];
}

/**
 * A problem path as a dotted field key: the API's JSON path (`$.subject.name`, `$.values["2.1"]`,
 * `$.findings[0]`), a JSON pointer (`/subject/name`) or a dotted key, read the same way.
 * @example
 * fieldKey("$.subject.name") // "subject.name"
 * fieldKey('$.values["2.1"]') // "values.2.1"
 * fieldKey("$.recommendations[1].dueDate") // "recommendations.1.dueDate"
 * fieldKey("/certificate/date") // "certificate.date"
 */
export function fieldKey(path: string): string {
  const p = path.trim();
  const parts: string[] = [];
  if (p.startsWith("/")) return p.split("/").filter(Boolean).join(".");
  const re = /\[\s*"((?:[^"\\]|\\.)*)"\s*\]|\[\s*'([^']*)'\s*\]|\[\s*(\d+)\s*\]|([^.[\]]+)/g;
  for (const m of p.replace(/^\$\.?/, "").matchAll(re)) {
    const part = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (part !== undefined && part !== "") parts.push(part);
  }
  return parts.join(".");
}

/**
 * The declared key a path belongs to: the path's own key when declared, else its nearest declared
 * parent (`subject.name` falls to `subject`), else null.
 * @example
 * declaredKey("$.certificate.expiresOn", { "certificate.expiresOn": "Hết hạn" }) // "certificate.expiresOn"
 * declaredKey("$.subject.kind", { subject: "Chủ thể" }) // "subject"
 * declaredKey("$.other", { name: "Tên" }) // null
 */
export function declaredKey(path: string, labels: FieldLabels): string | null {
  const parts = fieldKey(path).split(".").filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join(".");
    if (Object.hasOwn(labels, key)) return key;
  }
  return null;
}

/**
 * Problems (the server's 422 field problems or a form's own checks) in words: each placed at the field
 * its path names, labelled with the field's visible name ("Tên sản phẩm: …"); a path no field declares
 * reads `otherField` ("Thông tin khác"), a problem without a path is its message alone. Bilingual
 * messages are split to the reader's language (English-only schema messages get their code's
 * Vietnamese meaning first).
 * @example
 * showProblems([{ path: "$.name", message: "Thiếu tên / Missing name" }], { name: "Tên sản phẩm" }, "vi", "Thông tin khác")
 * // { byField: { name: "Thiếu tên" }, list: ["Tên sản phẩm: Thiếu tên"] }
 */
export function showProblems(problems: readonly PathProblem[], labels: FieldLabels, lang: "vi" | "en", otherField: string): ShownProblems {
  const byField: Record<string, string> = {};
  const list: string[] = [];
  for (const p of problems) {
    const message = fieldMessage(p, lang);
    const key = declaredKey(p.path, labels);
    if (key !== null && byField[key] === undefined) byField[key] = message;
    const line = key !== null ? `${labels[key]}: ${message}` : fieldKey(p.path) === "" ? message : `${otherField}: ${message}`;
    if (!list.includes(line)) list.push(line);
  }
  return { byField, list };
}
