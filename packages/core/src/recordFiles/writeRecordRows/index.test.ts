import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecordCell, RecordFileKind } from "../_lib/columns.js";
import { RECORD_FILES, type RecordRowInputs, readRecordRows } from "../readRecordRows/index.js";
import { recordFileTemplate } from "../recordFileTemplate/index.js";
import { writeRecordRows } from "./index.js";

// Text as a spreadsheet cell keeps it: trimmed, non-empty, one line; ";" and "," drawn often.
const text = fc
  .string({
    minLength: 1,
    maxLength: 12,
    unit: fc.oneof(fc.constantFrom(";", ",", "#", " ", "ệ"), fc.string({ minLength: 1, maxLength: 1 })),
  })
  .map((s) => s.trim())
  .filter((s) => s !== "" && !/[\r\n]/.test(s));
// Free text of a one-value cell may hold line breaks too (Alt+Enter).
const freeText = fc.array(text, { minLength: 1, maxLength: 3 }).chain((ls) => fc.constantFrom("\n", "\r\n").map((br) => ls.join(br)));
// A list item (a finding) is one line of its cell; ";" and "," kept.
const item = text;
const code = fc.constantFrom("x-01", "c-01-02", "t-1");
const day = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const keys = (o: object) => fc.constantFrom(...Object.keys(o));
const valid =
  <K extends RecordFileKind>(kind: K) =>
  (input: RecordRowInputs[K]) =>
    RECORD_FILES[kind].check(input).length === 0;

const ocop = fc
  .record(
    {
      // a name may start with "#" ("#1 Mật ong"): only the template's own note row is skipped
      name: fc.oneof(
        text,
        text.map((s) => `#${s}`),
      ),
      subject: fc.record({ name: freeText, kind: keys(RECORD_FILES.ocop.columns[2]!.labels!) }),
      communeUnitId: code,
      group: keys(RECORD_FILES.ocop.columns[4]!.labels!),
      score: fc.double({ min: 0, max: 100, noNaN: true }),
      stars: fc.integer({ min: 1, max: 5 }),
      certificate: fc.record({ number: text, date: day }),
      status: keys(RECORD_FILES.ocop.columns[10]!.labels!),
    },
    { requiredKeys: ["name", "subject", "communeUnitId", "group", "score", "stars", "status"] },
  )
  .map((r) => r as RecordRowInputs["ocop"])
  .filter(valid("ocop"));

