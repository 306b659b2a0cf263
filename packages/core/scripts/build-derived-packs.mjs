// Generates the packs derived from the national commune pack: the advanced and model national packs
// (structure only, thresholds unknown unless known), the district and 2026–2030 packs, and the example
// province packs used by the demo and tests (EXAMPLE VALUES, NOT LAW).
//   node packages/core/scripts/build-derived-packs.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = new URL("../src/packs/shipped/", import.meta.url);
const write = (pack) => {
  writeFileSync(fileURLToPath(new URL(`${pack.id}.json`, dir)), JSON.stringify(pack, null, 2) + "\n");
  console.log("wrote", pack.id);
};
const national = JSON.parse(readFileSync(fileURLToPath(new URL("vn.commune-ntm.2021-2025.json", dir)), "utf8"));
const REGIONS = Object.keys(national.variants);
const allInds = national.criteria.flatMap((c) => c.indicators.map((i) => ({ c, i })));

// Coverage of the legal sets (counts from shared/domain/legal-sources.md; encoded = indicators in the pack).
const SRC_318 =
  "QĐ 318/QĐ-TTg: basic set 19 criteria / 57 indicators, advanced set 19 criteria / 75 indicators (Ministry of Agriculture and Environment interview, vietnam.vn/en/lien-mach-nong-thon-moi)";
const basicCoverage = {
  encoded: allInds.length,
  legal: 57,
  source: SRC_318,
  note: {
    vi: `Bộ tiêu chí chưa đầy đủ: mã hoá ${allInds.length}/57 chỉ tiêu của Phụ lục I.`,
    en: `Incomplete set: ${allInds.length} of the 57 indicators of Phụ lục I are encoded.`,
  },
};
const ADVANCED_NOTE = {
  vi: `KHÔNG phải bảng Phụ lục II: bộ NTM nâng cao có 75 chỉ tiêu, đánh số khác (tiêu chí 15 là Hành chính công, có chỉ tiêu bảo trì đường xã); bảng gốc chưa số hoá nên bộ này tạm dùng cấu trúc ${allInds.length} chỉ tiêu của Phụ lục I làm khung giữ chỗ.`,
  en: `NOT the Phụ lục II table: the advanced set has 75 indicators, numbered differently (its criterion 15 is Hành chính công, and it has a road-maintenance indicator); the table is not digitised, so this pack borrows the ${allInds.length}-indicator structure of Phụ lục I as a placeholder.`,
};
const advancedCoverage = { encoded: allInds.length, legal: 75, source: SRC_318, note: ADVANCED_NOTE };

const patch = (fn) =>
  national.criteria
    .map((c) => ({ id: c.id, indicators: c.indicators.map((i) => ({ id: i.id, ...fn(i, c) })).filter((p) => Object.keys(p).length > 1) }))
    .filter((c) => c.indicators.length > 0);

// --- National advanced commune (QĐ 318 Phụ lục II): table not retrieved; numeric thresholds unknown.
const NOT_RETRIEVED_ADV = {
  ref: "QĐ 318/QĐ-TTg, Phụ lục II (not retrieved)",
  note: "The advanced table was not retrieved; structure assumed to follow the 19 criteria of Phụ lục I. Threshold unknown.",
};
write({
  id: "vn.commune-ntm-advanced.2021-2025",
  version: "2022.03.08-ref1",
  title: {
    vi: "Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021–2025",
    en: "National criteria for advanced NTM communes, 2021–2025",
  },
  tier: "advanced",
  legalBasis: [
    { ref: "QĐ 318/QĐ-TTg", date: "2022-03-08", title: "Phụ lục II: xã nông thôn mới nâng cao" },
    { ref: "QĐ 211/QĐ-TTg", date: "2024-03-01" },
  ],
  effective: { from: "2022-03-08", to: "2026-02-14" },
  extends: "vn.commune-ntm.2021-2025",
  requires: ["vn.commune-ntm.2021-2025"],
  nextTier: "vn.commune-ntm-model.2021-2025",
  coverage: advancedCoverage,
  notice: {
    vi: "Bảng tiêu chí NTM nâng cao (Phụ lục II QĐ 318) chưa được số hoá: cấu trúc giả định giống Phụ lục I, các ngưỡng số chưa xác định.",
    en: "The advanced table (QĐ 318 Phụ lục II) is not yet digitised: structure assumed as Phụ lục I; numeric thresholds unknown.",
  },
  criteria: patch((i) =>
    i.kind === "boolean"
      ? { verified: false, source: NOT_RETRIEVED_ADV }
      : {
          threshold:
            i.id === "10" ? { byYear: Object.fromEntries(["2022", "2023", "2024", "2025"].map((y) => [y, { "*": null }])) } : { all: null },
          verified: false,
          source: NOT_RETRIEVED_ADV,
        },
  ).map((c) => ({ ...c, indicators: c.indicators.map((p) => (p.id === "15.4" ? { ...p, verifiedVariants: [] } : p)) })),
});

