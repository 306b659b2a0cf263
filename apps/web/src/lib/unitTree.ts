/**
 * The administrative unit tree as the units page works with it: where each level may sit, which units a
 * unit may move under, the smallest patch of an edit, the API's field problems per form field, and a
 * diacritics-blind filter. Pure functions; the API checks every rule again.
 */
import type { Schemas } from "@ntm/client";
import { UNIT_PARENT_LEVELS } from "@ntm/core";

export type UnitNode = Schemas["UnitNode"];
export type UnitRecord = Schemas["UnitRecord"];
export type UnitPatch = Schemas["UnitPatch"];
export type NewUnit = Schemas["NewUnit"];
export type UnitLevel = UnitRecord["level"];
export type RegionCode = NonNullable<NewUnit["region"]>;
export type UnitFlag = NonNullable<NewUnit["flags"]>[number];

/**
 * Where each level may sit: core's placement rule, the one the API enforces (a commune directly under
 * a province is two-tier government, from 1/7/2025).
 */
export const PARENT_LEVELS: Readonly<Record<UnitLevel, readonly (UnitLevel | null)[]>> = UNIT_PARENT_LEVELS;

const LEVELS: readonly UnitLevel[] = ["province", "district", "commune", "hamlet"];

/**
 * The levels a new unit under a parent of `parentLevel` may have.
 * @example
 * childLevels("province") // ["district", "commune"]
 * childLevels("hamlet") // []
 */
export function childLevels(parentLevel: UnitLevel): UnitLevel[] {
  return LEVELS.filter((l) => PARENT_LEVELS[l].includes(parentLevel));
}

/**
 * Every unit of a tree, depth first (the root first).
 * @example
 * flattenTree(tree).map((u) => u.id) // ["p", "d-01", "c-01-01", …]
 */
export function flattenTree(root: UnitNode): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (n: UnitNode) => {
    out.push(n);
    for (const c of n.children) walk(c);
  };
  walk(root);
  return out;
}

/**
 * Each unit's parent (null for the top), for the role checks of {@link canChangeUnit} in ./roles.
 * @example
 * parentsOf(tree).get("c-01-01") // "d-01"
 */
export function parentsOf(root: UnitNode): Map<string, string | null> {
  return new Map(flattenTree(root).map((u) => [u.id, u.parentId]));
}

/**
 * The ids from the root down to `id` (both included), or [] when `id` is not in the tree.
 * @example
 * pathTo(tree, "c-01-01") // ["p", "d-01", "c-01-01"]
 */
export function pathTo(root: UnitNode, id: string): string[] {
  if (root.id === id) return [root.id];
  for (const c of root.children) {
    const p = pathTo(c, id);
    if (p.length) return [root.id, ...p];
  }
  return [];
}

/**
 * The node with `id`, if the tree has it.
 * @example
 * findNode(tree, "d-01")?.name // "Huyện An Hòa"
 */
export function findNode(root: UnitNode, id: string): UnitNode | undefined {
  if (root.id === id) return root;
  for (const c of root.children) {
    const n = findNode(c, id);
    if (n) return n;
  }
  return undefined;
}

/**
 * The units `unit` may sit under: those of a level its own level may sit under, never the unit itself
 * nor one of its descendants, and only those `allowed` says yes to (the role check). Tree order.
 * @example
 * parentChoices(tree, { id: "t1", level: "hamlet" }, () => true).every((u) => u.level === "commune") // true
 */
export function parentChoices(root: UnitNode, unit: { id: string; level: UnitLevel }, allowed: (parentId: string) => boolean): UnitNode[] {
  const own = findNode(root, unit.id);
  const below = new Set(own ? flattenTree(own).map((u) => u.id) : [unit.id]);
  return flattenTree(root).filter((u) => PARENT_LEVELS[unit.level].includes(u.level) && !below.has(u.id) && allowed(u.id));
}

/**
 * Folds text for searching: lower case, no Vietnamese diacritics ("đ" → "d").
 * @example
 * foldText("Xã Phước Lâm") // "xa phuoc lam"
 */
export function foldText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .trim();
}

/**
 * The part of a tree a search keeps: a unit whose name or id contains the query (diacritics and case
 * ignored) with its whole subtree, and the units on the way down to it. Null when nothing matches; the
 * tree itself for an empty query.
 * @example
 * filterTree(tree, "phuoc lam")?.children.map((d) => d.name) // ["Huyện Phước Lâm"]
 */
