import { describe, expect, it } from "vitest";
import {
  changedFields,
  checkUnitForm,
  childLevels,
  filterTree,
  findNode,
  flattenTree,
  foldText,
  formOf,
  newUnitBody,
  parentChoices,
  parentsOf,
  pathTo,
  problemsByField,
  suggestUnitId,
  unitPatch,
  unitProblems,
  type UnitLevel,
  type UnitNode,
  type UnitRecord,
} from "./unitTree";

/** A unit node with its children; the parent ids are filled in from the nesting. */
function node(id: string, level: UnitLevel, name: string, children: UnitNode[] = [], extra: Partial<UnitNode> = {}): UnitNode {
  const n: UnitNode = { id, name, level, parentId: null, region: "DHNTB", communeGroup: null, flags: [], children, ...extra };
  for (const c of children) c.parentId = id;
  return n;
}

/** A province with a district (two communes with hamlets) and a commune directly under it (two-tier government). */
function demoTree(): UnitNode {
  return node("p", "province", "Tỉnh Minh Hoạ", [
    node("d-01", "district", "Huyện An Hòa", [
      node("c-01-01", "commune", "Xã An Lộc", [node("c-01-01-t1", "hamlet", "Thôn 1"), node("c-01-01-t2", "hamlet", "Thôn Đồng Tâm")]),
      node("c-01-02", "commune", "Xã Bình Thuận", [node("c-01-02-t1", "hamlet", "Thôn 1")]),
    ]),
    node("p-c1", "commune", "Xã Phước Lâm", [], { communeGroup: 2, flags: ["especiallyDifficult"] }),
  ]);
}

const record = (over: Partial<UnitRecord> = {}): UnitRecord => ({
  id: "c-01-01-t1",
  name: "Thôn 1",
  level: "hamlet",
  parentId: "c-01-01",
  region: "DHNTB",
  communeGroup: null,
  flags: [],
  sort: 0,
  version: 3,
  effectiveFrom: null,
  endedOn: null,
  mergedFrom: [],
  ...over,
});

describe("childLevels", () => {
  it("offers districts and communes under a province (two-tier government), communes under a district, hamlets under a commune, nothing under a hamlet", () => {
    expect((["province", "district", "commune", "hamlet"] as const).map((l) => [l, childLevels(l)])).toEqual([
      ["province", ["district", "commune"]],
      ["district", ["commune"]],
      ["commune", ["hamlet"]],
      ["hamlet", []],
    ]);
  });
});

describe("tree walks", () => {
  it("flattens depth first, maps parents and finds the path down to a unit", () => {
    const tree = demoTree();
    expect(flattenTree(tree).map((u) => u.id)).toEqual([
      "p",
      "d-01",
      "c-01-01",
      "c-01-01-t1",
      "c-01-01-t2",
      "c-01-02",
      "c-01-02-t1",
      "p-c1",
    ]);
    expect(parentsOf(tree).get("c-01-01-t2")).toBe("c-01-01");
    expect(parentsOf(tree).get("p")).toBeNull();
    expect(pathTo(tree, "c-01-02-t1")).toEqual(["p", "d-01", "c-01-02", "c-01-02-t1"]);
    expect(pathTo(tree, "nowhere")).toEqual([]);
    expect(findNode(tree, "p-c1")?.name).toBe("Xã Phước Lâm");
  });
});

describe("parentChoices", () => {
  it("offers a hamlet every commune, wherever the commune sits", () => {
    expect(parentChoices(demoTree(), { id: "c-01-01-t1", level: "hamlet" }, () => true).map((u) => u.id)).toEqual([
      "c-01-01",
      "c-01-02",
      "p-c1",
    ]);
  });
  it("offers a commune the districts and the province", () => {
    expect(parentChoices(demoTree(), { id: "c-01-01", level: "commune" }, () => true).map((u) => u.id)).toEqual(["p", "d-01"]);
  });
  it("never offers the unit itself or a unit below it, and keeps only the parents the role check allows", () => {
    const tree = demoTree();
    // Levels alone keep a unit from its own subtree in a well-formed tree; a malformed one must not defeat it.
    const odd = node("p", "province", "P", [
      node("c-a", "commune", "A", [node("d-bad", "district", "Bad")]),
      node("d-ok", "district", "Ok"),
    ]);
    expect(parentChoices(odd, { id: "c-a", level: "commune" }, () => true).map((u) => u.id)).toEqual(["p", "d-ok"]);
    expect(parentChoices(tree, { id: "d-01", level: "district" }, () => true).map((u) => u.id)).toEqual(["p"]);
    expect(parentChoices(tree, { id: "c-01-01-t1", level: "hamlet" }, (id) => id !== "c-01-02").map((u) => u.id)).toEqual([
      "c-01-01",
      "p-c1",
    ]);
    expect(parentChoices(tree, { id: "p", level: "province" }, () => true)).toEqual([]);
  });
});