// --- Model commune (QĐ 319/QĐ-TTg): advanced + income ≥ 110% of the advanced level + ≥ 1 smart hamlet + ≥ 1 outstanding field.
const QD319 = {
  ref: "QĐ 319/QĐ-TTg ngày 08/3/2022",
  url: "baoquangnam.vn/thoi-su-nong-thon-moi/quy-dinh-xa-nong-thon-moi-kieu-mau-giai-doan-2021-2025-124590.html",
};
const modelCriteria = (incomeVerified) => [
  {
    id: "10",
    indicators: [
      {
        id: "10",
        threshold: { scaleOfParent: 1.1 },
        verified: incomeVerified,
        source: {
          ...QD319,
          note: "Income ≥ 110% of the advanced-commune level at the same time (rule verified); the advanced level itself comes from the extended pack.",
        },
      },
    ],
  },
  {
    id: "KM",
    name: { vi: "Điều kiện xã nông thôn mới kiểu mẫu", en: "Model-commune conditions" },
    condition: true,
    indicators: [
      {
        id: "KM.1",
        name: { vi: "Số thôn thông minh", en: "Smart hamlets" },
        kind: "number",
        comparator: ">=",
        threshold: { all: 1 },
        verified: true,
        source: QD319,
        derive: { op: "childCount", childLevel: "hamlet", test: { indicator: "smartHamlet", equals: true } },
      },
      {
        id: "KM.2",
        name: {
          vi: "Số lĩnh vực nổi trội đạt tiêu chí kiểu mẫu (do tỉnh ban hành)",
          en: "Outstanding fields meeting the province's model criteria",
        },
        kind: "number",
        comparator: ">=",
        threshold: { all: 1 },
        verified: true,
        source: QD319,
      },
    ],
  },
];
write({
  id: "vn.commune-ntm-model.2021-2025",
  version: "2022.03.08-ref1",
  title: { vi: "Quy định xã nông thôn mới kiểu mẫu giai đoạn 2021–2025", en: "Model NTM communes, 2021–2025" },
  tier: "model",
  legalBasis: [{ ref: "QĐ 319/QĐ-TTg", date: "2022-03-08" }],
  effective: { from: "2022-03-08", to: "2026-02-14" },
  extends: "vn.commune-ntm-advanced.2021-2025",
  requires: ["vn.commune-ntm-advanced.2021-2025"],
  criteria: modelCriteria(false),
});