const period = fc.oneof(
  fc.integer({ min: 2000, max: 2099 }).map(String),
  fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}Q${q}`),
  fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
);
const amount = fc.bigInt(0n, BigInt(Number.MAX_SAFE_INTEGER)).map(String);
const resources = fc
  .record(
    { unitId: code, period, source: keys(RECORD_FILES.resources.columns[2]!.labels!), amount, note: freeText },
    { requiredKeys: ["unitId", "period", "source", "amount"] },
  )
  .map((r) => r as RecordRowInputs["resources"])
  .filter(valid("resources"));

const housing = fc
  .record(
    {
      communeUnitId: code,
      hamletUnitId: code,
      household: freeText,
      status: keys(RECORD_FILES.housing.columns[3]!.labels!),
      supportAmount: amount,
      completedOn: day,
    },
    { requiredKeys: ["communeUnitId", "status"] },
  )
  .map((r) => r as RecordRowInputs["housing"])
  .filter(valid("housing"));

// A line of a per-line cell: a leading "1." or "-" would be read as the line's numbering.
const lineText = text.filter((s) => !/^\s*(?:\d{1,2}\s*[.)]|[-–•])\s+/.test(s));
const recommendation = fc.record(
  {
    id: fc.constant("kn-1"),
    text: lineText,
    responsible: lineText,
    dueDate: day,
    status: fc.constantFrom("open", "in_progress", "done"),
    doneOn: day,
    finding: fc.integer({ min: 0, max: 2 }),
    remedy: lineText,
  },
  { requiredKeys: ["id", "text", "responsible", "dueDate", "status"] },
);
const inspections = fc
  .record(
    {
      unitId: code,
      subject: fc.record({ kind: fc.constantFrom("unit", "organisation"), id: code, name: text }),
      date: day,
      kind: fc.constantFrom("inspection", "supervision"),
      conductedBy: freeText,
      findings: fc.array(item, { maxLength: 3 }),
      recommendations: fc.array(recommendation, { maxLength: 3 }).map((rs) => rs.map((r, i) => ({ ...r, id: `kn-${i + 1}` }))),
    },
    { requiredKeys: ["unitId", "subject", "date", "kind", "findings", "recommendations"] },
  )
  // A recommendation follows up a finding the record has.
  .map(({ recommendations, ...r }) => ({
    ...r,
    recommendations: recommendations.map(({ finding, ...x }) =>
      finding === undefined || r.findings.length === 0 ? x : { ...x, finding: finding % r.findings.length },
    ),
  }))
  .map((r) => r as RecordRowInputs["inspections"])
  .filter(valid("inspections"));

const phone = fc
  .tuple(fc.constantFrom("0", "+84"), fc.integer({ min: 8, max: 10 }), fc.integer({ min: 0, max: 1e9 }))
  .map(([p, n, d]) => `${p}${String(d).padStart(n, "1").slice(0, n)}`);
const steering = fc
  .record(
    {
      unitId: code,
      fullName: text.filter((s) => !s.startsWith("#")),
      position: text,
      organisation: text,
      role: keys(RECORD_FILES.steering.columns[4]!.labels!),
      phone,
      termStart: day,
      termEnd: day,
      communeUnitIds: fc.uniqueArray(fc.constantFrom("c-01-01", "c-01-02", "Xã An Lộc", "Xã Bình Thuận"), { maxLength: 4 }),
      note: text,
    },
    { requiredKeys: ["unitId", "fullName", "position", "organisation", "role", "termStart", "communeUnitIds"] },
  )
  .map((r) => r as RecordRowInputs["steering"])
  .filter(valid("steering"));

const readBack = <K extends RecordFileKind>(kind: K, file: { header: string[]; rows: RecordCell[][] }) =>
  readRecordRows(kind, { header: file.header, rows: file.rows.map((cells, i) => ({ row: i + 2, cells })) });

describe("writeRecordRows", () => {
  it.each([
    ["ocop", ocop],
    ["resources", resources],
    ["housing", housing],
    ["inspections", inspections],
    ["steering", steering],
  ] as const)("writes %s records that read back as the same inputs, with no issue", (kind, records) => {
    fc.assert(
      fc.property(fc.array(records as fc.Arbitrary<RecordRowInputs[typeof kind]>, { minLength: 1, maxLength: 5 }), (inputs) => {
        const read = readBack(kind, writeRecordRows(kind, inputs));
        expect(read.issues).toEqual([]);
        expect(read.rows.map((r) => r.input)).toEqual(inputs);
      }),
      { numRuns: 100 },
    );
  });

  it("writes the template's header and Vietnamese cells: names of codes, dd/mm/yyyy, whole đồng, the unit's name", () => {
    const file = writeRecordRows(
      "housing",
      [{ communeUnitId: "x-01", household: "Hộ ông A", status: "completed", supportAmount: "60000000", completedOn: "2025-08-15" }],
      { unitNames: { "x-01": "Xã An Phú" } },
    );
    expect(file).toEqual({
      header: recordFileTemplate("housing").header,
      rows: [["x-01", null, "Hộ ông A", "Đã hoàn thành", 60000000, "15/08/2025", "Xã An Phú"]],
    });
  });

  it("writes an OCOP product's score and stars as numbers and its group and status by name", () => {
    const { rows } = writeRecordRows("ocop", [
      {
        name: "Mật ong",
        subject: { name: "HTX A", kind: "cooperative" },
        communeUnitId: "x-01",
        group: "food",
        score: 72.5,
        stars: 4,
        certificate: { number: "12/QĐ-UBND", date: "2024-05-10" },
        status: "recognised",
      },
    ]);
    expect(rows).toEqual([
      ["Mật ong", "HTX A", "Hợp tác xã", "x-01", "Thực phẩm", 72.5, 4, "12/QĐ-UBND", "10/05/2024", null, "Đã công nhận", null],
    ]);
  });

  it("writes an inspection record's findings numbered and its recommendations one per line of its row, an empty line keeping an item's place", () => {
    const rec = (id: string, text: string, doneOn?: string) => ({
      id,
      text,
      responsible: "UBND xã",
      dueDate: "2025-06-30",
      status: doneOn ? ("done" as const) : ("open" as const),
      ...(doneOn ? { doneOn } : {}),
    });
    const { rows } = writeRecordRows("inspections", [
      {
        unitId: "x-01",
        subject: { kind: "unit", id: "x-01", name: "UBND xã" },
        date: "2025-05-12",
        kind: "inspection",
        findings: ["Thiếu hồ sơ", "Chậm tiến độ"],
        recommendations: [rec("k1", "Bổ sung hồ sơ", "2025-06-05"), rec("k2", "Đẩy nhanh tiến độ"), rec("k3", "Báo cáo kết quả")],
      },
    ]);
    expect(rows.map((r) => [r[0], r[7], r[8], r[11], r[12]])).toEqual([
      [
        "x-01",
        "1. Thiếu hồ sơ\n2. Chậm tiến độ",
        "Bổ sung hồ sơ\nĐẩy nhanh tiến độ\nBáo cáo kết quả",
        "Đã thực hiện\nChưa thực hiện\nChưa thực hiện",
        "05/06/2025\n\n",
      ],
    ]);
  });

  it("writes a steering member's role by name, the term dd/mm/yyyy and the communes one per cell separated by ;", () => {
    const file = writeRecordRows(
      "steering",
      [
        {
          unitId: "d-01",
          fullName: "Nguyễn Văn An",
          position: "Phó Chủ tịch UBND huyện",
          organisation: "UBND huyện",
          role: "deputy_head",
          termStart: "2021-01-01",
          communeUnitIds: ["c-01-01", "c-01-02"],
        },
      ],
      { unitNames: { "d-01": "Huyện Mẫu" } },
    );
    expect(file).toEqual({
      header: recordFileTemplate("steering").header,
      rows: [
        [
          "d-01",
          "Nguyễn Văn An",
          "Phó Chủ tịch UBND huyện",
          "UBND huyện",
          "Phó Trưởng ban",
          null,
          "01/01/2021",
          null,
          "c-01-01; c-01-02",
          null,
          "Huyện Mẫu",
        ],
      ],
    });
  });

  it("writes only the header when there are no records", () => {
    expect(writeRecordRows("resources", [])).toEqual({ header: recordFileTemplate("resources").header, rows: [] });
  });
});
