import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { recordFileTemplate } from "../recordFileTemplate/index.js";
import { readOcopRows } from "./index.js";

const withoutLetters = <T extends { letters: unknown }>({ letters: _, ...rest }: T) => rest;
const HEADER = recordFileTemplate("ocop").header;
const good = [
  "Mật ong bạc hà",
  "HTX Đồng Văn",
  "Hợp tác xã",
  "x-01",
  "Thực phẩm",
  "72,5",
  "4",
  "12/QĐ-UBND",
  "10/05/2024",
  "",
  "Đã công nhận",
];
const table = (...rows: (string | number | null)[][]) => ({ header: HEADER, rows: rows.map((cells, i) => ({ row: i + 3, cells })) });

describe("readOcopRows", () => {
  it("reads a row written as the template asks: Vietnamese names, a decimal comma, dd/mm/yyyy dates", () => {
    expect(withoutLetters(readOcopRows(table(good)))).toEqual({
      issues: [],
      rows: [
        {
          row: 3,
          input: {
            name: "Mật ong bạc hà",
            subject: { name: "HTX Đồng Văn", kind: "cooperative" },
            communeUnitId: "x-01",
            group: "food",
            score: 72.5,
            stars: 4,
            certificate: { number: "12/QĐ-UBND", date: "2024-05-10" },
            status: "recognised",
          },
        },
      ],
    });
  });
  it("accepts English keys and codes, and skips the template's # note row", () => {
    const header = ["name", "subject_name", "subject_kind", "commune_code", "group", "score", "stars", "status"];
    const note = recordFileTemplate("ocop").rows[0]!;
    const r = readOcopRows({
      header,
      rows: [
        { row: 2, cells: [note[0]!, note[1]!, note[2]!, note[3]!, note[4]!, note[5]!, note[6]!, note[10]!] },
        { row: 3, cells: ["Chè", "Hộ A", "household", "x-02", "beverage", 55, 3, "rated"] },
      ],
    });
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({ row: 3, input: { score: 55, stars: 3, status: "rated", subject: { kind: "household" } } });
  });
  it("reads a product whose name starts with # (only the template's own note row is skipped)", () => {
    const note = recordFileTemplate("ocop").rows[0]!;
    const hashed = ["#1 Mật ong", ...good.slice(1)];
    const r = readOcopRows({
      header: HEADER,
      rows: [
        { row: 2, cells: note },
        { row: 3, cells: hashed },
      ],
    });
    expect([r.issues, r.rows.map((x) => [x.row, x.input.name])]).toEqual([[], [[3, "#1 Mật ong"]]]);
  });
  it("reads a row that starts like the note row but is not it as data, with its problems", () => {
    const r = readOcopRows(table(["# tên sản phẩm khác", "", "", "", "", "", "", "", "", "", ""]));
    expect([r.rows, r.issues.map((i) => [i.row, i.column, i.code])[0]]).toEqual([[], [3, "B", "record_file.required"]]);
  });
  it("names the row, column letter and header of every problem, and leaves bad rows out", () => {
    const bad = [...good];
    bad[5] = "bảy mươi"; // score
    bad[2] = "Công ty"; // subject kind
    const mismatch = [...good];
    mismatch[6] = "5"; // 72,5 points is 4 stars
    const r = readOcopRows(table(good, bad, mismatch));
    expect(r.rows.map((x) => x.row)).toEqual([3]);
    expect(r.issues.map(({ row, column, header, code }) => ({ row, column, header, code }))).toEqual([
      { row: 4, column: "C", header: "Loại chủ thể", code: "record_file.unknown_code" },
      { row: 4, column: "F", header: "Điểm đánh giá", code: "record_file.not_a_number" },
      { row: 5, column: "G", header: "Hạng sao", code: "ocop.stars_mismatch" },
    ]);
    expect(r.issues[2]?.message.vi).toBe("5 sao không khớp với điểm 72,5 (theo điểm là 4 sao)");
    expect(r.issues[2]?.params).toMatchObject({ stars: 5, expected: 4 });
  });
  it("asks for the certificate of a recognised product at the certificate column", () => {
    const noCert = [...good];
    noCert[7] = "";
    noCert[8] = "";
    const r = readOcopRows(table(noCert));
    expect(r.issues).toMatchObject([{ row: 3, column: "H", code: "ocop.certificate_missing" }]);
    // Worded once, by core's catalog: the same sentence as the product form and the API give.
    const reason = { code: "ocop.certificate_missing", path: [], params: r.issues[0]!.params };
    expect(r.issues[0]?.message).toEqual({ vi: formatReason(reason, "vi"), en: formatReason(reason, "en") });
  });
  it("refuses a file without the required columns or with unknown ones, at row 1", () => {
    const r = readOcopRows({ header: ["Tên sản phẩm", "Giá bán"], rows: [{ row: 2, cells: ["A", "1"] }] });
    expect(r.rows).toEqual([]);
    expect(r.issues[0]).toMatchObject({ row: 1, column: "B", code: "record_file.unknown_column" });
    expect(r.issues.filter((i) => i.code === "record_file.missing_column").map((i) => i.header)).toContain("Mã xã");
  });
  it("says when a file has no data rows", () => {
    expect(readOcopRows(table()).issues).toMatchObject([{ row: 1, code: "record_file.no_rows" }]);
  });
});

describe("readOcopRows column letters", () => {
  it("gives the file's letter of each column it found, wherever the column stands", () => {
    const r = readOcopRows({ header: ["Hạng sao", ...HEADER.filter((h) => !h.startsWith("Hạng sao"))], rows: [] });
    expect(r.letters).toMatchObject({ stars: "A", name: "B", commune_code: "E" });
  });
});