// --- District (QĐ 320/QĐ-TTg, amended by QĐ 211/QĐ-TTg): 9 criteria ⚠️ + conditions rolled up from communes.
const D320 = {
  ref: "QĐ 320/QĐ-TTg (not retrieved)",
  note: "Criterion names from rules.md §2 (⚠️ numbering unconfirmed); detailed indicators not digitised: one 'criterion met' indicator each.",
};
const dCrit = [
  ["1", "Quy hoạch", "Planning"],
  ["2", "Giao thông", "Transport"],
  ["3", "Thủy lợi và phòng, chống thiên tai", "Irrigation and disaster prevention"],
  ["4", "Điện", "Electricity"],
  ["5", "Y tế - Văn hóa - Giáo dục", "Health, culture, education"],
  ["6", "Kinh tế", "Economy", true],
  ["7", "Môi trường", "Environment", true],
  ["8", "Chất lượng môi trường sống", "Quality of the living environment", true],
  ["9", "Hệ thống chính trị - An ninh, trật tự - Hành chính công", "Political system, security and order, public administration", true],
];
write({
  id: "vn.district-ntm.2021-2025",
  version: "2024.03.01-ref1",
  title: { vi: "Bộ tiêu chí quốc gia về huyện nông thôn mới giai đoạn 2021–2025", en: "National criteria for NTM districts, 2021–2025" },
  level: "district",
  tier: "standard",
  legalBasis: [
    { ref: "QĐ 320/QĐ-TTg", date: "2022-03-08" },
    { ref: "QĐ 211/QĐ-TTg", date: "2024-03-01" },
  ],
  effective: { from: "2022-03-08", to: "2025-06-30" },
  variantBy: "none",
  notice: {
    vi: "Cấp huyện kết thúc hoạt động từ 01/7/2025; bộ tiêu chí huyện chỉ dùng cho dữ liệu lịch sử. Các điều kiện và số thứ tự tiêu chí chưa được đối chiếu văn bản gốc.",
    en: "Districts were abolished on 1/7/2025; the district set serves historical data. Conditions and criterion numbering are unverified.",
  },
  criteria: [
    {
      id: "DK",
      name: { vi: "Điều kiện công nhận huyện nông thôn mới", en: "Conditions for NTM district recognition" },
      condition: true,
      indicators: [
        {
          id: "DK.1",
          name: { vi: "Tỷ lệ xã đạt chuẩn nông thôn mới", en: "Share of communes meeting NTM" },
          kind: "percent",
          unit: "%",
          comparator: ">=",
          threshold: { all: 100 },
          verified: false,
          source: { ref: "QĐ 320/QĐ-TTg (⚠️ rules.md §2)", note: "100% of communes meet NTM: from memory, unconfirmed." },
          derive: { op: "childShare", childLevel: "commune", test: { status: { tier: "standard", equals: "met" } } },
        },
        {
          id: "DK.2",
          name: { vi: "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao", en: "Share of communes meeting advanced NTM" },
          kind: "percent",
          unit: "%",
          comparator: ">=",
          threshold: { all: 33.333333333 },
          verified: false,
          source: { ref: "QĐ 320/QĐ-TTg (⚠️ rules.md §2)", note: "At least one third (encoded 33.333333333%): from memory, unconfirmed." },
          derive: { op: "childShare", childLevel: "commune", test: { status: { tier: "advanced", equals: "met" } } },
        },
        {
          id: "DK.3",
          name: { vi: "Tỷ lệ người dân hài lòng với kết quả xây dựng nông thôn mới", en: "Residents satisfied with NTM results" },
          kind: "percent",
          unit: "%",
          comparator: ">=",
          threshold: { all: 90 },
          verified: true,
          source: { ref: "QĐ 211/QĐ-TTg ngày 01/3/2024", note: "90% stated for districts (lawnet.vn EN)." },
        },
      ],
    },
    ...dCrit.map(([id, vi, en, key]) => ({
      id,
      name: { vi, en },
      ...(key ? { key: true } : {}),
      indicators: [
        {
          id: `${id}.1`,
          name: { vi: `Đạt tiêu chí ${vi}`, en: `Criterion met: ${en}` },
          kind: "boolean",
          comparator: "==",
          threshold: { all: true },
          verified: false,
          source: D320,
        },
      ],
    })),
  ],
});

