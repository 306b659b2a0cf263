// Generates src/packs/shipped/vn.commune-ntm.2021-2025.json from the project's domain reference
// (shared/domain/criteria-commune-2021-2025.json). Run once when the reference changes:
//   node packages/core/scripts/build-national-pack.mjs ../shared/domain/criteria-commune-2021-2025.json
// Provenance is kept: unknown values stay null; only 15.3 (7 regions) and 15.4 (TDMNPB, DBSH) are verified.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const src = JSON.parse(readFileSync(process.argv[2], "utf8"));
const REGIONS = ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"];
const BINH_PHUOC = "Cổng thông tin Sở LĐTBXH Bình Phước, QĐ 1360/QĐ-UBND ngày 28/7/2022 (transposing QĐ 318)";
const TVPL = "thuvienphapluat.vn Q&A 'tiêu chí nông thôn mới cấp xã' (image of QĐ 318 Phụ lục I)";
const KEY = new Set(["10", "17", "19"]);
const GROUP_OF = {};
for (const g of src.groups) for (const c of g.criteria) GROUP_OF[c] = g.id;

const val = (v) => (v === "Đạt" ? true : v === "Không" ? false : v);
const DERIVE = {
  4.2: { op: "ratio", numerator: "householdsSafeElectricity", denominator: "households" },
  6.3: { op: "childShare", childLevel: "hamlet", test: { indicator: "culturalHouse", equals: true } },
  9.2: { op: "ratio", numerator: "householdsSolidHouses", denominator: "households" },
  15.1: { op: "ratio", numerator: "peopleWithHealthInsurance", denominator: "population" },
  16: { op: "childShare", childLevel: "hamlet", test: { indicator: "culturalStandard", equals: true } },
  17.1: { op: "ratio", numerator: "householdsCleanWater", denominator: "households" },
  17.8: { op: "ratio", numerator: "householdsHygienic3", denominator: "households" },
};

function threshold(ind) {
  const t = ind.thresholds;
  if (ind.id === "10") {
    const byYear = {};
    for (const [y, m] of Object.entries(t)) byYear[y] = Object.fromEntries(REGIONS.map((r) => [r, m[r] ?? null]));
    return { byYear };
  }
  const vals = REGIONS.map((r) => val(t[r] ?? null));
  if (ind.kind === "boolean" && vals.every((v) => v === vals[0])) return { all: vals[0] };
  return { byVariant: Object.fromEntries(REGIONS.map((r, i) => [r, vals[i]])) };
}

function provenance(ind) {
  switch (ind.id) {
    case "15.3":
      return {
        verified: true,
        source: {
          ref: "QĐ 318/QĐ-TTg, Phụ lục I",
          url: TVPL,
          note: "Values verified for 7 regions. The source prints '≥', almost certainly a transcription error; encoded as a ceiling (≤) as in the 2016–2020 set. Confirm the comparator against the official text.",
        },
      };
    case "15.4":
      return {
        verified: false,
        verifiedVariants: ["TDMNPB", "DBSH"],
        source: {
          ref: "QĐ 318/QĐ-TTg, Phụ lục I",
          url: TVPL,
          note: "Verified for TDMNPB (50%) and DBSH (70%) only; other regions not found.",
        },
      };
    case "2.1":
      return {
        verified: false,
        source: { ref: BINH_PHUOC, note: "100% reported by one province for its communes; assumed uniform across regions. Confirm." },
      };
    case "2.2":
    case "2.3":
    case "2.4":
      return {
        verified: false,
        source: {
          ref: BINH_PHUOC,
          note: "Value applied to especially difficult communes, which use the TDMNPB level; inferred as the TDMNPB value. Other regions unknown.",
        },
      };
    case "10":
      return {
        verified: false,
        source: {
          ref: BINH_PHUOC,
          note: "2022 values for TDMNPB (39) and DNB (59, excerpt cut off after '59') only; the per-year, per-region table of QĐ 318 Phụ lục I was not retrieved.",
        },
      };
    default:
      return {
        verified: false,
        source: {
          ref: "QĐ 318/QĐ-TTg, Phụ lục I (not retrieved)",
          note:
            ind.kind === "boolean"
              ? "Expected 'Đạt' (met), as for yes/no indicators; wording reconstructed, unverified."
              : "Threshold not found in the sources consulted: unknown.",
        },
      };
  }
}