export function filterTree(root: UnitNode, query: string): UnitNode | null {
  const q = foldText(query);
  if (!q) return root;
  const walk = (n: UnitNode): UnitNode | null => {
    if (foldText(n.name).includes(q) || n.id.toLowerCase().includes(q)) return n;
    const children = n.children.map(walk).filter((c): c is UnitNode => c !== null);
    return children.length ? { ...n, children } : null;
  };
  return walk(root);
}

/** What the edit and add forms hold, as typed (selects and inputs give strings). */
export interface UnitForm {
  name: string;
  parentId: string;
  /** "" = no region. */
  region: string;
  /** "" = no group, else "1" to "3". */
  communeGroup: string;
  flags: string[];
  /** "" = unchanged (edit) or after the last sibling (add). */
  sort: string;
}

/**
 * The form of an existing unit.
 * @example
 * formOf({ name: "Thôn 1", parentId: "c-01-01", region: null, communeGroup: null, flags: [], sort: 0, … }).sort // "0"
 */
export function formOf(u: Pick<UnitRecord, "name" | "parentId" | "region" | "communeGroup" | "flags" | "sort">): UnitForm {
  return {
    name: u.name,
    parentId: u.parentId ?? "",
    region: u.region ?? "",
    communeGroup: u.communeGroup === null ? "" : String(u.communeGroup),
    flags: [...u.flags],
    sort: String(u.sort),
  };
}

/** The fields of the unit forms, as the API names them in problem paths. */
export const UNIT_FIELDS = ["id", "level", "name", "parentId", "region", "communeGroup", "flags", "sort"] as const;
export type UnitField = (typeof UNIT_FIELDS)[number];

/** A problem found before sending (the key of its text in the locale files, under units.err). */
export type UnitFormError = "nameRequired" | "idPattern" | "idTooLong" | "sortRange";

/** Unit ids as the API accepts them: lowercase letters, digits and single hyphens. */
export const UNIT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks a form before it is sent, for the mistakes the page can see itself; the API checks the rest
 * (placement, taken ids, commune groups) and its answers are shown the same way.
 * @example
 * checkUnitForm({ name: " ", sort: "-1", … }) // { name: "nameRequired", sort: "sortRange" }
 * checkUnitForm({ name: "Thôn 7", sort: "", … }, "Thon 7") // { id: "idPattern" }
 */
export function checkUnitForm(form: UnitForm, newId?: string): Partial<Record<UnitField, UnitFormError>> {
  const out: Partial<Record<UnitField, UnitFormError>> = {};
  if (newId !== undefined) {
    if (newId.length > 64) out.id = "idTooLong";
    else if (!UNIT_ID_PATTERN.test(newId)) out.id = "idPattern";
  }
  if (!form.name.trim()) out.name = "nameRequired";
  if (form.sort.trim() !== "") {
    const n = Number(form.sort);
    if (!Number.isInteger(n) || n < 0 || n > 1_000_000) out.sort = "sortRange";
  }
  return out;
}

const isRegion = (s: string): s is RegionCode => ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"].includes(s);
const regionOf = (s: string): RegionCode | null => (isRegion(s) ? s : null);
const groupOf = (s: string): 1 | 2 | 3 | null => (s === "1" || s === "2" || s === "3" ? (Number(s) as 1 | 2 | 3) : null);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The smallest PATCH body that turns `before` into the form: only the fields that changed (an
 * unchanged unit gives `{}`). The name is trimmed; an empty sort field leaves the position alone.
 * @example
 * unitPatch(thon1, { ...formOf(thon1), name: " Thôn Mới " }) // { name: "Thôn Mới" }
 */
export function unitPatch(
  before: Pick<UnitRecord, "name" | "parentId" | "region" | "communeGroup" | "flags" | "sort">,
  form: UnitForm,
): UnitPatch {
  const patch: UnitPatch = {};
  const name = form.name.trim();
  if (name !== before.name) patch.name = name;
  const parentId = form.parentId === "" ? null : form.parentId;
  if (parentId !== before.parentId) patch.parentId = parentId;
  // Compared as typed: a stored region the form does not know is kept unless the user picks another.
  if (form.region !== (before.region ?? "")) patch.region = regionOf(form.region);
  const group = groupOf(form.communeGroup);
  if (group !== before.communeGroup) patch.communeGroup = group;
  if (!sameSet(form.flags, before.flags)) patch.flags = form.flags as UnitFlag[];
  if (form.sort.trim() !== "" && Number(form.sort) !== before.sort) patch.sort = Number(form.sort);
  return patch;
}