// --- 2026–2030 (QĐ 51/2025/QĐ-TTg): 10 criteria, 47 indicators (not retrieved), 3 commune groups.
const QD51 = {
  ref: "QĐ 51/2025/QĐ-TTg, Phụ lục I (indicators not retrieved)",
  note: "The 47 indicators and their thresholds by commune group are not digitised; one placeholder per criterion with an unknown threshold.",
};
const c2026 = [
  "Quy hoạch|Planning",
  "Hạ tầng kinh tế - xã hội|Socio-economic infrastructure",
  "Phát triển kinh tế nông thôn|Rural economic development",
  "Đào tạo nguồn nhân lực nông thôn|Rural human-resource training",
  "Văn hóa, giáo dục, y tế|Culture, education, health",
  "Giảm nghèo và an sinh xã hội|Poverty reduction and social security",
  "Khoa học công nghệ và chuyển đổi số|Science, technology and digital transformation",
  "Môi trường và cảnh quan nông thôn|Rural environment and landscape",
  "Xây dựng hệ thống chính trị và hành chính công|Political system and public administration",
  "Tiếp cận pháp luật và an ninh, quốc phòng|Access to law, security and defence",
];
write({
  id: "vn.commune-ntm.2026-2030",
  version: "2025.12.29-ref1",
  title: { vi: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030", en: "National criteria for NTM communes, 2026–2030" },
  level: "commune",
  tier: "standard",
  legalBasis: [
    {
      ref: "QĐ 51/2025/QĐ-TTg",
      date: "2025-12-29",
      title: "Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026–2030 (hiệu lực 15/02/2026)",
    },
    { ref: "Nghị quyết 257/2025/QH15", date: "2025-12-11" },
  ],
  effective: { from: "2026-02-15", to: "2030-12-31" },
  variantBy: "communeGroup",
  variants: { 1: { vi: "Nhóm 1", en: "Group 1" }, 2: { vi: "Nhóm 2", en: "Group 2" }, 3: { vi: "Nhóm 3", en: "Group 3" } },
  coverage: {
    encoded: 10,
    legal: 47,
    source: "QĐ 51/2025/QĐ-TTg Phụ lục I: 10 criteria, 47 indicators (vietnamplus.vn, 30/12/2025)",
    note: {
      vi: "Bộ tiêu chí chưa đầy đủ: mỗi tiêu chí là một chỉ tiêu giữ chỗ (10/47 chỉ tiêu).",
      en: "Incomplete set: one placeholder indicator per criterion (10 of 47 indicators).",
    },
  },
  notice: {
    vi: "10 tiêu chí đã kiểm chứng; 47 chỉ tiêu và ngưỡng theo nhóm xã chưa được số hoá nên mọi ngưỡng đều chưa xác định.",
    en: "The 10 criteria are verified; the 47 indicators and their thresholds by commune group are not digitised, so every threshold is unknown.",
  },
  criteria: c2026.map((s, k) => {
    const [vi, en] = s.split("|");
    const id = String(k + 1);
    return {
      id,
      name: { vi, en },
      ...(id === "8" || id === "10" ? {} : {}),
      indicators: [
        {
          id: `${id}.0`,
          name: { vi: `Đạt tiêu chí ${vi} (chi tiết chỉ tiêu chưa số hoá)`, en: `Criterion met: ${en} (indicators not digitised)` },
          kind: "boolean",
          comparator: "==",
          threshold: { all: null },
          verified: false,
          source: QD51,
        },
      ],
    };
  }),
});

// --- Example province packs (EXAMPLE VALUES, NOT LAW).
const EXAMPLE = { ref: "Giá trị ví dụ — không phải quy định pháp luật (example value, not law)" };
const EX_STD = {
  2.2: 80,
  2.3: 50,
  2.4: 70,
  3.1: 80,
  4.2: 98,
  5: 80,
  6.3: 100,
  9.2: 80,
  11: 6,
  12.1: 70,
  12.2: 25,
  14.2: 85,
  15.1: 90,
  15.4: 60,
  16: 70,
  17.1: 95,
  17.2: 90,
  17.6: 80,
  17.8: 70,
  "17.10": 95,
  18.3: 100,
};
const EX_INCOME = { 2022: 45, 2023: 48, 2024: 52, 2025: 56 };
const fill = (i, ex, income) => {
  if (i.id === "10") {
    const byYear = {};
    for (const [y, v] of Object.entries(income)) byYear[y] = Object.fromEntries(REGIONS.map((r) => [r, i.threshold.byYear?.[y]?.[r] ?? v]));
    return {
      threshold: { byYear },
      verified: false,
      source: { ...EXAMPLE, note: "Known 2022 values (TDMNPB 39, DNB 59, unverified) kept; the rest are example values." },
    };
  }
  if (i.kind === "boolean") return { verified: false, source: EXAMPLE };
  if (!(i.id in ex)) return {};
  const known =
    "byVariant" in i.threshold
      ? i.threshold.byVariant
      : "all" in i.threshold
        ? Object.fromEntries(REGIONS.map((r) => [r, i.threshold.all]))
        : {};
  const map = Object.fromEntries(REGIONS.map((r) => [r, known[r] ?? ex[i.id]]));
  const out = {
    threshold: { byVariant: map },
    verified: false,
    source: { ...EXAMPLE, note: "Values known from the national pack are kept; the others are example values." },
  };
  if (i.verifiedVariants) out.verifiedVariants = i.verifiedVariants;
  return out;
};
const DEMO_NOTICE = {
  vi: "BỘ TIÊU CHÍ VÍ DỤ: các ngưỡng được điền bằng giá trị minh hoạ để chạy thử, không phải quy định pháp luật.",
  en: "EXAMPLE PACK: thresholds are filled with illustrative values for the demo; they are not law.",
};
write({
  id: "example.province-demo.2021-2025",
  version: "1.0.0",
  title: { vi: "Bộ tiêu chí xã NTM của tỉnh minh hoạ (giá trị ví dụ)", en: "Demo province NTM commune criteria (example values)" },
  legalBasis: [{ ref: "Ví dụ: QĐ …/QĐ-UBND của tỉnh minh hoạ (không có thật)", date: "2022-07-28" }],
  effective: { from: "2022-03-08", to: "2026-02-14" },
  extends: "vn.commune-ntm.2021-2025",
  example: true,
  notice: DEMO_NOTICE,
  coverage: basicCoverage,
  nextTier: "example.province-demo-advanced.2021-2025",
  criteria: patch((i) => fill(i, EX_STD, EX_INCOME)),
});
const EX_ADV = Object.fromEntries(Object.entries(EX_STD).map(([k, v]) => [k, k === "11" ? 3 : Math.min(100, v + 10)]));
Object.assign(EX_ADV, { 2.1: 100, 2.2: 100, 2.3: 80, 2.4: 90 });
const advPatch = national.criteria.map((c) => ({
  id: c.id,
  indicators: c.indicators.map((i) => {
    if (i.id === "10")
      return {
        id: i.id,
        threshold: { byYear: Object.fromEntries(Object.entries(EX_INCOME).map(([y, v]) => [y, { "*": Math.round(v * 1.2) }])) },
        verified: false,
        source: EXAMPLE,
      };
    if (i.kind === "boolean") return { id: i.id, verified: false, source: EXAMPLE };
    if (i.id === "15.3")
      return {
        id: i.id,
        threshold: { byVariant: Object.fromEntries(REGIONS.map((r) => [r, Math.max(0, i.threshold.byVariant[r] - 2)])) },
        verified: false,
        source: EXAMPLE,
      };
    return { id: i.id, threshold: { all: EX_ADV[i.id] ?? 100 }, verified: false, source: EXAMPLE };
  }),
}));
write({
  id: "example.province-demo-advanced.2021-2025",
  version: "1.0.0",
  title: {
    vi: "Bộ tiêu chí xã NTM nâng cao của tỉnh minh hoạ (giá trị ví dụ)",
    en: "Demo province advanced NTM commune criteria (example values)",
  },
  legalBasis: [{ ref: "Ví dụ: QĐ …/QĐ-UBND của tỉnh minh hoạ (không có thật)", date: "2022-07-28" }],
  effective: { from: "2022-03-08", to: "2026-02-14" },
  extends: "vn.commune-ntm-advanced.2021-2025",
  example: true,
  notice: DEMO_NOTICE,
  coverage: advancedCoverage,
  requires: ["example.province-demo.2021-2025"],
  nextTier: "example.province-demo-model.2021-2025",
  criteria: advPatch,
});
write({
  id: "example.province-demo-model.2021-2025",
  version: "1.0.0",
  title: { vi: "Xã NTM kiểu mẫu của tỉnh minh hoạ (giá trị ví dụ)", en: "Demo province model NTM communes (example values)" },
  tier: "model",
  legalBasis: [
    { ref: "QĐ 319/QĐ-TTg", date: "2022-03-08" },
    { ref: "Ví dụ: QĐ …/QĐ-UBND của tỉnh minh hoạ (không có thật)", date: "2022-07-28" },
  ],
  effective: { from: "2022-03-08", to: "2026-02-14" },
  extends: "example.province-demo-advanced.2021-2025",
  example: true,
  notice: DEMO_NOTICE,
  requires: ["example.province-demo-advanced.2021-2025"],
  criteria: modelCriteria(false),
});

// --- Example hamlet set (provinces issue their own hamlet sets; rules.md §4). EXAMPLE VALUES, NOT LAW.
// Indicator ids match the hamlet values that commune indicators 6.3 and 16 read (culturalHouse, culturalStandard).
const H = (id, vi, en, kind, comparator, all, extra = {}) => ({
  id,
  name: { vi, en },
  kind,
  ...(kind === "percent" ? { unit: "%" } : {}),
  comparator,
  threshold: { all },
  verified: false,
  source: EXAMPLE,
  ...extra,
});
write({
  id: "example.province-demo-hamlet.2021-2025",
  version: "1.0.0",
  title: {
    vi: "Bộ tiêu chí thôn đạt chuẩn NTM của tỉnh minh hoạ (giá trị ví dụ)",
    en: "Demo province NTM hamlet criteria (example values)",
  },
  level: "hamlet",
  tier: "standard",
  legalBasis: [{ ref: "Ví dụ: QĐ …/QĐ-UBND của tỉnh minh hoạ (không có thật)", date: "2023-06-20" }],
  effective: { from: "2022-03-08", to: "2026-02-14" },
  variantBy: "none",
  example: true,
  notice: {
    vi: "BỘ TIÊU CHÍ THÔN VÍ DỤ: mỗi tỉnh tự ban hành bộ tiêu chí thôn; các tiêu chí và ngưỡng ở đây chỉ để minh hoạ.",
    en: "EXAMPLE HAMLET SET: each province issues its own hamlet set; these criteria and thresholds are illustrative only.",
  },
  criteria: [
    {
      id: "T1",
      name: { vi: "Hạ tầng thôn", en: "Hamlet infrastructure" },
      indicators: [
        H("T1.1", "Tỷ lệ đường thôn được cứng hoá", "Hamlet roads hardened", "percent", ">=", 80),
        H("culturalHouse", "Có nhà văn hoá, khu thể thao thôn", "Hamlet cultural house and sports area", "boolean", "==", true),
      ],
    },
    {
      id: "T2",
      name: { vi: "Nhà ở dân cư", en: "Housing" },
      indicators: [H("T2.1", "Còn nhà tạm, nhà dột nát", "Temporary or dilapidated houses remain", "boolean", "==", false)],
    },
    {
      id: "T3",
      name: { vi: "Thu nhập và nghèo", en: "Income and poverty" },
      indicators: [
        H("T3.1", "Thu nhập bình quân đầu người", "Income per capita", "number", ">=", 48, { unit: "triệu đồng/người/năm" }),
        H("T3.2", "Tỷ lệ hộ nghèo đa chiều", "Multidimensional poverty rate", "percent", "<=", 6),
      ],
    },
    {
      id: "T4",
      name: { vi: "Văn hoá", en: "Culture" },
      indicators: [H("culturalStandard", "Thôn đạt chuẩn văn hoá", "Hamlet meets the cultural standard", "boolean", "==", true)],
    },
    {
      id: "T5",
      name: { vi: "Môi trường", en: "Environment" },
      indicators: [
        H("T5.1", "Tỷ lệ hộ được thu gom rác thải", "Households with waste collection", "percent", ">=", 80),
        H("T5.2", "Tỷ lệ hộ có nhà tiêu hợp vệ sinh", "Households with hygienic latrines", "percent", ">=", 80),
      ],
    },
    {
      id: "T6",
      name: { vi: "An ninh trật tự", en: "Security and order" },
      indicators: [H("T6.1", "Đảm bảo an ninh, trật tự", "Security and order ensured", "boolean", "==", true)],
    },
  ],
});
