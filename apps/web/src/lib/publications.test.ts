import { describe, expect, it } from "vitest";
import { groupPublications, parseYear, pickPublished, publicFailure, type PublicationRow, type PublishedUnit } from "./publications";

function row(unitId: string, year: number, name = `Đơn vị ${unitId}`, level = "province"): PublicationRow {
  return { unitId, year, publishedAt: `${year + 1}-01-15T00:00:00.000Z`, unit: { id: unitId, name, level } };
}

describe("groupPublications", () => {
  it("lists each published unit once with its years newest first and without duplicates", () => {
    expect(
      groupPublications([row("p", 2021, "Tỉnh A"), row("p", 2024, "Tỉnh A"), row("p", 2022, "Tỉnh A"), row("p", 2024, "Tỉnh A")]),
    ).toEqual([{ unitId: "p", name: "Tỉnh A", level: "province", years: [2024, 2022, 2021] }]);
  });

  it("puts provinces before districts, then sorts by Vietnamese name", () => {
    const out = groupPublications([
      row("d2", 2023, "Huyện Bình", "district"),
      row("p2", 2023, "Tỉnh Đông"),
      row("d1", 2023, "Huyện An", "district"),
      row("p1", 2023, "Tỉnh Bắc"),
    ]);
    expect(out.map((u) => u.unitId)).toEqual(["p1", "p2", "d1", "d2"]);
  });

  it("answers an empty list when nothing is published", () => {
    expect(groupPublications([])).toEqual([]);
  });
});

describe("pickPublished", () => {
  const units: PublishedUnit[] = [
    { unitId: "p", name: "Tỉnh A", level: "province", years: [2024, 2023] },
    { unitId: "d", name: "Huyện B", level: "district", years: [2022] },
  ];

  it("opens the first unit on its newest published year when nothing is asked for", () => {
    expect(pickPublished(units, undefined, undefined)).toEqual({ unit: units[0], year: 2024, yearPublished: true });
  });

  it("opens the unit asked for on its newest year", () => {
    expect(pickPublished(units, "d", undefined)).toEqual({ unit: units[1], year: 2022, yearPublished: true });
  });

  it("flags a year that is not published for the unit", () => {
    expect(pickPublished(units, "p", 2025)).toEqual({ unit: units[0], year: 2025, yearPublished: false });
    expect(pickPublished(units, "d", 2024).yearPublished).toBe(false);
  });

  it("finds no unit for an id that is not published, nor when nothing is", () => {
    expect(pickPublished(units, "x", 2024)).toEqual({ unit: null, year: 2024, yearPublished: false });
    expect(pickPublished([], undefined, undefined)).toEqual({ unit: null, year: null, yearPublished: false });
  });
});

describe("parseYear", () => {
  it("reads four digits and nothing else", () => {
    expect(parseYear("2024")).toBe(2024);
    expect(parseYear("20x4")).toBeUndefined();
    expect(parseYear("202")).toBeUndefined();
    expect(parseYear(undefined)).toBeUndefined();
  });
});

describe("publicFailure", () => {
  it("tells a visitor that a 404 means not published and a 403 means not public", () => {
    expect(publicFailure(404)).toBe("notPublished");
    expect(publicFailure(403)).toBe("forbidden");
    expect(publicFailure(401)).toBe("forbidden");
    expect(publicFailure(500)).toBe("error");
    expect(publicFailure(undefined)).toBe("error");
  });
});