describe("filterTree", () => {
  it("folds Vietnamese diacritics and case", () => {
    expect(foldText("  Xã PHƯỚC Lâm, Đồng Tâm ")).toBe("xa phuoc lam, dong tam");
  });
  it("keeps a matching unit with its whole subtree and the units on the way down to it", () => {
    const kept = filterTree(demoTree(), "an loc");
    expect(kept && flattenTree(kept).map((u) => u.id)).toEqual(["p", "d-01", "c-01-01", "c-01-01-t1", "c-01-01-t2"]);
  });
  it("finds a unit by id and by a name typed without diacritics, in every branch", () => {
    const byName = filterTree(demoTree(), "thon 1");
    expect(byName && flattenTree(byName).map((u) => u.id)).toEqual(["p", "d-01", "c-01-01", "c-01-01-t1", "c-01-02", "c-01-02-t1"]);
    const byId = filterTree(demoTree(), "P-C1");
    expect(byId && flattenTree(byId).map((u) => u.id)).toEqual(["p", "p-c1"]);
  });
  it("answers null when nothing matches and the whole tree for an empty query", () => {
    expect(filterTree(demoTree(), "không có")).toBeNull();
    const tree = demoTree();
    expect(filterTree(tree, "  ")).toBe(tree);
  });
  it("does not change the tree it filters", () => {
    const tree = demoTree();
    filterTree(tree, "dong tam");
    expect(flattenTree(tree)).toHaveLength(8);
  });
});

describe("checkUnitForm", () => {
  const form = formOf(record());
  it("passes a filled form", () => {
    expect(checkUnitForm(form)).toEqual({});
    expect(checkUnitForm({ ...form, sort: "" }, "c-01-01-t7")).toEqual({});
  });
  it("asks for a name, a whole sort position from 0 to 1,000,000 and an id the API accepts", () => {
    expect(checkUnitForm({ ...form, name: "  ", sort: "-1" }, "Thôn 7")).toEqual({
      name: "nameRequired",
      sort: "sortRange",
      id: "idPattern",
    });
    expect(checkUnitForm({ ...form, sort: "1.5" }, "c--1")).toEqual({ sort: "sortRange", id: "idPattern" });
    expect(checkUnitForm({ ...form, sort: "1000001" }, "a".repeat(65))).toEqual({ sort: "sortRange", id: "idTooLong" });
  });
});

describe("unitPatch", () => {
  it("sends nothing for an unchanged unit", () => {
    expect(unitPatch(record(), formOf(record()))).toEqual({});
    expect(unitPatch(record({ flags: ["safeZone", "merged2025"] }), { ...formOf(record()), flags: ["merged2025", "safeZone"] })).toEqual(
      {},
    );
  });
  it("sends only the changed fields, the name trimmed", () => {
    expect(unitPatch(record(), { ...formOf(record()), name: "  Thôn Mới " })).toEqual({ name: "Thôn Mới" });
    expect(unitPatch(record(), { ...formOf(record()), parentId: "c-01-02", sort: "4" })).toEqual({ parentId: "c-01-02", sort: 4 });
  });
  it("sends cleared region and commune group as null, and the whole flag list when it changed", () => {
    const commune = record({ level: "commune", parentId: "d-01", communeGroup: 2, flags: ["especiallyDifficult"] });
    expect(unitPatch(commune, { ...formOf(commune), region: "", communeGroup: "", flags: ["especiallyDifficult", "safeZone"] })).toEqual({
      region: null,
      communeGroup: null,
      flags: ["especiallyDifficult", "safeZone"],
    });
    expect(unitPatch(record(), { ...formOf(record()), communeGroup: "3" })).toEqual({ communeGroup: 3 });
  });
  it("keeps a stored region it does not know unless another one is picked", () => {
    const odd = record({ region: "XYZ" });
    expect(unitPatch(odd, { ...formOf(odd), name: "Thôn Mới" })).toEqual({ name: "Thôn Mới" });
    expect(unitPatch(odd, { ...formOf(odd), region: "TN" })).toEqual({ region: "TN" });
  });
  it("leaves the position alone when the sort field is empty", () => {
    expect(unitPatch(record({ sort: 5 }), { ...formOf(record({ sort: 5 })), sort: " " })).toEqual({});
  });
});

