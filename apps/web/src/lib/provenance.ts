/**
 * How the packs page and the result pages say where a threshold comes from, in the reader's language:
 * a legal reference whose text was not retrieved, and a pack that encodes fewer indicators than its
 * legal set.
 */

const NOT_RETRIEVED = /\s*\((?:[^()]*\s)?not retrieved\)/i;

/**
 * Splits a shipped source reference into the reference itself and whether its text was retrieved
 * (the packs mark an unread legal text with an English "(not retrieved)").
 * @example
 * sourceRef("QĐ 318/QĐ-TTg, Phụ lục II (not retrieved)") // { ref: "QĐ 318/QĐ-TTg, Phụ lục II", notRetrieved: true }
 * sourceRef("QĐ 51/2025/QĐ-TTg, Phụ lục I (indicators not retrieved)") // { ref: "QĐ 51/2025/QĐ-TTg, Phụ lục I", notRetrieved: true }
 */
export function sourceRef(ref: string | undefined): { ref: string; notRetrieved: boolean } {
  if (!ref) return { ref: "", notRetrieved: false };
  const notRetrieved = NOT_RETRIEVED.test(ref);
  return { ref: notRetrieved ? ref.replace(NOT_RETRIEVED, "").trim() : ref, notRetrieved };
}

/**
 * The coverage to warn about: a pack that encodes fewer indicators than its legal set ("bộ tiêu chí
 * chưa đầy đủ (50/57 chỉ tiêu)"); null when it encodes them all or does not say.
 * @example
 * incompleteCoverage({ encoded: 50, legal: 57 }) // { encoded: 50, legal: 57 }
 * incompleteCoverage({ encoded: 57, legal: 57 }) // null
 */
export function incompleteCoverage(
  coverage: { encoded: number; legal: number } | null | undefined,
): { encoded: number; legal: number } | null {
  if (!coverage || coverage.encoded >= coverage.legal) return null;
  return { encoded: coverage.encoded, legal: coverage.legal };
}
