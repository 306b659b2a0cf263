import i18n from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import vi from "../locales/vi.json";
import { ProblemList } from "./ProblemList";

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { vi: { translation: vi } }, lng: "vi", interpolation: { escapeValue: false } });
});

const items = (html: string) => [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);

describe("ProblemList", () => {
  it("names a field by its label, a spreadsheet cell by row and column, and never shows a $. path", () => {
    const html = renderToStaticMarkup(
      <ProblemList
        title="Không tạo được người dùng."
        message="Dữ liệu không hợp lệ / Invalid input"
        problems={[
          { path: "$.username", message: "Tên đăng nhập đã có / Username taken" },
          { path: "$.scopeUnitId", message: "expected a string", code: "invalid_type" },
          { path: "$.extra", message: "Thừa / Extra" },
          { path: "", message: "Sai / Wrong", row: 3, column: "B" },
        ]}
        labels={{ username: "Tên đăng nhập", scopeUnitId: "Phạm vi" }}
      />,
    );
    expect(items(html)).toEqual([
      "Tên đăng nhập: Tên đăng nhập đã có",
      "Phạm vi: Sai kiểu dữ liệu (expected a string)",
      "Thông tin khác: Thừa",
      "Dòng 3, Cột B: Sai",
    ]);
    expect(html).not.toContain("$.");
  });
});
