/**
 * Renders rows as a plain-text table with a header rule; cells longer than `maxWidth` are cut with "…".
 * @example
 * renderTable(["id", "status"], [["2.1", "Đạt"]])
 * // "id   status\n───  ──────\n2.1  Đạt"
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], maxWidth: readonly number[] = []): string {
  const cut = (s: string, i: number) => {
    const m = maxWidth[i];
    const flat = s.replace(/\s+/g, " ");
    return m !== undefined && [...flat].length > m ? `${[...flat].slice(0, m - 1).join("")}…` : flat;
  };
  const all = [headers, ...rows].map((r) => r.map((c, i) => cut(c, i)));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? "")].length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + " ".repeat(widths[i]! - [...c].length)))
      .join("  ")
      .trimEnd();
  return [line(all[0]!), line(widths.map((w) => "─".repeat(w))), ...all.slice(1).map(line)].join("\n");
}
