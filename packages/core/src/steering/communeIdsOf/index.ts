/**
 * The commune ids of a member's "communes supported" as a file or a form gives them: each entry a
 * commune's id, or its name ("Xã An Lộc", case, tone-mark composition and spacing aside) among the
 * communes under the committee's unit. An entry matching neither is kept as written, so that
 * `validateSteeringMember` with `communeIds` reports it at its place (`steering.commune_outside_unit`).
 * @example
 * communeIdsOf(["c-01-01", "xã bình thuận"], [{ id: "c-01-01", name: "Xã An Lộc" }, { id: "c-01-02", name: "Xã Bình Thuận" }])
 * // ["c-01-01", "c-01-02"]
 */
export function communeIdsOf(refs: readonly string[], communes: readonly { id: string; name: string }[]): string[] {
  const key = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
  const ids = new Set(communes.map((c) => c.id));
  const byName = new Map<string, string[]>();
  for (const c of communes) byName.set(key(c.name), [...(byName.get(key(c.name)) ?? []), c.id]);
  return refs.map((r) => {
    if (ids.has(r)) return r;
    const hits = byName.get(key(r));
    // Two communes of one name under the unit: the name is ambiguous, keep it (reported as unknown).
    return hits?.length === 1 ? hits[0]! : r;
  });
}
