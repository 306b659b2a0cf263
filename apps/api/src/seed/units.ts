import { createPrng, intBetween } from "./prng.js";

/** A demo unit row (the shape of the units table). */
export interface DemoUnit {
  id: string;
  parentId: string | null;
  name: string;
  level: "province" | "district" | "commune" | "hamlet";
  region: string | null;
  communeGroup: number | null;
  flags: string[];
  path: string;
  sort: number;
}

export interface DemoUnits {
  provinceId: string;
  all: DemoUnit[];
  districts: DemoUnit[];
  communes: DemoUnit[];
  hamletsOf: ReadonlyMap<string, DemoUnit[]>;
}

export const DEMO_PROVINCE_ID = "p-demo";
export const DEMO_REGION = "DHNTB";

const DISTRICTS = ["Huyện An Hòa", "Huyện Phước Lâm", "Huyện Tân Hải", "Huyện Sơn Trà Minh Hoạ"];
const FIRST = ["An", "Bình", "Hòa", "Phước", "Tân", "Thạnh", "Long", "Mỹ", "Phú", "Hưng"];
const SECOND = ["Lộc", "Thuận", "Nghĩa", "Đức", "Hiệp", "Quang", "Sơn", "Thủy", "Xuân", "Vĩnh"];

/**
 * The demo province (fictitious, labelled as such): 4 districts, 40 communes with 3–6 hamlets each,
 * region DHNTB, some communes especially difficult. Deterministic.
 * @example
 * buildDemoUnits().communes.length // 40
 * buildDemoUnits({ districts: 25, communesPerDistrict: 40 }).communes.length // 1000 (benchmarks)
 */
export function buildDemoUnits(options: { seed?: number; districts?: number; communesPerDistrict?: number } = {}): DemoUnits {
  const seed = options.seed ?? 2025;
  const perDistrict = options.communesPerDistrict ?? 10;
  const districtNames = Array.from({ length: options.districts ?? DISTRICTS.length }, (_, i) => DISTRICTS[i] ?? `Huyện Minh Hoạ ${i + 1}`);
  const rnd = createPrng(seed);
  const all: DemoUnit[] = [];
  const province: DemoUnit = {
    id: DEMO_PROVINCE_ID,
    parentId: null,
    name: "Tỉnh Minh Hoạ (dữ liệu ví dụ)",
    level: "province",
    region: DEMO_REGION,
    communeGroup: null,
    flags: [],
    path: `/${DEMO_PROVINCE_ID}/`,
    sort: 0,
  };
  all.push(province);
  const districts: DemoUnit[] = [];
  const communes: DemoUnit[] = [];
  const hamletsOf = new Map<string, DemoUnit[]>();
  districtNames.forEach((name, di) => {
    const id = `d-${String(di + 1).padStart(2, "0")}`;
    const d: DemoUnit = {
      id,
      parentId: province.id,
      name,
      level: "district",
      region: DEMO_REGION,
      communeGroup: null,
      flags: [],
      path: `${province.path}${id}/`,
      sort: di,
    };
    districts.push(d);
    all.push(d);
    for (let ci = 0; ci < perDistrict; ci++) {
      const cid = `c-${String(di + 1).padStart(2, "0")}-${String(ci + 1).padStart(2, "0")}`;
      const n = di * perDistrict + ci;
      const flags = n % 9 === 4 ? ["especiallyDifficult"] : [];
      const c: DemoUnit = {
        id: cid,
        parentId: id,
        name: `Xã ${FIRST[n % 10]} ${SECOND[(n * 3 + di) % 10]}`,
        level: "commune",
        region: DEMO_REGION,
        communeGroup: null,
        flags,
        path: `${d.path}${cid}/`,
        sort: ci,
      };
      communes.push(c);
      all.push(c);
      const hamlets: DemoUnit[] = [];
      const count = intBetween(rnd, 3, 6);
      for (let hi = 0; hi < count; hi++) {
        const hid = `${cid}-t${hi + 1}`;
        const h: DemoUnit = {
          id: hid,
          parentId: cid,
          name: `Thôn ${hi + 1}`,
          level: "hamlet",
          region: DEMO_REGION,
          communeGroup: null,
          flags: [],
          path: `${c.path}${hid}/`,
          sort: hi,
        };
        hamlets.push(h);
        all.push(h);
      }
      hamletsOf.set(cid, hamlets);
    }
  });
  return { provinceId: province.id, all, districts, communes, hamletsOf };
}