/**
 * The POST body of a new unit under `parentId`: the commune group only for a commune, the sort only
 * when typed (else the API puts the unit after its last sibling).
 * @example
 * newUnitBody("c-01-01", "c-01-01-t7", "hamlet", { name: "Thôn 7", region: "DHNTB", … }) // { id: "c-01-01-t7", level: "hamlet", name: "Thôn 7", parentId: "c-01-01", region: "DHNTB", flags: [] }
 */
export function newUnitBody(parentId: string, id: string, level: UnitLevel, form: UnitForm): NewUnit {
  const body: NewUnit = {
    id: id.trim(),
    level,
    name: form.name.trim(),
    parentId,
    region: regionOf(form.region),
    flags: form.flags as UnitFlag[],
  };
  if (level === "commune") body.communeGroup = groupOf(form.communeGroup);
  if (form.sort.trim() !== "") body.sort = Number(form.sort);
  return body;
}

/**
 * A suggested id for a new unit, following the demo data's scheme: `d-NN` for districts, `c-NN-MM`
 * for communes under district `d-NN`, `<parent>-tN` for hamlets, `<parent>-cN` for communes directly
 * under a province; the next number after the highest taken one.
 * @example
 * suggestUnitId("c-01-01", "hamlet", ["c-01-01-t1", "c-01-01-t4"]) // "c-01-01-t5"
 * suggestUnitId("d-02", "commune", ["c-02-01", "c-02-10"]) // "c-02-11"
 */
export function suggestUnitId(parentId: string, level: UnitLevel, taken: Iterable<string>): string {
  const district = /^d-(.+)$/.exec(parentId);
  const [prefix, width] =
    level === "district"
      ? ["d-", 2]
      : level === "commune" && district
        ? [`c-${district[1]}-`, 2]
        : level === "commune"
          ? [`${parentId}-c`, 1]
          : [`${parentId}-${level === "hamlet" ? "t" : level[0]}`, 1];
  let max = 0;
  for (const id of taken) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return `${prefix}${String(max + 1).padStart(width, "0")}`;
}

/** One field problem of a problem+json answer, with its code when the API gave one. */
export interface UnitProblem {
  path: string;
  message: string;
  code?: string;
}

/**
 * The field problems (`errors[]`) of a problem+json document, codes kept.
 * @example
 * unitProblems({ errors: [{ path: "$.id", message: "already exists", code: "unit.id_taken" }] }) // [{ path: "$.id", message: "already exists", code: "unit.id_taken" }]
 */
export function unitProblems(problem: Record<string, unknown>): UnitProblem[] {
  const raw = problem["errors"];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e: unknown) => {
    if (!e || typeof e !== "object") return [];
    const r = e as Record<string, unknown>;
    const p: UnitProblem = {
      path: typeof r["path"] === "string" ? r["path"] : "",
      message: typeof r["message"] === "string" ? r["message"] : "",
    };
    if (typeof r["code"] === "string") p.code = r["code"];
    return [p];
  });
}

/**
 * Sorts problems to the form field their JSON path names (`$.name`, `$.flags[1]` → flags); the rest
 * (the whole body, headers, unknown fields) go to `other`, shown above the form.
 * @example
 * problemsByField([{ path: "$.parentId", message: "…" }, { path: "$", message: "…" }]) // { fields: { parentId: [{ … }] }, other: [{ path: "$", … }] }
 */
export function problemsByField(problems: readonly UnitProblem[]): {
  fields: Partial<Record<UnitField, UnitProblem[]>>;
  other: UnitProblem[];
} {
  const fields: Partial<Record<UnitField, UnitProblem[]>> = {};
  const other: UnitProblem[] = [];
  for (const p of problems) {
    const m = /^\$\.([A-Za-z]+)(?:$|[.[])/.exec(p.path);
    const f = m?.[1] as UnitField | undefined;
    if (f && (UNIT_FIELDS as readonly string[]).includes(f)) (fields[f] ??= []).push(p);
    else other.push(p);
  }
  return { fields, other };
}

/**
 * The fields in which two versions of a unit differ (a 412 conflict's table), in form order.
 * @example
 * changedFields(formOf(mine), formOf(theirs)) // ["name"]
 */
export function changedFields(a: UnitForm, b: UnitForm): (keyof UnitForm)[] {
  const keys: (keyof UnitForm)[] = ["name", "parentId", "region", "communeGroup", "flags", "sort"];
  return keys.filter((k) => (k === "flags" ? !sameSet(a.flags, b.flags) : a[k].trim() !== b[k].trim()));
}