describe("newUnitBody", () => {
  const form = { name: " Thôn 7 ", parentId: "", region: "DHNTB", communeGroup: "2", flags: [], sort: "" };
  it("puts a new unit under its parent, without a commune group unless it is a commune and without sort unless typed", () => {
    expect(newUnitBody("c-01-01", " c-01-01-t7 ", "hamlet", form)).toEqual({
      id: "c-01-01-t7",
      level: "hamlet",
      name: "Thôn 7",
      parentId: "c-01-01",
      region: "DHNTB",
      flags: [],
    });
    expect(newUnitBody("p", "p-c2", "commune", { ...form, region: "", sort: "3", flags: ["merged2025"] })).toEqual({
      id: "p-c2",
      level: "commune",
      name: "Thôn 7",
      parentId: "p",
      region: null,
      communeGroup: 2,
      flags: ["merged2025"],
      sort: 3,
    });
  });
});

describe("suggestUnitId", () => {
  it("follows the demo scheme with the number after the highest one taken", () => {
    const ids = flattenTree(demoTree()).map((u) => u.id);
    expect(suggestUnitId("c-01-01", "hamlet", ids)).toBe("c-01-01-t3");
    expect(suggestUnitId("d-01", "commune", [...ids, "c-01-10"])).toBe("c-01-11");
    expect(suggestUnitId("p", "district", ids)).toBe("d-02");
    expect(suggestUnitId("p", "commune", ids)).toBe("p-c2");
    expect(suggestUnitId("c-01-02", "hamlet", [])).toBe("c-01-02-t1");
  });
  it("ignores ids that only share the prefix", () => {
    expect(suggestUnitId("c-01-01", "hamlet", ["c-01-01-t2", "c-01-01-t2-x", "c-01-01-tx9"])).toBe("c-01-01-t3");
  });
});

describe("unitProblems and problemsByField", () => {
  it("reads the problem's errors with their codes and sorts them to the form fields", () => {
    const problems = unitProblems({
      status: 422,
      errors: [
        { path: "$.parentId", message: "thôn chỉ đặt dưới xã / a hamlet goes under a commune", code: "unit.level_not_allowed_here" },
        { path: "$.flags[1]", message: "bị lặp / twice", code: "unit.duplicate_flag" },
        { path: "$.name", message: "tên không được để trống / the name is required" },
        { path: "$", message: "2 thôn / 2 hamlets", code: "unit.referenced_by.units" },
        { path: "headers.if-match", message: "expected a version ETag" },
        { path: "$.unknownThing", message: "?" },
        "not a problem",
      ],
    });
    expect(problems).toHaveLength(6);
    const { fields, other } = problemsByField(problems);
    expect(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.map((p) => p.code ?? p.message)]))).toEqual({
      parentId: ["unit.level_not_allowed_here"],
      flags: ["unit.duplicate_flag"],
      name: ["tên không được để trống / the name is required"],
    });
    expect(other.map((p) => p.path)).toEqual(["$", "headers.if-match", "$.unknownThing"]);
  });
  it("answers no problems for a document without errors", () => {
    expect(unitProblems({ status: 412, detail: "changed" })).toEqual([]);
  });
});

describe("changedFields", () => {
  it("names the fields two versions differ in, flags compared as sets", () => {
    const mine = formOf(record({ name: "Thôn Một", flags: ["safeZone", "merged2025"] }));
    const theirs = formOf(record({ name: "Thôn 1 (mới)", flags: ["merged2025", "safeZone"], sort: 2 }));
    expect(changedFields(mine, theirs)).toEqual(["name", "sort"]);
    expect(changedFields(mine, mine)).toEqual([]);
  });
});