const criteria = src.criteria.map((c) => ({
  id: c.id,
  name: { vi: c.name_vi, en: c.name_en },
  group: GROUP_OF[c.id],
  ...(KEY.has(c.id) ? { key: true } : {}),
  indicators: c.indicators.map((ind) => {
    const p = provenance(ind);
    const out = {
      id: ind.id,
      name: { vi: ind.name_vi, en: ind.name_en },
      kind: ind.kind,
      ...(ind.unit ? { unit: ind.unit === "million VND/person/year" ? "triệu đồng/người/năm" : ind.unit } : {}),
      comparator: ind.comparator,
      threshold: threshold(ind),
      verified: p.verified,
      ...(p.verifiedVariants ? { verifiedVariants: p.verifiedVariants } : {}),
      source: p.source,
      ...(DERIVE[ind.id] ? { derive: DERIVE[ind.id] } : {}),
      ...(ind.id === "13.4" ? { optional: true } : {}),
    };
    return out;
  }),
}));

const pack = {
  id: "vn.commune-ntm.2021-2025",
  version: "2024.03.01-ref1",
  title: { vi: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025", en: "National criteria for NTM communes, 2021–2025" },
  level: "commune",
  tier: "standard",
  legalBasis: [
    {
      ref: "QĐ 318/QĐ-TTg",
      date: "2022-03-08",
      title: "Bộ tiêu chí quốc gia về xã nông thôn mới và xã nông thôn mới nâng cao giai đoạn 2021–2025 (Phụ lục I)",
    },
    { ref: "QĐ 211/QĐ-TTg", date: "2024-03-01", title: "Sửa đổi một số tiêu chí, chỉ tiêu của các Bộ tiêu chí giai đoạn 2021–2025" },
  ],
  effective: { from: "2022-03-08", to: "2026-02-14" },
  variantBy: "region",
  variants: {
    TDMNPB: { vi: "Trung du và miền núi phía Bắc", en: "Northern Midlands and Mountains" },
    DBSH: { vi: "Đồng bằng sông Hồng", en: "Red River Delta" },
    BTB: { vi: "Bắc Trung Bộ", en: "North Central Coast" },
    DHNTB: { vi: "Duyên hải Nam Trung Bộ", en: "South Central Coast" },
    TN: { vi: "Tây Nguyên", en: "Central Highlands" },
    DNB: { vi: "Đông Nam Bộ", en: "Southeast" },
    DBSCL: { vi: "Đồng bằng sông Cửu Long", en: "Mekong River Delta" },
  },
  variantOverrides: [
    { whenFlag: "especiallyDifficult", use: "TDMNPB" },
    { whenFlag: "safeZone", use: "TDMNPB" },
  ],
  coverage: {
    encoded: 50,
    legal: 57,
    source:
      "QĐ 318/QĐ-TTg Phụ lục I: 19 criteria, 57 indicators (Ministry of Agriculture and Environment interview, vietnam.vn/en/lien-mach-nong-thon-moi)",
    note: {
      vi: "Bộ tiêu chí chưa đầy đủ: mã hoá 50/57 chỉ tiêu của Phụ lục I.",
      en: "Incomplete set: 50 of the 57 indicators of Phụ lục I are encoded.",
    },
  },
  notice: {
    vi: "Cấu trúc 19 tiêu chí đã kiểm chứng; mã và nội dung chỉ tiêu được dựng lại, chưa đối chiếu văn bản gốc. Phần lớn ngưỡng chưa xác định (để trống) cho đến khi đối chiếu QĐ 318 và QĐ 211.",
    en: "The 19-criterion structure is verified; indicator codes and wording are reconstructed and unverified. Most thresholds are unknown (null) until checked against QĐ 318 and QĐ 211.",
  },
  nextTier: "vn.commune-ntm-advanced.2021-2025",
  criteria,
};
const out = fileURLToPath(new URL("../src/packs/shipped/vn.commune-ntm.2021-2025.json", import.meta.url));
writeFileSync(out, JSON.stringify(pack, null, 2) + "\n");
console.log(
  "wrote",
  out,
  criteria.length,
  "criteria",
  criteria.reduce((n, c) => n + c.indicators.length, 0),
  "indicators",
);
